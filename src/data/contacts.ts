/**
 * contacts.csv (SPEC §2.6): one row per contact, folded as it is read into KPIs per
 * quarter (all channels, and per channel), which become `operations` rows.
 */
import type { Operation } from '../schemas/dataset';
import { KpiAccumulator, quarterOf, type Contact } from './kpis';
import { readTable, type TableContext, type TableResult, type TableSetup } from './table';

export interface ContactsResult extends TableResult {
  operations: Operation[];
  /** Latest opened_at date (YYYY-MM-DD), for the dataset's as_of. */
  latest?: string;
}

/**
 * KPI accumulators per period (all channels, and per channel), in the order the groups
 * were first seen. Mergeable, so the streaming engine folds byte ranges apart.
 */
export class ContactGroups {
  /** period + "\u0000" + channel ("" = all channels) → accumulator and the line that opened it. */
  readonly groups = new Map<string, { acc: KpiAccumulator; line: number }>();
  latest: string | undefined;

  constructor(readonly thresholds: number[]) {}

  add(period: string, channel: string, line: number, contact: Contact): void {
    const key = `${period}\u0000${channel}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { acc: new KpiAccumulator(this.thresholds), line }));
    g.acc.add(contact);
  }

  /** Folds one contact opened at `at` (ISO date-time) into its quarter and channel. */
  addContact(at: string, channel: string | undefined, line: number, contact: Contact): void {
    const day = at.slice(0, 10);
    if (this.latest === undefined || day > this.latest) this.latest = day;
    const period = quarterOf(at);
    this.add(period, '', line, contact);
    if (channel !== undefined) this.add(period, channel, line, contact);
  }

  /** Merges groups read later in the file (their lines are after this one's). */
  merge(o: ContactGroups): this {
    for (const [key, g] of o.groups) {
      const mine = this.groups.get(key);
      if (mine) mine.acc.merge(g.acc);
      else this.groups.set(key, g);
    }
    if (o.latest !== undefined && (this.latest === undefined || o.latest > this.latest)) this.latest = o.latest;
    return this;
  }

  operations(): Operation[] {
    const operations: Operation[] = [];
    // Order of first appearance, as one pass over the file creates them (all channels first on a line).
    const ordered = [...this.groups].sort(([ka, a], [kb, b]) => a.line - b.line || Number(!ka.endsWith('\u0000')) - Number(!kb.endsWith('\u0000')));
    for (const [key, { acc, line }] of ordered) {
      const [period, channel] = key.split('\u0000');
      for (const k of acc.kpis()) {
        operations.push({ period, metric: k.metric, value: k.value, n: k.n, segments: channel ? { channel } : {}, source: 'contacts.csv', line });
      }
    }
    return operations;
  }
}

/** The rules of contacts.csv, per row, folding each contact into `groups`. */
export function contactsSetup(groups: ContactGroups): TableSetup {
  return (cols) => {
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
      groups.addContact(at, c.text(channel, 'channel'), c.line, contact);
    };
  };
}

export function parseContacts(text: string, ctx: TableContext, thresholds: number[]): ContactsResult {
  const groups = new ContactGroups(thresholds);
  const result = readTable(text, ctx, contactsSetup(groups));
  return { ...result, operations: groups.operations(), latest: groups.latest };
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
