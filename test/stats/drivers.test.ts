import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../src/stats/linear-algebra';
import { correlationFromCovariance, covarianceMatrix, rSquared } from '../../src/stats/regression';
import { keyDrivers, keyDriversFromCorrelation, relativeWeightsFromCorrelation, SHAPLEY_MAX_PREDICTORS, shapleyFromCorrelation } from '../../src/stats/shapley';

/** Deterministic pseudo-random numbers (mulberry32) so the data sets are fixed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n rows of k correlated predictors and an outcome that depends on them with the given weights plus noise. */
function dataset(n: number, weights: number[], seed = 1): { x: number[][]; y: number[] } {
  const r = rng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const common = r();
    const row = weights.map(() => common + r());
    x.push(row);
    y.push(row.reduce((s, v, j) => s + v * weights[j], 0) + 2 * r());
  }
  return { x, y };
}

describe('covarianceMatrix(rows) and correlationFromCovariance(cov)', () => {
  it('computes sample covariances', () => {
    const cov = covarianceMatrix([
      [1, 2],
      [2, 4],
      [3, 7],
    ]);
    expect(cov[0][0]).toBeCloseTo(1, 14);
    expect(cov[0][1]).toBeCloseTo(2.5, 14);
    expect(cov[1][1]).toBeCloseTo(6.333333333333333, 14);
  });
  it('gives a constant column correlation 0 with the others and 1 with itself', () => {
    const r = correlationFromCovariance(
      covarianceMatrix([
        [1, 5],
        [2, 5],
        [4, 5],
      ]),
    );
    expect(r).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
  it('throws for fewer than 2 rows', () => expect(() => covarianceMatrix([[1, 2]])).toThrow(RangeError));
});

describe('rSquared(corr, predictors, outcome)', () => {
  it('is r² for one predictor', () =>
    expect(
      rSquared(
        [
          [1, 0.6],
          [0.6, 1],
        ],
        [0],
        1,
      ),
    ).toBeCloseTo(0.36, 15));
  it('is 0 with no predictors', () =>
    expect(
      rSquared(
        [
          [1, 0.6],
          [0.6, 1],
        ],
        [],
        1,
      ),
    ).toBe(0));
  it('adds up for uncorrelated predictors', () => {
    const corr = [
      [1, 0, 0.3],
      [0, 1, 0.4],
      [0.3, 0.4, 1],
    ];
    expect(rSquared(corr, [0, 1], 2)).toBeCloseTo(0.25, 15);
  });
  it('drops an exact duplicate predictor instead of failing (singular R_xx)', () => {
    const corr = [
      [1, 1, 0.5],
      [1, 1, 0.5],
      [0.5, 0.5, 1],
    ];
    expect(rSquared(corr, [0, 1], 2)).toBeCloseTo(0.25, 14);
  });
});

describe('keyDriversFromCorrelation(corr)', () => {
  it('returns undefined with no predictors', () => expect(keyDriversFromCorrelation([[1]])).toBeUndefined());
  it('returns undefined when R² is 0 (shares of nothing)', () => {
    expect(
      keyDriversFromCorrelation([
        [1, 0.2, 0],
        [0.2, 1, 0],
        [0, 0, 1],
      ]),
    ).toBeUndefined();
  });
  it('returns undefined when the outcome has no variance', () => {
    expect(
      keyDriversFromCorrelation([
        [1, 0],
        [0, 0],
      ]),
    ).toBeUndefined();
  });
  it('splits R² equally between two symmetric predictors', () => {
    const d = keyDriversFromCorrelation([
      [1, 0.3, 0.5],
      [0.3, 1, 0.5],
      [0.5, 0.5, 1],
    ])!;
    expect(d.method).toBe('shapley');
    expect(d.shares[0]).toBeCloseTo(0.5, 15);
    expect(d.raw[0] + d.raw[1]).toBeCloseTo(d.r2, 15);
  });
});

describe.each([
  { k: 3, method: 'shapley' },
  { k: 6, method: 'shapley' },
  { k: SHAPLEY_MAX_PREDICTORS, method: 'shapley' },
  { k: SHAPLEY_MAX_PREDICTORS + 1, method: 'relative-weights' },
  { k: 22, method: 'relative-weights' },
])('keyDrivers(predictors, outcome) with k = $k', ({ k, method }) => {
  const weights = Array.from({ length: k }, (_, j) => (j % 4) * 0.5 + 0.1);
  const { x, y } = dataset(400, weights, k);
  const d = keyDrivers(x, y)!;
  it(`uses ${method}`, () => expect(d.method).toBe(method));
  it('has shares that sum to 1 and raw contributions that sum to R²', () => {
    expect(d.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(d.raw.reduce((a, b) => a + b, 0)).toBeCloseTo(d.r2, 12);
    expect(d.shares).toHaveLength(k);
  });
  it('gives no predictor a negative share', () => expect(Math.min(...d.shares)).toBeGreaterThan(-1e-12));
});

describe('keyDrivers(predictors, outcome)', () => {
  it('drops incomplete rows and returns undefined below 2 complete rows', () => {
    expect(
      keyDrivers(
        [
          [1, 2],
          [2, undefined],
          [3, 1],
        ],
        [1, 2, undefined],
      ),
    ).toBeUndefined();
  });
  it('returns undefined for a constant outcome', () => {
    expect(keyDrivers([[1], [2], [3]], [0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2])).toBeUndefined();
  });
  it('rejects one array longer than the other', () => expect(() => keyDrivers([[1]], [1, 2])).toThrow(RangeError));
});

describe('shapleyFromCorrelation and relativeWeightsFromCorrelation', () => {
  it('agree exactly for uncorrelated predictors (both give r²)', () => {
    const corr = [
      [1, 0, 0, 0.2],
      [0, 1, 0, 0.5],
      [0, 0, 1, -0.1],
      [0.2, 0.5, -0.1, 1],
    ];
    const expected = [0.04, 0.25, 0.01];
    shapleyFromCorrelation(corr).forEach((v, j) => expect(v).toBeCloseTo(expected[j], 15));
    relativeWeightsFromCorrelation(corr).forEach((v, j) => expect(v).toBeCloseTo(expected[j], 14));
  });
});

describe('symmetricEigen(matrix)', () => {
  it('reconstructs the matrix as VΛVᵀ', () => {
    const m = [
      [4, 1, 0.5],
      [1, 3, 0.2],
      [0.5, 0.2, 2],
    ];
    const { values, vectors } = symmetricEigen(m);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const back = values.reduce((s, l, k) => s + vectors[i][k] * l * vectors[j][k], 0);
        expect(back).toBeCloseTo(m[i][j], 13);
      }
    }
  });
});
