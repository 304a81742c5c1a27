/**
 * Dispersion of one figure across the entities of a `per:` report (`<Dispersion metric/>`):
 * one dot per published entity on a common axis, stacked where dots would overlap, over a
 * band for the middle half (Q1–Q3) and a line at the median. The entity of the page, if any,
 * is a larger ringed dot named beside it. Withheld entities are not drawn and not in the table:
 * the chart receives only published values.
 *
 * The summary form (input with `bins`, an entity page among many siblings) is the same figure in
 * constant size, however many entities there are: a histogram of the published values in at
 * most BINS bins, a box (min, Q1, median, Q3, max) beneath it, the page's entity marked with its
 * value and rank; its table lists that summary, the entity's row and each bin's count.
 */
import { bin, precisionFixed, scaleLinear, ticks as d3ticks } from 'd3';
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
  ellipsizeToFit,
  svgRoot,
  text,
  textWidth,
  type ChartOptions,
  type ChartOutput,
} from './svg';

export interface DotStripLabels {
  /** Templates with {metric}, {per}, {count}, {min}, {max}, {q1}, {q3}, {median}, {best}, {worst}. */
  title: string;
  description: string;
  caption: string;
  columns: [string, string, string];
  /** "this outlet" beside the highlighted dot. */
  thisEntity: string;
}

export interface DotStripInput {
  /** The figure ("NPS") and the segment ("outlet"), both shown as text (escaped). */
  metric: string;
  per: string;
  /** Published entities only, any order. */
  dots: { label: string; n: number; value: number }[];
  q1: number;
  median: number;
  q3: number;
  direction: 'higher' | 'lower';
  /** The page's own entity, drawn apart. */
  highlight?: string;
}

/** One bin of the summary's histogram: published entities with from ≤ value < to (the last bin holds its upper end). */
export interface DotStripBin {
  from: number;
  to: number;
  count: number;
}

/** The summary form: the spread and a histogram of the published siblings, and the page's entity — no sibling one by one. */
export interface DotStripSummaryInput {
  metric: string;
  per: string;
  direction: 'higher' | 'lower';
  /** Published entities with a value. */
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** The entities at the low and the high end (names shown as text). */
  lowest: string;
  highest: string;
  /** binValues' output: contiguous, ascending. */
  bins: DotStripBin[];
  /** The page's entity: its value, its rank (1 = best) of `of`; absent when its figure is withheld. */
  own?: { value: number; rank: number; of: number };
}

/** The summary form's words; templates with the placeholders of DotStripLabels plus {value}, {rank}, {of}, {name}, {from}, {to}. */
export interface DotStripSummaryLabels {
  /** After the description: where the page's entity stands. */
  own: string;
  /** After the description when the entity's figure is withheld. */
  ownWithheld: string;
  /** Beside its mark in the SVG. */
  mark: string;
  caption: string;
  columns: [string, string];
  lowest: string;
  q1: string;
  median: string;
  q3: string;
  highest: string;
  ownRow: string;
  /** A bin's row (from ≤ value < to) and the last bin's (from ≤ value ≤ to). */
  bin: string;
  lastBin: string;
}

export interface DotStripOptions extends ChartOptions<DotStripLabels> {
  labels: DotStripLabels;
  /** Required for the summary form. */
  summaryLabels?: DotStripSummaryLabels;
  decimals?: number;
  signed?: boolean;
  /** Values are percentages 0–100 (CSAT top-2-box): printed with the percent sign, as FIGURE_KINDS.percent says (72.9%). */
  percent?: boolean;
}

const X0 = 30;
const R = 4;
const STEP = 2 * R + 1;

/** At most this many bins in the summary's histogram, whatever the number of entities. */
export const BINS = 20;

/**
 * The summary's histogram of `values` (published entities' values): bins on round boundaries
 * (d3's ticks over the values' extent), at most BINS of them; one bin when every value is equal.
 */
export function binValues(values: readonly number[], count = BINS): DotStripBin[] {
  if (values.length === 0) return [];
  let [lo, hi] = [Math.min(...values), Math.max(...values)];
  if (lo === hi) return [{ from: lo, to: hi, count: values.length }];
  [lo, hi] = scaleLinear().domain([lo, hi]).nice(count).domain() as [number, number];
  let thresholds = d3ticks(lo, hi, count);
  // d3's count is a hint: a bin width of 2 where 5 was asked can give more bins than BINS.
  if (thresholds.length - 1 > count) thresholds = d3ticks(lo, hi, Math.floor(count / 2));
  const bins = bin().domain([lo, hi]).thresholds(thresholds.slice(1, -1))([...values]);
  return bins.map((b) => ({ from: b.x0!, to: b.x1!, count: b.length }));
}

function isSummary(input: DotStripInput | DotStripSummaryInput): input is DotStripSummaryInput {
  return 'bins' in input;
}

export function dotStrip(input: DotStripInput | DotStripSummaryInput, options: DotStripOptions): ChartOutput {
  if (!options.layout) return bothLayouts(dotStrip, input, options);
  if (isSummary(input)) return summaryStrip(input, options);
  // The narrow layout (phones) is drawn 340 units wide so its text keeps its size; fewer ticks.
  const W = options.layout === 'narrow' ? NARROW_WIDTH : WIDE_WIDTH;
  const X1 = W - 30;
  const id = checkId(options.id);
  const L = options.labels;
  const f = resolveFormat(options.format);
  const d = options.decimals ?? 1;
  const fmt = (v: number) => (options.percent ? f.fraction(v / 100, d) : options.signed ? f.signed(v, d) : f.number(v, d));
  const values = input.dots.map((p) => p.value);
  const x = scaleLinear()
    .domain([Math.min(...values, input.q1), Math.max(...values, input.q3)])
    .range([X0, X1])
    .nice();
  // Stack dots that would overlap: each takes the lowest level whose last dot is a diameter away.
  const sorted = [...input.dots].sort((a, b) => a.value - b.value || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const ends: number[] = [];
  const placed = sorted.map((p) => {
    const cx = x(p.value);
    let level = ends.findIndex((end) => cx - end >= STEP);
    if (level < 0) level = ends.length;
    ends[level] = cx;
    return { ...p, cx, level };
  });
  const levels = Math.max(1, ends.length);
  const top = 34;
  const base = top + levels * STEP;
  const parts: string[] = [];
  parts.push(el('rect', { x: x(input.q1), y: top - 6, width: Math.max(1, x(input.q3) - x(input.q1)), height: levels * STEP + 6, fill: C.track }));
  parts.push(el('line', { x1: x(input.median), x2: x(input.median), y1: top - 10, y2: base, stroke: C.ink, 'stroke-dasharray': '4 3' }));
  for (const p of placed) {
    const cy = base - R - p.level * STEP;
    const mine = p.label === input.highlight;
    if (!mine) parts.push(el('circle', { cx: p.cx, cy, r: R, fill: C.accent, 'fill-opacity': 0.75 }));
  }
  const own = placed.find((p) => p.label === input.highlight);
  if (own) {
    const cy = base - R - own.level * STEP;
    parts.push(el('circle', { cx: own.cx, cy, r: R + 3, fill: C.surface, stroke: C.ink, 'stroke-width': 2 }));
    parts.push(el('circle', { cx: own.cx, cy, r: R - 1, fill: C.ink }));
    const label = `${fill(L.thisEntity, { per: input.per })}: ${fmt(own.value)}`;
    const right = own.cx < W / 2;
    parts.push(
      text(own.cx + (right ? 10 : -10), top - 14, ellipsize(label, options.layout === 'narrow' ? 22 : 40), {
        'text-anchor': right ? 'start' : 'end',
        'font-size': FS.label,
        'font-weight': 'bold',
      }),
    );
  }
  parts.push(el('line', { x1: X0, x2: X1, y1: base + 2, y2: base + 2, stroke: C.ink }));
  const ticks = x.ticks(options.layout === 'narrow' ? 3 : 6);
  const td = ticks.length > 1 ? precisionFixed(ticks[1] - ticks[0]) : 0;
  for (const t of ticks) {
    parts.push(el('line', { x1: x(t), x2: x(t), y1: base + 2, y2: base + 6, stroke: C.ink }));
    parts.push(
      text(x(t), base + 18, options.percent ? f.fraction(t / 100, td) : options.signed ? f.signed(t, td) : f.number(t, td), {
        'text-anchor': 'middle',
        'font-size': FS.small,
        fill: C.muted,
      }),
    );
  }
  const height = base + 28;
  const better = (a: { value: number }, b: { value: number }) => (input.direction === 'higher' ? b.value - a.value : a.value - b.value);
  const ranked = [...input.dots].sort((a, b) => better(a, b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const vars = {
    metric: input.metric,
    per: input.per,
    count: f.number(input.dots.length, 0),
    min: fmt(Math.min(...values)),
    max: fmt(Math.max(...values)),
    q1: fmt(input.q1),
    q3: fmt(input.q3),
    median: fmt(input.median),
    best: ranked[0]?.label ?? '—',
    worst: ranked[ranked.length - 1]?.label ?? '—',
  };
  // "from min (worst) to max (best)": for lower-is-better figures the ends swap names.
  const description = fill(L.description, input.direction === 'higher' ? vars : { ...vars, best: vars.worst, worst: vars.best });
  const title = fill(L.title, vars);
  const table = {
    caption: fill(L.caption, vars),
    columns: L.columns.map((c) => fill(c, vars)),
    rows: ranked.map((p) => [p.label, f.number(p.n, 0), fmt(p.value)]),
  };
  return { svg: svgRoot({ id, kind: 'dot-strip', width: W, height, title, description, body: parts.join('') }), title, description, table };
}

/** The summary form (see the module's comment): constant size, whatever the number of siblings. */
function summaryStrip(input: DotStripSummaryInput, options: DotStripOptions): ChartOutput {
  const S = options.summaryLabels;
  if (!S) throw new Error('dotStrip: the summary form needs options.summaryLabels');
  const narrow = options.layout === 'narrow';
  const W = narrow ? NARROW_WIDTH : WIDE_WIDTH;
  const X1 = W - 30;
  const id = checkId(options.id);
  const L = options.labels;
  const f = resolveFormat(options.format);
  const d = options.decimals ?? 1;
  const fmt = (v: number) => (options.percent ? f.fraction(v / 100, d) : options.signed ? f.signed(v, d) : f.number(v, d));
  const { bins, own } = input;
  const lo = Math.min(bins[0]?.from ?? input.min, input.min, own?.value ?? input.min);
  const hi = Math.max(bins[bins.length - 1]?.to ?? input.max, input.max, own?.value ?? input.max);
  const x = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([X0, X1])
    .nice();
  const top = 34;
  const histHeight = narrow ? 48 : 56;
  const histBase = top + histHeight;
  const most = Math.max(1, ...bins.map((b) => b.count));
  const parts: string[] = [];
  for (const b of bins) {
    if (b.count === 0) continue;
    const h = Math.max(2, (b.count / most) * histHeight);
    const x0 = x(b.from);
    const width = Math.max(2, x(b.to) - x0 - 1);
    parts.push(el('rect', { x: b.from === b.to ? x0 - 1 : x0 + 0.5, y: histBase - h, width, height: h, fill: C.accent, 'fill-opacity': 0.75 }));
  }
  parts.push(el('line', { x1: X0, x2: X1, y1: histBase, y2: histBase, stroke: C.grid }));
  // The box beneath: whiskers to min and max, the middle half, the median.
  const cy = histBase + 16;
  parts.push(el('line', { x1: x(input.min), x2: x(input.max), y1: cy, y2: cy, stroke: C.ink }));
  for (const v of [input.min, input.max]) parts.push(el('line', { x1: x(v), x2: x(v), y1: cy - 5, y2: cy + 5, stroke: C.ink }));
  parts.push(el('rect', { x: x(input.q1), y: cy - 7, width: Math.max(1, x(input.q3) - x(input.q1)), height: 14, fill: C.track, stroke: C.ink }));
  parts.push(el('line', { x1: x(input.median), x2: x(input.median), y1: cy - 9, y2: cy + 9, stroke: C.ink, 'stroke-width': 2 }));
  const vars = {
    metric: input.metric,
    per: input.per,
    count: f.number(input.count, 0),
    min: fmt(input.min),
    max: fmt(input.max),
    q1: fmt(input.q1),
    q3: fmt(input.q3),
    median: fmt(input.median),
    best: input.direction === 'higher' ? input.highest : input.lowest,
    worst: input.direction === 'higher' ? input.lowest : input.highest,
  };
  const ownVars = own && { ...vars, value: fmt(own.value), rank: f.number(own.rank, 0), of: f.number(own.of, 0) };
  if (own && ownVars) {
    const cx = x(own.value);
    parts.push(el('line', { x1: cx, x2: cx, y1: top - 8, y2: cy + 9, stroke: C.ink, 'stroke-width': 1.5, 'stroke-dasharray': '3 2' }));
    parts.push(el('circle', { cx, cy, r: R + 3, fill: C.surface, stroke: C.ink, 'stroke-width': 2 }));
    parts.push(el('circle', { cx, cy, r: R - 1, fill: C.ink }));
    // Centred over the mark, moved in to stay inside the drawing; cut only when wider than it.
    const label = ellipsizeToFit(fill(S.mark, ownVars), 80, W - 8, FS.label);
    const w = textWidth(label, FS.label);
    parts.push(text(Math.min(Math.max(4, cx - w / 2), W - 4 - w), top - 14, label, { 'font-size': FS.label, 'font-weight': 'bold' }));
  }
  const axis = cy + 16;
  parts.push(el('line', { x1: X0, x2: X1, y1: axis, y2: axis, stroke: C.ink }));
  const ticks = x.ticks(narrow ? 3 : 6);
  const td = ticks.length > 1 ? precisionFixed(ticks[1] - ticks[0]) : 0;
  const tick = (t: number, digits: number) => (options.percent ? f.fraction(t / 100, digits) : options.signed ? f.signed(t, digits) : f.number(t, digits));
  for (const t of ticks) {
    parts.push(el('line', { x1: x(t), x2: x(t), y1: axis, y2: axis + 4, stroke: C.ink }));
    parts.push(text(x(t), axis + 16, tick(t, td), { 'text-anchor': 'middle', 'font-size': FS.small, fill: C.muted }));
  }
  const height = axis + 26;
  const lead = fill(L.description, vars);
  const description = `${lead} ${ownVars ? fill(S.own, ownVars) : fill(S.ownWithheld, vars)}`;
  const title = fill(L.title, vars);
  // Bin edges are round numbers: printed with the precision their width needs.
  const width = bins.length > 0 ? bins[0].to - bins[0].from : 0;
  const bd = width > 0 ? precisionFixed(width) : d;
  const rows: string[][] = [
    [fill(S.lowest, { ...vars, name: input.lowest }), fmt(input.min)],
    [fill(S.q1, vars), fmt(input.q1)],
    [fill(S.median, vars), fmt(input.median)],
    [fill(S.q3, vars), fmt(input.q3)],
    [fill(S.highest, { ...vars, name: input.highest }), fmt(input.max)],
    ...(ownVars ? [[fill(S.ownRow, ownVars), ownVars.value]] : []),
    ...bins.map((b, i) => [fill(i === bins.length - 1 ? S.lastBin : S.bin, { ...vars, from: tick(b.from, bd), to: tick(b.to, bd) }), f.number(b.count, 0)]),
  ];
  const table = { caption: fill(S.caption, vars), columns: S.columns.map((c) => fill(c, vars)), rows };
  return { svg: svgRoot({ id, kind: 'dot-strip', width: W, height, title, description, body: parts.join('') }), title, description, table };
}
