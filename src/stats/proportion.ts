/**
 * Shares with Wilson score intervals (Wilson 1927; recommended over the Wald
 * interval by Brown, Cai & DasGupta 2001), and CSAT top-2-box (SPEC §3).
 */
import { Z95 } from './constants';

export { Z95 };
import { type MeanEstimate, meanEstimate, meanEstimateFromSummary } from './descriptive';
import { type Maybe, isPresent } from './missing';

/**
 * Wilson score interval for successes/n, as fractions:
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). Undefined when n = 0.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z95): [number, number] | undefined {
  if (!(n > 0) || !(successes >= 0 && successes <= n)) return undefined;
  const p = successes / n;
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const centre = (p + z2n / 2) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export type ShareEstimate = {
  /** successes / n, 0…1. */
  share: number;
  /** Present values for which the predicate holds. */
  successes: number;
  /** Present values. */
  n: number;
  /** Wilson 95 % interval, fractions. */
  ci95: [number, number];
};

/** Share of the present values satisfying `predicate`, with its Wilson interval; undefined when none are present. */
export function share<T>(values: Iterable<T | null | undefined>, predicate: (value: T) => boolean): ShareEstimate | undefined {
  let n = 0;
  let successes = 0;
  for (const v of values) {
    if (v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v))) continue;
    n++;
    if (predicate(v)) successes++;
  }
  return shareFromCounts(successes, n);
}

/** Share from counts; undefined when n = 0. */
export function shareFromCounts(successes: number, n: number): ShareEstimate | undefined {
  const ci95 = wilsonInterval(successes, n);
  return ci95 && { share: successes / n, successes, n, ci95 };
}

/** CSAT answers at or above this are "satisfied" (top-2-box of a 1–5 scale). */
export const CSAT_TOP2_MIN = 4;

export type CsatEstimate = {
  /** Share of 4–5 answers, percent 0–100. */
  top2box: number;
  /** Wilson 95 % interval of top2box, percent. */
  ci95: [number, number];
  /** Mean answer, 1–5. */
  mean: number;
  /** Student-t 95 % interval of the mean; absent when n < 2. */
  mean_ci95?: [number, number];
  /** Number of answers. */
  n: number;
};

function csatFrom(top2: number, n: number, m: MeanEstimate): CsatEstimate {
  const ci = wilsonInterval(top2, n) as [number, number];
  const out: CsatEstimate = { top2box: (100 * top2) / n, ci95: [100 * ci[0], 100 * ci[1]], mean: m.mean, n };
  if (m.ci95) out.mean_ci95 = m.ci95;
  return out;
}

function checkCsat(s: number): void {
  if (!Number.isInteger(s) || s < 1 || s > 5) throw new RangeError(`csat score must be a whole number 1-5, got ${s}`);
}

/** CSAT from 1–5 answers; missing answers skipped, undefined when none are left. RangeError for other values. */
export function csat(scores: Iterable<Maybe>): CsatEstimate | undefined {
  const xs: number[] = [];
  for (const s of scores) {
    if (!isPresent(s)) continue;
    checkCsat(s);
    xs.push(s);
  }
  const m = meanEstimate(xs);
  if (!m) return undefined;
  return csatFrom(xs.filter((s) => s >= CSAT_TOP2_MIN).length, xs.length, m);
}

/**
 * CSAT from counts by answer: `countsByScore[s]` answers of score s, s = 1…5
 * (index 0 is unused and must be 0 or absent). Same figures as `csat`.
 */
export function csatFromCounts(countsByScore: readonly (number | undefined)[]): CsatEstimate | undefined {
  if (countsByScore.length > 6 || (countsByScore[0] ?? 0) !== 0) {
    throw new RangeError('csatFromCounts expects counts at indexes 1..5 (index 0 unused)');
  }
  let n = 0;
  let sum = 0;
  for (let s = 1; s <= 5; s++) {
    const c = countsByScore[s] ?? 0;
    if (!(c >= 0)) throw new RangeError(`csat counts must be non-negative, got ${c}`);
    n += c;
    sum += s * c;
  }
  if (n === 0) return undefined;
  const m = sum / n;
  let ss = 0;
  for (let s = 1; s <= 5; s++) ss += (countsByScore[s] ?? 0) * (s - m) ** 2;
  const est = meanEstimateFromSummary(n, m, n < 2 ? undefined : Math.sqrt(ss / (n - 1))) as MeanEstimate;
  return csatFrom((countsByScore[4] ?? 0) + (countsByScore[5] ?? 0), n, est);
}
