/**
 * One metric across waves: a line with points, the 95 % interval as a band, and a
 * marker between two waves whose change is significant (p < 0.05; the test named in
 * the Change). Suppressed waves break the line and say so; low-base points are hollow
 * and carry the mark.
 */
import { area, line, precisionFixed, scaleLinear, scalePoint } from 'd3';
import type { Change, Figures, GroupFigures } from '../schemas/figures';
import { DIMENSIONS, type Dimension } from '../schemas/questionnaire';
import { axisIsCut, trendExtent } from './axis';
import { FIGURE_KINDS, fill, resolveFormat } from './format';
import { chartComponent, type ChartStrings } from './component';
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
  r,
  svgRoot,
  text,
  withDefaults,
  type ChartOptions,
  type ChartOutput,
} from './svg';
import { z } from 'zod';
import { strict, columns } from './registry-schema';

/** This chart's labels, in every locale file under charts.trend (src/i18n/locales; English is the default). */
export const TrendLabelsSchema = strict({
  title: z.string(),
  interval: z.string(),
  better: z.string(),
  worse: z.string(),
  suppressed: z.string(),
  lowBase: z.string(),
  moved: z.string(),
  change: z.string(),
  significant: z.string(),
  notSignificant: z.string(),
  versus: z.string(),
  suppressedList: z.string(),
  columns: columns(4),
  caption: z.string(),
});
export type TrendLabels = z.infer<typeof TrendLabelsSchema>;

/** The English labels: the default of the builder and the `charts.trend` block of the en locale (composed from the registry). */
export const trendEn: TrendLabels = {
  title: '{label} by wave',
  interval: '95% interval',
  better: 'significant improvement',
  worse: 'significant decline',
  suppressed: 'suppressed (n < {min})',
  lowBase: '{mark} low base (n < {low}): read with caution.',
  moved: '{label} went from {first} in {firstWave} to {last} in {lastWave}.',
  change: 'The change from {from} to {to} ({difference}) is {verdict} (p = {p}).',
  significant: 'significant',
  notSignificant: 'not significant',
  versus: '{difference} vs {from}, {verdict} (p = {p})',
  suppressedList: 'Suppressed (n < {min}): {list}.',
  columns: ['Wave', 'Value', '95% interval', 'Change vs earlier wave'],
  caption: '{label} by wave, with 95% intervals',
};

export interface TrendPoint {
  wave: string;
  value?: number;
  ci95?: [number, number];
  suppressed?: boolean;
  low_base?: boolean;
}

export interface TrendInput {
  /** The metric as readers know it ("NPS"). */
  label: string;
  points: TrendPoint[];
  /** Changes between consecutive waves of this metric (figures.trend_changes filtered by the caller); each significant one gets a marker. */
  changes: Change[];
}

export interface TrendOptions extends ChartOptions<TrendLabels> {
  /** Decimals of values (default 1). */
  decimals?: number;
  /** Decimals of the changes between waves (default: the values'); NPS changes read in points with one decimal (src/i18n/format.ts). */
  differenceDecimals?: number;
  /** Show a sign on values (NPS). */
  signed?: boolean;
  /** Values are percentages 0–100 (CSAT top-2-box): printed with the percent sign, as FIGURE_KINDS.percent says (72.9%). */
  percent?: boolean;
  /** Keep zero on the y axis (the axis policy, src/charts/axis.ts); default: true for a signed metric (a gap, NPS). */
  zero?: boolean;
  /** The metric's possible range, e.g. [-100, 100] for NPS, [0, 100] for a percent: the y axis never leaves it. */
  bounds?: [number, number];
}

/** Wide: the legend on one line above the plot. Narrow: the legend stacked (three lines), three ticks. */
const GEOMETRY = {
  wide: { W: WIDE_WIDTH, H: 280, P: { left: 56, right: 650, top: 40, bottom: 248 }, ticks: 5, legend: 'row' },
  narrow: { W: NARROW_WIDTH, H: 320, P: { left: 44, right: 326, top: 80, bottom: 288 }, ticks: 3, legend: 'stack' },
} as const;

/** Builds the trend line for one metric. */
export function trend(input: TrendInput, options: TrendOptions): ChartOutput {
  if (!options.layout) return bothLayouts(trend, input, options);
  const { W, H, P, ticks: tickCount, legend } = GEOMETRY[options.layout];
  const id = checkId(options.id);
  const L = withDefaults<TrendLabels>(trendEn, options.labels);
  const f = resolveFormat(options.format);
  const min = options.minBase ?? DEFAULT_MIN_BASE;
  const low = options.lowBase ?? DEFAULT_LOW_BASE;
  const d = options.decimals ?? 1;
  const dd = options.differenceDecimals ?? d;
  const fmt = (v: number) => (options.percent ? f.fraction(v / 100, d) : options.signed ? f.signed(v, d) : f.number(v, d));
  const pts = input.points;
  const shown = pts.filter((p): p is TrendPoint & { value: number } => !p.suppressed && p.value !== undefined);

  // y domain by the axis policy (src/charts/axis.ts): zero kept for signed metrics, a minimum span tied to the intervals, rounded, inside the bounds.
  const extent = trendExtent({
    values: shown.map((p) => p.value),
    intervals: shown.flatMap((p) => (p.ci95 ? [p.ci95] : [])),
    zero: options.zero ?? !!options.signed,
    bounds: options.bounds,
    decimals: d,
  });
  const y = scaleLinear().domain(extent).nice(5);
  if (options.bounds) y.domain([Math.max(options.bounds[0], y.domain()[0]), Math.min(options.bounds[1], y.domain()[1])]);
  y.range([P.bottom, P.top]);
  const [d0, d1] = y.domain() as [number, number];
  const x = scalePoint<string>()
    .domain(pts.map((p) => p.wave))
    .range([P.left, P.right])
    .padding(0.5);
  const px = (p: TrendPoint) => x(p.wave)!;
  const parts: string[] = [];

  // Tick labels carry as many decimals as the tick step needs (0.2 → 1), so no two read alike.
  const ticks = y.ticks(tickCount);
  const td = ticks.length > 1 ? precisionFixed(ticks[1] - ticks[0]) : 0;
  for (const t of ticks) {
    parts.push(el('line', { x1: P.left, x2: P.right, y1: y(t), y2: y(t), stroke: t === 0 ? C.muted : C.grid }));
    parts.push(
      text(P.left - 6, y(t) + 4, options.percent ? f.fraction(t / 100, td) : options.signed ? f.signed(t, td) : f.number(t, td), {
        'text-anchor': 'end',
        'font-size': FS.small,
        fill: C.muted,
      }),
    );
  }
  const waveSize = legend === 'row' ? FS.base : FS.small;
  // An axis that leaves zero out is cut, and says so with a break mark on the edge zero is beyond.
  if (axisIsCut([d0, d1])) {
    const by = d0 > 0 ? P.bottom : P.top;
    parts.push(
      el(
        'g',
        { class: 'gr-axis-break' },
        [
          el('rect', { x: P.left - 1, y: by - 5, width: 14, height: 10, fill: C.surface }),
          el('path', {
            d: `M${r(P.left - 1)},${r(by + 1)}L${r(P.left + 13)},${r(by - 5)}M${r(P.left - 1)},${r(by + 5)}L${r(P.left + 13)},${r(by - 1)}`,
            stroke: C.muted,
            'stroke-width': 1.5,
          }),
        ].join(''),
      ),
    );
  }
  for (const p of pts) parts.push(text(px(p), P.bottom + 18, f.period(p.wave), { 'text-anchor': 'middle', 'font-size': waveSize, fill: C.ink }));

  const band = area<TrendPoint>()
    .defined((p) => !p.suppressed && p.ci95 !== undefined)
    .x(px)
    .y0((p) => y(p.ci95![0]))
    .y1((p) => y(p.ci95![1]))
    .digits(2);
  const path = line<TrendPoint>()
    .defined((p) => !p.suppressed && p.value !== undefined)
    .x(px)
    .y((p) => y(p.value!))
    .digits(2);
  parts.push(el('path', { d: band(pts) ?? '', fill: C.band, 'fill-opacity': 0.3 }));
  parts.push(el('path', { d: path(pts) ?? '', fill: 'none', stroke: C.accent, 'stroke-width': 2.5 }));

  let lowSeen = false;
  for (const p of pts) {
    const cx = px(p);
    if (p.suppressed || p.value === undefined) {
      const my = (P.top + P.bottom) / 2;
      parts.push(el('line', { x1: cx, x2: cx, y1: P.top + 10, y2: P.bottom - 10, stroke: C.grid, 'stroke-dasharray': '3 3' }));
      const note = p.suppressed ? fill(L.suppressed, { min }) : '—';
      const [a, b] = note.split(' (');
      parts.push(
        text(cx, my, a, {
          'text-anchor': 'middle',
          'font-size': FS.small,
          'font-style': 'italic',
          fill: C.muted,
          stroke: C.surface,
          'stroke-width': 3,
          'paint-order': 'stroke',
        }),
      );
      if (b)
        parts.push(
          text(cx, my + 14, `(${b}`, {
            'text-anchor': 'middle',
            'font-size': FS.small,
            'font-style': 'italic',
            fill: C.muted,
            stroke: C.surface,
            'stroke-width': 3,
            'paint-order': 'stroke',
          }),
        );
      continue;
    }
    if (p.ci95) {
      // Whiskers too: an isolated wave has no band to show its interval.
      const [a, b] = [y(p.ci95[0]), y(p.ci95[1])];
      parts.push(
        el('path', {
          d: `M${r(cx)},${r(a)}V${r(b)}M${r(cx - 4)},${r(a)}H${r(cx + 4)}M${r(cx - 4)},${r(b)}H${r(cx + 4)}`,
          stroke: C.accent,
          'stroke-width': 1,
          fill: 'none',
        }),
      );
    }
    const lb = !!p.low_base;
    lowSeen ||= lb;
    parts.push(el('circle', { cx, cy: y(p.value), r: 4.5, fill: lb ? C.surface : C.accent, stroke: C.accent, 'stroke-width': 2 }));
    parts.push(
      text(cx, y(p.ci95 ? Math.max(p.ci95[1], p.value) : p.value) - 8, fmt(p.value) + (lb ? ` ${LOW_BASE_MARK}` : ''), {
        'text-anchor': 'middle',
        'font-size': FS.base,
        'font-weight': 'bold',
      }),
    );
  }

  // Significance markers between the two waves a change compares.
  const byWave = new Map(pts.map((p) => [p.wave, p]));
  for (const c of input.changes) {
    const a = byWave.get(c.from);
    const b = byWave.get(c.to);
    if (!c.significant || !a || !b || a.value === undefined || b.value === undefined) continue;
    const mx = (px(a) + px(b)) / 2;
    const my = (y(a.value) + y(b.value)) / 2 + 18;
    const up = c.difference > 0 ? -1 : 1;
    const colour = c.direction === 'worse' ? C.bad : c.direction === 'better' ? C.good : C.muted;
    parts.push(
      el('path', { d: `M${r(mx)},${r(my + up * 7)}L${r(mx + 7)},${r(my - up * 5)}L${r(mx - 7)},${r(my - up * 5)}Z`, fill: colour, stroke: C.surface }),
    );
  }

  // Legend: one row (wide), or one entry a line (narrow).
  // x: the swatch's left edge (the interval) or the triangle's tip (the changes).
  const entry = (i: number) => (legend === 'row' ? { x: P.left + [0, 140, 320][i], y: 16 } : { x: 12 + [0, 11, 11][i], y: 16 + i * 18 });
  const [l0, l1, l2] = [entry(0), entry(1), entry(2)];
  parts.push(el('rect', { x: l0.x, y: l0.y - 8, width: 18, height: 10, fill: C.band, 'fill-opacity': 0.3 }));
  parts.push(text(l0.x + 24, l0.y + 1, L.interval, { 'font-size': FS.small, fill: C.muted }));
  parts.push(el('path', { d: `M${l1.x},${l1.y - 6}L${l1.x + 7},${l1.y + 5}L${l1.x - 7},${l1.y + 5}Z`, fill: C.good }));
  parts.push(text(l1.x + 13, l1.y + 1, L.better, { 'font-size': FS.small, fill: C.muted }));
  parts.push(el('path', { d: `M${l2.x},${l2.y + 5}L${l2.x + 7},${l2.y - 6}L${l2.x - 7},${l2.y - 6}Z`, fill: C.bad }));
  parts.push(text(l2.x + 13, l2.y + 1, L.worse, { 'font-size': FS.small, fill: C.muted }));
  let height = H;
  const lowNote = fill(L.lowBase, { mark: LOW_BASE_MARK, low });
  if (lowSeen) {
    parts.push(text(12, H + 10, lowNote, { 'font-size': FS.small, fill: C.muted }));
    height += 20;
  }

  const sentences: string[] = [];
  if (shown.length) {
    const [first, last] = [shown[0], shown[shown.length - 1]];
    sentences.push(
      fill(L.moved, { label: input.label, first: fmt(first.value), firstWave: f.period(first.wave), last: fmt(last.value), lastWave: f.period(last.wave) }),
    );
  }
  const verdict = (c: Change) => (c.significant ? L.significant : L.notSignificant);
  // "p = 0.000" reads as certainty; below 0.001 the text says "p < 0.001", as the report does.
  const withP = (template: string, vars: Record<string, string>, p: number) =>
    p < 0.001 ? fill(template, { ...vars, p: `< ${f.number(0.001, 3)}` }).replace(/= </g, '<') : fill(template, { ...vars, p: f.number(p, 3) });
  const latest = input.changes[input.changes.length - 1];
  if (latest) {
    sentences.push(
      withP(
        L.change,
        { from: f.period(latest.from), to: f.period(latest.to), difference: f.signed(latest.difference, dd), verdict: verdict(latest) },
        latest.p,
      ),
    );
  }
  const hidden = pts.filter((p) => p.suppressed).map((p) => f.period(p.wave));
  if (hidden.length) sentences.push(fill(L.suppressedList, { min, list: hidden.join(', ') }));
  if (lowSeen) sentences.push(lowNote);
  const description = sentences.join(' ');
  const title = fill(L.title, { label: input.label });
  const table = {
    caption: fill(L.caption, { label: input.label }),
    columns: [...L.columns],
    rows: pts.map((p) => {
      const c = input.changes.find((ch) => ch.to === p.wave);
      const value = p.suppressed ? fill(L.suppressed, { min }) : p.value === undefined ? '—' : fmt(p.value) + (p.low_base ? ` ${LOW_BASE_MARK}` : '');
      const ci = !p.suppressed && p.ci95 ? `${fmt(p.ci95[0])} – ${fmt(p.ci95[1])}` : '';
      return [
        f.period(p.wave),
        value,
        ci,
        c ? withP(L.versus, { difference: f.signed(c.difference, dd), from: f.period(c.from), verdict: verdict(c) }, c.p) : '',
      ];
    }),
  };
  return { svg: svgRoot({ id, kind: 'trend', width: W, height, title, description, body: parts.join('') }), title, description, table };
}

/** The metrics a trend is drawn of: the headline figures and each dimension's gap. */
export const TREND_METRICS = ['nps', 'csat', 'ces', 'overall', 'servqual', ...DIMENSIONS] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

interface Series {
  /** Figure id of the value inside a wave (and of its changes in figures.trend_changes). */
  changeId: string;
  point: (g: GroupFigures) => Omit<TrendPoint, 'wave'>;
  options: Pick<TrendOptions, 'decimals' | 'differenceDecimals' | 'signed' | 'bounds'>;
}

const absent = {};

function series(metric: TrendMetric): Series {
  switch (metric) {
    case 'nps':
      return {
        changeId: 'nps.score',
        options: { decimals: FIGURE_KINDS.score.decimals, differenceDecimals: FIGURE_KINDS.points.decimals, signed: true, bounds: [-100, 100] },
        point: (g) => (!g.nps ? absent : g.nps.suppressed ? { suppressed: true } : { value: g.nps.score, ci95: g.nps.ci95, low_base: g.nps.low_base }),
      };
    case 'csat':
      return {
        changeId: 'csat.top2box',
        options: { decimals: FIGURE_KINDS.percent.decimals, differenceDecimals: FIGURE_KINDS.points.decimals, bounds: [0, 100] },
        point: (g) => (!g.csat ? absent : g.csat.suppressed ? { suppressed: true } : { value: g.csat.top2box, ci95: g.csat.ci95, low_base: g.csat.low_base }),
      };
    case 'ces':
    case 'overall':
      return {
        changeId: `${metric}.mean`,
        options: { decimals: FIGURE_KINDS.mean.decimals, differenceDecimals: FIGURE_KINDS.gap.decimals },
        point: (g) => {
          const m = g[metric];
          return !m ? absent : m.suppressed ? { suppressed: true } : { value: m.mean, ci95: m.ci95, low_base: m.low_base };
        },
      };
    case 'servqual':
      return {
        changeId: 'servqual.unweighted',
        options: { decimals: FIGURE_KINDS.gap.decimals, differenceDecimals: FIGURE_KINDS.gap.decimals, signed: true },
        point: (g) => (g.servqual?.unweighted === undefined ? absent : { value: g.servqual.unweighted }),
      };
    default: {
      const dim: Dimension = metric;
      return {
        changeId: `servqual.dimensions.${dim}.gap`,
        options: { decimals: FIGURE_KINDS.gap.decimals, differenceDecimals: FIGURE_KINDS.gap.decimals, signed: true },
        point: (g) => {
          const d = g.servqual?.dimensions[dim];
          return !d ? absent : d.suppressed ? { suppressed: true } : d.gap === undefined ? absent : { value: d.gap, ci95: d.gap_ci95, low_base: d.low_base };
        },
      };
    }
  }
}

/** The strings a trend's label is written from (the report's locale). */
type TrendStrings = Pick<ChartStrings, 'metrics' | 'dimensionGap' | 'dimension'>;

/** The label a trend of `metric` carries in the report's locale. */
export function trendLabel(metric: TrendMetric, t: TrendStrings): string {
  if ((DIMENSIONS as readonly string[]).includes(metric)) return fill(t.dimensionGap, { dimension: t.dimension[metric as Dimension] });
  return t.metrics[metric as keyof ChartStrings['metrics']];
}

/**
 * Selects one metric across figures.waves, with the tests figures.trend_changes holds for
 * it: one per pair of consecutive waves up to the report's wave, so every pair can carry a
 * marker. Figures written before trend_changes existed fall back to figures.changes (the
 * report's wave against the one before).
 */
export function trendInput(figures: Figures, metric: TrendMetric, t: TrendStrings): { input: TrendInput; options: Series['options']; measured: boolean } {
  const s = series(metric);
  const points: TrendPoint[] = figures.waves.map((w) => ({ wave: w.wave, ...s.point(w) }));
  const pairs = (figures.trend_changes ?? []).filter((c) => c.metric === s.changeId);
  const changes: Change[] = pairs.length ? pairs : figures.changes.filter((c) => c.metric === s.changeId);
  const measured = points.some((p) => p.value !== undefined || p.suppressed);
  return { input: { label: trendLabel(metric, t), points, changes }, options: s.options, measured };
}

/**
 * <Trend metric="nps"/>: one metric across the survey waves with 95 % intervals and a marker
 * where a change is significant (p < 0.05); servqual is the unweighted score, a dimension its gap
 * P − E (band: gap_ci95). A metric absent from every wave says "not measured".
 */
export const trendComponent = chartComponent(trend, {
  name: 'Trend',
  schema: z.object({
    metric: z.enum(TREND_METRICS).describe('`nps`, `csat`, `ces`, `overall`, `servqual`, or a dimension (`reliability`, …: its gap)'),
  }),
  props: { metric: { kind: 'choice', example: 'nps' } },
  guide: { title: 'across waves', example: { metric: 'nps' } },
  select: ({ figures, t, noResponses }, { metric }) => {
    const { input, options, measured } = trendInput(figures, metric, t);
    if (!measured)
      return noResponses ? { fallback: noResponses, className: 'no-data' } : { fallback: `${input.label}: ${t.notMeasured}`, className: 'not-measured' };
    // CSAT is a percentage (FIGURE_KINDS.percent): its values read with the sign, as on the cards.
    return { input, options: { ...options, percent: metric === 'csat' }, prefix: `trend-${metric}`, kind: 'trend' };
  },
});
