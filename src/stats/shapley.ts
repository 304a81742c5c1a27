/**
 * Key-driver analysis: how much of the outcome's R² each predictor accounts
 * for (SPEC §3). Exact Shapley values of R² — the LMG decomposition (Lindeman,
 * Merenda & Gold 1980; Grömping 2006) — up to SHAPLEY_MAX_PREDICTORS, Johnson's
 * (2000) relative weights above, where 2^k subsets become too many.
 */
import { symmetricEigen } from './linear-algebra';
import { isPresent } from './missing';
import { correlationFromCovariance, covarianceMatrix, rSquared } from './regression';

/** Exact Shapley over all 2^k subsets up to this many predictors (2^15 = 32 768 regressions). */
export const SHAPLEY_MAX_PREDICTORS = 15;
/** An R² at or below this explains nothing; shares of it are not defined. */
export const MIN_R2 = 1e-12;
/** Eigenvalues below this share of the largest are treated as 0 (pseudo-inverse) in relative weights. */
const EIGEN_TOLERANCE = 1e-10;

export type DriverDecomposition = {
  /** R² of the outcome on all predictors, 0…1. */
  r2: number;
  /** Each predictor's share of R², fractions summing to 1. */
  shares: number[];
  /** Each predictor's R² contribution, summing to r2. */
  raw: number[];
  /** How `raw` was computed. */
  method: 'shapley' | 'relative-weights';
};

/**
 * Shapley value of each predictor in R²: φ_j = Σ_{S ⊆ N∖{j}} |S|!(k−|S|−1)!/k! ·
 * (R²(S ∪ {j}) − R²(S)), with R² memoised per subset bitmask. `corr` holds the
 * k predictors first and the outcome last.
 */
export function shapleyFromCorrelation(corr: readonly (readonly number[])[]): number[] {
  const k = corr.length - 1;
  const size = 1 << k;
  const r2 = new Float64Array(size);
  for (let mask = 1; mask < size; mask++) {
    const members: number[] = [];
    for (let j = 0; j < k; j++) if (mask & (1 << j)) members.push(j);
    r2[mask] = rSquared(corr, members, k);
  }
  const factorial = [1];
  for (let i = 1; i <= k; i++) factorial[i] = factorial[i - 1] * i;
  const weight = Array.from({ length: k }, (_, s) => (factorial[s] * factorial[k - s - 1]) / factorial[k]);
  const raw = new Array<number>(k).fill(0);
  for (let mask = 0; mask < size; mask++) {
    let s = 0;
    for (let m = mask; m; m &= m - 1) s++;
    for (let j = 0; j < k; j++) {
      const bit = 1 << j;
      if (!(mask & bit)) raw[j] += weight[s] * (r2[mask | bit] - r2[mask]);
    }
  }
  return raw;
}

/**
 * Johnson's (2000) relative weights: with R_xx = VΛVᵀ, Λ* = VΛ^½Vᵀ relates the
 * predictors to their closest orthogonal counterparts Z, β = Λ*⁺ r_xy regresses
 * the outcome on Z, and ε_j = Σ_k Λ*_jk² β_k². The ε sum to R². Singular R_xx
 * is handled by a pseudo-inverse (eigenvalues below 1e-10 of the largest → 0).
 */
export function relativeWeightsFromCorrelation(corr: readonly (readonly number[])[]): number[] {
  const k = corr.length - 1;
  const rxx = corr.slice(0, k).map((row) => row.slice(0, k));
  const rxy = corr.slice(0, k).map((row) => row[k]);
  const { values, vectors } = symmetricEigen(rxx);
  const largest = Math.max(...values);
  const sqrtL = values.map((l) => (l > EIGEN_TOLERANCE * largest ? Math.sqrt(l) : 0));
  // Λ*_ij = Σ_m V_im √λ_m V_jm ;  β = V·diag(1/√λ)·Vᵀ·r_xy.
  const lambdaStar = rxx.map((_, i) => rxx.map((__, j) => vectors[i].reduce((s, vim, m) => s + vim * sqrtL[m] * vectors[j][m], 0)));
  const vtr = sqrtL.map((_, m) => vectors.reduce((s, row, i) => s + row[m] * rxy[i], 0));
  const beta = rxx.map((_, i) => vectors[i].reduce((s, vim, m) => s + (sqrtL[m] > 0 ? (vim * vtr[m]) / sqrtL[m] : 0), 0));
  return lambdaStar.map((row) => row.reduce((s, l, m) => s + l * l * beta[m] * beta[m], 0));
}

/**
 * Decomposes R² of the outcome (last row/column of `corr`, after the k
 * predictors) among the predictors. A covariance matrix is accepted too (it is
 * rescaled to correlations). Undefined when k = 0, the outcome is constant, or
 * R² ≤ MIN_R2 (no share of nothing).
 */
export function keyDriversFromCorrelation(corr: readonly (readonly number[])[]): DriverDecomposition | undefined {
  const k = corr.length - 1;
  if (k < 1 || !(corr[k][k] > 0)) return undefined;
  const r = correlationFromCovariance(corr);
  const r2 = rSquared(
    r,
    Array.from({ length: k }, (_, j) => j),
    k,
  );
  if (!(r2 > MIN_R2)) return undefined;
  const method = k <= SHAPLEY_MAX_PREDICTORS ? 'shapley' : 'relative-weights';
  const raw = method === 'shapley' ? shapleyFromCorrelation(r) : relativeWeightsFromCorrelation(r);
  const total = raw.reduce((a, b) => a + b, 0);
  return { r2, shares: raw.map((x) => x / total), raw, method };
}

/**
 * Key drivers from data: `predictors[i]` is respondent i's predictor values,
 * `outcome[i]` their outcome. Rows with any missing value are dropped (complete
 * cases). Undefined with fewer than 2 complete rows, a constant outcome, or see
 * `keyDriversFromCorrelation`. RangeError when the two arrays differ in length.
 */
export function keyDrivers(
  predictors: readonly (readonly (number | null | undefined)[])[],
  outcome: readonly (number | null | undefined)[],
): DriverDecomposition | undefined {
  if (predictors.length !== outcome.length) {
    throw new RangeError(`keyDrivers needs one outcome per row (${predictors.length} rows, ${outcome.length} outcomes)`);
  }
  const rows: number[][] = [];
  predictors.forEach((x, i) => {
    const y = outcome[i];
    if (isPresent(y) && x.every(isPresent)) rows.push([...(x as number[]), y]);
  });
  if (rows.length < 2 || rows.every((row) => row[row.length - 1] === rows[0][row.length - 1])) return undefined;
  return keyDriversFromCorrelation(covarianceMatrix(rows));
}
