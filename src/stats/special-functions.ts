/**
 * Special functions behind the distributions: ln Γ, the regularised incomplete
 * gamma and beta functions, erfc. Double precision; methods from Press et al.,
 * Numerical Recipes 3rd ed. (2007), chapter 6.
 */

const LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
/** Convergence target of the series and continued fractions below. */
const EPS = 1e-16;
/** Smallest positive normal double; keeps Lentz's method off zero denominators. */
const TINY = 1e-300;
const MAX_ITER = 10_000;

/** Lanczos coefficients, g = 7, n = 9 (Godfrey; see Press et al., Numerical Recipes 3rd ed., §6.1). */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) by the Lanczos approximation (g = 7), with the reflection formula for
 * x < ½ (Numerical Recipes §6.1). NaN at the poles x = 0, −1, −2, …
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    const s = Math.sin(Math.PI * x);
    if (s === 0) return NaN;
    return Math.log(Math.PI / Math.abs(s)) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Remainder of Stirling's series, ln Γ(x) − [(x − ½)ln x − x + ½ln 2π], for
 * x ≥ 10 (Abramowitz & Stegun 6.1.41; seven terms reach double precision).
 */
function stirlingCorrection(x: number): number {
  const x2 = 1 / (x * x);
  const terms = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];
  let sum = 0;
  for (let i = terms.length - 1; i >= 0; i--) sum = sum * x2 + terms[i];
  return sum / x;
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), arranged as R's `lbeta` does so that
 * large arguments do not cancel (the three ln Γ terms of df = 10⁶ are ~10⁷ each).
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return -0.5 * Math.log(q) + HALF_LOG_2PI + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): series for P when
 * x < a + 1, Lentz continued fraction for Q otherwise (Numerical Recipes §6.2).
 */
export function regularizedGammaQ(a: number, x: number, logGammaA = logGamma(a)): number {
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - logGammaA);
  if (x < a + 1) {
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let i = 0; i < MAX_ITER && Math.abs(del) > Math.abs(sum) * EPS; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
    }
    return 1 - sum * front;
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return front * h;
}

/** Complementary error export function erfc(x) = Q(½, x²) for x ≥ 0 (Abramowitz & Stegun 7.1.2, 6.5.17). */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  return regularizedGammaQ(0.5, x * x, LOG_SQRT_PI);
}

/**
 * Continued fraction for the incomplete beta function by the modified Lentz
 * method (Numerical Recipes 3rd ed., §6.4 `betacf`).
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * I_x(a, b) given both x and y = 1 − x, so callers that know 1 − x exactly
 * (the t distribution near 0) avoid cancellation.
 */
export function betaIncomplete(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  // log1p keeps a·ln x accurate when x is near 1 and a is large (the t cdf at large df).
  const logX = x <= 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y <= 0.5 ? Math.log(y) : Math.log1p(-x);
  const logFront = a * logX + b * logY - logBeta(a, b);
  const front = Math.exp(logFront);
  // The fraction converges fast for x < (a+1)/(a+b+2); use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(y, b, a)) / b;
}

/**
 * Regularised incomplete beta function I_x(a, b), by its continued fraction
 * (Numerical Recipes §6.4, modified Lentz). NaN for x outside [0, 1] or a, b ≤ 0.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) return NaN;
  return betaIncomplete(x, 1 - x, a, b);
}
