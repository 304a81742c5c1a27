/**
 * Benchmark position when the industry publishes only summary statistics
 * (SPEC §3: "interpolate linearly between the given quantiles").
 */
import type { BenchmarkPosition } from './benchmark';
import { type Direction, orient } from './kpi';
import { type Maybe, isPresent } from './missing';
import { quartileOf } from './percentile';

/** Published quantiles of a metric across an industry, raw unit (mean is informative only). */
export type PublishedSummary = { p10?: Maybe; p25?: Maybe; median?: Maybe; p75?: Maybe; p90?: Maybe; mean?: Maybe };

const LEVELS: readonly [keyof PublishedSummary, number][] = [
  ['p10', 10],
  ['p25', 25],
  ['median', 50],
  ['p75', 75],
  ['p90', 90],
];

export type SummaryPercentile = {
  /** Oriented percentile, 0…100. */
  percentile: number;
  /** Set when the value lies outside the published points: the percentile is then that outermost level. */
  censored?: 'below' | 'above';
};

/**
 * Percentile of `value` by linear interpolation between the published points
 * (p10 → 10, p25 → 25, median → 50, p75 → 75, p90 → 90), in oriented terms:
 * where lower is better, the raw p10 is the 90th percentile of performance.
 * Beyond the outermost points the outermost level is returned with `censored`.
 * A value equal to several tied points gets the middle of their levels (mid-rank).
 * Undefined with fewer than 2 points, a missing value, or quantiles that decrease.
 */
export function percentileFromSummary(value: Maybe, summary: PublishedSummary, direction: Direction): SummaryPercentile | undefined {
  if (!isPresent(value)) return undefined;
  const raw = LEVELS.flatMap(([key, level]) => {
    const q = summary[key];
    return isPresent(q) ? [{ q, level }] : [];
  });
  if (raw.length < 2) return undefined;
  for (let i = 1; i < raw.length; i++) if (raw[i].q < raw[i - 1].q) return undefined;
  const points = raw
    .map(({ q, level }) => ({ x: orient(q, direction), level: direction === 'higher' ? level : 100 - level }))
    .sort((a, b) => a.x - b.x || a.level - b.level);
  const v = orient(value, direction);
  const first = points[0];
  const last = points[points.length - 1];
  if (v < first.x) return { percentile: first.level, censored: 'below' };
  if (v > last.x) return { percentile: last.level, censored: 'above' };
  const tied = points.filter((p) => p.x === v);
  if (tied.length > 0) return { percentile: (tied[0].level + tied[tied.length - 1].level) / 2 };
  const i = points.findIndex((p) => p.x > v);
  const a = points[i - 1];
  const b = points[i];
  return { percentile: a.level + ((v - a.x) / (b.x - a.x)) * (b.level - a.level) };
}

/** Like BenchmarkPosition, but the median and top quartile exist only when published, and N is unknown. */
export type SummaryBenchmarkPosition = Omit<BenchmarkPosition, 'median' | 'top_quartile' | 'gap_to_median' | 'gap_to_top_quartile' | 'peers'> & {
  median?: number;
  top_quartile?: number;
  gap_to_median?: number;
  gap_to_top_quartile?: number;
  censored?: 'below' | 'above';
};

/** Benchmark position from published quantiles; undefined as for `percentileFromSummary`. */
export function benchmarkPositionFromSummary(value: Maybe, summary: PublishedSummary, direction: Direction): SummaryBenchmarkPosition | undefined {
  const found = percentileFromSummary(value, summary, direction);
  if (!found || !isPresent(value)) return undefined;
  const out: SummaryBenchmarkPosition = { percentile: found.percentile, quartile: quartileOf(found.percentile) };
  if (found.censored) out.censored = found.censored;
  const median = summary.median;
  const top = direction === 'higher' ? summary.p75 : summary.p25;
  if (isPresent(median)) {
    out.median = median;
    out.gap_to_median = orient(value - median, direction);
  }
  if (isPresent(top)) {
    out.top_quartile = top;
    out.gap_to_top_quartile = orient(value - top, direction);
  }
  return out;
}
