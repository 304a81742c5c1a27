/**
 * Net Promoter Score with its margin of error (SPEC §3; Reichheld 2003 for the
 * score, the variance of a difference of two multinomial shares for the interval).
 */
import { Z95 } from './constants';

export { Z95 };
import { type Maybe, isPresent } from './missing';

/** Promoters answer 9–10, detractors 0–6, passives 7–8 (0–10 scale). */
export const PROMOTER_MIN = 9;
export const DETRACTOR_MAX = 6;

export type NpsEstimate = {
  /** 100·(share of promoters − share of detractors), −100…100. */
  score: number;
  /** Number of answers. */
  n: number;
  /** Share of promoters, 0…1. */
  promoters: number;
  /** Share of passives, 0…1. */
  passives: number;
  /** Share of detractors, 0…1. */
  detractors: number;
  /** Variance of pP − pD (fraction scale): (pP + pD − (pP − pD)²)/n. */
  variance: number;
  /** Margin of error of the score in points: 100·1.96·√variance. */
  moe95: number;
  /** score ± moe95, clamped to [−100, 100]. */
  ci95: [number, number];
};

/**
 * NPS from 0–10 answers; missing answers are skipped, undefined when none are left.
 * Throws a RangeError for a present value that is not a whole number 0–10: data
 * is validated where it enters, so that is a programmer mistake.
 */
export function nps(scores: Iterable<Maybe>): NpsEstimate | undefined {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const s of scores) {
    if (!isPresent(s)) continue;
    if (!Number.isInteger(s) || s < 0 || s > 10) throw new RangeError(`nps score must be a whole number 0-10, got ${s}`);
    if (s >= PROMOTER_MIN) promoters++;
    else if (s <= DETRACTOR_MAX) detractors++;
    else passives++;
  }
  return npsFromCounts(promoters, passives, detractors);
}

/**
 * NPS from counts of promoters, passives and detractors (streaming tallies), or from their
 * weighted totals with Kish's effective base `nEff` (src/stats/weights.ts: weightedNps): the
 * shares are of the total, the variance (pP + pD − (pP − pD)²)/nEff. Unweighted, nEff is the
 * count itself, so both read the same bits. Undefined when all are 0 or there is no effective base.
 */
export function npsFromCounts(promoters: number, passives: number, detractors: number, nEff?: number): NpsEstimate | undefined {
  for (const c of [promoters, passives, detractors]) {
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`nps counts must be non-negative, got ${c}`);
  }
  const n = promoters + passives + detractors;
  const base = nEff ?? n;
  if (n === 0 || !(base > 0)) return undefined;
  const pP = promoters / n;
  const pD = detractors / n;
  const diff = pP - pD;
  // Var(pP − pD) = [pP(1−pP) + pD(1−pD) + 2·pP·pD]/n = (pP + pD − (pP − pD)²)/n.
  const v = Math.max(0, (pP + pD - diff * diff) / base);
  const score = 100 * diff;
  const moe95 = 100 * Z95 * Math.sqrt(v);
  return {
    score,
    n,
    promoters: pP,
    passives: passives / n,
    detractors: pD,
    variance: v,
    moe95,
    ci95: [Math.max(-100, score - moe95), Math.min(100, score + moe95)],
  };
}
