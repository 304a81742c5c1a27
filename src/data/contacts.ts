/**
 * contacts.csv (SPEC §2.6): one row per contact, folded as it is read into KPIs per
 * quarter (all channels, and per channel), which become `operations` rows.
 */
import type { Operation } from '../schemas/dataset';
import { KpiAccumulator, quarterOf } from './kpis';
import { readTable, type TableContext, type TableResult } from './table';

export interface ContactsResult extends TableResult {
  operations: Operation[];
  /** Latest opened_at date (YYYY-MM-DD), for the dataset's as_of. */
  latest?: string;
}

export function parseContacts(text: string, ctx: TableContext, thresholds: number[]): ContactsResult {
  // key: period + "\u0000" + channel ("" = all channels) → accumulator and first line
  const groups = new Map<string, { acc: KpiAccumulator; line: number }>();
  let latest: string | undefined;
  const group = (period: string, channel: string, line: number) => {
    const key = `${period}\u0000${channel}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { acc: new KpiAccumulator(thresholds), line }));
    return g.acc;
  };
  const result = readTable(text, ctx, (cols) => {
    const [id, opened] = ['contact_id', 'opened_at'].map((c) => cols.find(c, true));
    const [channel, wait, handle, abandoned, fcr] = ['channel', 'wait_seconds', 'handle_seconds', 'abandoned', 'resolved_first_contact'].map((c) => cols.find(c));
    if (!id || !opened) return undefined;
    return (c) => {
      c.required(c.text(id, 'contact_id'), id, 'contact_id');
      const at = c.datetime(opened, 'opened_at');
      const contact = {
        wait: c.number(wait, 'wait_seconds', { min: 0 }),
        handle: c.number(handle, 'handle_seconds', { min: 0 }),
        abandoned: c.flag(abandoned, 'abandoned'),
        resolvedFirst: c.flag(fcr, 'resolved_first_contact'),
      };
      if (!c.required(at, opened, 'opened_at')) return;
      const day = at.slice(0, 10);
      if (latest === undefined || day > latest) latest = day;
      const period = quarterOf(at);
      group(period, '', c.line).add(contact);
      const ch = c.text(channel, 'channel');
      if (ch !== undefined) group(period, ch, c.line).add(contact);
    };
  });
  const operations: Operation[] = [];
  for (const [key, { acc, line }] of groups) {
    const [period, channel] = key.split('\u0000');
    for (const k of acc.kpis()) {
      operations.push({ period, metric: k.metric, value: k.value, n: k.n, segments: channel ? { channel } : {}, source: 'contacts.csv', line });
    }
  }
  return { ...result, operations, latest };
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
