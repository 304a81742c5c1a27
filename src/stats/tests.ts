/**
 * Significance of changes between waves (SPEC §3), two-sided at
 * SIGNIFICANCE_LEVEL. Every `difference` is b − a ("to" minus "from").
 */
import { SIGNIFICANCE_LEVEL } from './constants';
import { twoSidedPFromT, twoSidedPFromZ } from './distributions';

export { SIGNIFICANCE_LEVEL };

export type ZTestResult = { difference: number; z: number; p: number; significant: boolean };
export type WelchTestResult = { difference: number; t: number; df: number; p: number; significant: boolean };

/**
 * NPS change: z = (b − a) / (100·√(v_a + v_b)), v the variance of pP − pD of
 * each wave (independent samples). `difference` is in NPS points. Undefined when
 * both variances are 0 (e.g. two all-promoter waves).
 */
export function npsDifferenceTest(a: { score: number; variance: number }, b: { score: number; variance: number }): ZTestResult | undefined {
  const se = 100 * Math.sqrt(a.variance + b.variance);
  if (!(se > 0)) return undefined;
  const difference = b.score - a.score;
  const z = difference / se;
  const p = twoSidedPFromZ(z);
  return { difference, z, p, significant: p < SIGNIFICANCE_LEVEL };
}

/**
 * Welch's unequal-variance t-test (Welch 1947) with Welch–Satterthwaite df:
 * t = (m_b − m_a)/√(s_a²/n_a + s_b²/n_b), df = (v_a + v_b)² / (v_a²/(n_a−1) + v_b²/(n_b−1)).
 * Undefined when either n < 2 or both standard deviations are 0.
 */
export function welchTest(a: { mean: number; sd: number; n: number }, b: { mean: number; sd: number; n: number }): WelchTestResult | undefined {
  if (!(a.n >= 2) || !(b.n >= 2)) return undefined;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  if (!(va + vb > 0)) return undefined;
  const difference = b.mean - a.mean;
  const t = difference / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const p = twoSidedPFromT(t, df);
  return { difference, t, df, p, significant: p < SIGNIFICANCE_LEVEL };
}

/**
 * Pooled two-proportion z-test: z = (p₂ − p₁)/√(p̄(1−p̄)(1/n₁ + 1/n₂)), p̄ the
 * pooled share. `difference` is p₂ − p₁ as a fraction. Undefined when either
 * n is 0 or the pooled share is 0 or 1 (no variance).
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): ZTestResult | undefined {
  if (!(n1 > 0) || !(n2 > 0)) return undefined;
  const pooled = (x1 + x2) / (n1 + n2);
  if (!(pooled > 0 && pooled < 1)) return undefined;
  const difference = x2 / n2 - x1 / n1;
  const z = difference / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const p = twoSidedPFromZ(z);
  return { difference, z, p, significant: p < SIGNIFICANCE_LEVEL };
}
