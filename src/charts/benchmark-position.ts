/**
 * Benchmark position for one metric: peers as dots, quartile bands, the median and
 * top-quartile marks and the company highlighted with its percentile. The axis is
 * oriented so better is always to the right (reversed for lower-is-better metrics,
 * and the chart says so). With published quantiles only, bands run p10–p25–median–p75–p90.
 */
import { precisionFixed, scaleLinear } from 'd3';
import { benchmarkQuantiles } from '../analysis/benchmarks';
import type { BenchmarkFigure } from '../schemas/figures';
import { FIGURE_KINDS, METRIC_KINDS, fill, metricKinds, resolveFormat, unitDecimals } from './format';
import {
  C,
  FS,
  NARROW_WIDTH,
  WIDE_WIDTH,
  bothLayouts,
  checkId,
  el,
  lines,
  r,
  svgRoot,
  text,
  textWidth,
  withDefaults,
  wrap,
  type ChartOptions,
  type ChartOutput,
} from './svg';
import { z } from 'zod';
import { chartComponent } from './component';
import type { Figures } from '../schemas/figures';
import { strict, labelsFor, columns } from './registry-schema';

/** This chart's labels, in every locale file under charts.benchmarkPosition (src/i18n/locales; English is the default). */
export const BenchmarkPositionLabelsSchema = strict({
  title: z.string(),
  better: z.string(),
  reversed: z.string(),
  companyMark: z.string(),
  censored: labelsFor(['below', 'above']),
  median: z.string(),
  topQuartile: z.string(),
  /** The four quartile bands, worst first. */
  bands: columns(4),
  /** A band that is not one quartile (published quantiles with gaps): oriented percent range. */
  bandRange: z.string(),
  source: z.string(),
  peers: z.string(),
  published: z.string(),
  position: z.string(),
  gapMedian: z.string(),
  gapTop: z.string(),
  /** The best-in-class mark outside the industry ({value}); its sentence ({who}, {value}, {gap}, {source}); its table row ({who}). */
  bestInClass: z.string(),
  gapBest: z.string(),
  bestRow: z.string(),
  orientation: z.string(),
  orientationReversed: z.string(),
  columns: columns(2),
  you: z.string(),
  caption: z.string(),
  /** Data-table row names of the published statistics (summary keys); another key shows as written. */
  statistics: labelsFor(['p10', 'p25', 'median', 'p75', 'p90', 'mean']),
});
export type BenchmarkPositionLabels = z.infer<typeof BenchmarkPositionLabelsSchema>;

/** The English labels: the default of the builder and the `charts.benchmarkPosition` block of the en locale (composed from the registry). */
export const benchmarkPositionEn: BenchmarkPositionLabels = {
  title: '{metric} against the {industry} industry',
  better: 'better →',
  reversed: 'lower is better: axis reversed',
  companyMark: '{company}: {value} · {percentile} percentile',
  censored: { below: 'below every published quantile', above: 'above every published quantile' },
  median: 'median {value}',
  topQuartile: 'top quartile {value}',
  bands: ['bottom 25%', '25–50%', '50–75%', 'top 25%'],
  bandRange: '{a}–{b}%',
  source: 'Source: {source}',
  peers: '{n} {industry} peers',
  published: 'published {industry} quantiles',
  position: "{company}'s {metric} of {value} ranks at the {percentile} percentile of {against} ({period}), quartile {quartile} of 4.",
  gapMedian: 'Against the median ({median}): {gap} (positive is better).',
  gapTop: 'Against the top quartile ({top}): {gap}.',
  bestInClass: 'best in class {value}',
  gapBest: 'Against the best in class outside the industry, {who} ({value}, {source}): {gap}.',
  bestRow: 'Best in class: {who}',
  orientation: 'Higher is better; better is to the right.',
  orientationReversed: 'Lower is better, so the axis is reversed: better is to the right.',
  columns: ['Company or statistic', 'Value'],
  you: '{company} (percentile {percentile})',
  caption: '{metric}: {industry} benchmark, {period}',
  statistics: { p10: '10th percentile', p25: '25th percentile', median: 'Median', p75: '75th percentile', p90: '90th percentile', mean: 'Mean' },
};

export interface BenchmarkPositionInput {
  figure: BenchmarkFigure;
  /** The report's company (frontmatter `company`). */
  company: string;
  /** The metric as readers know it ("NPS"); default the metric id. */
  metricLabel?: string;
}

export interface BenchmarkPositionOptions extends ChartOptions<BenchmarkPositionLabels> {
  /** Decimals for values (default 0 when every value is whole, else 1). */
  decimals?: number;
  /** Show a sign on values, as NPS reads ("+13", "median +22"); default: true for the `nps` metric. */
  signed?: boolean;
  /** The values' unit: `percent` prints them with the locale's percent sign ("77,8%", "77,8 %"); default a bare number. */
  unit?: string;
}

/** Narrow: three ticks; the company's label, the orientation note and the source wrap onto their own lines. */
const GEOMETRY = {
  wide: { W: WIDE_WIDTH, X0: 30, X1: 650, ticks: 6 },
  narrow: { W: NARROW_WIDTH, X0: 16, X1: 324, ticks: 3 },
} as const;
const BAND = { top: 56, bottom: 128 };

/** Builds the benchmark strip for one `BenchmarkFigure`. */
export function benchmarkPosition(input: BenchmarkPositionInput, options: BenchmarkPositionOptions): ChartOutput {
  if (!options.layout) return bothLayouts(benchmarkPosition, input, options);
  const narrow = options.layout === 'narrow';
  const { W, X0, X1, ticks: tickCount } = GEOMETRY[options.layout];
  const id = checkId(options.id);
  const L = withDefaults<BenchmarkPositionLabels>(benchmarkPositionEn, options.labels);
  const f = resolveFormat(options.format);
  const { figure: b, company } = input;
  const metric = input.metricLabel ?? b.metric;
  const lower = b.direction === 'lower';
  // peer_values come sorted and the band edges come from analysis: the chart only draws.
  const peers = b.peer_values;
  const sorted = peers.map((p) => p.value);
  const s = b.summary ?? {};
  const known = benchmarkQuantiles(b);
  const defined = (v: number | undefined): v is number => v !== undefined;
  const best = b.best_in_class;
  const all = [...sorted, ...known.map(([, v]) => v), b.value, b.median, b.top_quartile, best?.value].filter(defined);
  const given = [...sorted, ...Object.values(s), b.value, b.median, b.top_quartile, best?.value].filter(defined);
  const whole = given.every((v) => Number.isInteger(v));
  const signed = options.signed ?? b.metric === 'nps';
  const digits = options.decimals ?? (whole ? 0 : 1);
  // Gaps read as the policy prints the metric's differences (src/i18n/format.ts): NPS and percentages in points, KPIs by unit, means with two decimals.
  const gapDigits = (g: number) =>
    options.unit === 'percent' || b.metric === 'nps'
      ? FIGURE_KINDS.points.decimals
      : options.unit
        ? unitDecimals(options.unit, g, 'change')
        : b.metric in METRIC_KINDS
          ? FIGURE_KINDS[metricKinds(b.metric).difference].decimals
          : 1;
  // A level with a unit reads as the policy prints that unit's levels (whole when whole: a 73% median, a 72.9% company).
  const levelDigits = (v: number) => (options.unit ? unitDecimals(options.unit, v, 'level') : digits);
  const num = (v: number) => (options.unit === 'percent' ? f.fraction(v / 100, levelDigits(v)) : (signed ? f.signed : f.number)(v, levelDigits(v)));
  let [lo, hi] = [Math.min(...all), Math.max(...all)];
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.06;
  [lo, hi] = [lo - pad, hi + pad];
  const x = scaleLinear()
    .domain([lo, hi])
    .range(lower ? [X1, X0] : [X0, X1]);
  const parts: string[] = [];

  // Bands between consecutive known quantiles, shaded darker towards "better".
  for (let i = 0; i + 1 < known.length; i++) {
    const [[p0, v0], [p1, v1]] = [known[i], known[i + 1]];
    // Oriented share of the industry below the band's ends: 0 = worst, 1 = best.
    const [o0, o1] = lower ? [1 - p1, 1 - p0] : [p0, p1];
    const rank = Math.min(3, Math.floor(((o0 + o1) / 2) * 4));
    const quartile = Math.floor(o0 * 4 + 1e-9) === Math.floor(o1 * 4 - 1e-9);
    const label = quartile ? L.bands[rank] : fill(L.bandRange, { a: Math.round(o0 * 100), b: Math.round(o1 * 100) });
    const [a, c] = [x(v0), x(v1)];
    const [left, right] = [Math.min(a, c), Math.max(a, c)];
    parts.push(
      el('rect', {
        x: left,
        y: BAND.top,
        width: Math.max(0.5, right - left),
        height: BAND.bottom - BAND.top,
        fill: C.band,
        'fill-opacity': [0.1, 0.2, 0.32, 0.48][rank],
      }),
    );
    if (right - left > textWidth(label, FS.small) + 8) {
      parts.push(text((left + right) / 2, BAND.bottom - 6, label, { 'text-anchor': 'middle', 'font-size': FS.small, fill: C.ink }));
    }
  }

  // Peers: dots in lanes so ties and near-ties stay visible.
  const lanes: number[] = [];
  const offsets = [0, -12, 12, -24, 24];
  for (const p of peers) {
    const px = x(p.value);
    let lane = lanes.findIndex((last) => Math.abs(px - last) >= 11);
    if (lane === -1) lane = lanes.length < offsets.length ? lanes.length : 0;
    lanes[lane] = px;
    parts.push(el('circle', { cx: px, cy: 86 + offsets[lane], r: 5, fill: C.muted, stroke: C.surface, 'stroke-width': 1 }));
  }

  // Median and top-quartile marks, labels pushed apart; the best in class (outside the
  // industry) dotted and in the accent colour, so it never reads as one of the industry's.
  const marks = [
    { v: b.median, label: (v: number) => fill(L.median, { value: num(v) }), dash: '4 3', stroke: C.ink, kind: undefined },
    { v: b.top_quartile, label: (v: number) => fill(L.topQuartile, { value: num(v) }), dash: undefined, stroke: C.ink, kind: undefined },
    { v: best?.value, label: (v: number) => fill(L.bestInClass, { value: num(v) }), dash: '1.5 2.5', stroke: C.accent, kind: 'best-in-class' },
  ]
    .filter((m): m is typeof m & { v: number } => m.v !== undefined)
    .map((m) => ({ ...m, label: m.label(m.v) }))
    .sort((m, n) => x(m.v) - x(n.v));
  const cx = x(b.value);
  // Each label sits left of its line for the first mark, right for the last, and flips
  // side when it would cross the company's line or the other label.
  const taken: [number, number][] = [];
  const clear = ([a, c]: [number, number]) => a >= 2 && c <= W - 2 && !(a - 3 < cx && cx < c + 3) && taken.every(([p, q]) => c + 6 <= p || a >= q + 6);
  const labels = marks.map((m, i) => {
    parts.push(
      el('line', {
        x1: x(m.v),
        x2: x(m.v),
        y1: BAND.top - 8,
        y2: BAND.bottom,
        stroke: m.stroke,
        'stroke-width': m.kind ? 2.5 : 1.5,
        'stroke-dasharray': m.dash,
        'data-mark': m.kind,
      }),
    );
    const w = textWidth(m.label, FS.small);
    const left: [number, number] = [x(m.v) - 4 - w, x(m.v) - 4];
    const right: [number, number] = [x(m.v) + 4, x(m.v) + 4 + w];
    const prefer = i === 0 && marks.length > 1 ? [left, right] : [right, left];
    // Crowded (a narrow chart): the label takes the row above, inside the drawing.
    const crowded = narrow && !prefer.some(clear);
    const span = prefer.find(clear) ?? (crowded ? prefer.find(([a, c]) => a >= 2 && c <= W - 2) : undefined) ?? prefer[0];
    if (!crowded) taken.push(span);
    const onLeft = span === left;
    return text(x(m.v) + (onLeft ? -4 : 4), crowded ? BAND.top - 26 : BAND.top - 12, m.label, {
      'text-anchor': onLeft ? 'end' : 'start',
      'font-size': FS.small,
      fill: m.kind ? C.accent : C.ink,
      stroke: C.surface,
      'stroke-width': 3,
      'paint-order': 'stroke',
    });
  });

  // The company.
  const pct = f.ordinal(b.percentile);
  let label = fill(L.companyMark, { company, value: num(b.value), percentile: pct });
  if (b.censored) label += ` (${L.censored[b.censored]})`;
  const lw = textWidth(label, FS.label);
  const anchor = cx + lw / 2 > W - 8 ? 'end' : cx - lw / 2 < 8 ? 'start' : 'middle';
  parts.push(el('line', { x1: cx, x2: cx, y1: narrow ? 34 : 28, y2: 86, stroke: C.highlight, 'stroke-width': 2 }));
  parts.push(el('line', { x1: cx, x2: cx, y1: BAND.bottom + 4, y2: BAND.bottom + 10, stroke: C.highlight, 'stroke-width': 3 }));
  parts.push(
    el('path', {
      d: `M${r(cx)},${r(86 - 9)}L${r(cx + 9)},86L${r(cx)},${r(86 + 9)}L${r(cx - 9)},86Z`,
      fill: C.highlight,
      stroke: C.surface,
      'stroke-width': 1.5,
    }),
  );
  const lx = anchor === 'end' ? cx + 4 : anchor === 'start' ? cx - 4 : cx;
  const companyStyle = { 'text-anchor': anchor, 'font-size': FS.label, 'font-weight': 'bold' };
  // Narrow: a label wider than the chart takes two lines, the first higher up.
  const companyLines = narrow && lw > W - 16 ? wrap(label, Math.floor((W - 16) / (FS.label * 0.56)), 2) : [label];
  const anchored = (companyLines.length > 1 ? 'start' : anchor) as typeof anchor;
  parts.push(
    companyLines.length > 1
      ? lines(8, 14, companyLines, 14, { ...companyStyle, 'text-anchor': anchored })
      : narrow
        ? text(Math.min(Math.max(8, cx - lw / 2), W - 8 - lw), 14, label, { ...companyStyle, 'text-anchor': 'start' })
        : text(lx, 20, label, companyStyle),
  );
  // Mark labels over the company's line, with a halo, should they still meet it.
  parts.push(...labels);

  // Axis, orientation note, source.
  const ay = BAND.bottom + 4;
  parts.push(el('line', { x1: X0, x2: X1, y1: ay, y2: ay, stroke: C.ink }));
  const ticks = x.ticks(tickCount);
  const tickDecimals = ticks.length > 1 ? precisionFixed(ticks[1] - ticks[0]) : 0;
  for (const t of ticks) {
    parts.push(el('line', { x1: x(t), x2: x(t), y1: ay, y2: ay + 4, stroke: C.ink }));
    parts.push(text(x(t), ay + 17, (signed ? f.signed : f.number)(t, tickDecimals), { 'text-anchor': 'middle', 'font-size': FS.small, fill: C.muted }));
  }
  parts.push(text(X1, ay + 36, `${metric}, ${L.better}`, { 'text-anchor': 'end', 'font-size': FS.small, 'font-weight': 'bold', fill: C.ink }));
  // Narrow: the orientation note under the axis label, not beside it; the source wraps.
  const noteY = narrow ? ay + 52 : ay + 36;
  if (lower) parts.push(text(X0, noteY, L.reversed, { 'font-size': FS.small, fill: C.ink }));
  const sourceY = narrow ? noteY + (lower ? 20 : 4) : ay + 58;
  const source = narrow ? wrap(fill(L.source, { source: b.source }), Math.floor((W - 24) / (FS.small * 0.56)), 3) : [fill(L.source, { source: b.source })];
  parts.push(
    source.length > 1
      ? lines(X0, sourceY, source, 14, { 'font-size': FS.small, fill: C.muted })
      : text(X0, sourceY, source[0], { 'font-size': FS.small, fill: C.muted }),
  );
  const height = sourceY + (source.length - 1) * 14 + 12;

  const bestWho = best ? (best.company ?? (best.statistic ? ((L.statistics as Record<string, string>)[best.statistic] ?? best.statistic) : '')) : '';
  const against = b.method === 'peers' ? fill(L.peers, { n: b.peers, industry: b.industry }) : fill(L.published, { industry: b.industry });
  const description = [
    fill(L.position, { company, metric, value: num(b.value), percentile: pct, against, period: f.period(b.period), quartile: b.quartile }) +
      (b.censored ? ` (${L.censored[b.censored]})` : ''),
    b.median !== undefined && b.gap_to_median !== undefined
      ? fill(L.gapMedian, { median: num(b.median), gap: f.signed(b.gap_to_median, gapDigits(b.gap_to_median)) })
      : '',
    b.top_quartile !== undefined && b.gap_to_top_quartile !== undefined
      ? fill(L.gapTop, { top: num(b.top_quartile), gap: f.signed(b.gap_to_top_quartile, gapDigits(b.gap_to_top_quartile)) })
      : '',
    best ? fill(L.gapBest, { who: bestWho, value: num(best.value), gap: f.signed(best.gap, gapDigits(best.gap)), source: best.source }) : '',
    lower ? L.orientationReversed : L.orientation,
    fill(L.source, { source: b.source }),
  ]
    .filter(Boolean)
    .join(' ');
  const title = fill(L.title, { metric, industry: b.industry });
  const rows: string[][] = [[fill(L.you, { company, percentile: pct }), num(b.value)]];
  const order = ['p10', 'p25', 'median', 'p75', 'p90', 'mean'];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  for (const [k, v] of Object.entries(s).sort(([a], [c]) => rank(a) - rank(c) || a.localeCompare(c)))
    rows.push([(L.statistics as Record<string, string>)[k] ?? k, num(v)]);
  for (const p of peers) rows.push([p.company, num(p.value)]);
  if (best) rows.push([fill(L.bestRow, { who: bestWho }), num(best.value)]);
  const table = { caption: fill(L.caption, { metric, industry: b.industry, period: f.period(b.period) }), columns: [...L.columns], rows };
  return { svg: svgRoot({ id, kind: 'benchmark-position', width: W, height, title, description, body: parts.join('') }), title, description, table };
}

/** Metrics a benchmark may be asked for: those benchmarked, the survey headlines and every KPI (absent ones render "not measured"). */
export const benchmarkMetrics = (f: Figures) => [...new Set(['nps', 'csat', 'ces', ...f.kpis.map((k) => k.metric), ...f.benchmarks.map((b) => b.metric)])];

/**
 * <BenchmarkPosition metric="nps"/>: the company's value among its industry peers (or the
 * published quantiles); without a company value or a benchmark for the metric, an explicit
 * "not measured" instead of a chart.
 */
export const benchmarkPositionComponent = chartComponent(benchmarkPosition, {
  name: 'BenchmarkPosition',
  schema: z.object({
    metric: z.string().describe('`nps`, `csat`, `ces` or a KPI metric such as `fcr_rate`'),
  }),
  props: { metric: { kind: 'choice', example: 'nps', values: benchmarkMetrics } },
  guide: { title: 'against the industry', example: { metric: 'nps' } },
  select: ({ figures, t, company }, { metric }) => {
    const label = t.shortMetrics[metric] ?? t.kpiMetrics[metric] ?? metric;
    const figure = figures.benchmarks.find((b) => b.metric === metric);
    if (!figure) return { fallback: fill(t.benchmark.notMeasured, { metric: label }), className: 'not-measured', attributes: { 'data-metric': metric } };
    // A percentage reads with its sign ("77,8%"): the standard on the same metric names the unit; CSAT is a top-2-box share.
    const unit = metric === 'csat' ? 'percent' : figures.kpis.find((k) => k.metric === metric)?.unit;
    return {
      input: { figure: { ...figure, industry: t.industries[figure.industry] ?? figure.industry }, company, metricLabel: label },
      options: { decimals: metric === 'nps' ? 0 : metric === 'ces' ? 2 : 1, unit },
      prefix: `benchmark-${metric.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      kind: 'benchmark-position',
    };
  },
});
