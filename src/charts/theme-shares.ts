/**
 * Themes in comments (`<Themes/>`): one bar per theme, the share of the wave's comments
 * mentioning it, with its 95 % (Wilson) interval as a whisker; most mentioned first.
 * Sub-themes sit under their parent, indented. The chart draws figures; it computes none.
 */
import { scaleLinear } from 'd3';
import type { Figures } from '../schemas/figures';
import { fill, resolveFormat } from './format';
import {
  C,
  FS,
  NARROW_WIDTH,
  WIDE_WIDTH,
  bothLayouts,
  checkId,
  el,
  ellipsize,
  lines,
  svgRoot,
  text,
  withDefaults,
  wrap,
  type ChartOptions,
  type ChartOutput,
} from './svg';
import { z } from 'zod';
import { strict, columns } from './registry-schema';

/** Themes in comments (src/charts/theme-shares.ts) and the <Themes/> component around it. */
export const ThemeSharesLabelsSchema = strict({
  heading: z.string(),
  /** Templates with {wave}; {n} comments; {theme} and {share} of the most mentioned. */
  title: z.string(),
  axis: z.string(),
  description: z.string(),
  most: z.string(),
  columns: columns(4),
  caption: z.string(),
  /** Why no themes are shown: no codebook (themes.yaml), or under {min} comments. */
  none: z.string(),
});
export type ThemeSharesLabels = z.infer<typeof ThemeSharesLabelsSchema>;

/** The English labels: the default of the builder and the `charts.themeShares` block of the en locale (composed from the registry). */
export const themeSharesEn: ThemeSharesLabels = {
  heading: 'What customers write about',
  title: 'Themes in comments, {wave}',
  axis: 'Share of comments mentioning the theme (bar), 95 % interval (line) →',
  description: 'Of {n} comments in {wave}, the share mentioning each theme of the codebook, with its 95 % interval; a comment can mention several.',
  most: 'Mentioned most: {theme} ({share}).',
  columns: ['Theme', 'Share of comments', '95 % interval', 'Comments mentioning it'],
  caption: 'Themes in comments, {wave} (n = {n} comments)',
  none: 'No themes shown: the dataset has no codebook (themes.yaml), or the wave has fewer than {min} comments.',
};

export interface ThemeShareRow {
  /** The theme's name in the report's locale (data text: escaped). */
  label: string;
  share: number;
  ci95: [number, number];
  mentions: number;
  /** A sub-theme: drawn indented under its parent. */
  child?: boolean;
}

export interface ThemeSharesInput {
  /** The report's wave, as the reader reads it. */
  wave: string;
  /** Comments in the wave. */
  n: number;
  /** In drawing order (parents, each followed by its sub-themes). */
  rows: ThemeShareRow[];
}

const GEOMETRY = {
  wide: { W: WIDE_WIDTH, X0: 220, X1: WIDE_WIDTH - 70, row: 26, labelChars: 32 },
  narrow: { W: NARROW_WIDTH, X0: 12, X1: NARROW_WIDTH - 60, row: 40, labelChars: 44 },
} as const;
const TOP = 34;

export function themeShares(input: ThemeSharesInput, options: ChartOptions<ThemeSharesLabels>): ChartOutput {
  if (!options.layout) return bothLayouts(themeShares, input, options);
  const narrow = options.layout === 'narrow';
  const { W, X0, X1, row, labelChars } = GEOMETRY[options.layout];
  const id = checkId(options.id);
  const L = withDefaults<ThemeSharesLabels>(themeSharesEn, options.labels);
  const f = resolveFormat(options.format);
  const hi = Math.min(1, Math.max(0.1, ...input.rows.map((r) => r.ci95[1])) * 1.05);
  const x = scaleLinear().domain([0, hi]).range([X0, X1]);
  // On a phone the axis caption wraps inside the drawing (it runs to ~420 units on one line).
  const axis = narrow ? wrap(L.axis, Math.floor((W - 2 * X0) / (FS.small * 0.56))) : [L.axis];
  const top = TOP + (axis.length - 1) * 14;
  const axisAttrs = { 'font-size': FS.small, fill: C.muted };
  const parts: string[] = [narrow ? lines(X0, 20, axis, 14, axisAttrs) : text(X0, 20, L.axis, axisAttrs)];
  input.rows.forEach((r, i) => {
    const y = top + i * row;
    const barY = narrow ? y + 16 : y;
    const indent = r.child ? 14 : 0;
    const label = ellipsize(r.label, labelChars - (r.child ? 3 : 0));
    parts.push(
      narrow
        ? text(X0 + indent, y + 11, label, { 'font-size': FS.base })
        : text(X0 - 10, y + 13, label, { 'text-anchor': 'end', 'font-size': FS.base, 'font-weight': r.child ? undefined : 'bold' }),
    );
    const x0 = X0 + (narrow ? indent : 0);
    parts.push(el('rect', { x: x0, y: barY + 3, width: Math.max(0.5, x(r.share) - X0), height: 14, fill: r.child ? C.band : C.accent }));
    parts.push(el('line', { x1: x(r.ci95[0]) + (x0 - X0), x2: x(r.ci95[1]) + (x0 - X0), y1: barY + 10, y2: barY + 10, stroke: C.ink, 'stroke-width': 1.5 }));
    parts.push(text(x(r.ci95[1]) + (x0 - X0) + 6, barY + 14, f.fraction(r.share), { 'font-size': FS.small }));
  });
  const height = top + input.rows.length * row + 10;
  const sorted = [...input.rows].filter((r) => !r.child).sort((a, b) => b.share - a.share);
  const title = fill(L.title, { wave: input.wave });
  const description = [
    fill(L.description, { n: f.number(input.n, 0), wave: input.wave }),
    sorted.length ? fill(L.most, { theme: sorted[0].label, share: f.fraction(sorted[0].share) }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const rows = input.rows.map((r) => [
    r.child ? `– ${r.label}` : r.label,
    f.fraction(r.share),
    `${f.fraction(r.ci95[0])}–${f.fraction(r.ci95[1])}`,
    f.number(r.mentions, 0),
  ]);
  const table = { caption: fill(L.caption, { wave: input.wave, n: f.number(input.n, 0) }), columns: [...L.columns], rows };
  return { svg: svgRoot({ id, kind: 'theme-shares', width: W, height, title, description, body: parts.join('') }), title, description, table };
}

/**
 * The <Themes/> chart's rows: top-level themes by share (most mentioned first, ties by id),
 * each followed by its sub-themes in the same order; names in the report's locale, else English, else the id.
 */
export function themeRows(themes: NonNullable<Figures['themes']>, locale: string): ThemeShareRow[] {
  const entries = Object.entries(themes).sort(([a, x], [b, y]) => y.share - x.share || (a < b ? -1 : a > b ? 1 : 0));
  const rows: ThemeShareRow[] = [];
  const add = (parent: string | undefined, child: boolean, seen: Set<string>) => {
    for (const [id, t] of entries) {
      if (t.parent !== parent || seen.has(id)) continue;
      seen.add(id);
      rows.push({ label: t.label[locale] ?? t.label.en ?? Object.values(t.label)[0] ?? id, share: t.share, ci95: t.ci95, mentions: t.mentions, child });
      add(id, true, seen);
    }
  };
  add(undefined, false, new Set());
  return rows;
}

/** Names in the report's locale: the theme's label, else English, else its id; a dimension by the locale's dimension names. */
export function themeLabel(themes: Figures['themes'], id: string, locale: string): string {
  const t = themes?.[id];
  return t ? (t.label[locale] ?? t.label.en ?? Object.values(t.label)[0] ?? id) : id;
}
