/**
 * Percentiles and quartiles. Percentile ranks use mid-ranks and are oriented,
 * so a higher percentile is always better.
 */
import { type Direction, orient } from './kpi';
import { type Maybe, isPresent, present } from './missing';

/**
 * Quantile of ascending values by linear interpolation between order
 * statistics — Hyndman & Fan (1996) type 7, numpy's and R's default:
 * h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). Missing values are
 * skipped; p is clamped to [0, 1]. Undefined for no values.
 */
export function quantile(sortedValues: readonly Maybe[], p: number): number | undefined {
  const xs = present(sortedValues);
  if (xs.length === 0 || Number.isNaN(p)) return undefined;
  const h = (xs.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  if (lo + 1 >= xs.length) return xs[xs.length - 1];
  return xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo]);
}

/**
 * Mid-rank percentile: (below + ½·equal)/N·100, where "below" counts peers that
 * are worse than `value` once oriented (for lower-is-better, a peer with a
 * higher raw value is below). Equals scipy's percentileofscore(kind="mean").
 * Undefined when there are no peers or the value is missing.
 */
export function percentileRank(value: Maybe, peers: readonly Maybe[], direction: Direction): number | undefined {
  const xs = present(peers);
  if (xs.length === 0 || !isPresent(value)) return undefined;
  const v = orient(value, direction);
  let below = 0;
  let equal = 0;
  for (const x of xs) {
    const o = orient(x, direction);
    if (o < v) below++;
    else if (o === v) equal++;
  }
  return ((below + equal / 2) / xs.length) * 100;
}

/** Quartile 1…4 of a percentile, 4 the top (best): ≥ 75 → 4, ≥ 50 → 3, ≥ 25 → 2, else 1. */
export function quartileOf(percentile: number): 1 | 2 | 3 | 4 {
  if (percentile >= 75) return 4;
  if (percentile >= 50) return 3;
  if (percentile >= 25) return 2;
  return 1;
}
