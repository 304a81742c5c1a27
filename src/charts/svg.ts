/**
 * SVG string helpers shared by every chart: escaping, attributes, text, rounding,
 * the root element, the palette. Charts never touch a DOM; they concatenate markup.
 *
 * Contract for ChartOutput: `svg` is markup (every data-derived text escaped here);
 * `title`, `description` and `table` are plain text — the caller escapes them
 * (Astro does for `{expressions}`).
 */
import type { ChartFormat } from './format';
import { stripBidiControls } from '../schemas/text';
import { DEFAULT_LOW_BASE, DEFAULT_MIN_BASE } from '../schemas/report';

export interface ChartOutput {
  /** `<svg role="img" aria-labelledby="<id>-title <id>-desc" …>` with `<title>` and `<desc>`. */
  svg: string;
  title: string;
  /** What the chart shows and what it means, in a sentence or two. */
  description: string;
  /** The chart's data for screen readers and the no-JS table. */
  table: { caption: string; columns: string[]; rows: string[][] };
  /**
   * The same chart re-laid for a phone (NARROW_WIDTH units wide: labels above bars, fewer
   * ticks, stacked legends), ids suffixed `-narrow`; Chart.astro shows it below 480 px by CSS.
   * Present when the builder was called without `layout`.
   */
  narrow?: string;
}

/**
 * Which layout a builder draws. A phone shows a chart about 358 px wide: drawn 680 units
 * wide its 11-unit text would render at 5.8 px, so the narrow layout is drawn NARROW_WIDTH
 * units wide and every text keeps at least its nominal size there.
 */
export type Layout = 'wide' | 'narrow';
export const WIDE_WIDTH = 680;
export const NARROW_WIDTH = 340;

/** Options every builder takes. */
export interface ChartOptions<L> {
  /** Unique per page and deterministic (`gap-model`, `trend-nps`): prefixes every id in the SVG. */
  id: string;
  /** UI strings (templates with `{placeholders}`); English defaults. */
  labels?: Partial<L>;
  /** Locale formatters; default `Intl.NumberFormat('en')`. */
  format?: Partial<ChartFormat>;
  /** Figures under this base are suppressed (meta.min_base, default DEFAULT_MIN_BASE). */
  minBase?: number;
  /** Figures under this base carry the low-base mark (meta.low_base, default DEFAULT_LOW_BASE). */
  lowBase?: number;
  /** One layout only; without it a builder returns the wide chart with its narrow twin (`narrow`). */
  layout?: Layout;
}

/**
 * Both layouts of one chart: the wide output (title, description and table are the same
 * text for both) with the narrow SVG beside it, its ids suffixed so both fit one page.
 */
export function bothLayouts<I, O extends { id: string; layout?: Layout }>(build: (input: I, options: O) => ChartOutput, input: I, options: O): ChartOutput {
  const wide = build(input, { ...options, layout: 'wide' });
  return { ...wide, narrow: build(input, { ...options, id: `${options.id}-narrow`, layout: 'narrow' }).svg };
}

/** The report settings' defaults (src/schemas/report.ts), for charts drawn without meta. */
export { DEFAULT_LOW_BASE, DEFAULT_MIN_BASE };
/** The mark a low-base figure carries, explained in the description and a footnote. */
export const LOW_BASE_MARK = '†';

/**
 * Okabe–Ito colours (safe for colour-blind readers), each a CSS custom property with a
 * fallback so a dark theme can restyle. Status is never colour alone: shapes and
 * dashes carry it too.
 */
export const C = {
  ink: 'var(--gr-ink, #1a1a1a)',
  muted: 'var(--gr-muted, #5b5b5b)',
  grid: 'var(--gr-grid, #d6d6d6)',
  track: 'var(--gr-track, #eeeeee)',
  surface: 'var(--gr-surface, #ffffff)',
  accent: 'var(--gr-accent, #0072b2)',
  good: 'var(--gr-good, #0072b2)',
  warn: 'var(--gr-warn, #e69f00)',
  bad: 'var(--gr-bad, #d55e00)',
  neutral: 'var(--gr-neutral, #bdbdbd)',
  highlight: 'var(--gr-highlight, #d55e00)',
  band: 'var(--gr-band, #56b4e9)',
} as const;

export const FONT = "var(--gr-font, system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif)";
export const FS = { small: 11, base: 12, label: 13, title: 14 } as const;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** XML-escapes text and attribute values (`& < > " '`), without bidi overrides (src/schemas/text.ts). */
export function esc(value: unknown): string {
  return stripBidiControls(String(value)).replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Rounds a coordinate to 2 decimals, as a string without trailing zeros and never `-0`. */
export function r(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`non-finite coordinate: ${n}`);
  const v = Math.round(n * 100) / 100;
  return String(Object.is(v, -0) ? 0 : v);
}

export type Attrs = Record<string, string | number | undefined | null | false>;

/** ` name="value"` pairs; numbers are rounded, strings escaped, empty values skipped. */
export function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === false) continue;
    out += ` ${k}="${typeof v === 'number' ? r(v) : esc(v)}"`;
  }
  return out;
}

/** An element; `children` is markup (already escaped). */
export function el(name: string, a: Attrs, children?: string): string {
  return children === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${children}</${name}>`;
}

/** A text element; `content` is plain text and is escaped. */
export function text(x: number, y: number, content: string, a: Attrs = {}): string {
  return el('text', { x, y, 'font-size': FS.base, fill: C.ink, ...a }, esc(content));
}

/** Several lines of plain text, one `<tspan>` each, starting at baseline y. */
export function lines(x: number, y: number, content: string[], lineHeight: number, a: Attrs = {}): string {
  const spans = content.map((l, i) => el('tspan', { x, dy: i === 0 ? undefined : lineHeight }, esc(l))).join('');
  return el('text', { x, y, 'font-size': FS.base, fill: C.ink, ...a }, spans);
}

/** Approximate rendered width of text (sans-serif averages ~0.56 em per character). */
export function textWidth(s: string, size: number = FS.base): number {
  return [...s].length * size * 0.56;
}

/** Greedy word wrap to `maxChars` per line; at most `maxLines`, the last ending in "…". */
export function wrap(s: string, maxChars: number, maxLines = Infinity): string[] {
  const out: string[] = [];
  let cur = '';
  // No-break spaces (French "écart\u202f:", "25\u202f%") join words: a line never starts with ":" or "%".
  for (const word of s.split(/[^\S\u00a0\u202f]+/).filter(Boolean)) {
    let w = word;
    while ([...w].length > maxChars) {
      if (cur) (out.push(cur), (cur = ''));
      out.push([...w].slice(0, maxChars).join(''));
      w = [...w].slice(maxChars).join('');
    }
    if (!cur) cur = w;
    else if ([...cur].length + 1 + [...w].length <= maxChars) cur += ` ${w}`;
    else (out.push(cur), (cur = w));
  }
  if (cur) out.push(cur);
  if (out.length > maxLines) {
    const kept = out.slice(0, maxLines);
    kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]} ${out[maxLines]}`, maxChars);
    return kept;
  }
  return out;
}

/** Cuts text to `maxChars` characters with a trailing "…". */
export function ellipsize(s: string, maxChars: number): string {
  const cs = [...s];
  return cs.length <= maxChars
    ? s
    : `${cs
        .slice(0, Math.max(1, maxChars - 1))
        .join('')
        .trimEnd()}…`;
}

/**
 * `s` ellipsized to at most `maxChars`, then shortened further until it and `suffix` fit `room`
 * units at `size` (a narrow layout's label that shares its line with the base beside it).
 */
export function ellipsizeToFit(s: string, maxChars: number, room: number, size: number, suffix = ''): string {
  let chars = maxChars;
  let out = ellipsize(s, chars) + suffix;
  while (chars > 2 && textWidth(out, size) > room) out = ellipsize(s, --chars) + suffix;
  return out;
}

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Chart ids become element ids and url(#…) references: letters, digits, `-` and `_` only. */
export function checkId(id: string): string {
  if (!ID.test(id)) throw new Error(`chart id "${id}" must start with a letter and use only letters, digits, - and _`);
  return id;
}

/** A diagonal hatch pattern (greyscale-safe fill), id `<chart>-<name>`. */
export function hatch(id: string, color: string, background: string = C.surface): string {
  return el(
    'pattern',
    { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    el('rect', { width: 6, height: 6, fill: background }) + el('rect', { width: 3, height: 6, fill: color }),
  );
}

/** The root element: viewBox sizing, title and desc wired to aria-labelledby. */
export function svgRoot(o: {
  id: string;
  kind: string;
  width: number;
  height: number;
  title: string;
  description: string;
  defs?: string;
  body: string;
}): string {
  const id = checkId(o.id);
  return (
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      viewBox: `0 0 ${r(o.width)} ${r(o.height)}`,
      width: '100%',
      class: `gr-chart gr-chart--${o.kind}`,
      'font-family': FONT,
    })}>` +
    el('title', { id: `${id}-title` }, esc(o.title)) +
    el('desc', { id: `${id}-desc` }, esc(o.description)) +
    (o.defs ? el('defs', {}, o.defs) : '') +
    o.body +
    '</svg>'
  );
}

/** Resolved labels: the English defaults with the caller's strings over them. */
export function withDefaults<L extends object>(defaults: L, partial?: Partial<L>): L {
  return { ...defaults, ...partial };
}
