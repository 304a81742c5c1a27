/**
 * Counts, means and variances that skip missing values (see `missing.ts`), and
 * the mean with its Student-t 95 % interval (SPEC §3: CES, overall, item means).
 */
import { studentTQuantile } from './distributions';
import { type Maybe, present } from './missing';

/** Two-sided confidence level of every interval the report shows. */
export const CONFIDENCE_LEVEL = 0.95;

/** A mean with its uncertainty. `sd`, `se` and `ci95` are absent when n < 2. */
export type MeanEstimate = {
  /** Arithmetic mean of the present values. */
  mean: number;
  /** Number of present values. */
  n: number;
  /** Sample standard deviation (n − 1 denominator). */
  sd?: number;
  /** Standard error of the mean, sd/√n. */
  se?: number;
  /** Student-t 95 % interval for the mean, n − 1 degrees of freedom. */
  ci95?: [number, number];
};

/** Number of present values. */
export function count(values: Iterable<Maybe>): number {
  let n = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) n++;
  return n;
}

/** Mean with one correction pass: s/n + Σ(x − s/n)/n (Higham 2002, §1.9), so rounding in the sum does not bias it. */
function accurateMean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  const rough = sum / xs.length;
  let residual = 0;
  for (const x of xs) residual += x - rough;
  return rough + residual / xs.length;
}

/** Arithmetic mean of the present values; undefined when there are none. */
export function mean(values: Iterable<Maybe>): number | undefined {
  const xs = present(values);
  return xs.length === 0 ? undefined : accurateMean(xs);
}

/**
 * Sample variance (n − 1 denominator) by the corrected two-pass algorithm
 * (Chan, Golub & LeVeque 1983); undefined with fewer than two present values.
 */
export function variance(values: Iterable<Maybe>): number | undefined {
  const xs = present(values);
  return xs.length < 2 ? undefined : sampleVariance(xs, accurateMean(xs));
}

function sampleVariance(xs: readonly number[], m: number): number {
  let ss = 0;
  let s = 0;
  for (const x of xs) {
    const d = x - m;
    ss += d * d;
    s += d;
  }
  return Math.max(0, (ss - (s * s) / xs.length) / (xs.length - 1));
}

/** Sample standard deviation, √variance; undefined with fewer than two present values. */
export function sd(values: Iterable<Maybe>): number | undefined {
  const v = variance(values);
  return v === undefined ? undefined : Math.sqrt(v);
}

/** Student-t interval mean ± t(0.975, n−1)·sd/√n from the summary figures; the common tail of the estimators. */
export function meanEstimateFromSummary(n: number, m: number, sampleSd: number | undefined): MeanEstimate | undefined {
  if (!(n >= 1) || !Number.isFinite(m)) return undefined;
  if (n < 2 || sampleSd === undefined) return { mean: m, n };
  const se = sampleSd / Math.sqrt(n);
  const half = studentTQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2, n - 1) * se;
  return { mean: m, n, sd: sampleSd, se, ci95: [m - half, m + half] };
}

/** Mean of the present values with its Student-t 95 % interval (n − 1 df); undefined when none are present. */
export function meanEstimate(values: Iterable<Maybe>): MeanEstimate | undefined {
  const xs = present(values);
  if (xs.length === 0) return undefined;
  const m = accurateMean(xs);
  return meanEstimateFromSummary(xs.length, m, xs.length < 2 ? undefined : Math.sqrt(sampleVariance(xs, m)));
}

/**
 * The same estimate from running sums (n, Σx, Σx²), for streaming accumulators.
 * Σx² − (Σx)²/n cancels when the spread is small against the mean; what is left
 * below the rounding noise of the sums (n·ε·Σx²) is reported as zero variance
 * rather than as noise. Prefer `meanEstimateFromM2` when the accumulator can keep
 * Welford's running M2 instead.
 */
export function meanEstimateFromMoments(n: number, sum: number, sumSq: number): MeanEstimate | undefined {
  if (!(n >= 1) || !Number.isFinite(sum) || !Number.isFinite(sumSq)) return undefined;
  const m = sum / n;
  let m2 = sumSq - sum * m;
  if (m2 <= n * Number.EPSILON * sumSq) m2 = 0;
  return meanEstimateFromM2(n, m, m2);
}

/** The same estimate from Welford's running mean and M2 = Σ(x − mean)² (Welford 1962; stable for streaming). */
export function meanEstimateFromM2(n: number, m: number, m2: number): MeanEstimate | undefined {
  if (!(n >= 1)) return undefined;
  return meanEstimateFromSummary(n, m, n < 2 ? undefined : Math.sqrt(Math.max(0, m2) / (n - 1)));
}
