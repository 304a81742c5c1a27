import type { Kpi } from '../../schemas/figures';
import type { Strings } from '../../i18n';

/** A KPI's status, as analysis writes it (the figures' English enum). */
export type KpiStatus = Kpi['status'];
/** The key of each status among the locale's words. */
export const STATUS_KEY: Record<KpiStatus, keyof Strings['words']['status']> = {
  met: 'met',
  'at risk': 'atRisk',
  missed: 'missed',
  'not measured': 'notMeasured',
};

/** A KPI's status in the locale ("met", "atteint", "đạt"): for <Metric id="kpis.….status"/> and the words of lib/words.ts. */
export function statusWord(status: KpiStatus, t: Strings): string {
  return t.words.status[STATUS_KEY[status]];
}
