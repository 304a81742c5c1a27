/**
 * Cronbach's α (Cronbach 1951) on complete cases with sample variances
 * (n − 1), SPEC §3: α = k/(k−1)·(1 − Σ var_i / var_total).
 */
import { ALPHA_FLAG } from './constants';
import { variance } from './descriptive';
import { isPresent, type Maybe } from './missing';

export { ALPHA_FLAG };

export type AlphaEstimate = {
  /** Cronbach's α; at most 1, may be negative. */
  alpha: number;
  /** Complete cases used. */
  n: number;
  /** Items. */
  k: number;
};

/** Total variance at or below this share of the summed item variances counts as zero (rounding noise). */
const ZERO_TOTAL_VARIANCE = 1e-12;

function alphaFrom(sumItemVar: number, totalVar: number, n: number, k: number): AlphaEstimate | undefined {
  if (!(totalVar > ZERO_TOTAL_VARIANCE * sumItemVar) || !(totalVar > 0)) return undefined;
  return { alpha: (k / (k - 1)) * (1 - sumItemVar / totalVar), n, k };
}

/**
 * α from respondents × items. Rows with any missing item are dropped (complete
 * cases). Undefined when k < 2, fewer than 2 complete cases, or the total score
 * has zero variance. RangeError if rows differ in length.
 */
export function cronbachAlpha(rows: readonly (readonly Maybe[])[]): AlphaEstimate | undefined {
  if (rows.length === 0) return undefined;
  const k = rows[0].length;
  const complete: number[][] = [];
  for (const row of rows) {
    if (row.length !== k) throw new RangeError(`cronbachAlpha rows must all have ${k} items, got ${row.length}`);
    if (row.every(isPresent)) complete.push(row as number[]);
  }
  const n = complete.length;
  if (k < 2 || n < 2) return undefined;
  let sumItemVar = 0;
  for (let j = 0; j < k; j++) sumItemVar += variance(complete.map((r) => r[j])) as number;
  const totalVar = variance(complete.map((r) => r.reduce((a, b) => a + b, 0))) as number;
  return alphaFrom(sumItemVar, totalVar, n, k);
}

/**
 * α from an item covariance matrix: k/(k−1)·(1 − tr C / ΣC), since the variance
 * of the total is the sum of all covariances. `n` is carried into the result.
 */
export function cronbachAlphaFromCovariance(cov: readonly (readonly number[])[], n: number): AlphaEstimate | undefined {
  const k = cov.length;
  if (k < 2 || !(n >= 2)) return undefined;
  let trace = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    if (cov[i].length !== k) throw new RangeError('cronbachAlphaFromCovariance needs a square matrix');
    trace += cov[i][i];
    for (let j = 0; j < k; j++) total += cov[i][j];
  }
  return alphaFrom(trace, total, n, k);
}

/** True when α is below the reliability flag (0.7). */
export function isAlphaLow(alpha: number): boolean {
  return alpha < ALPHA_FLAG;
}
