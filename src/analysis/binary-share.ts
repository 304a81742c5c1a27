/**
 * A binary column (questionnaire `binary:`, answers 0/1 after recode) published as a share:
 * "43.9 % satisfied" (a fraction 0–1, as every `share` of the figures) with its Wilson score interval (src/stats/proportion.ts) — rather than
 * only as a mean of 0s and 1s. On weighted data the share is the weighted mean and the
 * interval uses Kish's effective base; unweighted, n_eff = n and successes = Σx exactly.
 */
import { wilsonInterval } from '../stats/proportion';
import type { Moments } from './moments';

export function binaryShare(m: Moments): { share: number; share_ci95: [number, number] } | undefined {
  if (!(m.w > 0) || !(m.w2 > 0)) return undefined;
  const p = m.sum / m.w;
  const nEff = (m.w * m.w) / m.w2;
  const ci = wilsonInterval(p * nEff, nEff);
  return ci && { share: p, share_ci95: ci };
}
