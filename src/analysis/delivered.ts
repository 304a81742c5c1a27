import type { Operation } from '../schemas/dataset';

/**
 * Delivered KPI values by metric and period, from rows that apply to the whole
 * operation (no segment values). operations.csv wins over values derived from contacts.csv.
 */
export interface Delivered {
  periods: string[];
  get(metric: string, period: string): Operation | undefined;
  history(metric: string): { period: string; value: number }[];
}

export function deliveredIndex(operations: readonly Operation[] = []): Delivered {
  const byKey = new Map<string, Operation>();
  for (const row of operations) {
    if (Object.values(row.segments).some((v) => v !== '' && v !== undefined)) continue;
    const key = `${row.metric}\u0000${row.period}`;
    const existing = byKey.get(key);
    if (!existing || (existing.source === 'contacts.csv' && row.source === 'operations.csv')) byKey.set(key, row);
  }
  const periods = [...new Set([...byKey.values()].map((r) => r.period))].sort();
  return {
    periods,
    get: (metric, period) => byKey.get(`${metric}\u0000${period}`),
    history: (metric) =>
      periods.flatMap((period) => {
        const row = byKey.get(`${metric}\u0000${period}`);
        return row ? [{ period, value: row.value }] : [];
      }),
  };
}
