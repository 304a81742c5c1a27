/**
 * KPI scorecard: one bullet chart per service standard — delivered value (bar) against
 * the target (marker), the tolerance band hatched as the "at risk" zone, a status symbol
 * (met ✓ / at risk ! / missed ✗, each its own shape) and the trend per period.
 * Lower-is-better metrics keep a left-to-right axis and say so in their label; their
 * met zone sits left of the target.
 */
import { scaleLinear } from 'd3';
import { KpiSchema, type Kpi } from '../schemas/figures';
import { fill, resolveFormat, unitDecimals, type ChartFormat } from './format';
import { statusMark, trendArrow } from './marks';
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
import { chartComponent } from './component';
import { strict, labelsFor } from './registry-schema';

/** This chart's labels, in every locale file under charts.kpiScorecard (src/i18n/locales; English is the default). */
export const KpiScorecardLabelsSchema = strict({
  title: z.string(),
  standard: z.string(),
  bullet: z.string(),
  value: z.string(),
  status: z.string(),
  trend: z.string(),
  target: z.string(),
  targetColumn: z.string(),
  higher: z.string(),
  lower: z.string(),
  statuses: labelsFor(KpiSchema.shape.status.options),
  metZone: z.string(),
  riskZone: z.string(),
  targetMark: z.string(),
  /** Units of the standards' values ('{v} s'); `points` are percentage points (a change in a percent or rate). */
  seconds: z.string(),
  days: z.string(),
  points: z.string(),
  summary: z.string(),
  item: z.string(),
  itemNotMeasured: z.string(),
  period: z.string(),
  caption: z.string(),
  perPeriod: z.string(),
});
export type KpiScorecardLabels = z.infer<typeof KpiScorecardLabelsSchema>;

/** The English labels: the default of the builder and the `charts.kpiScorecard` block of the en locale (composed from the registry). */
export const kpiScorecardEn: KpiScorecardLabels = {
  title: 'Service standards: delivered vs target',
  standard: 'Standard',
  bullet: 'Delivered vs target',
  value: 'Delivered',
  status: 'Status',
  trend: 'Trend',
  target: 'target {target}',
  targetColumn: 'Target',
  higher: 'higher is better',
  lower: 'lower is better',
  statuses: { met: 'met', 'at risk': 'at risk', missed: 'missed', 'not measured': 'not measured' },
  metZone: 'meets target',
  riskZone: 'at risk (within tolerance)',
  targetMark: 'target',
  seconds: '{v} s',
  days: '{v} days',
  points: '{v} pts',
  summary: '{k} of {n} standards met in {period}.',
  item: '{label}: {value} vs target {target} ({direction}), {status}.',
  itemNotMeasured: '{label}: not measured (target {target}).',
  period: 'Period',
  caption: 'Delivered values against the service standards',
  perPeriod: '{v} per period',
};

export type KpiScorecardInput = Kpi[];

/**
 * Values in the metric's unit: seconds, days, percent (0–100), rate (a fraction), score, or
 * any other unit written after the number. Units with a word go through the locale's labels
 * ("4,6 jours", never "4,6 days" on a French page). As a `change` (a trend per period) the
 * value is signed and percentages move in (percentage) points.
 */
export function formatUnit(
  v: number,
  unit: string,
  f: ChartFormat,
  L: Pick<KpiScorecardLabels, 'seconds' | 'days' | 'points'>,
  as: 'level' | 'change' = 'level',
): string {
  // Decimals from the one policy (src/i18n/format.ts), so the scorecard reads as <Metric> and `check` do.
  const d = (x: number) => unitDecimals(unit, x, as);
  if (as === 'change') {
    if (unit === 'percent') return fill(L.points, { v: f.signed(v, d(v)) });
    if (unit === 'rate') return fill(L.points, { v: f.signed(v * 100, d(v * 100)) });
    if (unit === 'seconds') return fill(L.seconds, { v: f.signed(v, d(v)) });
    if (unit === 'days') return fill(L.days, { v: f.signed(v, d(v)) });
    return unit === 'score' ? f.signed(v, d(v)) : `${f.signed(v, d(v))} ${unit}`;
  }
  if (unit === 'seconds') return fill(L.seconds, { v: f.number(v, d(v)) });
  if (unit === 'days') return fill(L.days, { v: f.number(v, d(v)) });
  if (unit === 'percent') return f.fraction(v / 100, d(v));
  if (unit === 'rate') return f.fraction(v, d(v * 100));
  if (unit === 'score') return f.number(v, d(v));
  return `${f.number(v, d(v))} ${unit}`;
}

const formatSlope = (v: number, unit: string, f: ChartFormat, L: KpiScorecardLabels) => formatUnit(v, unit, f, L, 'change');

/**
 * Wide: one row a standard, in columns (name, bullet, value, status, trend). Narrow: one block a
 * standard — its name and target on two lines, then the bullet and value, then status and trend —
 * with no column headers and the legend stacked.
 */
const GEOMETRY = {
  wide: { W: WIDE_WIDTH, X0: 250, X1: 450, ROW: 50, head: 30, status: { x: 562, dy: 0 }, trend: { x: WIDE_WIDTH - 18, dy: -6 } },
  narrow: { W: NARROW_WIDTH, X0: 12, X1: 206, ROW: 96, head: 4, status: { x: 20, dy: 28 }, trend: { x: 136, dy: 22 } },
} as const;
/** The average advance of a bold character (em). */
const BOLD_EM = 0.59;

/** Builds the scorecard from `figures.kpis`. */
export function kpiScorecard(input: KpiScorecardInput, options: ChartOptions<KpiScorecardLabels>): ChartOutput {
  if (!options.layout) return bothLayouts(kpiScorecard, input, options);
  const narrow = options.layout === 'narrow';
  const { W, X0, X1, ROW, head: top, status: ST, trend: TR } = GEOMETRY[options.layout];
  // Room for a standard's name: left of the bullet (wide), the whole width (narrow).
  const LABEL_ROOM = narrow ? W - 24 : X0 - 12 - 10;
  const id = checkId(options.id);
  const L = withDefaults<KpiScorecardLabels>(kpiScorecardEn, options.labels);
  const f = resolveFormat(options.format);
  const fmt = (k: Kpi, v: number) => formatUnit(v, k.unit, f, L);
  const defs = hatch(`${id}-risk`, C.warn, C.track);
  const parts: string[] = [];
  const head = { 'font-size': FS.small, 'font-weight': 'bold', fill: C.muted };
  if (!narrow) {
    parts.push(text(12, 20, L.standard, head));
    parts.push(text(X0, 20, L.bullet, head));
    parts.push(text(X1 + 14, 20, L.value, head));
    parts.push(text(556, 20, L.status, head));
    parts.push(text(W - 12, 20, L.trend, { ...head, 'text-anchor': 'end' }));
    parts.push(el('line', { x1: 12, x2: W - 12, y1: 28, y2: 28, stroke: C.grid }));
  }

  let y = top;
  for (const k of input) {
    // The bullet's centre line; in the narrow block the name and target sit above it.
    const cy = narrow ? y + 50 : y + ROW / 2;
    const nameY = narrow ? y + 18 : cy - 3;
    const lower = k.direction === 'lower';
    // A long name (French, German) steps down a size before it is cut, and never runs into the bar.
    const size = [...k.label].length * FS.label * BOLD_EM <= LABEL_ROOM ? FS.label : FS.base;
    parts.push(text(12, nameY, ellipsize(k.label, Math.floor(LABEL_ROOM / (size * BOLD_EM))), { 'font-size': size, 'font-weight': 'bold' }));
    const sub = `${fill(L.target, { target: fmt(k, k.target) })} · ${lower ? L.lower : L.higher}`;
    parts.push(text(12, nameY + 16, ellipsize(sub, narrow ? 50 : 36), { 'font-size': FS.small, fill: C.muted }));

    // Per-row scale: units differ between standards.
    const band = k.tolerance * Math.abs(k.target);
    const hi = Math.max(k.value ?? 0, k.target + band, ...k.history.map((h) => h.value)) * 1.12;
    const lo = Math.min(0, k.value ?? 0, ...k.history.map((h) => h.value));
    const x = scaleLinear()
      .domain([lo, hi || 1])
      .range([X0, X1]);
    const h = 18;
    parts.push(el('rect', { x: X0, y: cy - h / 2, width: X1 - X0, height: h, fill: C.track }));
    const [m0, m1] = lower ? [lo, k.target] : [k.target, hi];
    parts.push(el('rect', { x: x(m0), y: cy - h / 2, width: x(m1) - x(m0), height: h, fill: 'var(--gr-met-zone, #cfe4f3)' }));
    const [r0, r1] = lower ? [k.target, k.target + band] : [k.target - band, k.target];
    parts.push(el('rect', { x: x(r0), y: cy - h / 2, width: Math.max(1, x(r1) - x(r0)), height: h, fill: `url(#${id}-risk)` }));
    if (k.value !== undefined) {
      parts.push(el('rect', { x: x(lo), y: cy - 3.5, width: Math.max(1, x(k.value) - x(lo)), height: 7, fill: C.ink }));
      parts.push(text(X1 + 14, cy + 5, fmt(k, k.value), { 'font-size': FS.label, 'font-weight': 'bold' }));
    } else {
      parts.push(text(X0 + 8, cy + 4, L.statuses['not measured'], { 'font-style': 'italic', fill: C.muted }));
      parts.push(text(X1 + 14, cy + 4, '—', { fill: C.muted }));
    }
    parts.push(el('rect', { x: x(k.target) - 1.5, y: cy - 13, width: 3, height: 26, fill: C.ink }));

    parts.push(statusMark(k.status, ST.x, cy + ST.dy, 14));
    parts.push(text(ST.x + 12, cy + ST.dy + 4, L.statuses[k.status], { 'font-size': FS.base }));
    if (k.trend !== undefined) {
      const good = k.trend === 0 ? undefined : (lower ? -k.trend : k.trend) > 0;
      parts.push(trendArrow(k.trend, good, TR.x, cy + TR.dy, 12));
      // Wide: the slope under the arrow, right-aligned; narrow: beside it.
      const slope = formatSlope(k.trend, k.unit, f, L);
      parts.push(
        narrow
          ? text(TR.x + 12, cy + TR.dy + 10, slope, { 'font-size': FS.small, fill: C.muted })
          : text(W - 12, cy + 17, slope, { 'text-anchor': 'end', 'font-size': FS.small, fill: C.muted }),
      );
    }
    y += ROW;
    parts.push(el('line', { x1: 12, x2: W - 12, y1: y, y2: y, stroke: C.grid, 'stroke-width': 0.5 }));
  }

  // Legend for the bullet encoding: a row (wide), one entry a line (narrow).
  const ly = y + 20;
  const at = (i: number) => (narrow ? { x: X0, y: ly + i * 18 } : { x: X0 + [0, 110, 300][i], y: ly });
  const [m, risk, t] = [at(0), at(1), at(2)];
  parts.push(el('rect', { x: m.x, y: m.y - 9, width: 14, height: 12, fill: 'var(--gr-met-zone, #cfe4f3)' }));
  parts.push(text(m.x + 19, m.y + 1, L.metZone, { 'font-size': FS.small, fill: C.muted }));
  parts.push(el('rect', { x: risk.x, y: risk.y - 9, width: 14, height: 12, fill: `url(#${id}-risk)` }));
  parts.push(text(risk.x + 19, risk.y + 1, L.riskZone, { 'font-size': FS.small, fill: C.muted }));
  parts.push(el('rect', { x: narrow ? t.x + 5 : t.x, y: t.y - 10, width: 3, height: 14, fill: C.ink }));
  parts.push(text(t.x + (narrow ? 19 : 8), t.y + 1, L.targetMark, { 'font-size': FS.small, fill: C.muted }));
  const height = t.y + 14;

  const period = f.period(input[0]?.period ?? '');
  const sentences = [fill(L.summary, { k: input.filter((k) => k.status === 'met').length, n: input.length, period })];
  for (const k of input) {
    if (k.status === 'met') continue;
    if (k.value === undefined || k.status === 'not measured') {
      sentences.push(fill(L.itemNotMeasured, { label: k.label, target: fmt(k, k.target) }));
      continue;
    }
    sentences.push(
      fill(L.item, {
        label: k.label,
        value: fmt(k, k.value),
        target: fmt(k, k.target),
        direction: k.direction === 'lower' ? L.lower : L.higher,
        status: L.statuses[k.status],
      }),
    );
  }
  const description = sentences.join(' ');
  const table = {
    caption: L.caption,
    columns: [L.standard, L.period, L.value, L.targetColumn, L.status, L.trend],
    rows: input.map((k) => [
      `${k.label} (${k.direction === 'lower' ? L.lower : L.higher})`,
      f.period(k.period),
      k.value === undefined ? L.statuses['not measured'] : fmt(k, k.value),
      fmt(k, k.target),
      L.statuses[k.status],
      k.trend === undefined ? '' : fill(L.perPeriod, { v: formatSlope(k.trend, k.unit, f, L) }),
    ]),
  };
  return {
    svg: svgRoot({ id, kind: 'kpi-scorecard', width: W, height, title: L.title, description, defs, body: parts.join('') }),
    title: L.title,
    description,
    table,
  };
}

/** <KpiScorecard/>: every service standard as a bullet, each named by its metric in the report's locale. */
export const kpiScorecardComponent = chartComponent(kpiScorecard, {
  name: 'KpiScorecard',
  schema: z.object({}),
  props: {},
  guide: { title: 'service standards against target', text: 'No props. One row per standard in standards.csv.', example: {} },
  select: ({ figures, t }) => {
    const kpis = figures.kpis.map((k) => ({ ...k, label: t.kpiMetrics[k.metric] ?? k.label }));
    return kpis.length
      ? { input: kpis, options: {}, prefix: 'kpi-scorecard', kind: 'kpi-scorecard' }
      : { fallback: `KPIs: ${t.notMeasured}`, className: 'not-measured' };
  },
});
