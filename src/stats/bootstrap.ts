/**
 * The nonparametric bootstrap of the key drivers (Efron & Tibshirani 1993), seeded so a
 * build is byte-identical. It resamples respondents from their frequency table of distinct
 * answer profiles (drivers then outcome): the table is the empirical distribution, so a
 * multinomial draw of n respondents over it is exactly the ordinary bootstrap, whatever the
 * order the rows came in — every engine hands over the same table, sorted.
 */
import { correlationFromCovariance } from './regression';
import { keyDriversFromCorrelation } from './shapley';
import { quantile } from './percentile';

/** Replicates by default: at 1,000 the 2.5 % and 97.5 % percentiles rest on 25 replicates each (Efron & Tibshirani 1993, §13.3 ask for ≥ 1,000 for percentile intervals; 500 is the floor allowed). */
export const DEFAULT_REPLICATES = 1000;
export const MIN_REPLICATES = 500;
export const MAX_REPLICATES = 100_000;
/** Drivers beyond this many get no intervals: Shapley's 2^k regressions per replicate would cost the build seconds per wave. */
export const BOOTSTRAP_MAX_DRIVERS = 8;
/** The seed of every build: fixed, so the same data give the same intervals. */
export const BOOTSTRAP_SEED = 20_001_114;

/** mulberry32 (Tommy Ettinger): a 32-bit state PRNG, uniform in [0, 1) in steps of 2⁻³². Reimplemented in test/reference. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 95 % percentile interval of replicate values: numpy's linear quantiles at 2.5 % and 97.5 %. */
export function percentileInterval(values: readonly number[]): [number, number] | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return [quantile(sorted, 0.025)!, quantile(sorted, 0.975)!];
}

/** One distinct answer profile (k drivers then the outcome) and how many respondents gave it. */
export interface Profile {
  values: readonly number[];
  count: number;
}

/**
 * Standardised coefficients of the outcome (last row of `corr`) on the k predictors,
 * β = R_xx⁻¹ r_xy, by Cholesky (cheap enough for every replicate); a predictor whose pivot
 * falls under 1e-10 of its variance is collinear with the earlier ones and gets β = 0, the
 * solution on the others (as rSquared drops it).
 */
export function standardizedBetas(corr: readonly (readonly number[])[]): number[] {
  const k = corr.length - 1;
  const l = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const kept: boolean[] = new Array(k).fill(false);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = corr[i][j];
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      if (i === j) {
        kept[i] = s > 1e-10 * corr[i][i];
        l[i][i] = kept[i] ? Math.sqrt(s) : 0;
      } else l[i][j] = kept[j] ? s / l[j][j] : 0;
    }
  }
  // Solve L·z = r_xy, then Lᵀ·β = z, skipping dropped predictors.
  const z = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    if (!kept[i]) continue;
    let s = corr[i][k];
    for (let m = 0; m < i; m++) s -= l[i][m] * z[m];
    z[i] = s / l[i][i];
  }
  const beta = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    if (!kept[i]) continue;
    let s = z[i];
    for (let m = i + 1; m < k; m++) s -= l[m][i] * beta[m];
    beta[i] = s / l[i][i];
  }
  return beta;
}

export interface DriverIntervals {
  /** Replicates drawn, and those that gave a decomposition (a replicate where a driver or the outcome is constant has none). */
  replicates: number;
  used: number;
  r2: [number, number];
  /** Per driver, in profile column order. */
  shares: [number, number][];
  betas: [number, number][];
}

/**
 * The replicates of a drivers bootstrap, collected as they are drawn, and their one summary —
 * shared by the nonparametric (bootstrapDrivers) and the parametric (wishart.ts) bootstrap:
 * each decomposed replicate adds its R², its shares and the standardised coefficients of its
 * correlation matrix; the summary is their 95 % percentile intervals, or undefined when under
 * half of the replicates drawn gave a decomposition (the interval would describe a few of them).
 */
export function driverReplicates(drivers: number) {
  const r2: number[] = [];
  const shares: number[][] = Array.from({ length: drivers }, () => []);
  const betas: number[][] = Array.from({ length: drivers }, () => []);
  return {
    add(decomposition: { r2: number; shares: readonly number[] }, corr: readonly (readonly number[])[]): void {
      r2.push(decomposition.r2);
      decomposition.shares.forEach((x, j) => shares[j].push(x));
      standardizedBetas(corr).forEach((x, j) => betas[j].push(x));
    },
    summary(replicates: number): DriverIntervals | undefined {
      if (r2.length < replicates / 2) return undefined;
      return {
        replicates,
        used: r2.length,
        r2: percentileInterval(r2)!,
        shares: shares.map((xs) => percentileInterval(xs)!),
        betas: betas.map((xs) => percentileInterval(xs)!),
      };
    },
  };
}

/** Covariance (n − 1) of a resample given as counts per profile, centred on the sample means for accuracy. */
function resampleCovariance(profiles: readonly Profile[], counts: Uint32Array, centre: readonly number[], n: number): number[][] {
  const p = centre.length;
  const sum = new Float64Array(p);
  const cross = new Float64Array(p * p);
  const d = new Float64Array(p);
  for (let r = 0; r < profiles.length; r++) {
    const c = counts[r];
    if (c === 0) continue;
    const v = profiles[r].values;
    for (let i = 0; i < p; i++) d[i] = v[i] - centre[i];
    for (let i = 0; i < p; i++) {
      sum[i] += c * d[i];
      for (let j = i; j < p; j++) cross[i * p + j] += c * d[i] * d[j];
    }
  }
  const cov = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) cov[i][j] = cov[j][i] = (cross[i * p + j] - (sum[i] * sum[j]) / n) / (n - 1);
  return cov;
}

/**
 * Bootstrap percentile intervals of R², each driver's share of it and each standardised
 * coefficient. Replicate b draws n respondents with replacement: draw i is the profile whose
 * cumulative count first exceeds ⌊u·n⌋, u the PRNG's next uniform — one stream for all
 * replicates, in order. Undefined with fewer than two profiles' worth of respondents or when
 * under half the replicates gave a decomposition (the interval would describe a few of them).
 */
export function bootstrapDrivers(profiles: readonly Profile[], replicates: number, seed = BOOTSTRAP_SEED): DriverIntervals | undefined {
  const n = profiles.reduce((s, p) => s + p.count, 0);
  if (profiles.length === 0 || n < 3) return undefined;
  const p = profiles[0].values.length;
  const cumulative = new Float64Array(profiles.length);
  let running = 0;
  profiles.forEach((pr, i) => (cumulative[i] = running += pr.count));
  const centre = new Array<number>(p).fill(0);
  for (const pr of profiles) for (let i = 0; i < p; i++) centre[i] += (pr.count * pr.values[i]) / n;
  const random = mulberry32(seed);
  const counts = new Uint32Array(profiles.length);
  const collected = driverReplicates(p - 1);
  for (let b = 0; b < replicates; b++) {
    counts.fill(0);
    for (let draw = 0; draw < n; draw++) {
      const target = Math.floor(random() * n);
      // First profile whose cumulative count exceeds target (binary search).
      let lo = 0;
      let hi = profiles.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > target) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
    }
    const cov = resampleCovariance(profiles, counts, centre, n);
    if (cov.some((row, i) => !(row[i] > 1e-12))) continue;
    const corr = correlationFromCovariance(cov);
    const decomposition = keyDriversFromCorrelation(corr);
    if (decomposition) collected.add(decomposition, corr);
  }
  return collected.summary(replicates);
}
