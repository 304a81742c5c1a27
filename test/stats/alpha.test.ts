import { describe, expect, it } from 'vitest';
import { ALPHA_FLAG, cronbachAlpha, cronbachAlphaFromCovariance, isAlphaLow } from '../../src/stats/alpha';
import { covarianceMatrix } from '../../src/stats/regression';

// A worked example: 5 respondents × 3 items; item variances 1.3, 1.0, 1.3; total variance 9.2.
const rows = [
  [4, 5, 4],
  [3, 3, 4],
  [5, 5, 5],
  [2, 3, 2],
  [4, 4, 3],
];

describe('cronbachAlpha(rows)', () => {
  it('is k/(k−1)·(1 − Σ var_i / var_total) with sample variances', () => {
    const out = cronbachAlpha(rows)!;
    expect(out.n).toBe(5);
    expect(out.k).toBe(3);
    expect(out.alpha).toBeCloseTo(1.5 * (1 - 3.6 / 9.2), 14);
  });
  it('uses complete cases only', () => {
    const withGaps = [...rows, [5, undefined, 5], [NaN, 1, 1]];
    expect(cronbachAlpha(withGaps)).toEqual(cronbachAlpha(rows));
  });
  it.each([
    { why: 'no respondents', input: [] },
    { why: 'one item (k < 2)', input: [[1], [2], [3]] },
    {
      why: 'one complete case (n < 2)',
      input: [
        [1, 2],
        [3, undefined],
      ],
    },
    {
      why: 'zero variance',
      input: [
        [3, 3],
        [3, 3],
        [3, 3],
      ],
    },
    {
      why: 'a constant total (items cancel)',
      input: [
        [1, 5],
        [2, 4],
        [3, 3],
      ],
    },
  ])('is undefined, never NaN, for $why', ({ input }) => expect(cronbachAlpha(input)).toBeUndefined());
  it('rejects ragged rows', () => expect(() => cronbachAlpha([[1, 2], [1]])).toThrow(RangeError));
});

describe('cronbachAlphaFromCovariance(cov, n)', () => {
  it('agrees with cronbachAlpha on the same data', () => {
    const fromCov = cronbachAlphaFromCovariance(covarianceMatrix(rows), rows.length)!;
    expect(fromCov.alpha).toBeCloseTo(cronbachAlpha(rows)!.alpha, 14);
    expect(fromCov).toMatchObject({ n: 5, k: 3 });
  });
  it('is undefined for a zero matrix or n < 2', () => {
    expect(
      cronbachAlphaFromCovariance(
        [
          [0, 0],
          [0, 0],
        ],
        10,
      ),
    ).toBeUndefined();
    expect(
      cronbachAlphaFromCovariance(
        [
          [1, 0.5],
          [0.5, 1],
        ],
        1,
      ),
    ).toBeUndefined();
  });
});

describe('isAlphaLow(alpha)', () => {
  it(`flags α below ${ALPHA_FLAG}`, () => {
    expect(isAlphaLow(0.69)).toBe(true);
    expect(isAlphaLow(0.7)).toBe(false);
  });
});
