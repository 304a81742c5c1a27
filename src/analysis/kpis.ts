import { kpiStatus, trendSlope } from '../stats/kpi';
import type { Standard } from '../schemas/dataset';
import type { Kpi } from '../schemas/figures';
import type { Delivered } from './delivered';

/** KPI status per standard in the report's period (SPEC §3): met / at risk / missed, with the trend. */
export function kpiFigures(standards: readonly Standard[], delivered: Delivered, period: string | undefined): Kpi[] {
  return standards.map((s) => {
    // The trend looks back from the report's period, never past it.
    const periods = delivered.periods.filter((p) => period === undefined || p <= period);
    const values = periods.map((p) => delivered.get(s.metric, p)?.value);
    const history = periods.flatMap((p, i) => (values[i] === undefined ? [] : [{ period: p, value: values[i] as number }]));
    const row = period === undefined ? undefined : delivered.get(s.metric, period);
    return {
      standard_id: s.standard_id,
      metric: s.metric,
      label: s.standard_id,
      dimension: s.dimension,
      unit: s.unit,
      direction: s.direction,
      period: period ?? '',
      value: row?.value,
      target: s.target,
      tolerance: s.tolerance,
      status: row ? kpiStatus(row.value, s.target, s.direction, s.tolerance) : 'not measured',
      trend: trendSlope(values),
      history,
      source: row?.source,
    };
  });
}
