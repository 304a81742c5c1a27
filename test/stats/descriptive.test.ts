import { describe, expect, it } from 'vitest';
import { count, mean, meanEstimate, meanEstimateFromM2, meanEstimateFromMoments, sd, variance } from '../../src/stats/descriptive';

describe.each([
  { name: 'no values', values: [], count: 0, mean: undefined, variance: undefined },
  { name: 'only missing values', values: [undefined, NaN, null], count: 0, mean: undefined, variance: undefined },
  { name: 'one value', values: [4], count: 1, mean: 4, variance: undefined },
  { name: 'missing values among others', values: [2, undefined, 4, NaN, 9, null], count: 3, mean: 5, variance: 13 },
  { name: 'constant values', values: [0.1, 0.1, 0.1], count: 3, mean: 0.1, variance: 0 },
])('count, mean, variance of $name', ({ values, count: n, mean: m, variance: v }) => {
  it(`counts ${n} present values`, () => expect(count(values)).toBe(n));
  it(`has mean ${m}`, () => expect(mean(values)).toBe(m));
  it(`has sample variance ${v}`, () => expect(variance(values)).toBe(v));
  it('has sd = √variance', () => expect(sd(values)).toBe(v === undefined ? undefined : Math.sqrt(v)));
});

describe('mean(values)', () => {
  it('returns undefined, never 0, for nothing to measure', () => expect(mean([])).toBeUndefined());
  it('stays exact where a naive sum drifts', () => {
    const xs = Array.from({ length: 1000 }, () => 1e8 + 0.1);
    expect(mean(xs)).toBe(1e8 + 0.1);
  });
});

describe('variance(values)', () => {
  it('is accurate when the spread is tiny against the mean', () => {
    expect(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBe(30);
  });
});

describe('meanEstimate(values)', () => {
  it('returns undefined for no values', () => expect(meanEstimate([undefined])).toBeUndefined());
  it('gives a single value with no interval', () => expect(meanEstimate([3])).toEqual({ mean: 3, n: 1 }));
  it('uses a Student-t interval with n − 1 df', () => {
    const est = meanEstimate([1, 2, 3, 4, 5, undefined]);
    expect(est?.n).toBe(5);
    expect(est?.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(est?.se).toBeCloseTo(Math.sqrt(0.5), 14);
    // t(0.975, 4) = 2.7764451051977987
    expect(est?.ci95?.[0]).toBeCloseTo(3 - 2.7764451051977987 * Math.sqrt(0.5), 12);
    expect(est?.ci95?.[1]).toBeCloseTo(3 + 2.7764451051977987 * Math.sqrt(0.5), 12);
  });
  it('gives a zero-width interval for constant values', () => {
    expect(meanEstimate([2, 2, 2])).toEqual({ mean: 2, n: 3, sd: 0, se: 0, ci95: [2, 2] });
  });
});

describe('meanEstimateFromMoments(n, sum, sumSq)', () => {
  const xs = [3.2, 4.8, 1.1, 6.7, 5.5, 2.9];
  it('matches meanEstimate of the values', () => {
    const direct = meanEstimate(xs)!;
    const streamed = meanEstimateFromMoments(
      xs.length,
      xs.reduce((a, b) => a + b),
      xs.reduce((a, b) => a + b * b, 0),
    )!;
    expect(streamed.mean).toBeCloseTo(direct.mean, 13);
    expect(streamed.sd).toBeCloseTo(direct.sd!, 13);
    expect(streamed.ci95![0]).toBeCloseTo(direct.ci95![0], 12);
  });
  it('returns undefined for n = 0 and no interval for n = 1', () => {
    expect(meanEstimateFromMoments(0, 0, 0)).toBeUndefined();
    expect(meanEstimateFromMoments(1, 4, 16)).toEqual({ mean: 4, n: 1 });
  });
  it('reports rounding noise in the sums as zero variance, never NaN', () => {
    const n = 10;
    const est = meanEstimateFromMoments(n, 0.1 * n, 0.1 * 0.1 * n)!;
    expect(est.sd).toBe(0);
  });
});

describe('meanEstimateFromM2(n, mean, m2)', () => {
  it("gives meanEstimate's figures from Welford's mean and M2 = Σ(x − mean)²", () => {
    const xs = [1e6 + 0.3, 1e6 + 0.1, 1e6 + 0.7, 1e6 + 0.2, 1e6 + 0.9];
    const direct = meanEstimate(xs)!;
    const m2 = xs.reduce((a, x) => a + (x - direct.mean) ** 2, 0);
    const fromM2 = meanEstimateFromM2(xs.length, direct.mean, m2)!;
    expect(fromM2.n).toBe(5);
    expect(fromM2.mean).toBe(direct.mean);
    expect(fromM2.sd! / direct.sd!).toBeCloseTo(1, 9);
  });
});
