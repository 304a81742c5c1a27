/**
 * Mergeable accumulators: the in-memory path folds respondents one by one, the
 * streaming path folds chunks in workers and merges. Both end in the same figures.
 * Cross-products are taken around a shift (the scale's midpoint) to keep the
 * cancellation in cov = (Σxy − ΣxΣy/n)/(n−1) small on million-row files.
 */

/** Count, sum and sum of squares of one variable. */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export const moments = (): Moments => ({ n: 0, sum: 0, sumSq: 0 });

export function addMoment(m: Moments, x: number | undefined): void {
  if (x === undefined || Number.isNaN(x)) return;
  m.n += 1;
  m.sum += x;
  m.sumSq += x * x;
}

export function mergeMoments(into: Moments, from: Moments): void {
  into.n += from.n;
  into.sum += from.sum;
  into.sumSq += from.sumSq;
}

export const momentMean = (m: Moments): number | undefined => (m.n > 0 ? m.sum / m.n : undefined);

/** Sums and cross-products of k variables over complete cases (rows where all k are present). */
export interface CrossProducts {
  k: number;
  n: number;
  shift: number;
  sum: number[];
  cross: number[];
}

export const crossProducts = (k: number, shift = 0): CrossProducts => ({
  k,
  n: 0,
  shift,
  sum: new Array(k).fill(0),
  cross: new Array(k * k).fill(0),
});

/** Adds a row when it is complete; returns whether it was. */
export function addRow(acc: CrossProducts, row: readonly (number | undefined)[]): boolean {
  for (let i = 0; i < acc.k; i++) {
    const v = row[i];
    if (v === undefined || Number.isNaN(v)) return false;
  }
  acc.n += 1;
  for (let i = 0; i < acc.k; i++) {
    const xi = (row[i] as number) - acc.shift;
    acc.sum[i] += xi;
    for (let j = i; j < acc.k; j++) acc.cross[i * acc.k + j] += xi * ((row[j] as number) - acc.shift);
  }
  return true;
}

export function mergeCross(into: CrossProducts, from: CrossProducts): void {
  if (into.k !== from.k || into.shift !== from.shift) throw new Error('mergeCross: incompatible accumulators');
  into.n += from.n;
  for (let i = 0; i < into.k; i++) into.sum[i] += from.sum[i];
  for (let i = 0; i < into.cross.length; i++) into.cross[i] += from.cross[i];
}

/** Sample covariance matrix (n−1); undefined under two complete cases. */
export function covarianceOf(acc: CrossProducts): number[][] | undefined {
  const { k, n } = acc;
  if (n < 2) return undefined;
  const cov: number[][] = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const c = (acc.cross[i * k + j] - (acc.sum[i] * acc.sum[j]) / n) / (n - 1);
      cov[i][j] = c;
      cov[j][i] = c;
    }
  }
  return cov;
}

/** Means of the k variables over complete cases. */
export function meansOf(acc: CrossProducts): number[] | undefined {
  if (acc.n === 0) return undefined;
  return acc.sum.map((s) => s / acc.n + acc.shift);
}
