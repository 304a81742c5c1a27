/**
 * Adjusted p-values for a family of tests (issue 14: each segment value against the rest
 * of its segment). Holm (1979) controls the family-wise error rate under any dependence;
 * Benjamini & Hochberg (1995) control the false discovery rate. Both return adjusted
 * p-values in input order, monotone in the raw p and capped at 1, so "significant" is
 * simply adjusted p < α — the same reading as an unadjusted test.
 */

/** The corrections a report may choose; `none` publishes the raw p as the adjusted one. */
export const CORRECTIONS = ['holm', 'bh', 'none'] as const;
export type Correction = (typeof CORRECTIONS)[number];
/** Holm: it holds the family-wise error rate without assuming independent tests, which segment values sharing a wave are not. */
export const DEFAULT_CORRECTION: Correction = 'holm';

/** Indexes of `p` sorted ascending (ties keep input order, so the result is deterministic). */
const ascending = (p: readonly number[]) => p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);

/** Holm's step-down: p̃_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)). */
export function holmAdjust(p: readonly number[]): number[] {
  const m = p.length;
  const out = new Array<number>(m);
  let running = 0;
  ascending(p).forEach((idx, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p[idx]));
    out[idx] = running;
  });
  return out;
}

/** Benjamini–Hochberg step-up: p̃_(i) = min_{j ≥ i} min(1, m·p_(j)/j). */
export function benjaminiHochbergAdjust(p: readonly number[]): number[] {
  const m = p.length;
  const out = new Array<number>(m);
  const order = ascending(p);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const idx = order[rank];
    running = Math.min(running, Math.min(1, (m * p[idx]) / (rank + 1)));
    out[idx] = running;
  }
  return out;
}

/** The adjusted p-values of one family under `method`. RangeError on a p outside [0, 1] (a programmer mistake). */
export function adjustPValues(p: readonly number[], method: Correction): number[] {
  for (const x of p) if (!(x >= 0 && x <= 1)) throw new RangeError(`p-values must lie in [0, 1], got ${x}`);
  if (method === 'holm') return holmAdjust(p);
  if (method === 'bh') return benjaminiHochbergAdjust(p);
  return [...p];
}
