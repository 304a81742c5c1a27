/**
 * Themes as drivers (`<Themes/>`, figures.theme_drivers): one bar per predictor, its share of
 * the outcome's R² in the Shapley (LMG) decomposition, largest first. A theme's mention (solid)
 * and a SERVQUAL dimension (hatched, so the two read apart without colour) share one axis. The
 * title and description say association, not cause. The chart draws figures; it computes none.
 */
import { scaleLinear } from 'd3';
import type { Figures } from '../schemas/figures';
import { fill, resolveFormat } from './format';
import { themeLabel } from './theme-shares';
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

/** Themes as drivers (src/charts/theme-drivers.ts). */
export const ThemeDriversLabelsSchema = strict({
  heading: z.string(),
  /** Templates with {outcome}. */
  title: z.string(),
  axis: z.string(),
  /** {n} commenters, {outcome}, {r2} as a share. */
  description: z.string(),
  /** The largest theme: {theme}, {share}. */
  top: z.string(),
  /** The sentence that a share is an association, not a cause. */
  association: z.string(),
  theme: z.string(),
  dimension: z.string(),
  columns: columns(3),
  caption: z.string(),
  /** Why no chart: no codebook, or too few complete answers ({min}). */
  none: z.string(),
});
export type ThemeDriversLabels = z.infer<typeof ThemeDriversLabelsSchema>;

/** The English labels: the builder's default and the `charts.themeDrivers` block of the en locale (composed from the registry). */
export const themeDriversEn: ThemeDriversLabels = {
  heading: 'What goes with the score',
  title: 'Themes and dimensions as drivers of {outcome}',
  axis: 'Share of the explained variance (R²) →',
  description:
    'For {n} commenters, the share of the variance in {outcome} explained (R² = {r2}) that goes with each theme mentioned and each service dimension (Shapley decomposition).',
  top: 'The theme that goes with most: {theme} ({share}).',
  association: 'Associations, not causes: a theme that goes with low scores may be a symptom or may come with something else.',
  theme: 'Theme mentioned',
  dimension: 'Service dimension',
  columns: ['Predictor', 'Kind', 'Share of R²'],
  caption: 'Themes and dimensions as drivers of {outcome} (n = {n} commenters)',
  none: 'No theme drivers shown: the dataset has no codebook (themes.yaml), or fewer than {min} commenters answered every question used.',
};

export interface ThemeDriverRow {
  /** The theme's or dimension's name in the report's locale (data text: escaped). */
  label: string;
  kind: 'theme' | 'dimension';
  /** Share of R², 0–1. */
  share: number;
}

export interface ThemeDriversInput {
  /** The explained figure as the reader reads it ("likelihood to recommend"). */
  outcome: string;
  /** Complete answers used. */
  n: number;
  r2: number;
  /** Largest share first. */
  rows: ThemeDriverRow[];
}

const GEOMETRY = {
  wide: { W: WIDE_WIDTH, X0: 230, X1: WIDE_WIDTH - 70, row: 26, labelChars: 30 },
  narrow: { W: NARROW_WIDTH, X0: 12, X1: NARROW_WIDTH - 60, row: 40, labelChars: 46 },
} as const;

export function themeDrivers(input: ThemeDriversInput, options: ChartOptions<ThemeDriversLabels>): ChartOutput {
  if (!options.layout) return bothLayouts(themeDrivers, input, options);
  const narrow = options.layout === 'narrow';
  const { W, X0, X1, row, labelChars } = GEOMETRY[options.layout];
  const id = checkId(options.id);
  const L = withDefaults<ThemeDriversLabels>(themeDriversEn, options.labels);
  const f = resolveFormat(options.format);
  const hi = Math.min(1, Math.max(0.1, ...input.rows.map((r) => r.share)) * 1.1);
  const x = scaleLinear().domain([0, hi]).range([X0, X1]);
  const pattern = `${id}-dimension`;
  const parts: string[] = [];
  // Legend: the two kinds, on one line wide, stacked on a phone.
  const themeKey = legendItem(X0, 14, el('rect', { x: X0, y: 12, width: 12, height: 10, fill: C.accent }), L.theme);
  const dimX = narrow ? X0 : themeKey.next;
  const dimY = narrow ? 30 : 14;
  parts.push(
    themeKey.svg,
    legendItem(dimX, dimY, el('rect', { x: dimX, y: dimY - 2, width: 12, height: 10, fill: `url(#${pattern})`, stroke: C.muted }), L.dimension).svg,
  );
  const axis = narrow ? wrap(L.axis, Math.floor((W - 2 * X0) / (FS.small * 0.56))) : [L.axis];
  const axisY = dimY + 24;
  const axisAttrs = { 'font-size': FS.small, fill: C.muted };
  parts.push(narrow ? lines(X0, axisY, axis, 14, axisAttrs) : text(X0, axisY, L.axis, axisAttrs));
  const top = axisY + (axis.length - 1) * 14 + 12;
  input.rows.forEach((r, i) => {
    const y = top + i * row;
    const barY = narrow ? y + 16 : y;
    const label = ellipsize(r.label, labelChars);
    parts.push(
      narrow
        ? text(X0, y + 11, label, { 'font-size': FS.base })
        : text(X0 - 10, y + 13, label, { 'text-anchor': 'end', 'font-size': FS.base, 'font-weight': r.kind === 'theme' ? 'bold' : undefined }),
    );
    const fillColour = r.kind === 'theme' ? C.accent : `url(#${pattern})`;
    parts.push(
      el('rect', { x: X0, y: barY + 3, width: Math.max(0.5, x(r.share) - X0), height: 14, fill: fillColour, stroke: r.kind === 'theme' ? undefined : C.muted }),
    );
    parts.push(text(x(r.share) + 6, barY + 14, f.fraction(r.share), { 'font-size': FS.small }));
  });
  const note = wrap(L.association, Math.floor((W - 2 * (narrow ? X0 : 12)) / (FS.small * 0.56)));
  const noteY = top + input.rows.length * row + 14;
  parts.push(lines(narrow ? X0 : 12, noteY, note, 14, { 'font-size': FS.small, fill: C.muted }));
  const height = noteY + (note.length - 1) * 14 + 12;
  const title = fill(L.title, { outcome: input.outcome });
  const largest = input.rows.filter((r) => r.kind === 'theme').sort((a, b) => b.share - a.share)[0];
  const description = [
    fill(L.description, { n: f.number(input.n, 0), outcome: input.outcome, r2: f.fraction(input.r2) }),
    largest ? fill(L.top, { theme: largest.label, share: f.fraction(largest.share) }) : '',
    L.association,
  ]
    .filter(Boolean)
    .join(' ');
  const rows = input.rows.map((r) => [r.label, r.kind === 'theme' ? L.theme : L.dimension, f.fraction(r.share)]);
  const table = { caption: fill(L.caption, { outcome: input.outcome, n: f.number(input.n, 0) }), columns: [...L.columns], rows };
  const defs = hatch(pattern, C.neutral);
  return { svg: svgRoot({ id, kind: 'theme-drivers', width: W, height, title, description, defs, body: parts.join('') }), title, description, table };
}

/** The theme-drivers chart's rows: every predictor, largest share first (ties by id). */
export function themeDriverRows(figures: Figures, locale: string, dimensionNames: Record<string, string>): ThemeDriverRow[] {
  const d = figures.theme_drivers;
  if (!d) return [];
  return [...d.drivers]
    .sort((a, b) => b.share - a.share || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => ({ label: p.kind === 'theme' ? themeLabel(figures.themes, p.id, locale) : (dimensionNames[p.id] ?? p.id), kind: p.kind, share: p.share }));
}
