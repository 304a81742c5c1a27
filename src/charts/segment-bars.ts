/**
 * A metric across the values of one segment (`<SegmentTable by="channel"/>`): horizontal
 * bars from zero with each base (n). Suppressed cells say so instead of a bar; low-base
 * bars are hatched and marked.
 */
import { precisionFixed, scaleLinear } from 'd3';
import type { GroupFigures } from '../schemas/figures';
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
  ellipsizeToFit,
  hatch,
  svgRoot,
  text,
  textWidth,
  withDefaults,
  type ChartOptions,
  type ChartOutput,
} from './svg';
import { z } from 'zod';
import { strict, columns } from './registry-schema';
import { SIGNIFICANCE_MARKS, significanceMark } from './significance';
import { chartComponent, declaredSegments } from './component';

/** This chart's labels, in every locale file under charts.segmentBars (src/i18n/locales; English is the default). */
export const SegmentBarsLabelsSchema = strict({
  title: z.string(),
  base: z.string(),
  suppressed: z.string(),
  lowBase: z.string(),
  range: z.string(),
  single: z.string(),
  suppressedList: z.string(),
  withheld: z.string(),
  withheldList: z.string(),
  /** Templates with {by} and {label}. */
  columns: columns(3),
  caption: z.string(),
});
export type SegmentBarsLabels = z.infer<typeof SegmentBarsLabelsSchema>;

/** The English labels: the default of the builder and the `charts.segmentBars` block of the en locale (composed from the registry). */
export const segmentBarsEn: SegmentBarsLabels = {
  title: '{label} by {by}',
  /** A bar's base: respondents who answered the charted question, {label} (a table of respondents may count more). */
  base: 'n = {n} answering {label}',
  suppressed: 'suppressed (n < {min})',
  lowBase: '{mark} low base (n < {low}): read with caution.',
  range: '{label} by {by} ranges from {low} ({lowLabel}) to {high} ({highLabel}).',
  single: '{label} is {value} for {valueLabel}.',
  suppressedList: 'Suppressed (n < {min}): {list}.',
  withheld: 'withheld to protect a smaller group',
  withheldList: 'Withheld to protect a smaller group: {list}.',
  columns: ['{by}', 'n', '{label}'],
  caption: '{label} by {by}, with bases',
};

export interface SegmentBarRow {
  /** The segment value (data text: escaped). */
  label: string;
  n: number;
  value?: number;
  suppressed?: boolean;
  /** Withheld so that a smaller cell cannot be derived from the total. */
  secondary?: boolean;
  low_base?: boolean;
  /** Significantly better / worse than the rest of the segment (the figure's vs_rest, after the correction). */
  significance?: 'better' | 'worse';
}

export interface SegmentBarsInput {
  /** The metric ("NPS"). */
  label: string;
  /** The segment ("channel"). */
  by: string;
  rows: SegmentBarRow[];
}

export interface SegmentBarsOptions extends ChartOptions<SegmentBarsLabels> {
  decimals?: number;
  signed?: boolean;
  /** Values are percentages 0–100 (CSAT top-2-box): printed with the percent sign, as FIGURE_KINDS.percent says (72.9%). */
  percent?: boolean;
  /** The legend of the ▲ ▼ marks (the report's locale, the correction named): with it, rows with a `significance` are marked. */
  significance?: string;
}

/** Rows for a headline metric from `figures.segments.<segment>` (value for nps = score, csat = top2box, ces/overall = mean). */
export function segmentBarRows(groups: Record<string, GroupFigures>, metric: 'nps' | 'csat' | 'ces' | 'overall'): SegmentBarRow[] {
  return Object.entries(groups).map(([label, g]) => {
    const fig = g[metric];
    if (!fig) return { label, n: g.n };
    if (fig.suppressed) return { label, n: fig.n, suppressed: true, ...(fig.secondary ? { secondary: true } : {}) };
    const value = 'score' in fig ? fig.score : 'top2box' in fig ? fig.top2box : fig.mean;
    const significance = significanceMark(fig.vs_rest);
    return { label, n: fig.n, value, low_base: fig.low_base, ...(significance ? { significance } : {}) };
  });
}

/** Wide: the label left of its bar. Narrow: the label above its bar, which spans the width; fewer ticks. */
const GEOMETRY = {
  wide: { W: WIDE_WIDTH, X0: 190, X1: 610, ROW: 34, ticks: 5, above: false },
  narrow: { W: NARROW_WIDTH, X0: 12, X1: 270, ROW: 46, ticks: 2, above: true },
} as const;

/** Builds the bars for one metric across one segment's values. */
export function segmentBars(input: SegmentBarsInput, options: SegmentBarsOptions): ChartOutput {
  if (!options.layout) return bothLayouts(segmentBars, input, options);
  const { W, X0, X1, ROW, ticks: tickCount, above } = GEOMETRY[options.layout];
  const id = checkId(options.id);
  const L = withDefaults<SegmentBarsLabels>(segmentBarsEn, options.labels);
  const f = resolveFormat(options.format);
  const min = options.minBase ?? DEFAULT_MIN_BASE;
  const low = options.lowBase ?? DEFAULT_LOW_BASE;
  const d = options.decimals ?? 1;
  const fmt = (v: number) => (options.percent ? f.fraction(v / 100, d) : options.signed ? f.signed(v, d) : f.number(v, d));
  const hiddenText = (row: SegmentBarRow) => (row.secondary ? L.withheld : fill(L.suppressed, { min }));
  // The gate is analysis's (row.low_base): a chart never re-tests the base.
  const isLow = (row: SegmentBarRow) => !row.suppressed && row.value !== undefined && !!row.low_base;
  const mark = (row: SegmentBarRow) => (isLow(row) ? ` ${LOW_BASE_MARK}` : '');
  // ▲ ▼ beside the value, against the rest of the segment, only when the caller gives the legend that explains them.
  const sig = (row: SegmentBarRow) =>
    options.significance !== undefined && !row.suppressed && row.significance ? ` ${SIGNIFICANCE_MARKS[row.significance]}` : '';
  const sigSeen = input.rows.some((row) => sig(row) !== '');
  const values = input.rows.filter((row) => !row.suppressed && row.value !== undefined).map((row) => row.value!);
  const x = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values) || 1])
    .range([X0, X1])
    .nice();
  const defs = hatch(`${id}-low`, C.accent, 'var(--gr-band-light, #cfe4f3)');
  const parts: string[] = [];

  let y = 8;
  for (const row of input.rows) {
    const cy = above ? y + 30 : y + ROW / 2;
    const base = fill(L.base, { n: f.number(row.n, 0), label: input.label });
    // Narrow: the name gives way so that the base beside it stays inside the drawing.
    const name = above ? ellipsizeToFit(row.label, 32, W - 32 - textWidth(base, FS.small), FS.label, mark(row)) : ellipsize(row.label, 24) + mark(row);
    parts.push(text(12, above ? y + 12 : cy - 1, name, { 'font-size': FS.label }));
    parts.push(text(above ? 20 + textWidth(name, FS.label) : 12, above ? y + 12 : cy + 13, base, { 'font-size': FS.small, fill: C.muted }));
    if (row.suppressed || row.value === undefined) {
      const note = row.suppressed ? hiddenText(row) : '—';
      parts.push(text(x(0) + 6, cy + 4, note, { 'font-style': 'italic', fill: C.muted }));
    } else {
      const [a, b] = [x(Math.min(0, row.value)), x(Math.max(0, row.value))];
      const lowBar = isLow(row);
      parts.push(
        el('rect', {
          x: a,
          y: cy - 9,
          width: Math.max(1, b - a),
          height: 18,
          fill: lowBar ? `url(#${id}-low)` : C.accent,
          stroke: lowBar ? C.accent : undefined,
        }),
      );
      const label = fmt(row.value) + mark(row) + sig(row);
      const neg = row.value < 0;
      const tx = neg ? a - 5 : b + 5;
      const inside = neg ? tx - textWidth(label) < X0 - 4 : tx + textWidth(label) > W - 4;
      parts.push(
        text(inside ? (neg ? a + 5 : b - 5) : tx, cy + 4, label, {
          'text-anchor': neg !== inside ? 'end' : 'start',
          'font-weight': 'bold',
          'font-size': FS.base,
          stroke: inside ? C.surface : undefined,
          'stroke-width': inside ? 3 : undefined,
          'paint-order': inside ? 'stroke' : undefined,
        }),
      );
    }
    // Narrow: the zero line runs through each bar only, never through the labels above them.
    if (above) parts.push(el('line', { x1: x(0), x2: x(0), y1: cy - 12, y2: cy + 12, stroke: C.ink }));
    y += ROW;
  }
  if (!above) parts.push(el('line', { x1: x(0), x2: x(0), y1: 4, y2: y, stroke: C.ink }));
  const ticks = x.ticks(tickCount);
  const td = ticks.length > 1 ? precisionFixed(ticks[1] - ticks[0]) : 0;
  for (const t of ticks) {
    parts.push(
      text(x(t), y + 14, options.percent ? f.fraction(t / 100, td) : options.signed ? f.signed(t, td) : f.number(t, td), {
        'text-anchor': 'middle',
        'font-size': FS.small,
        fill: C.muted,
      }),
    );
  }
  let height = y + 24;
  const lowSeen = input.rows.some(isLow);
  const lowNote = fill(L.lowBase, { mark: LOW_BASE_MARK, low });
  if (lowSeen) {
    parts.push(text(12, height + 4, lowNote, { 'font-size': FS.small, fill: C.muted }));
    height += 18;
  }

  const shown = input.rows.filter((row) => !row.suppressed && row.value !== undefined).sort((a, b) => a.value! - b.value! || a.label.localeCompare(b.label));
  const sentences: string[] = [];
  const named = (row: SegmentBarRow) => `${row.label}${mark(row)}, ${fill(L.base, { n: f.number(row.n, 0), label: input.label })}`;
  if (shown.length >= 2) {
    const [lo, hi] = [shown[0], shown[shown.length - 1]];
    sentences.push(fill(L.range, { label: input.label, by: input.by, low: fmt(lo.value!), lowLabel: named(lo), high: fmt(hi.value!), highLabel: named(hi) }));
  } else if (shown.length === 1) {
    sentences.push(fill(L.single, { label: input.label, value: fmt(shown[0].value!), valueLabel: named(shown[0]) }));
  }
  const hidden = input.rows.filter((row) => row.suppressed && !row.secondary);
  if (hidden.length) sentences.push(fill(L.suppressedList, { min, list: hidden.map((row) => row.label).join(', ') }));
  const withheld = input.rows.filter((row) => row.suppressed && row.secondary);
  if (withheld.length) sentences.push(fill(L.withheldList, { list: withheld.map((row) => row.label).join(', ') }));
  if (lowSeen) sentences.push(lowNote);
  if (sigSeen) sentences.push(options.significance!);
  const description = sentences.join(' ');
  const title = fill(L.title, { label: input.label, by: input.by });
  const table = {
    caption: fill(L.caption, { label: input.label, by: input.by }),
    columns: L.columns.map((c) => fill(c, { label: input.label, by: input.by })),
    rows: input.rows.map((row) => [
      row.label,
      f.number(row.n, 0),
      row.suppressed ? hiddenText(row) : row.value === undefined ? '—' : fmt(row.value) + mark(row) + sig(row),
    ]),
  };
  return { svg: svgRoot({ id, kind: 'segment-bars', width: W, height, title, description, defs, body: parts.join('') }), title, description, table };
}

const SEGMENT_METRICS = ['nps', 'csat', 'ces', 'overall'] as const;

/**
 * <SegmentTable by="channel" metric="nps"/>: the report's wave broken down by one segment — bars of
 * one metric with their bases, then the table of every headline figure (NPS, CSAT, CES, overall,
 * SERVQUAL) per value with its base. Suppressed cells read "suppressed" and carry no value; † marks a
 * low base; ▲ / ▼ a value significantly better / worse than the rest of the segment (vs_rest), with
 * the legend below. A dataset without responses gets one sentence, not bars over an empty axis.
 */
export const segmentTableComponent = chartComponent(segmentBars, {
  name: 'SegmentTable',
  schema: z.object({
    by: z.string().describe('a segment declared in questionnaire.yaml'),
    metric: z.enum(SEGMENT_METRICS).optional().describe('the charted figure: `nps` (default), `csat`, `ces` or `overall`'),
  }),
  props: { by: { kind: 'choice', example: 'channel', values: declaredSegments }, metric: { kind: 'choice', example: 'nps' } },
  guide: { title: 'one segment’s breakdown', example: { by: 'channel', metric: 'csat' } },
  select: ({ t, noResponses, segments }, { by, metric = 'nps' }) => {
    if (noResponses) return { fallback: noResponses, className: 'no-data', attributes: { 'data-segment': by } };
    const name = segments.name(by);
    const labels = segments.valueLabels(by);
    const rows = segmentBarRows(segments.groups(by), metric).map((r) => ({ ...r, label: labels[r.label] ?? r.label }));
    return {
      input: { label: t.shortMetrics[metric], by: name.toLowerCase(), rows },
      options: {
        decimals: metric === 'nps' ? 0 : metric === 'csat' ? 1 : 2,
        signed: metric === 'nps',
        percent: metric === 'csat',
        significance: segments.significanceLegend(by),
      },
      prefix: `segment-${by}-${metric}`,
      kind: 'segment-bars',
      table: segments.table(by),
      wrap: { class: 'segment-table', 'data-component': 'SegmentTable', 'data-segment': by },
    };
  },
});
