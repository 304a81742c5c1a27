/**
 * Mergeable accumulators: the in-memory path folds respondents one by one, the
 * streaming path folds chunks in workers and merges. Both end in the same figures.
 * Cross-products are taken around a shift (the scale's midpoint) to keep the
 * cancellation in cov = (Σxy − ΣxΣy/n)/(n−1) small on million-row files.
 */

/**
 * Count, weighted sum and weighted sum of squares of one variable, with the weights' sum and
 * sum of squares (the effective base, Kish 1965). `n` counts respondents (the minimum base
 * is on it); unweighted data has every weight 1, so w = w2 = n and the sums are Σx, Σx²
 * bit for bit (1·x is x).
 */
export interface Moments {
  n: number;
  /** Σw. */
  w: number;
  /** Σw². */
  w2: number;
  /** Σw·x. */
  sum: number;
  /** Σw·x². */
  sumSq: number;
}

export const moments = (): Moments => ({ n: 0, w: 0, w2: 0, sum: 0, sumSq: 0 });

export function addMoment(m: Moments, x: number | undefined, weight = 1): void {
  if (x === undefined || Number.isNaN(x)) return;
  m.n += 1;
  m.w += weight;
  m.w2 += weight * weight;
  const wx = weight * x;
  m.sum += wx;
  m.sumSq += wx * x;
}

export function mergeMoments(into: Moments, from: Moments): void {
  into.n += from.n;
  into.w += from.w;
  into.w2 += from.w2;
  into.sum += from.sum;
  into.sumSq += from.sumSq;
}

/** Multiplies every weight behind `m` by `f` (a weighting cell's factor, src/analysis/weighting.ts). */
export function scaleMoments(m: Moments, f: number): void {
  m.w *= f;
  m.w2 *= f * f;
  m.sum *= f;
  m.sumSq *= f;
}

/** The weighted mean Σw·x / Σw. */
export const momentMean = (m: Moments): number | undefined => (m.n > 0 ? m.sum / m.w : undefined);

/** Weighted sums and cross-products of k variables over complete cases (rows where all k are present); `n` counts the cases. */
export interface CrossProducts {
  k: number;
  n: number;
  /** Σw and Σw² over the complete cases. */
  w: number;
  w2: number;
  shift: number;
  sum: number[];
  cross: number[];
}

export const crossProducts = (k: number, shift = 0): CrossProducts => ({
  k,
  n: 0,
  w: 0,
  w2: 0,
  shift,
  sum: new Array(k).fill(0),
  cross: new Array(k * k).fill(0),
});

/** Adds a row when it is complete; returns whether it was. */
export function addRow(acc: CrossProducts, row: readonly (number | undefined)[], weight = 1): boolean {
  for (let i = 0; i < acc.k; i++) {
    const v = row[i];
    if (v === undefined || Number.isNaN(v)) return false;
  }
  acc.n += 1;
  acc.w += weight;
  acc.w2 += weight * weight;
  for (let i = 0; i < acc.k; i++) {
    const xi = weight * ((row[i] as number) - acc.shift);
    acc.sum[i] += xi;
    for (let j = i; j < acc.k; j++) acc.cross[i * acc.k + j] += xi * ((row[j] as number) - acc.shift);
  }
  return true;
}

export function mergeCross(into: CrossProducts, from: CrossProducts): void {
  if (into.k !== from.k || into.shift !== from.shift) throw new Error('mergeCross: incompatible accumulators');
  into.n += from.n;
  into.w += from.w;
  into.w2 += from.w2;
  for (let i = 0; i < into.k; i++) into.sum[i] += from.sum[i];
  for (let i = 0; i < into.cross.length; i++) into.cross[i] += from.cross[i];
}

/** Multiplies every weight behind `acc` by `f`. */
export function scaleCross(acc: CrossProducts, f: number): void {
  acc.w *= f;
  acc.w2 *= f * f;
  for (let i = 0; i < acc.k; i++) acc.sum[i] *= f;
  for (let i = 0; i < acc.cross.length; i++) acc.cross[i] *= f;
}

/**
 * Covariance matrix with the reliability-weights denominator Σw − Σw²/Σw (n − 1 when every
 * weight is 1, bit for bit; unchanged when all weights are scaled); undefined under two complete cases.
 */
export function covarianceOf(acc: CrossProducts): number[][] | undefined {
  const { k, n, w } = acc;
  if (n < 2) return undefined;
  const denominator = w - acc.w2 / w;
  const cov: number[][] = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const c = (acc.cross[i * k + j] - (acc.sum[i] * acc.sum[j]) / w) / denominator;
      cov[i][j] = c;
      cov[j][i] = c;
    }
  }
  // Weighted sums of a constant variable cancel to rounding noise, not to 0 (integer answers
  // with weight 1 cancel exactly): a variance under the sums' noise is 0, with its covariances,
  // so α and the drivers see a constant as constant whatever the weights' scale.
  if (acc.w !== n || acc.w2 !== n)
    for (let i = 0; i < k; i++) {
      if (cov[i][i] > (8 * n * Number.EPSILON * Math.abs(acc.cross[i * k + i])) / denominator) continue;
      for (let j = 0; j < k; j++) cov[i][j] = cov[j][i] = 0;
    }
  return cov;
}

/** Weighted means of the k variables over complete cases. */
export function meansOf(acc: CrossProducts): number[] | undefined {
  if (acc.n === 0) return undefined;
  return acc.sum.map((s) => s / acc.w + acc.shift);
}
