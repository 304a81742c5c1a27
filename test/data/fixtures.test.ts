/**
 * Table-driven fixtures: every folder under test/fixtures/valid loads without a problem,
 * and every folder under test/fixtures/invalid reports exactly its expected.txt.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFolder } from '../../src/engines/load-with-fs';
import { formatProblem } from '../../src/schemas/problem';
import { DatasetSchema, type Dataset } from '../../src/schemas/dataset';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const cases = (kind: string) => readdirSync(join(FIXTURES, kind)).sort();

/** What each valid case must have read (beyond "no problems"). */
const VALID: Record<string, (d: Dataset, rowCounts: Record<string, number>) => void> = {
  'servqual-preset': (d) => {
    expect(d.items).toHaveLength(23);
    expect(d.items.find((i) => i.id === 'rel1')?.text).toEqual({ en: 'Keeps its word on timing', fr: 'Tient parole sur les délais' });
    expect(d.responses?.[1]).toMatchObject({ e: { tan1: 7, rel1: 6 }, p: { rel1: 6.5, web: 4 }, w: { empathy: 19.5 }, nps: 0 });
    expect(d.responses?.[2]).toMatchObject({ segments: {}, nps: undefined, date: undefined });
    expect(d.as_of).toBe('2026-08-14');
  },
  'bom-crlf': (d) => expect(d.responses?.map((r) => [r.id, r.overall, r.line])).toEqual([['R1', 6, 2], ['R2', 3, 3]]),
  'semicolon-decimal-comma': (d) => expect(d.responses?.map((r) => [r.e.speed, r.nps, r.overall])).toEqual([[5.5, 10, 6.25], [undefined, undefined, 3.5]]),
  'quoted-line-breaks': (d) => {
    expect(d.responses?.map((r) => r.line)).toEqual([2, 4, 7]);
    expect(d.responses?.[0].comment).toBe('Great service.\nWould call again.');
  },
  'no-trailing-newline': (d) => expect(d.responses?.map((r) => r.nps)).toEqual([9, 3]),
  'two-header-rows': (d) => expect(d.responses?.map((r) => [r.id, r.wave, r.nps, r.p.speed, r.line])).toEqual([['R_1', '2026-Q3', 10, 7, 5], ['R_2', '2026-Q3', 6, 2, 6]]),
  'missing-codes': (d) => {
    expect(d.responses?.[0]).toMatchObject({ e: {}, p: {}, nps: undefined, csat: undefined, ces: undefined, overall: undefined });
    expect(d.responses?.[1].e.speed).toBeUndefined();
  },
  recode: (d) => expect(d.responses?.map((r) => [r.nps, r.overall])).toEqual([[10, 1], [0, 0], [7, undefined]]),
  'airline-like': (d) => {
    expect(d.responses?.slice(0, 3).map((r) => [r.id, r.wave, r.segments.class, r.overall])).toEqual([['1', '2020', 'Eco', 0], ['2', '2020', 'Business', 1], ['3', '2020', 'Eco Plus', 1]]);
    expect(d.responses?.[0].p).toEqual({ wifi: 3, seat: undefined, clean: 5 });
  },
  'reputation-like': (d) => expect(d.responses?.slice(0, 3).map((r) => [r.id, r.segments.provider, r.p.qual_1, r.overall])).toEqual([['1', '3', 5, 6], ['2', '1', undefined, undefined], ['3', '2', 7, 5]]),
  'tickets-like': (d) => expect(d.responses?.slice(0, 3).map((r) => [r.id, r.csat, r.segments.channel, r.line])).toEqual([['1', 3, 'Chat', 2], ['2', undefined, 'Email', 5], ['3', 5, 'Phone', 6]]),
  'operations-full': (d, rows) => {
    expect(rows).toEqual({ 'management.csv': 2, 'standards.csv': 4, 'operations.csv': 3, 'contacts.csv': 5, 'communications.csv': 2, 'benchmarks.csv': 3 });
    const all = (metric: string, period = '2026-Q3') => d.operations?.filter((o) => o.metric === metric && o.period === period && !o.segments.channel);
    expect(all('service_level_45s')).toMatchObject([{ value: 50, n: 4, source: 'contacts.csv' }]);
    expect(all('asa_seconds')?.[0].value).toBeCloseTo(80 / 3);
    expect(all('abandonment_rate')?.[0].value).toBe(25);
    expect(all('fcr_rate')).toMatchObject([{ value: 77, source: 'operations.csv' }]);
    expect(all('fcr_rate', '2026-Q2')).toMatchObject([{ value: 100, source: 'contacts.csv' }]);
    expect(d.standards?.[1].tolerance).toBe(0.05);
    expect(d.as_of).toBe('2026-09-30');
  },
  'standards-without-delivery': (d) => expect(d.standards).toHaveLength(1),
  'benchmarks-only': (d) => expect(d.benchmarks?.map((b) => [b.statistic, b.value])).toEqual([['p25', 70.5], ['p75', 81]]),
};

describe('loadFolder(dir) on valid fixtures', () => {
  it('has an expectation for every valid fixture', () => expect(cases('valid')).toEqual(Object.keys(VALID).sort()));
  describe.each(cases('valid'))('%s', (name) => {
    it('reads without problems into a Dataset the schema accepts', async () => {
      const dir = join(FIXTURES, 'valid', name);
      const result = await loadFolder(dir);
      expect(result.problems.map(formatProblem)).toEqual([]);
      const warnings = join(dir, 'warnings.txt');
      expect(result.warnings.map(formatProblem).join('\n')).toBe(existsSync(warnings) ? readFileSync(warnings, 'utf8').trimEnd() : '');
      expect(DatasetSchema.parse(result.dataset)).toBeTruthy();
      VALID[name]?.(result.dataset!, result.rowCounts);
    });
  });
});

describe('loadFolder(dir) on invalid fixtures', () => {
  describe.each(cases('invalid'))('%s', (name) => {
    it('reports exactly the problems of expected.txt, and no dataset', async () => {
      const dir = join(FIXTURES, 'invalid', name);
      const result = await loadFolder(dir);
      expect(result.dataset).toBeUndefined();
      expect(result.problems.map(formatProblem).join('\n')).toBe(readFileSync(join(dir, 'expected.txt'), 'utf8').trimEnd());
    });
  });
});
