import { describe, expect, it } from 'vitest';
import { nps, npsFromCounts } from '../../src/stats/nps';

describe('nps(scores)', () => {
  it('returns undefined for no responses', () => {
    expect(nps([])).toBeUndefined();
    expect(nps([undefined, null, NaN])).toBeUndefined();
  });

  it('classes 9–10 as promoters, 0–6 as detractors, 7–8 as passives', () => {
    const est = nps([10, 9, 8, 7, 6, 0, undefined])!;
    expect(est.n).toBe(6);
    expect(est.promoters).toBeCloseTo(2 / 6, 15);
    expect(est.passives).toBeCloseTo(2 / 6, 15);
    expect(est.detractors).toBeCloseTo(2 / 6, 15);
    expect(est.score).toBe(0);
  });

  it('uses v = (pP + pD − (pP − pD)²)/n and moe95 = 100·1.96·√v', () => {
    // 50 promoters, 30 passives, 20 detractors: v = (0.5 + 0.2 − 0.09)/100 = 0.0061.
    const scores = [...Array(50).fill(10), ...Array(30).fill(8), ...Array(20).fill(3)];
    const est = nps(scores)!;
    expect(est.score).toBeCloseTo(30, 12);
    expect(est.variance).toBeCloseTo(0.0061, 15);
    expect(est.moe95).toBeCloseTo(100 * 1.96 * Math.sqrt(0.0061), 12);
    // 100·1.96·√0.0061 = 15.3081: the interval is the score ± that, not ± the function's own output.
    expect(est.ci95[0]).toBeCloseTo(30 - 15.308089364777045, 10);
    expect(est.ci95[1]).toBeCloseTo(30 + 15.308089364777045, 10);
  });

  it('gives moe 0 when everyone is a promoter', () => {
    expect(nps([9, 10, 10, 9])).toMatchObject({ score: 100, variance: 0, moe95: 0, ci95: [100, 100] });
  });

  it('clamps the interval to [−100, 100]', () => {
    const est = nps([0, 0, 0, 0, 10])!;
    expect(est.score).toBeCloseTo(-60, 12);
    expect(est.ci95[0]).toBe(-100);
  });

  it('rejects a score that is not a whole number 0–10 (validated upstream)', () => {
    expect(() => nps([11])).toThrow(RangeError);
    expect(() => nps([7.5])).toThrow(RangeError);
  });
});

describe('npsFromCounts(promoters, passives, detractors)', () => {
  it('returns undefined for no responses', () => expect(npsFromCounts(0, 0, 0)).toBeUndefined());
  it('computes the score, shares and interval from the counts alone', () => {
    // 3 promoters, 1 passive, 2 detractors: pP = 1/2, pD = 1/3, score = 100/6,
    // v = (1/2 + 1/3 − (1/6)²)/6 = 29/216, moe95 = 100·1.96·√(29/216) = 71.817 (numbers from Python, not from nps.ts).
    const est = npsFromCounts(3, 1, 2)!;
    expect(est.n).toBe(6);
    expect(est.promoters).toBeCloseTo(0.5, 15);
    expect(est.passives).toBeCloseTo(1 / 6, 15);
    expect(est.detractors).toBeCloseTo(1 / 3, 15);
    expect(est.score).toBeCloseTo(16.666666666666668, 12);
    expect(est.variance).toBeCloseTo(29 / 216, 15);
    expect(est.moe95).toBeCloseTo(71.81715466170812, 10);
    expect(est.ci95[0]).toBeCloseTo(16.666666666666668 - 71.81715466170812, 10);
    expect(est.ci95[1]).toBeCloseTo(16.666666666666668 + 71.81715466170812, 10);
  });
  it('rejects negative counts', () => expect(() => npsFromCounts(-1, 2, 3)).toThrow(RangeError));
});
