import { describe, expect, it } from 'vitest';
import { KpiAccumulator, quarterOf, serviceLevelThresholds } from '../../src/data/kpis';
import { mergeOperations } from '../../src/data/contacts';
import type { Operation } from '../../src/schemas/dataset';

const byMetric = (acc: KpiAccumulator) => Object.fromEntries(acc.kpis().map((k) => [k.metric, [k.value, k.n]]));

describe('KpiAccumulator', () => {
  const contacts = [
    { wait: 10, handle: 100, abandoned: 0 as const, resolvedFirst: 1 as const },
    { wait: 40, handle: 300, abandoned: 0 as const, resolvedFirst: 0 as const },
    { wait: 90, abandoned: 1 as const },
    { wait: 25, handle: 200, abandoned: 0 as const, resolvedFirst: 1 as const },
  ];

  it('counts abandoned contacts in the service-level base but not the numerator', () => {
    const acc = new KpiAccumulator([30]);
    contacts.forEach((c) => acc.add(c));
    expect(byMetric(acc)).toEqual({
      service_level_30s: [50, 4],
      asa_seconds: [25, 3],
      aht_seconds: [200, 3],
      abandonment_rate: [25, 4],
      fcr_rate: [(100 * 2) / 3, 3],
    });
  });

  it('gives the same KPIs when chunks are accumulated apart and merged', () => {
    const whole = new KpiAccumulator([20, 30]);
    contacts.forEach((c) => whole.add(c));
    const a = new KpiAccumulator([20, 30]);
    const b = new KpiAccumulator([20, 30]);
    contacts.slice(0, 2).forEach((c) => a.add(c));
    contacts.slice(2).forEach((c) => b.add(c));
    expect(a.merge(b).kpis()).toEqual(whole.kpis());
  });

  it('leaves out a KPI with no base rather than reporting 0', () => {
    const acc = new KpiAccumulator([30]);
    acc.add({ abandoned: 1 });
    expect(Object.keys(byMetric(acc))).toEqual(['service_level_30s', 'abandonment_rate']);
  });
});

describe('serviceLevelThresholds(metrics)', () => {
  it('adds the thresholds standards name to 20, 30 and 60 seconds', () => {
    expect(serviceLevelThresholds(['service_level_45s', 'asa_seconds', 'service_level_30s'])).toEqual([20, 30, 45, 60]);
  });
});

describe('quarterOf(opened_at)', () => {
  it('takes the calendar quarter of the date as written', () => {
    expect(['2026-01-01T00:00:00', '2026-03-31 23:59', '2026-04-01T00:00:00+02:00', '2026-12-31T23:00:00Z'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
  });
});

describe('mergeOperations(given, derived)', () => {
  const op = (metric: string, value: number, source: Operation['source'], segments = {}): Operation => ({ period: '2026-Q3', metric, value, segments, source, line: 2 });
  it('keeps the operations.csv value when both give a metric for the same period and segments', () => {
    const merged = mergeOperations([op('fcr_rate', 77, 'operations.csv')], [op('fcr_rate', 70, 'contacts.csv'), op('fcr_rate', 60, 'contacts.csv', { channel: 'chat' })]);
    expect(merged.map((o) => [o.value, o.source])).toEqual([[77, 'operations.csv'], [60, 'contacts.csv']]);
  });
});
