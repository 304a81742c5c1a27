import { resolveMetric } from '../../analysis/metric-id';
import type { Figures } from '../../schemas/figures';
import { formatFigure, formatKind, unitDecimals, type Formatters } from '../../i18n/format';
import { fillTemplate, type Strings } from '../../i18n';
import { statusWord, type KpiStatus } from './status-word';

/** What <Metric id> prints: a formatted value (with unit, optional interval, low-base mark) or a stated absence. */
export type MetricText =
  | { kind: 'value'; text: string; lowBase: boolean }
  | { kind: 'suppressed'; text: string; secondary?: true }
  | { kind: 'not measured'; text: string; reason: string }
  | { kind: 'unknown'; message: string };

/** Keys that carry the unit of their entry (KPIs, gap parts, benchmarks). */
const UNIT_KEYS = new Set(['value', 'trend', 'target', 'earlier', 'later', 'gap', 'median', 'top_quartile', 'gap_to_median', 'gap_to_top_quartile']);
const SIGNED_KEYS = new Set(['gap', 'gap_to_median', 'gap_to_top_quartile', 'difference', 'trend']);

/** The unit of the array entry an id points into (`kpis.<id>`, `gaps.gapN.items.<id>`, `benchmarks.<metric>`), if any. */
export function unitOf(figures: Figures, path: readonly string[]): string | undefined {
  if (path[0] === 'kpis') return figures.kpis.find((k) => k.standard_id === path[1])?.unit;
  if (path[0] === 'gaps' && path[2] === 'items') {
    const gap = figures.gaps[path[1] as keyof Figures['gaps']];
    return gap?.status === 'measured' ? gap.items.find((p) => p.id === path[3])?.unit : undefined;
  }
  if (path[0] === 'benchmarks') {
    const metric = path[1];
    if (metric === 'nps') return 'nps';
    if (metric === 'csat') return 'percent';
    if (metric === 'ces') return 'score';
    return figures.kpis.find((k) => k.metric === metric)?.unit;
  }
  return undefined;
}

/** A number in a unit: `77.8 %`, `26 s`, `4.6 days`; signed for gaps and differences (percent and NPS gaps in points). Decimals: src/i18n/format.ts's policy. */
export function formatInUnit(value: number, unit: string, signed: boolean, fmt: Formatters, t: Strings): string {
  const as = signed ? 'change' : 'level';
  const num = (d: number) => (signed ? fmt.signed(value, d) : fmt.number(value, d));
  switch (unit) {
    case 'percent':
    case 'rate':
      return signed ? fillTemplate(t.units.points, { v: num(unitDecimals(unit, value, as)) }) : fmt.percent(value, unitDecimals(unit, value, as));
    case 'seconds':
      return fillTemplate(t.units.seconds, { v: num(unitDecimals(unit, value, as)) });
    case 'days':
      return fillTemplate(t.units.days, { v: num(unitDecimals(unit, value, as)) });
    case 'nps':
      return formatKind(signed ? 'points' : 'score', value, fmt);
    default:
      return num(unitDecimals(unit, value, as));
  }
}

function formatValue(figures: Figures, key: string, value: number | string | boolean, path: readonly string[], fmt: Formatters, t: Strings): string {
  // A KPI's status is a word of the report's language, not the figures' English enum.
  if (key === 'status' && path[0] === 'kpis' && typeof value === 'string') return statusWord(value as KpiStatus, t);
  const unit = typeof value === 'number' && UNIT_KEYS.has(key) ? unitOf(figures, path) : undefined;
  if (unit !== undefined && typeof value === 'number') return formatInUnit(value, unit, SIGNED_KEYS.has(key) || (key === 'gap' && path[0] === 'gaps'), fmt, t);
  return formatFigure(key, value, fmt, path);
}

/** Reads a figure's sibling `ci95` (a pair, not one figure) for the interval. */
function siblingInterval(figures: Figures, id: string): [number, number] | undefined {
  const parts = id.split('.').slice(0, -1);
  const parent = parts.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), figures);
  const pair = parent && typeof parent === 'object' ? (parent as { ci95?: unknown }).ci95 : undefined;
  return Array.isArray(pair) && pair.length === 2 ? (pair as [number, number]) : undefined;
}

/** Formats one figure by id for the report's locale. Never computes: it selects and formats. */
export function metricText(figures: Figures, id: string, fmt: Formatters, t: Strings, interval = false): MetricText {
  const r = resolveMetric(figures, id);
  if (r.kind === 'unknown') return { kind: 'unknown', message: r.message };
  if (r.kind === 'suppressed')
    return r.secondary
      ? { kind: 'suppressed', text: t.withheld, secondary: true }
      : { kind: 'suppressed', text: fillTemplate(t.suppressed, { min: figures.meta.min_base }) };
  if (r.kind === 'not measured') return { kind: 'not measured', text: t.notMeasured, reason: r.reason };
  let text = formatValue(figures, r.key, r.value, r.path, fmt, t);
  if (interval) {
    const pair = siblingInterval(figures, id);
    if (pair) text += ` (${formatValue(figures, r.key, pair[0], r.path, fmt, t)} – ${formatValue(figures, r.key, pair[1], r.path, fmt, t)})`;
  }
  return { kind: 'value', text, lowBase: r.lowBase };
}
