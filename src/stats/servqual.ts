/**
 * SERVQUAL scoring (Parasuraman, Zeithaml & Berry 1988; SPEC §3): item gaps
 * P − E, respondent dimension scores under the half rule, weighted score.
 */
import { type Maybe, isPresent } from './missing';

/** The five SERVQUAL dimensions, in report order. */
export const SERVQUAL_DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
export type ServqualDimension = (typeof SERVQUAL_DIMENSIONS)[number];

/** A respondent's dimension score is kept when at least this share of its items is answered. */
export const HALF_RULE_MIN_SHARE = 0.5;

/**
 * Mean of the answered values when at least half of the items are answered
 * (answered·2 ≥ items), else undefined — the SERVQUAL scoring rule for a
 * respondent's dimension score. Undefined for no answers.
 */
export function halfRuleMean(values: readonly Maybe[]): number | undefined {
  let answered = 0;
  let sum = 0;
  for (const v of values) {
    if (!isPresent(v)) continue;
    answered++;
    sum += v;
  }
  if (answered === 0 || answered < HALF_RULE_MIN_SHARE * values.length) return undefined;
  return sum / answered;
}

/** Item gaps P − E, element by element; undefined where either side is missing. Arrays must be the same length. */
export function itemGaps(p: readonly Maybe[], e: readonly Maybe[]): (number | undefined)[] {
  if (p.length !== e.length) throw new RangeError(`itemGaps needs as many perceptions as expectations (${p.length} vs ${e.length})`);
  return p.map((pi, i) => {
    const ei = e[i];
    return isPresent(pi) && isPresent(ei) ? pi - ei : undefined;
  });
}

/** A respondent's gap score for one dimension: the half-rule mean of their item gaps. */
export function dimensionGapScore(p: readonly Maybe[], e: readonly Maybe[]): number | undefined {
  return halfRuleMean(itemGaps(p, e));
}

/** Unweighted SERVQUAL: mean of the five dimension gaps; undefined if any is missing. */
export function unweightedServqual(gaps: Readonly<Record<string, Maybe>>): number | undefined {
  let sum = 0;
  for (const d of SERVQUAL_DIMENSIONS) {
    const g = gaps[d];
    if (!isPresent(g)) return undefined;
    sum += g;
  }
  return sum / SERVQUAL_DIMENSIONS.length;
}

/**
 * Weighted SERVQUAL: Σ (mean w_d / 100)·gap_d over the five dimensions, where
 * w_d are importance points summing to 100. Undefined if any gap or weight is
 * missing. Weights are used as given (not renormalised), as SPEC §3 states.
 */
export function weightedServqual(gaps: Readonly<Record<string, Maybe>>, meanWeights: Readonly<Record<string, Maybe>>): number | undefined {
  let sum = 0;
  for (const d of SERVQUAL_DIMENSIONS) {
    const g = gaps[d];
    const w = meanWeights[d];
    if (!isPresent(g) || !isPresent(w)) return undefined;
    sum += (w / 100) * g;
  }
  return sum;
}
