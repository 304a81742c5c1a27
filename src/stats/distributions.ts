/**
 * Normal and Student-t distributions, in double precision (~1e-14 relative in the
 * range reports use). Tails are computed directly, never as 1 − cdf, so small
 * p-values keep their relative precision.
 */

import { betaIncomplete, erfc, logGamma, regularizedIncompleteBeta } from './special-functions';

export { logGamma, regularizedIncompleteBeta };

const SQRT2 = Math.SQRT2;
const SQRT2PI = Math.sqrt(2 * Math.PI);

/** Standard normal cdf Φ(x) = ½·erfc(−x/√2), exact in both tails. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return 0.5 * erfc(-x / SQRT2);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT2PI;
}

// Acklam (2003), "An algorithm for computing the inverse normal cumulative distribution function".
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * Standard normal quantile Φ⁻¹(p): Acklam's rational approximation (relative
 * error 1.15e-9) polished by two Halley steps on Φ, which brings it to double
 * precision. Works on the lower tail and mirrors, so p near 1 loses nothing
 * beyond what 1 − p itself carries. ±Infinity at 0 and 1, NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  for (let i = 0; i < 2; i++) {
    // Halley: f = Φ(x) − p, f' = φ(x), f'' = −x·φ(x).
    const u = (normalCdf(x) - p) / normalPdf(x);
    if (!Number.isFinite(u)) break;
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}

/**
 * Lower tail P(T ≤ −|t|) of Student's t with df degrees of freedom:
 * ½·I_{df/(df+t²)}(df/2, ½) (Abramowitz & Stegun 26.7.1).
 */
function studentTLowerTail(t: number, df: number): number {
  if (df === Infinity) return normalCdf(-Math.abs(t));
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return 0.5 * betaIncomplete(x, y, df / 2, 0.5);
}

/** Student-t cdf P(T ≤ t) for df > 0 (df may be fractional, e.g. Welch; Infinity gives the normal). */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = studentTLowerTail(t, df);
  return t > 0 ? 1 - tail : tail;
}

/** Student-t density. */
function studentTPdf(t: number, df: number): number {
  if (df === Infinity) return normalPdf(t);
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Student-t quantile: safeguarded Newton iteration on the cdf (bisection when a
 * step leaves the bracket), to 1e-14 relative in t. Starts from the normal
 * quantile; mirrors p > ½ onto the lower tail.
 */
export function studentTQuantile(p: number, df: number): number {
  // Pure in (p, df), and asked for the same few pairs thousands of times (the interval of every mean of every
  // entity in every wave: ~6 s of a 1,000-entity build): each pair is solved once. String(x) tells floats apart.
  const key = `${p} ${df}`;
  let q = solvedT.get(key);
  if (q === undefined) {
    q = solveStudentTQuantile(p, df);
    if (solvedT.size < 100_000) solvedT.set(key, q);
  }
  return q;
}

const solvedT = new Map<string, number>();

function solveStudentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.5) return -studentTQuantile(1 - p, df);
  if (df === Infinity) return normalQuantile(p);
  // Lower tail: the answer is negative. Bracket it in [lo, hi].
  let hi = 0;
  let lo = Math.min(-1, normalQuantile(p));
  while (studentTLowerTail(lo, df) > p) {
    hi = lo;
    lo *= 2;
    if (!Number.isFinite(lo)) return -Infinity;
  }
  let t = Math.max(lo, Math.min(hi, normalQuantile(p)));
  for (let i = 0; i < 500; i++) {
    const f = studentTLowerTail(t, df) - p;
    if (f === 0) return t;
    if (f > 0) hi = t;
    else lo = t;
    let next = t - f / studentTPdf(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}

/** Two-sided p-value of a standard normal statistic: 2·Φ(−|z|). */
export function twoSidedPFromZ(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/** Two-sided p-value of a Student-t statistic: I_{df/(df+t²)}(df/2, ½). */
export function twoSidedPFromT(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * studentTLowerTail(t, df));
}
