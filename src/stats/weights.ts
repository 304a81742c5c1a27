/**
 * Estimates from weighted sums (Σw, Σw², Σw·x, Σw·x²), the form every engine folds.
 * Uncertainty follows Kish (1965): a weighted estimate is as precise as a simple random
 * sample of the effective base n_eff = (Σw)²/Σw², so every interval, margin of error and
 * test uses n_eff where the unweighted one uses n. The design effect of the weights is
 * deff = n/n_eff = 1 + CV² (CV of the weights, population variance) — Kish's, not the
 * per-estimate variance ratio R's survey::svymean(deff = TRUE) reports.
 * With every weight 1 (Σw = Σw² = n) each function returns the unweighted figure bit for
 * bit: n·n/n, n − n/n and c·n/n are exact in floating point.
 */
import { meanEstimateFromSummary, type MeanEstimate } from './descriptive';
import { wilsonInterval } from './proportion';
import { npsFromCounts, type NpsEstimate } from './nps';

/** Kish's effective base (Σw)²/Σw²; undefined without weight. */
export function effectiveBase(w: number, w2: number): number | undefined {
  return w2 > 0 ? (w * w) / w2 : undefined;
}

/** Kish's design effect of unequal weights, n·Σw²/(Σw)² = 1 + CV²; undefined without weight. */
export function kishDeff(n: number, w: number, w2: number): number | undefined {
  return w > 0 && n > 0 ? (n * w2) / (w * w) : undefined;
}

/**
 * Weighted mean with its Student-t 95 % interval on the effective base: mean Σwx/Σw,
 * s² = Σw(x − mean)² / (Σw − Σw²/Σw) (the reliability-weights variance, unchanged when all
 * weights are scaled), se = s/√n_eff, n_eff − 1 df. The `n` of the result is n_eff.
 * Cancellation below the sums' rounding noise reads as zero variance, as meanEstimateFromMoments.
 */
export function weightedMeanEstimate(n: number, w: number, w2: number, sum: number, sumSq: number): MeanEstimate | undefined {
  if (!(n >= 1) || !(w > 0) || !Number.isFinite(sum) || !Number.isFinite(sumSq)) return undefined;
  const m = sum / w;
  let m2 = sumSq - sum * m;
  // Unweighted: meanEstimateFromMoments's bound on the sums' rounding, bit for bit. Weighted
  // sums round in Σw·x, Σw·x² and Σw alike, so the noise of a constant is a few times larger.
  const noise = w === n && w2 === n ? 1 : 8;
  if (m2 <= noise * n * Number.EPSILON * sumSq) m2 = 0;
  const nEff = (w * w) / w2;
  return meanEstimateFromSummary(nEff, m, n < 2 ? undefined : Math.sqrt(Math.max(0, m2) / (w - w2 / w)));
}

/** A weighted NPS: npsFromCounts's estimate without the count (the base of a weighted figure is its respondents and n_eff). */
export type WeightedNps = Omit<NpsEstimate, 'n'>;

/** NPS from weighted totals of promoters, passives and detractors, the variance on `nEff`: npsFromCounts, the one NPS-from-counts function. */
export function weightedNps(promoters: number, passives: number, detractors: number, nEff: number): WeightedNps | undefined {
  if (!(promoters + passives + detractors > 0) || !(nEff > 0)) return undefined;
  const est = npsFromCounts(promoters, passives, detractors, nEff);
  if (!est) return undefined;
  const { n: _count, ...weighted } = est;
  return weighted;
}

/**
 * A weighted share as the Wilson interval sees it: the effective number of successes
 * share·n_eff out of n_eff (successes·n/n = successes exactly when unweighted).
 */
export function effectiveSuccesses(weightedSuccesses: number, w: number, nEff: number): number {
  return (weightedSuccesses * nEff) / w;
}

export interface WeightedCsat {
  /** Weighted percent of 4–5 answers. */
  top2box: number;
  /** Wilson 95 % interval of top2box on the effective base, percent. */
  ci95: [number, number];
  /** Weighted mean answer. */
  mean: number;
}

/** CSAT top-2-box and mean from weighted totals by answer (index = score 1–5) and Σw² of their weights (csatFromCounts when the weights are 1). */
export function weightedCsat(byScore: readonly number[], w2: number): WeightedCsat | undefined {
  let w = 0;
  let sum = 0;
  for (let s = 1; s <= 5; s++) {
    const c = byScore[s] ?? 0;
    w += c;
    sum += s * c;
  }
  if (!(w > 0) || !(w2 > 0)) return undefined;
  const nEff = (w * w) / w2;
  const top2 = (byScore[4] ?? 0) + (byScore[5] ?? 0);
  // Rounding may put share·n_eff an ulp above n_eff when every answer is top-2.
  const ci = wilsonInterval(Math.min(nEff, effectiveSuccesses(top2, w, nEff)), nEff) as [number, number];
  return { top2box: (100 * top2) / w, ci95: [100 * ci[0], 100 * ci[1]], mean: sum / w };
}
