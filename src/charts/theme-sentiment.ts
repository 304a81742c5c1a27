/**
 * Sentiment by theme (`<Themes/>`, figures.sentiment): per row — all scored comments first,
 * then each theme — the share of comments reading negative to the left of a centre line and
 * positive to the right (hatched and solid, so they read apart without colour), the mean score
 * at the end. A theme under min_base scored comments is a row that says so, with no bar.
 * The chart draws figures; it computes none.
 */
import { scaleLinear } from 'd3';
import type { Figures } from '../schemas/figures';
import { fill, resolveFormat } from './format';
import { themeLabel, themeRows } from './theme-shares';
import { legendItem } from './marks';
import {
  C,
  FS,
  NARROW_WIDTH,
  WIDE_WIDTH,
  bothLayouts,
  checkId,
  el,
  ellipsize,
  hatch,
  svgRoot,
  text,
  withDefaults,
  type ChartOptions,
  type ChartOutput,
} from './svg';
import { z } from 'zod';
import { strict, columns } from './registry-schema';

/** Sentiment by theme (src/charts/theme-sentiment.ts) and the <Themes/> lines about it. */
export const ThemeSentimentLabelsSchema = strict({
  heading: z.string(),
  /** Templates with {wave}. */
  title: z.string(),
  /** {n} scored comments, {wave}, {negative} and {positive} shares of all. */
  description: z.string(),
  negative: z.string(),
  positive: z.string(),
  /** The first row: every scored comment. */
  all: z.string(),
  /** A row under min_base: {n}. */
  suppressed: z.string(),
  columns: columns(5),
  caption: z.string(),
  /** Language code → the sentence for its comments when no lexicon ships for it ({n} comments). */
  unavailable: z.record(z.string(), z.string()),
  /** Why no chart: too few scored comments ({min}). */
  none: z.string(),
});
export type ThemeSentimentLabels = z.infer<typeof ThemeSentimentLabelsSchema>;

/** The English labels: the builder's default and the `charts.themeSentiment` block of the en locale (composed from the registry). */
export const themeSentimentEn: ThemeSentimentLabels = {
  heading: 'How customers feel about each theme',
  title: 'Sentiment of comments by theme, {wave}',
  description: 'Of {n} comments scored in {wave}, {negative} read negative and {positive} positive; per theme, the shares among the comments mentioning it.',
  negative: 'Negative',
  positive: 'Positive',
  all: 'All scored comments',
  suppressed: 'fewer than the minimum base ({n})',
  columns: ['Theme', 'Comments scored', 'Negative', 'Positive', 'Mean score (−1 to +1)'],
  caption: 'Sentiment of comments by theme, {wave}',
  unavailable: {
    vi: 'Sentiment not available for Vietnamese: no lexicon for it ships with the tool, so comments in Vietnamese are not scored ({n} in this wave).',
  },
  none: 'No sentiment shown: fewer than {min} comments could be scored.',
};

export type ThemeSentimentRow =
  | { label: string; n: number; share_negative: number; share_positive: number; mean: number; all?: boolean }
  | { label: string; n: number; suppressed: true; all?: boolean };

export interface ThemeSentimentInput {
  /** The report's wave, as the reader reads it. */
  wave: string;
  /** All scored comments first, then the themes in the order of the theme chart. */
  rows: ThemeSentimentRow[];
}

const GEOMETRY = {
  wide: { W: WIDE_WIDTH, X0: 220, X1: WIDE_WIDTH - 60, row: 26, labelChars: 30 },
  narrow: { W: NARROW_WIDTH, X0: 12, X1: NARROW_WIDTH - 50, row: 40, labelChars: 44 },
} as const;

export function themeSentiment(input: ThemeSentimentInput, options: ChartOptions<ThemeSentimentLabels>): ChartOutput {
  if (!options.layout) return bothLayouts(themeSentiment, input, options);
  const narrow = options.layout === 'narrow';
  const { W, X0, X1, row, labelChars } = GEOMETRY[options.layout];
  const id = checkId(options.id);
  const L = withDefaults<ThemeSentimentLabels>(themeSentimentEn, options.labels);
  const f = resolveFormat(options.format);
  const mid = (X0 + X1) / 2;
  const half = scaleLinear()
    .domain([0, 1])
    .range([0, (X1 - X0) / 2]);
  const pattern = `${id}-negative`;
  const parts: string[] = [];
  const neg = legendItem(X0, 14, el('rect', { x: X0, y: 12, width: 12, height: 10, fill: `url(#${pattern})`, stroke: C.bad }), L.negative);
  parts.push(neg.svg, legendItem(neg.next, 14, el('rect', { x: neg.next, y: 12, width: 12, height: 10, fill: C.accent }), L.positive).svg);
  const top = 34;
  input.rows.forEach((r, i) => {
    const y = top + i * row;
    const barY = narrow ? y + 16 : y;
    const label = ellipsize(r.label, labelChars);
    const weight = r.all ? 'bold' : undefined;
    parts.push(
      narrow
        ? text(X0, y + 11, label, { 'font-size': FS.base, 'font-weight': weight })
        : text(X0 - 10, y + 13, label, { 'text-anchor': 'end', 'font-size': FS.base, 'font-weight': weight }),
    );
    if ('suppressed' in r) {
      parts.push(text(narrow ? X0 : mid + 6, barY + 14, fill(L.suppressed, { n: f.number(r.n, 0) }), { 'font-size': FS.small, fill: C.muted }));
      return;
    }
    const wn = Math.max(0.5, half(r.share_negative));
    const wp = Math.max(0.5, half(r.share_positive));
    parts.push(el('rect', { x: mid - wn, y: barY + 3, width: wn, height: 14, fill: `url(#${pattern})`, stroke: C.bad, 'stroke-width': 0.5 }));
    parts.push(el('rect', { x: mid, y: barY + 3, width: wp, height: 14, fill: C.accent }));
    parts.push(text(mid - wn - 4, barY + 14, f.fraction(r.share_negative), { 'text-anchor': 'end', 'font-size': FS.small }));
    parts.push(text(mid + wp + 4, barY + 14, f.fraction(r.share_positive), { 'font-size': FS.small }));
  });
  const axisY = top + input.rows.length * row;
  parts.push(el('line', { x1: mid, x2: mid, y1: top - 2, y2: axisY, stroke: C.ink, 'stroke-width': 1 }));
  const height = axisY + 12;
  const title = fill(L.title, { wave: input.wave });
  const all = input.rows.find((r) => r.all);
  const description =
    all && !('suppressed' in all)
      ? fill(L.description, { n: f.number(all.n, 0), wave: input.wave, negative: f.fraction(all.share_negative), positive: f.fraction(all.share_positive) })
      : title;
  const rows = input.rows.map((r) =>
    'suppressed' in r
      ? [r.label, f.number(r.n, 0), fill(L.suppressed, { n: f.number(r.n, 0) }), '', '']
      : [r.label, f.number(r.n, 0), f.fraction(r.share_negative), f.fraction(r.share_positive), f.number(r.mean, 2)],
  );
  const table = { caption: fill(L.caption, { wave: input.wave }), columns: [...L.columns], rows };
  const defs = hatch(pattern, C.bad);
  return { svg: svgRoot({ id, kind: 'theme-sentiment', width: W, height, title, description, defs, body: parts.join('') }), title, description, table };
}

/** The sentiment chart's rows: all scored comments, then each theme in the theme chart's order (suppressed ones say so). */
export function themeSentimentRows(figures: Figures, locale: string, allLabel: string): ThemeSentimentRow[] {
  const s = figures.sentiment;
  if (!s || 'suppressed' in s.overall) return [];
  const o = s.overall;
  const rows: ThemeSentimentRow[] = [{ label: allLabel, n: o.n, share_negative: o.share_negative, share_positive: o.share_positive, mean: o.mean, all: true }];
  const order = figures.themes ? themeRows(figures.themes, locale).map((r) => r.label) : [];
  const entries = Object.entries(s.themes).map(([id, g]) => ({ label: themeLabel(figures.themes, id, locale), g }));
  entries.sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
  for (const { label, g } of entries)
    rows.push(
      'suppressed' in g
        ? { label, n: g.n, suppressed: true }
        : { label, n: g.n, share_negative: g.share_negative, share_positive: g.share_positive, mean: g.mean },
    );
  return rows;
}

/** The languages whose comments are not scored, with their sentence (labels.unavailable[lang], {n} comments): always Vietnamese on a Vietnamese edition. */
export function sentimentUnavailable(figures: Figures, locale: string, unavailable: Record<string, string>): string[] {
  const s = figures.sentiment;
  if (!s) return [];
  return Object.entries(s.languages)
    .filter(([lang, l]) => !l.available && (l.comments > 0 || lang === locale) && unavailable[lang] !== undefined)
    .map(([lang, l]) => fill(unavailable[lang], { n: l.comments }));
}
