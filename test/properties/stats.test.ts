/** Properties of the statistics every figure rests on: NPS bounds, Shapley decomposition of R². */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nps, npsFromCounts } from '../../src/stats/nps';
import { covarianceMatrix, correlationFromCovariance, rSquared } from '../../src/stats/regression';
import { keyDrivers } from '../../src/stats/shapley';

describe('nps(scores)', () => {
  it('lies within [−100, 100] with a margin of error ≥ 0, for any answers 0–10 (missing skipped)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined })), (scores) => {
        const e = nps(scores);
        const answered = scores.filter((s) => s !== undefined).length;
        if (answered === 0) {
          expect(e).toBeUndefined();
          return;
        }
        expect(e!.score).toBeGreaterThanOrEqual(-100);
        expect(e!.score).toBeLessThanOrEqual(100);
        expect(e!.moe95).toBeGreaterThanOrEqual(0);
        expect(e!.n).toBe(answered);
      }),
      { numRuns: 500 },
    );
  });

  it('equals npsFromCounts of its promoters, passives and detractors', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (scores) => {
        const count = (lo: number, hi: number) => scores.filter((s) => s >= lo && s <= hi).length;
        expect(nps(scores)).toEqual(npsFromCounts(count(9, 10), count(7, 8), count(0, 6)));
      }),
    );
  });
});

/** n rows of k predictors on a 1–7 scale and an outcome mixing them with noise. */
const regressionData = fc.integer({ min: 1, max: 6 }).chain((k) =>
  fc.record({
    x: fc.array(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: k, maxLength: k }), { minLength: k + 3, maxLength: 40 }),
    beta: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: k, maxLength: k }),
    noise: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
  }),
);

describe('keyDrivers(predictors, outcome) — Shapley decomposition of R² (LMG)', () => {
  it('has shares summing to 1 and raw contributions summing to R², which equals the full regression R²', () => {
    let checked = 0;
    fc.assert(
      fc.property(regressionData, ({ x, beta, noise }) => {
        const y = x.map((row, i) => row.reduce((s, v, j) => s + v * beta[j], 0) + noise[i]);
        const d = keyDrivers(x, y);
        if (!d) return; // constant outcome or R² ≈ 0: no shares of nothing
        checked++;
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(d.shares)).toBeCloseTo(1, 9);
        expect(sum(d.raw)).toBeCloseTo(d.r2, 9);
        const r = correlationFromCovariance(covarianceMatrix(x.map((row, i) => [...row, y[i]])));
        expect(d.r2).toBeCloseTo(
          rSquared(
            r,
            x[0].map((_, j) => j),
            x[0].length,
          ),
          9,
        );
        expect(d.r2).toBeGreaterThan(0);
        expect(d.r2).toBeLessThanOrEqual(1 + 1e-9);
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});
