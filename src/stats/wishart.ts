/**
 * The parametric bootstrap of the key drivers from their covariance matrix alone — what every
 * engine (memory, stream, DuckDB, a warehouse) accumulates — so all of them give the same
 * intervals to the precision their covariances agree to. Seeded (bootstrap.ts: mulberry32).
 */
import { COLLINEARITY_TOLERANCE, correlationFromCovariance } from './regression';
import { MIN_R2 } from './shapley';
import { BOOTSTRAP_SEED, driverReplicates, mulberry32, type DriverIntervals } from './bootstrap';

/** A standard normal from two uniforms (Box–Muller, the cosine branch only, so each draw uses exactly two). */
export function normalFrom(random: () => number): number {
  const u = 1 - random(); // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A χ²(df) draw: 2·Gamma(df/2) by Marsaglia & Tsang (2000), valid for df/2 ≥ 1 (df ≥ 2). */
export function chiSquareFrom(random: () => number, df: number): number {
  const d = df / 2 - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalFrom(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return 2 * d * v;
  }
}

/** Lower Cholesky factor of a positive definite matrix; undefined when it is not. */
function cholesky(a: readonly (readonly number[])[]): number[][] | undefined {
  const p = a.length;
  const l = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 0)) return undefined;
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  return l;
}

/**
 * Shapley shares of R² for one replicate: the same decomposition as shapleyFromCorrelation
 * (R² of every subset by Cholesky, collinear predictors skipped alike), in preallocated
 * buffers — a bootstrap runs it a thousand times per wave. Undefined when R² ≤ MIN_R2.
 */
function replicateShapley(
  corr: readonly (readonly number[])[],
  k: number,
  r2: Float64Array,
  l: Float64Array,
  idx: Int32Array,
  weight: readonly number[],
): { r2: number; shares: number[] } | undefined {
  const size = 1 << k;
  for (let mask = 1; mask < size; mask++) {
    let m = 0;
    for (let j = 0; j < k; j++) if (mask & (1 << j)) idx[m++] = j;
    idx[m] = k;
    // Cholesky of the subset's predictors then the outcome; the outcome's row gives the explained share.
    let explained = 0;
    for (let c = 0; c < m; c++) {
      const a = idx[c];
      let pivot = corr[a][a];
      for (let j = 0; j < c; j++) pivot -= l[c * (k + 1) + j] * l[c * (k + 1) + j];
      if (!(pivot > COLLINEARITY_TOLERANCE * corr[a][a])) {
        for (let rr = c; rr <= m; rr++) l[rr * (k + 1) + c] = 0;
        continue;
      }
      const root = Math.sqrt(pivot);
      l[c * (k + 1) + c] = root;
      for (let rr = c + 1; rr <= m; rr++) {
        let sum = corr[idx[rr]][a];
        for (let j = 0; j < c; j++) sum -= l[rr * (k + 1) + j] * l[c * (k + 1) + j];
        l[rr * (k + 1) + c] = sum / root;
      }
      explained += l[m * (k + 1) + c] * l[m * (k + 1) + c];
    }
    r2[mask] = Math.max(0, Math.min(1, explained / corr[k][k]));
  }
  const total = r2[size - 1];
  if (!(total > MIN_R2)) return undefined;
  const raw = new Array<number>(k).fill(0);
  for (let mask = 0; mask < size; mask++) {
    let s = 0;
    for (let x = mask; x; x &= x - 1) s++;
    for (let j = 0; j < k; j++) if (!(mask & (1 << j))) raw[j] += weight[s] * (r2[mask | (1 << j)] - r2[mask]);
  }
  const sum = raw.reduce((a, b) => a + b, 0);
  return { r2: total, shares: raw.map((x) => x / sum) };
}

/**
 * The parametric bootstrap of the drivers from their covariance alone (what every engine
 * accumulates): replicate covariances are drawn from the Wishart distribution the sample
 * covariance follows under multivariate normality, S* = L·A·Aᵀ·Lᵀ/(n − 1) with S = L·Lᵀ and A
 * Bartlett's lower-triangular factor (A_ii² ~ χ²(n − i), i = 1…p; A_ij ~ N(0, 1) below the
 * diagonal), drawn row by row from one seeded stream. Normal theory is its assumption:
 * with heavy-tailed answers the intervals are too narrow. Undefined when `cov` is not positive
 * definite, n − 1 < p + 1 (no χ² draw of df ≥ 2), or under half the replicates decompose.
 */
export function wishartBootstrapDrivers(
  cov: readonly (readonly number[])[],
  n: number,
  replicates: number,
  seed = BOOTSTRAP_SEED,
): DriverIntervals | undefined {
  const p = cov.length;
  const df = n - 1;
  const l = cholesky(cov);
  if (!l || df - p + 1 < 2) return undefined;
  const random = mulberry32(seed);
  const collected = driverReplicates(p - 1);
  const a = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const subsetR2 = new Float64Array(1 << (p - 1));
  const chol = new Float64Array(p * p);
  const members = new Int32Array(p);
  const factorial = [1];
  for (let i = 1; i < p; i++) factorial[i] = factorial[i - 1] * i;
  const shapleyWeight = Array.from({ length: p - 1 }, (_, s) => (factorial[s] * factorial[p - 2 - s]) / factorial[p - 1]);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < i; j++) a[i][j] = normalFrom(random);
      a[i][i] = Math.sqrt(chiSquareFrom(random, df - i));
    }
    // M = L·A (lower triangular), S* = M·Mᵀ / df.
    const m = l.map((row, i) => row.map((_, j) => (j > i ? 0 : row.reduce((s, lik, k) => (k >= j && k <= i ? s + lik * a[k][j] : s), 0))));
    const s = m.map((ri) => m.map((rj) => ri.reduce((acc, x, k) => acc + x * rj[k], 0) / df));
    const corr = correlationFromCovariance(s);
    const decomposition = replicateShapley(corr, p - 1, subsetR2, chol, members, shapleyWeight);
    if (decomposition) collected.add(decomposition, corr);
  }
  return collected.summary(replicates);
}
