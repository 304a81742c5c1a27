/**
 * SERVQUAL dumbbells: expectation (hollow) vs perception (filled) per dimension or per
 * item, on the item scale, with the gap P − E labelled. Suppressed rows say so; a row
 * without expectations shows perception only and its gap as "not measured".
 */
import { scaleLinear } from 'd3';
import { DIMENSIONS, type Dimension } from '../schemas/questionnaire';
import type { Gated, Servqual } from '../schemas/figures';
import { fill, resolveFormat } from './format';
import {
  C,
  FS,
  DEFAULT_LOW_BASE,
  DEFAULT_MIN_BASE,
  LOW_BASE_MARK,
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
import { chartComponent } from './component';
import { strict, labelsFor } from './registry-schema';

/** This chart's labels, in every locale file under charts.servqualGaps (src/i18n/locales; English is the default). */
export const ServqualGapsLabelsSchema = strict({
  title: z.string(),
  titleItems: z.string(),
  dimensions: labelsFor(DIMENSIONS),
  expectation: z.string(),
  perception: z.string(),
  gap: z.string(),
  item: z.string(),
  dimension: z.string(),
  n: z.string(),
  suppressed: z.string(),
  /** A cell withheld so that a smaller one cannot be derived from the total. */
  withheld: z.string(),
  notMeasured: z.string(),
  lowBase: z.string(),
  widest: z.string(),
  shortOn: z.string(),
  score: z.string(),
  caption: z.string(),
});
export type ServqualGapsLabels = z.infer<typeof ServqualGapsLabelsSchema>;

/** The English labels: the default of the builder and the `charts.servqualGaps` block of the en locale (composed from the registry). */
export const servqualGapsEn: ServqualGapsLabels = {
  title: 'Expectations vs perceptions by SERVQUAL dimension',
  titleItems: 'Expectations vs perceptions by item',
  dimensions: { tangibles: 'Tangibles', reliability: 'Reliability', responsiveness: 'Responsiveness', assurance: 'Assurance', empathy: 'Empathy' },
  expectation: 'Expectation',
  perception: 'Perception',
  gap: 'Gap (P−E)',
  item: 'Item',
  dimension: 'Dimension',
  n: 'n',
  suppressed: 'suppressed (n < {min})',
  withheld: 'withheld to protect a smaller group',
  notMeasured: 'not measured',
  lowBase: '{mark} low base (n < {low}): read with caution.',
  widest: '{label} has the widest gap: perceptions {p} vs expectations {e} ({gap}).',
  shortOn: 'Perceptions fall short of expectations on {k} of {n}.',
  score: 'Unweighted SERVQUAL score {score} on the {min}–{max} scale.',
  caption: 'Expectation, perception and gap (P−E) on the {min}–{max} scale',
};

export interface ServqualGapsInput {
  servqual: Servqual;
  /** The questionnaire's item scale (figures.meta.scale). */
  scale: { min: number; max: number };
}

export interface ServqualGapsOptions extends ChartOptions<ServqualGapsLabels> {
  /** One row per dimension (default) or per questionnaire item, grouped by dimension. */
  mode?: 'dimensions' | 'items';
}

type Fig = Gated<{ expectation?: number; perception?: number; gap?: number }>;
type Row = { label: string; group?: string; fig: Fig };

/**
 * Wide: labels left of the dumbbells; the scale starts further right for items, whose labels
 * are longer than dimension names. Narrow: each label (an item's on up to two lines) above its
 * dumbbell, which spans the width; the gap header on its own line.
 */
const GEOMETRY = {
  wide: { W: WIDE_WIDTH, X0: { dimensions: 210, items: 280 }, X1: 560, chars: { dimensions: 26, items: 37 }, rowH: { dimensions: 34, items: 26 }, top: 58 },
  narrow: { W: NARROW_WIDTH, X0: { dimensions: 24, items: 24 }, X1: 270, chars: { dimensions: 44, items: 47 }, rowH: { dimensions: 44, items: 40 }, top: 74 },
} as const;
const LINE = 14;

/** Builds the dumbbell chart from `figures.servqual` and the item scale. */
export function servqualGaps(input: ServqualGapsInput, options: ServqualGapsOptions): ChartOutput {
  if (!options.layout) return bothLayouts(servqualGaps, input, options);
  const narrow = options.layout === 'narrow';
  const { W, X0, X1, chars: LABEL_CHARS, rowH: ROW_H, top } = GEOMETRY[options.layout];
  const id = checkId(options.id);
  const L = withDefaults<ServqualGapsLabels>(servqualGapsEn, options.labels);
  const f = resolveFormat(options.format);
  const min = options.minBase ?? DEFAULT_MIN_BASE;
  const low = options.lowBase ?? DEFAULT_LOW_BASE;
  const items = options.mode === 'items';
  const mode = items ? 'items' : 'dimensions';
  const { servqual, scale } = input;
  const num = (v: number) => f.number(v, 2);

  const rows: Row[] = items
    ? DIMENSIONS.flatMap((d) => servqual.items.filter((i) => i.dimension === d).map((i): Row => ({ label: i.text, group: d, fig: i.figure })))
    : DIMENSIONS.flatMap((d): Row[] => {
        const fig = servqual.dimensions[d];
        return fig ? [{ label: L.dimensions[d], fig }] : [];
      });

  const x = scaleLinear().domain([scale.min, scale.max]).range([X0[mode], X1]);
  const parts: string[] = [];
  let y = top;
  let lowSeen = false;
  const maxChars = LABEL_CHARS[mode];
  const markOf = (fig: Fig) => (!fig.suppressed && fig.low_base ? ` ${LOW_BASE_MARK}` : '');
  // Narrow: an item's text wraps to two lines above its dumbbell; a dimension's name takes one.
  const labelLines = (row: Row) =>
    narrow && items ? wrap(row.label + markOf(row.fig), maxChars, 2) : [ellipsize(row.label, maxChars - (markOf(row.fig) ? 2 : 0)) + markOf(row.fig)];
  const placed: { row: Row; y: number; label: string[] }[] = [];
  let group: string | undefined;
  for (const row of rows) {
    if (items && row.group !== group) {
      group = row.group;
      y += 4;
      parts.push(text(12, y + 12, L.dimensions[row.group as Dimension], { 'font-weight': 'bold', 'font-size': FS.base }));
      y += 20;
    }
    const label = labelLines(row);
    const extra = narrow ? (label.length - 1) * LINE : 0;
    placed.push({ row, y: y + ROW_H[mode] / 2 + (narrow ? 8 + extra : 0), label });
    y += ROW_H[mode] + extra;
  }
  const bottom = y + 4;

  // Axis: a gridline per scale point.
  for (const t of x.ticks(Math.min(10, scale.max - scale.min))) {
    parts.push(el('line', { x1: x(t), x2: x(t), y1: top - 6, y2: bottom, stroke: C.grid }));
    parts.push(text(x(t), top - 12, f.number(t, Number.isInteger(t) ? 0 : 1), { 'text-anchor': 'middle', 'font-size': FS.small, fill: C.muted }));
  }
  // Legend and gap header.
  parts.push(el('circle', { cx: X0[mode] + 6, cy: 18, r: 5, fill: C.surface, stroke: C.ink, 'stroke-width': 2 }));
  parts.push(text(X0[mode] + 16, 22, L.expectation, { 'font-size': FS.small, fill: C.muted }));
  parts.push(el('circle', { cx: X0[mode] + 116, cy: 18, r: 5, fill: C.accent }));
  parts.push(text(X0[mode] + 126, 22, L.perception, { 'font-size': FS.small, fill: C.muted }));
  parts.push(text(W - 12, narrow ? top - 30 : top - 12, L.gap, { 'text-anchor': 'end', 'font-size': FS.small, 'font-weight': 'bold', fill: C.muted }));

  for (const { row, y: cy, label } of placed) {
    const fig = row.fig;
    lowSeen ||= markOf(fig) !== '';
    const ly = narrow ? cy - 16 - (label.length - 1) * LINE : cy + 4;
    const labelStyle = { 'font-size': items ? FS.base : FS.label };
    parts.push(label.length === 1 ? text(items ? 20 : 12, ly, label[0], labelStyle) : lines(items ? 20 : 12, ly, label, LINE, labelStyle));
    if (fig.suppressed) {
      parts.push(text(X0[mode], cy + 4, fig.secondary ? L.withheld : fill(L.suppressed, { min }), { 'font-style': 'italic', fill: C.muted }));
      continue;
    }
    const { expectation: e, perception: p, gap } = fig;
    if (e !== undefined && p !== undefined) {
      const short = p < e;
      parts.push(el('line', { x1: x(e), x2: x(p), y1: cy, y2: cy, stroke: short ? C.bad : C.good, 'stroke-width': 3 }));
      if (!items) {
        const [lo, hi] = e < p ? [e, p] : [p, e];
        parts.push(text(x(lo) - 9, cy - 8, num(lo), { 'text-anchor': 'end', 'font-size': FS.small, fill: C.muted }));
        parts.push(text(x(hi) + 9, cy - 8, num(hi), { 'font-size': FS.small, fill: C.muted }));
      }
    }
    if (e !== undefined) parts.push(el('circle', { cx: x(e), cy, r: items ? 4.5 : 6, fill: C.surface, stroke: C.ink, 'stroke-width': 2 }));
    if (p !== undefined) parts.push(el('circle', { cx: x(p), cy, r: items ? 4.5 : 6, fill: C.accent }));
    const g = gap ?? (e !== undefined && p !== undefined ? p - e : undefined);
    parts.push(
      g === undefined
        ? text(W - 12, cy + 4, L.notMeasured, { 'text-anchor': 'end', 'font-style': 'italic', fill: C.muted })
        : text(W - 12, cy + 4, f.signed(g, 2), { 'text-anchor': 'end', 'font-weight': 'bold', fill: g < 0 ? C.bad : C.ink }),
    );
  }
  let height = bottom + 8;
  const lowNote = fill(L.lowBase, { mark: LOW_BASE_MARK, low });
  if (lowSeen) {
    parts.push(text(12, height + 8, lowNote, { 'font-size': FS.small, fill: C.muted }));
    height += 20;
  }

  // Description: the widest gap, how many rows fall short, the score.
  const measured = placed
    .map(({ row }) => row)
    .filter((row): row is Row & { fig: Extract<Fig, { suppressed: false }> } => !row.fig.suppressed && row.fig.gap !== undefined);
  const sentences: string[] = [];
  const worst = [...measured].sort((a, b) => a.fig.gap! - b.fig.gap! || a.label.localeCompare(b.label))[0];
  if (worst && worst.fig.gap! < 0) {
    sentences.push(
      fill(L.widest, {
        label: items ? `“${worst.label}”` : worst.label,
        p: num(worst.fig.perception!),
        e: num(worst.fig.expectation!),
        gap: f.signed(worst.fig.gap!, 2),
      }),
    );
  }
  if (measured.length) sentences.push(fill(L.shortOn, { k: measured.filter((m) => m.fig.gap! < 0).length, n: measured.length }));
  const sMin = f.number(scale.min, 0);
  const sMax = f.number(scale.max, 0);
  if (!items && servqual.unweighted !== undefined) sentences.push(fill(L.score, { score: f.signed(servqual.unweighted, 2), min: sMin, max: sMax }));
  if (lowSeen) sentences.push(lowNote);
  const description = sentences.join(' ');

  const title = items ? L.titleItems : L.title;
  const cell = (v: number | undefined) => (v === undefined ? L.notMeasured : num(v));
  const table = {
    caption: fill(L.caption, { min: sMin, max: sMax }),
    columns: items ? [L.item, L.dimension, L.expectation, L.perception, L.gap, L.n] : [L.dimension, L.expectation, L.perception, L.gap, L.n],
    rows: rows.map((row) => {
      const head = items ? [row.label, L.dimensions[row.group as Dimension]] : [row.label];
      const fig = row.fig;
      if (fig.suppressed) {
        const s = fig.secondary ? L.withheld : fill(L.suppressed, { min });
        return [...head, s, s, s, String(fig.n)];
      }
      const gap = fig.gap === undefined ? L.notMeasured : f.signed(fig.gap, 2);
      return [...head, cell(fig.expectation), cell(fig.perception), gap, String(fig.n) + (fig.low_base ? ` ${LOW_BASE_MARK}` : '')];
    }),
  };
  return { svg: svgRoot({ id, kind: 'servqual-gaps', width: W, height, title, description, body: parts.join('') }), title, description, table };
}

/** <ServqualGaps by="dimensions|items"/>: expectations against perceptions on the item scale, the gap P − E labelled. */
export const servqualGapsComponent = chartComponent(servqualGaps, {
  name: 'ServqualGaps',
  schema: z.object({
    by: z.enum(['dimensions', 'items']).optional().describe('`dimensions` (default) or `items`'),
  }),
  props: { by: { kind: 'choice', example: 'dimensions' } },
  guide: { title: 'expectations against perceptions', example: {} },
  select: ({ figures, t, noResponses }, { by = 'dimensions' }) => {
    const { servqual, meta } = figures;
    if (servqual && meta.scale) return { input: { servqual, scale: meta.scale }, options: { mode: by }, prefix: `servqual-${by}`, kind: `servqual-${by}` };
    return noResponses ? { fallback: noResponses, className: 'no-data' } : { fallback: `SERVQUAL: ${t.notMeasured}`, className: 'not-measured' };
  },
});
