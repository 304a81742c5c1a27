/**
 * Position against an industry (SPEC §3): percentile rank among peers by
 * mid-ranks, quartile, gaps to the peer median and top quartile — all
 * oriented, so higher percentiles and positive gaps are always better.
 */
import { type Direction, orient } from './kpi';
import { type Maybe, isPresent, present } from './missing';
import { percentileRank, quantile, quartileOf } from './percentile';

export type BenchmarkPosition = {
  /** Mid-rank percentile among peers, oriented, 0…100. */
  percentile: number;
  /** 4 = top quartile. */
  quartile: 1 | 2 | 3 | 4;
  /** Peer median, raw unit. */
  median: number;
  /** The top-quartile threshold, raw unit: p75 where higher is better, p25 where lower is. */
  top_quartile: number;
  /** orient(value − median): positive is better than the median. */
  gap_to_median: number;
  /** orient(value − top_quartile): ≥ 0 is in the top quartile. */
  gap_to_top_quartile: number;
  /** Number of peers. */
  peers: number;
};

/** Position of `value` among peer values (type-7 quantiles). Undefined with no peers or a missing value. */
export function benchmarkPosition(value: Maybe, peers: readonly Maybe[], direction: Direction): BenchmarkPosition | undefined {
  const percentile = percentileRank(value, peers, direction);
  if (percentile === undefined || !isPresent(value)) return undefined;
  const sorted = present(peers).sort((a, b) => a - b);
  const median = quantile(sorted, 0.5) as number;
  const top = quantile(sorted, direction === 'higher' ? 0.75 : 0.25) as number;
  return {
    percentile,
    quartile: quartileOf(percentile),
    median,
    top_quartile: top,
    gap_to_median: orient(value - median, direction),
    gap_to_top_quartile: orient(value - top, direction),
    peers: sorted.length,
  };
}
