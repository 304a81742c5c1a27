import { describe, expect, it } from 'vitest';
import { nps } from '../../src/stats/nps';
import { npsDifferenceTest, SIGNIFICANCE_LEVEL, twoProportionTest, welchTest } from '../../src/stats/tests';

describe('npsDifferenceTest(a, b)', () => {
  it('is z = (b − a)/(100·√(va + vb)), two-sided', () => {
    const r = npsDifferenceTest({ score: 20, variance: 0.004 }, { score: 32, variance: 0.005 })!;
    expect(r.difference).toBe(12);
    expect(r.z).toBeCloseTo(12 / (100 * Math.sqrt(0.009)), 14);
    expect(r.p).toBeCloseTo(0.2059032107320683, 12);
    expect(r.significant).toBe(false);
  });
  it('is significant for a large change on large bases', () => {
    const a = nps([...Array(300).fill(10), ...Array(300).fill(3)])!;
    const b = nps([...Array(400).fill(10), ...Array(200).fill(3)])!;
    const r = npsDifferenceTest(a, b)!;
    expect(r.difference).toBeCloseTo(100 / 3, 12);
    expect(r.p).toBeLessThan(SIGNIFICANCE_LEVEL);
    expect(r.significant).toBe(true);
  });
  it('returns undefined when both variances are 0', () => {
    expect(npsDifferenceTest({ score: 100, variance: 0 }, { score: 100, variance: 0 })).toBeUndefined();
  });
});

describe('welchTest(a, b)', () => {
  it('uses the Welch–Satterthwaite df', () => {
    const r = welchTest({ mean: 3.2, sd: 1.1, n: 40 }, { mean: 3.6, sd: 0.8, n: 25 })!;
    const va = 1.21 / 40;
    const vb = 0.64 / 25;
    expect(r.difference).toBeCloseTo(0.4, 15);
    expect(r.t).toBeCloseTo(0.4 / Math.sqrt(va + vb), 14);
    expect(r.df).toBeCloseTo((va + vb) ** 2 / (va ** 2 / 39 + vb ** 2 / 24), 12);
  });
  it('works when one group has no variance', () => {
    expect(welchTest({ mean: 3, sd: 0, n: 10 }, { mean: 4, sd: 1, n: 10 })?.df).toBeCloseTo(9, 12);
  });
  it.each([
    { why: 'n < 2 in a', a: { mean: 1, sd: 0, n: 1 }, b: { mean: 2, sd: 1, n: 10 } },
    { why: 'n < 2 in b', a: { mean: 1, sd: 1, n: 10 }, b: { mean: 2, sd: 0, n: 1 } },
    { why: 'both variances 0', a: { mean: 1, sd: 0, n: 10 }, b: { mean: 2, sd: 0, n: 10 } },
  ])('returns undefined when $why', ({ a, b }) => expect(welchTest(a, b)).toBeUndefined());
});

describe('twoProportionTest(x1, n1, x2, n2)', () => {
  it('is the pooled z-test', () => {
    const r = twoProportionTest(45, 100, 60, 100)!;
    const pooled = 0.525;
    expect(r.difference).toBeCloseTo(0.15, 15);
    expect(r.z).toBeCloseTo(0.15 / Math.sqrt(pooled * (1 - pooled) * 0.02), 14);
    expect(r.significant).toBe(true);
  });
  it.each([
    { why: 'n1 = 0', args: [0, 0, 3, 10] },
    { why: 'pooled share 0', args: [0, 10, 0, 20] },
    { why: 'pooled share 1', args: [10, 10, 20, 20] },
  ])('returns undefined when $why', ({ args: [x1, n1, x2, n2] }) => expect(twoProportionTest(x1, n1, x2, n2)).toBeUndefined());
});
