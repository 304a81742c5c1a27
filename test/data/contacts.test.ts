/**
 * contacts.csv in the loader: rows are validated and handed on, never folded (the KPI
 * accumulator is the engines', src/analysis/kpi-acc.ts); operations.csv wins over KPIs
 * derived from contacts.
 */
import { describe, expect, it } from 'vitest';
import { readContacts } from '../../src/data/contacts';
import { buildDataset } from '../../src/data/dataset';
import { DEFAULT_LIMITS } from '../../src/data/limits';
import { mergeOperations } from '../../src/data/operations';
import { formatProblem } from '../../src/schemas/problem';
import type { Contact, Operation } from '../../src/schemas/dataset';

const ctx = { file: 'contacts.csv', mapping: { columns: {}, constants: {} }, limits: DEFAULT_LIMITS, cells: {} };

describe('readContacts(text)', () => {
  it('hands each valid row on as a Contact, with its line, and reports the invalid cells', () => {
    const seen: Contact[] = [];
    const text = 'contact_id,opened_at,channel,wait_seconds,handle_seconds,abandoned,resolved_first_contact\nC1,2026-07-01T09:00:00,phone,10,300,0,1\nC2,2026-07-02 10:00,,,,1,\nC3,01/07/2026,chat,5,5,0,0\nC4,2026-08-01T08:00:00,chat,-4,5,0,0\n';
    const result = readContacts(text, ctx, (c) => seen.push(c));
    expect(seen).toEqual([
      { at: '2026-07-01T09:00:00', channel: 'phone', line: 2, wait: 10, handle: 300, abandoned: 0, resolvedFirst: 1 },
      { at: '2026-07-02 10:00', channel: undefined, line: 3, wait: undefined, handle: undefined, abandoned: 1, resolvedFirst: undefined },
      { at: '2026-08-01T08:00:00', channel: 'chat', line: 5, wait: undefined, handle: 5, abandoned: 0, resolvedFirst: 0 },
    ]);
    expect(result.rows).toBe(4);
    expect(result.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "contacts.csv:4: column "opened_at": "01/07/2026" is not an ISO date and time (YYYY-MM-DDTHH:MM:SS).",
        "contacts.csv:5: column "wait_seconds": "-4" is below 0.",
      ]
    `);
  });
});

describe('buildDataset with contacts.csv as text', () => {
  it('refuses it: an engine folds contacts into KPIs and hands them in', () => {
    expect(() => buildDataset({ name: 't', texts: { 'contacts.csv': 'contact_id,opened_at\nC1,2026-07-01T09:00:00\n' } })).toThrow(/an engine folds it into KPIs/);
  });
});

describe('mergeOperations(given, derived)', () => {
  const op = (metric: string, value: number, source: Operation['source'], segments = {}): Operation => ({ period: '2026-Q3', metric, value, segments, source, line: 2 });
  it('keeps the operations.csv value when both give a metric for the same period and segments', () => {
    const merged = mergeOperations([op('fcr_rate', 77, 'operations.csv')], [op('fcr_rate', 70, 'contacts.csv'), op('fcr_rate', 60, 'contacts.csv', { channel: 'chat' })]);
    expect(merged.map((o) => [o.value, o.source])).toEqual([[77, 'operations.csv'], [60, 'contacts.csv']]);
  });
});
