import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { resolveMetric } from '../../src/analysis/metric-id';
import { loadDataset } from '../../src/data/load-fs';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const DIR = new URL('../fixtures/analysis/reference-company/', import.meta.url).pathname;

describe('resolveMetric(figures, id)', async () => {
  const figures = analyzeDataset((await loadDataset(DIR)).dataset!, AnalysisOptionsSchema.parse({})).figures!;

  it.each([
    ['nps.score', 'score'],
    ['servqual.dimensions.reliability.gap', 'gap'],
    ['kpis.answer-30s.value', 'value'],
    ['benchmarks.nps.percentile', 'percentile'],
    ['waves.2026-Q1.nps.score', 'score'],
    ['changes.nps.score.p', 'p'],
    ['drivers.items.reliability.share', 'share'],
    ['segments.channel.phone.nps.score', 'score'],
  ])('resolves %s to a value', (id, key) => {
    const r = resolveMetric(figures, id);
    expect(r).toMatchObject({ kind: 'value', key });
  });

  it('says a figure on a base under min_base is suppressed, with its base', () => {
    expect(resolveMetric(figures, 'segments.channel.store.nps.score')).toEqual({ kind: 'suppressed', n: 6 });
  });

  it("resolves a measured gap and a dimension's α to values", () => {
    expect(resolveMetric(figures, 'gaps.gap2.shortfalls')).toMatchObject({ kind: 'value', key: 'shortfalls' });
    expect(resolveMetric(figures, 'servqual.dimensions.reliability.alpha')).toMatchObject({ kind: 'value', key: 'alpha' });
  });

  it('says a gap without data is not measured', async () => {
    // The same company without communications.csv: Gap 4 has nothing to compare.
    const dataset = { ...(await loadDataset(DIR)).dataset!, communications: undefined };
    const without = analyzeDataset(dataset, AnalysisOptionsSchema.parse({})).figures!;
    expect(resolveMetric(without, 'gaps.gap4.shortfalls')).toEqual({ kind: 'not measured', reason: 'no communications.csv' });
    expect(resolveMetric(without, 'gaps.gap4.value')).toEqual({ kind: 'not measured', reason: 'no communications.csv' });
  });

  it.each([
    ['nps.scroe', /"scroe" is not a figure of nps/],
    ['kpis.no-such-standard.value', /no entry "no-such-standard" in kpis \(known: answer-30s, wait, fcr\)/],
    ['segments.region.North.n', /no "region" in segments \(known: channel\)/],
    ['servqual.dimensions', /is a group of figures/],
  ])('rejects the unknown id %s, naming what exists', (id, message) => {
    const r = resolveMetric(figures, id);
    expect(r.kind).toBe('unknown');
    expect(r.kind === 'unknown' && r.message).toMatch(message);
  });
});
