import { describe, expect, it } from 'vitest';
import { KpiAccumulator, KpiGroups, quarterOf, serviceLevelThresholds, thresholdsOf } from '../../src/analysis/kpi-acc';
import type { Contact, Standard } from '../../src/schemas/dataset';

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
    expect(['2026-01-01T00:00:00', '2026-03-31 23:59', '2026-04-01T00:00:00+02:00', '2026-12-31T23:00:00Z'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q4',
    ]);
  });
});

describe('thresholdsOf(standards)', () => {
  it("reads the thresholds from the standards' metrics, and gives the defaults without standards", () => {
    const standard = (metric: string) => ({ metric }) as Standard;
    expect(thresholdsOf([standard('service_level_45s'), standard('fcr_rate')])).toEqual([20, 30, 45, 60]);
    expect(thresholdsOf(undefined)).toEqual([20, 30, 60]);
  });
});

describe('KpiGroups', () => {
  const row = (line: number, at: string, channel: string | undefined, wait: number): Contact => ({ at, channel, line, wait, abandoned: 0 });
  const rows = [
    row(2, '2026-07-01T09:00:00', 'phone', 10),
    row(3, '2026-04-02T10:00:00', undefined, 50),
    row(4, '2026-08-02T10:00:00', 'chat', 40),
    row(5, '2026-09-30T23:59:59', 'phone', 20),
  ];
  const folded = (contacts: Contact[]) => {
    const groups = new KpiGroups([30]);
    contacts.forEach((c) => groups.add(c));
    return groups;
  };

  it('folds each contact into its quarter for all channels and for its own, in the order one pass first sees them', () => {
    const asa = folded(rows)
      .operations()
      .filter((o) => o.metric === 'asa_seconds')
      .map((o) => [o.period, o.segments.channel ?? 'all', o.value, o.n, o.line]);
    expect(asa).toEqual([
      ['2026-Q3', 'all', (10 + 40 + 20) / 3, 3, 2],
      ['2026-Q3', 'phone', 15, 2, 2],
      ['2026-Q2', 'all', 50, 1, 3],
      ['2026-Q3', 'chat', 40, 1, 4],
    ]);
    expect(folded(rows).latest).toBe('2026-09-30');
  });

  it('gives what one pass gives when ranges are folded apart, posted as plain fields and merged with their lines shifted', () => {
    const first = folded(rows.slice(0, 2));
    // The second range counts its lines from 1: the merge adds the two lines before it.
    const second = folded(rows.slice(2).map((c) => ({ ...c, line: c.line - 2 })));
    const posted = structuredClone({ groups: second.groups, latest: second.latest });
    const merged = KpiGroups.from(structuredClone({ groups: first.groups, latest: first.latest }), [30]).merge(KpiGroups.from(posted, [30], 2));
    expect(merged.derived()).toEqual(folded(rows).derived());
  });
});
