import { describe, expect, it } from 'vitest';
import { csat, csatFromCounts, share, wilsonInterval } from '../../src/stats/proportion';

describe('wilsonInterval(successes, n, z)', () => {
  it.each([
    // Newcombe (1998), Table I, method 3 (Wilson, z = 1.96).
    { x: 81, n: 263, lo: 0.2553, hi: 0.3662 },
    { x: 15, n: 148, lo: 0.0624, hi: 0.1605 },
    { x: 0, n: 20, lo: 0, hi: 0.1611 },
    { x: 1, n: 29, lo: 0.0061, hi: 0.1718 },
  ])('$x of $n → [$lo, $hi]', ({ x, n, lo, hi }) => {
    const ci = wilsonInterval(x, n)!;
    expect(ci[0]).toBeCloseTo(lo, 4);
    expect(ci[1]).toBeCloseTo(hi, 4);
  });
  it('returns undefined when n = 0', () => expect(wilsonInterval(0, 0)).toBeUndefined());
  it('stays inside [0, 1] at the extremes', () => {
    expect(wilsonInterval(10, 10)![1]).toBe(1);
    expect(wilsonInterval(0, 10)![0]).toBe(0);
  });
  it('widens with z', () => {
    const [lo95, hi95] = wilsonInterval(30, 100)!;
    const [lo99, hi99] = wilsonInterval(30, 100, 2.576)!;
    expect(lo99).toBeLessThan(lo95);
    expect(hi99).toBeGreaterThan(hi95);
  });
});

describe('share(values, predicate)', () => {
  it('returns undefined for no values', () => expect(share([undefined, null], () => true)).toBeUndefined());
  it('skips missing values and counts successes', () => {
    const s = share([1, 0, 1, undefined, 1, NaN], (v) => v === 1)!;
    expect(s).toMatchObject({ share: 0.75, successes: 3, n: 4 });
    expect(s.ci95).toEqual(wilsonInterval(3, 4));
  });
  it('works on labels too', () => expect(share(['web', 'phone', undefined], (c) => c === 'web')?.share).toBe(0.5));
});

describe('csat(scores)', () => {
  it('returns undefined for no responses', () => expect(csat([])).toBeUndefined());
  it('is the top-2-box percent with a Wilson interval, and the mean', () => {
    const c = csat([5, 4, 4, 3, 2, 5, 1, undefined, 4])!;
    expect(c.n).toBe(8);
    expect(c.top2box).toBe(62.5);
    const [lo, hi] = wilsonInterval(5, 8)!;
    expect(c.ci95[0]).toBeCloseTo(100 * lo, 12);
    expect(c.ci95[1]).toBeCloseTo(100 * hi, 12);
    expect(c.mean).toBe(3.5);
    expect(c.mean_ci95).toBeDefined();
  });
  it('gives a single respondent no mean interval', () => {
    const c = csat([4])!;
    expect(c).toMatchObject({ top2box: 100, mean: 4, n: 1 });
    expect(c.mean_ci95).toBeUndefined();
  });
  it('rejects values off the 1–5 scale', () => expect(() => csat([0])).toThrow(RangeError));
});

describe('csatFromCounts(countsByScore)', () => {
  it('equals csat() of the same answers (index = score)', () => {
    const fromCounts = csatFromCounts([0, 1, 1, 1, 3, 2])!;
    const direct = csat([5, 4, 4, 3, 2, 5, 1, 4])!;
    expect(fromCounts.top2box).toBe(direct.top2box);
    expect(fromCounts.ci95).toEqual(direct.ci95);
    expect(fromCounts.mean).toBeCloseTo(direct.mean, 14);
    expect(fromCounts.mean_ci95![0]).toBeCloseTo(direct.mean_ci95![0], 12);
    expect(fromCounts.mean_ci95![1]).toBeCloseTo(direct.mean_ci95![1], 12);
  });
  it('returns undefined when all counts are 0', () => expect(csatFromCounts([0, 0, 0, 0, 0, 0])).toBeUndefined());
  it('rejects counts at index 0 (scores start at 1)', () => expect(() => csatFromCounts([3, 1, 1, 1, 1, 1])).toThrow(RangeError));
});
