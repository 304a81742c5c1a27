/**
 * One definition per concept (issue 11 item 2): the weighted NPS is npsFromCounts on Kish's
 * effective base, and both drivers bootstraps summarise their replicates through driverReplicates.
 * The figures themselves are held to numpy/R by test/analysis/reference.test.ts and test/reference.
 */
import { describe, expect, it } from 'vitest';
import { npsFromCounts } from '../../src/stats/nps';
import { weightedNps } from '../../src/stats/weights';
import { driverReplicates, percentileInterval } from '../../src/stats/bootstrap';

describe('weightedNps', () => {
  it('is npsFromCounts without the count, bit for bit when the effective base is the count', () => {
    for (const [p, s, d] of [
      [3, 1, 2],
      [40, 33, 27],
      [0, 0, 5],
      [7, 0, 0],
    ]) {
      const { n, ...rest } = npsFromCounts(p, s, d)!;
      expect(n).toBe(p + s + d);
      expect(weightedNps(p, s, d, p + s + d)).toEqual(rest);
    }
  });

  it('puts the variance on the effective base and keeps the shares of the weighted totals', () => {
    const est = weightedNps(41.5, 30.25, 28.25, 64)!;
    const pP = 41.5 / 100;
    const pD = 28.25 / 100;
    expect(est.score).toBe(100 * (pP - pD));
    expect(est.variance).toBe((pP + pD - (pP - pD) ** 2) / 64);
    expect(weightedNps(1, 1, 1, 0)).toBeUndefined();
    expect(weightedNps(0, 0, 0, 10)).toBeUndefined();
  });
});

describe('driverReplicates', () => {
  const corr = [
    [1, 0.3, 0.5],
    [0.3, 1, 0.4],
    [0.5, 0.4, 1],
  ];
  it('summarises the decomposed replicates as 95 % percentile intervals', () => {
    const c = driverReplicates(2);
    const r2 = [0.3, 0.32, 0.35, 0.31];
    r2.forEach((x, i) => c.add({ r2: x, shares: [0.6 + i / 100, 0.4 - i / 100] }, corr));
    const s = c.summary(6)!;
    expect(s.replicates).toBe(6);
    expect(s.used).toBe(4);
    expect(s.r2).toEqual(percentileInterval(r2));
    expect(s.shares[0]).toEqual(percentileInterval([0.6, 0.61, 0.62, 0.63]));
    expect(s.betas).toHaveLength(2);
  });

  it('gives no interval when under half of the replicates drawn decomposed', () => {
    const c = driverReplicates(2);
    c.add({ r2: 0.3, shares: [0.5, 0.5] }, corr);
    expect(c.summary(3)).toBeUndefined();
    expect(c.summary(2)).toBeDefined();
  });
});
