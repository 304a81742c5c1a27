/**
 * Covariance, correlation and R² of a linear regression computed from a
 * correlation (or covariance) matrix — the building blocks of key-driver
 * analysis (SPEC §3).
 */

/** A predictor whose variance left after the earlier ones is below this share of its own is collinear and dropped. */
export const COLLINEARITY_TOLERANCE = 1e-10;

/**
 * Sample covariance matrix (n − 1 denominator) of rows × variables, two-pass
 * (centred first). RangeError with fewer than 2 rows or ragged rows: callers
 * check the base first (`keyDrivers` returns undefined instead).
 */
export function covarianceMatrix(rows: readonly (readonly number[])[]): number[][] {
  const n = rows.length;
  if (n < 2) throw new RangeError(`covarianceMatrix needs at least 2 rows, got ${n}`);
  const p = rows[0].length;
  const means = new Array<number>(p).fill(0);
  for (const row of rows) {
    if (row.length !== p) throw new RangeError(`covarianceMatrix rows must all have ${p} values, got ${row.length}`);
    for (let j = 0; j < p; j++) means[j] += row[j];
  }
  for (let j = 0; j < p; j++) means[j] /= n;
  // One correction pass (as in `mean`) so a constant column centres to exact zeros.
  const residual = new Array<number>(p).fill(0);
  for (const row of rows) for (let j = 0; j < p; j++) residual[j] += row[j] - means[j];
  for (let j = 0; j < p; j++) means[j] += residual[j] / n;
  const cov = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const d = new Array<number>(p);
  for (const row of rows) {
    for (let j = 0; j < p; j++) d[j] = row[j] - means[j];
    for (let i = 0; i < p; i++) for (let j = i; j < p; j++) cov[i][j] += d[i] * d[j];
  }
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      cov[i][j] /= n - 1;
      cov[j][i] = cov[i][j];
    }
  }
  return cov;
}

/**
 * Pearson correlations r_ij = c_ij / √(c_ii·c_jj), clamped to [−1, 1]. A constant
 * variable (zero variance) gets correlation 0 with every other variable and 1
 * with itself, so it explains nothing rather than poisoning the matrix with NaN.
 */
export function correlationFromCovariance(cov: readonly (readonly number[])[]): number[][] {
  const sdev = cov.map((row, i) => Math.sqrt(Math.max(0, row[i])));
  return cov.map((row, i) =>
    row.map((c, j) => {
      if (i === j) return 1;
      if (sdev[i] === 0 || sdev[j] === 0) return 0;
      return Math.max(-1, Math.min(1, c / (sdev[i] * sdev[j])));
    }),
  );
}

/**
 * R² of `outcome` regressed on `predictors` (indexes into a correlation or
 * covariance matrix): R² = r_yxᵀ R_xx⁻¹ r_yx / var_y. Computed by a Cholesky
 * factorisation of the predictors-then-outcome block, R² = Σ_j L_yj² / var_y.
 * A predictor whose remaining variance (its Cholesky pivot) is below
 * COLLINEARITY_TOLERANCE of its own variance is linearly dependent on the ones
 * before it and is skipped: R² is the projection onto the span of the
 * predictors, which is what the pseudo-inverse gives. 0 for no predictors or a
 * constant outcome.
 */
export function rSquared(corr: readonly (readonly number[])[], predictors: readonly number[], outcome: number): number {
  const idx = [...predictors, outcome];
  const m = idx.length;
  const varY = corr[outcome][outcome];
  if (predictors.length === 0 || !(varY > 0)) return 0;
  // L is lower-triangular; row r holds the Cholesky coefficients of variable idx[r] on the accepted columns.
  const L = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const accepted: number[] = [];
  for (let c = 0; c < m - 1; c++) {
    const a = idx[c];
    let pivot = corr[a][a];
    for (const j of accepted) pivot -= L[c][j] * L[c][j];
    if (!(pivot > COLLINEARITY_TOLERANCE * corr[a][a])) continue;
    const root = Math.sqrt(pivot);
    L[c][c] = root;
    for (let r = c + 1; r < m; r++) {
      let s = corr[idx[r]][a];
      for (const j of accepted) s -= L[r][j] * L[c][j];
      L[r][c] = s / root;
    }
    accepted.push(c);
  }
  let explained = 0;
  for (const j of accepted) explained += L[m - 1][j] * L[m - 1][j];
  return Math.max(0, Math.min(1, explained / varY));
}
