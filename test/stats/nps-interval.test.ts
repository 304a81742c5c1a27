import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { npsInterval } from '../../src/stats/nps-interval';
import { npsFromCounts } from '../../src/stats/nps';

const ref = JSON.parse(readFileSync(new URL('../reference/significance_expected.json', import.meta.url), 'utf8'));

describe('npsInterval(promoters, passives, detractors, method)', () => {
  it('adjusted-wald adds 3 to n and ¾ to promoters and detractors, as the numpy reference does', () => {
    const [p, s, d] = ref.nps_small.counts;
    const got = npsInterval(p, s, d, 'adjusted-wald')!;
    got.forEach((x, i) => expect(Math.abs(x - ref.nps_small.adjusted_wald[i])).toBeLessThanOrEqual(1e-9));
  });
  it('never leaves [−100, 100], where the Wald interval of nine promoters in ten would reach past +100', () => {
    const wald = npsInterval(9, 1, 0, 'wald')!;
    expect(wald[1]).toBe(100);
    const raw = npsFromCounts(9, 1, 0)!;
    expect(raw.score + raw.moe95).toBeGreaterThan(100);
    for (const counts of [
      [10, 0, 0],
      [0, 0, 10],
      [1, 0, 0],
    ])
      for (const method of ['wald', 'adjusted-wald'] as const) {
        const [lo, hi] = npsInterval(counts[0], counts[1], counts[2], method)!;
        expect(lo).toBeGreaterThanOrEqual(-100);
        expect(hi).toBeLessThanOrEqual(100);
      }
  });
  it('gives a wider interval than Wald on an all-promoter base, where Wald has width 0', () => {
    const [lo, hi] = npsInterval(12, 0, 0, 'wald')!;
    expect(hi - lo).toBe(0);
    const [alo, ahi] = npsInterval(12, 0, 0, 'adjusted-wald')!;
    expect(ahi - alo).toBeGreaterThan(10);
  });
  it('wald equals npsFromCounts ci95, and nothing to measure is undefined', () => {
    expect(npsInterval(30, 20, 10, 'wald')).toEqual(npsFromCounts(30, 20, 10)!.ci95);
    expect(npsInterval(0, 0, 0, 'adjusted-wald')).toBeUndefined();
  });
});
