/** operations.csv (SPEC §2.5): delivered KPIs in long format; any other column is a segment (e.g. channel). */
import type { Operation } from '../schemas/dataset';
import { readTable, type TableContext, type TableResult } from './table';

export function parseOperations(text: string, ctx: TableContext): TableResult & { operations: Operation[] } {
  const operations: Operation[] = [];
  /** period, metric and segments → the line that gave them: a second value would contradict the first. */
  const seen = new Map<string, number>();
  const result = readTable(text, ctx, (cols, _cells, sink) => {
    const [period, metric, value] = ['period', 'metric', 'value'].map((c) => cols.find(c, true));
    const n = cols.find('n');
    if (!period || !metric || !value) return undefined;
    const segments = cols.unmapped().map((h) => ({ name: h.name.toLowerCase(), source: cols.find(h.name)! }));
    return (c) => {
      const row = { period: c.text(period, 'period'), metric: c.text(metric, 'metric'), value: c.number(value, 'value'), n: c.number(n, 'n', { min: 0 }) };
      const ok = [c.required(row.period, period, 'period'), c.required(row.metric, metric, 'metric'), c.required(row.value, value, 'value')].every(Boolean);
      if (!ok) return;
      const seg: Record<string, string> = {};
      for (const s of segments) {
        const v = c.text(s.source, s.name);
        if (v !== undefined) seg[s.name] = v;
      }
      const key = JSON.stringify([row.period, row.metric, Object.entries(seg).sort()]);
      const first = seen.get(key);
      if (first !== undefined) {
        sink.add({ line: c.line, message: `gives metric "${row.metric}" for period "${row.period}"${Object.keys(seg).length ? ` (${Object.entries(seg).sort().map(([k, v]) => `${k} ${v}`).join(', ')})` : ''} again; line ${first} gave it already.`, hint: 'Keep one value per period, metric and segment.' });
        return;
      }
      seen.set(key, c.line);
      operations.push({ period: row.period!, metric: row.metric!, value: row.value!, n: row.n, segments: seg, source: 'operations.csv', line: c.line });
    };
  });
  return { ...result, operations };
}

/**
 * operations.csv wins: a KPI derived from contacts is dropped when operations.csv already
 * has the same metric for the same period and segments (the firm's own figure is the
 * published one; contacts may be a sample or a partial extract).
 */
export function mergeOperations(given: Operation[], derived: Operation[]): Operation[] {
  const key = (o: Operation) => `${o.period}\u0000${o.metric}\u0000${JSON.stringify(Object.entries(o.segments).sort())}`;
  const have = new Set(given.map(key));
  return [...given, ...derived.filter((o) => !have.has(key(o)))];
}
