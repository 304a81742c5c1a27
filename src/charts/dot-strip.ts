/**
 * Dispersion of one figure across the entities of a `per:` report (`<Dispersion metric/>`):
 * one dot per published entity on a common axis, stacked where dots would overlap, over a
 * band for the middle half (Q1–Q3) and a line at the median. The entity of the page, if any,
 * is a larger ringed dot named beside it. Withheld entities are not drawn and not in the table:
 * the chart receives only published values.
 */
import { precisionFixed, scaleLinear } from 'd3';
import { fill, resolveFormat } from './format';
import { C, FS, NARROW_WIDTH, WIDE_WIDTH, bothLayouts, checkId, el, ellipsize, svgRoot, text, type ChartOptions, type ChartOutput } from './svg';

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

export interface DotStripOptions extends ChartOptions<DotStripLabels> {
  labels: DotStripLabels;
  decimals?: number;
  signed?: boolean;
  /** Values are percentages 0–100 (CSAT top-2-box): printed with the percent sign, as FIGURE_KINDS.percent says (72.9%). */
  percent?: boolean;
}

const X0 = 30;
const R = 4;
const STEP = 2 * R + 1;

export function dotStrip(input: DotStripInput, options: DotStripOptions): ChartOutput {
  if (!options.layout) return bothLayouts(dotStrip, input, options);
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
