import { benchmarkPosition } from '../stats/benchmark';
import { quantile } from '../stats/percentile';
import { benchmarkPositionFromSummary, type PublishedSummary } from '../stats/benchmark-summary';
import type { BenchmarkRow, Standard } from '../schemas/dataset';
import type { BenchmarkFigure } from '../schemas/figures';
import { defaultDirection } from './labels';
import { orient } from '../stats/kpi';

/**
 * The `industry` of benchmark rows that are marks of outstanding service outside the
 * report's own industry (SPEC §2.8): compared beside the industry, never mixed into it.
 */
export const BEST_IN_CLASS = 'best-in-class';

/**
 * The best-in-class mark for a metric: the best (oriented) value among its best-in-class rows,
 * of the report's period when given there, else of the latest period. Undefined without rows.
 */
export function bestInClass(
  rows: readonly BenchmarkRow[],
  metric: string,
  period: string | undefined,
  direction: 'higher' | 'lower',
  value: number,
): BenchmarkFigure['best_in_class'] {
  const all = rows.filter((r) => r.industry === BEST_IN_CLASS && r.metric === metric && Number.isFinite(r.value));
  if (!all.length) return undefined;
  const periods = [...new Set(all.map((r) => r.period))].sort();
  const chosen = period !== undefined && periods.includes(period) ? period : periods[periods.length - 1];
  const used = all.filter((r) => r.period === chosen);
  // Ties go to the first row read, so the mark names the same company on every build.
  const best = used.reduce((a, b) => (orient(b.value - a.value, direction) > 0 ? b : a));
  return {
    value: best.value,
    company: best.company,
    statistic: best.statistic,
    period: chosen,
    gap: orient(value - best.value, direction),
    source: best.source,
  };
}

/** The company's own value of a benchmarked metric, or undefined when not measured/suppressed. */
export type OwnValue = (metric: string) => number | undefined;

/**
 * Benchmark position per metric (SPEC §3): against peer rows when there are any
 * (percentile uses mid-ranks), else by linear interpolation between published quantiles.
 * Rows compared: the report's industry, and the report's period when benchmarks.csv has
 * it, else the latest benchmark period for that metric.
 */
export function benchmarkFigures(
  rows: readonly BenchmarkRow[],
  industry: string | undefined,
  period: string | undefined,
  standards: readonly Standard[],
  own: OwnValue,
  /** The direction of the survey's `ces` (the questionnaire's ces_wording). */
  ces: 'higher' | 'lower' = 'lower',
): BenchmarkFigure[] {
  const inIndustry = rows.filter((r) => r.industry === industry);
  const metrics = [...new Set(inIndustry.map((r) => r.metric))].sort();
  return metrics.flatMap((metric): BenchmarkFigure[] => {
    const all = inIndustry.filter((r) => r.metric === metric);
    const periods = [...new Set(all.map((r) => r.period))].sort();
    const chosen = period !== undefined && periods.includes(period) ? period : periods[periods.length - 1];
    const used = all.filter((r) => r.period === chosen);
    const value = own(metric);
    if (value === undefined) return [];
    const direction = used.find((r) => r.direction)?.direction ?? standards.find((s) => s.metric === metric)?.direction ?? defaultDirection(metric, ces);
    const peers = used.filter((r) => r.company !== undefined).map((r) => ({ company: r.company as string, value: r.value }));
    peers.sort((a, b) => a.value - b.value || a.company.localeCompare(b.company));
    const summaryRows = used.filter((r) => r.statistic !== undefined);
    const summary: PublishedSummary = Object.fromEntries(summaryRows.map((r) => [r.statistic, r.value]));
    const sources = [...new Set(used.map((r) => r.source))].sort().join('; ');
    const best = bestInClass(rows, metric, period, direction, value);
    const base = {
      metric,
      industry: industry as string,
      period: chosen,
      direction,
      value,
      source: sources,
      peer_values: peers,
      summary: summaryRows.length ? (summary as Record<string, number>) : undefined,
      ...(best ? { best_in_class: best } : {}),
    };
    if (peers.length > 0) {
      const pos = benchmarkPosition(
        value,
        peers.map((p) => p.value),
        direction,
      );
      if (!pos) return [];
      return [
        {
          ...base,
          percentile: pos.percentile,
          quartile: pos.quartile,
          median: pos.median,
          top_quartile: pos.top_quartile,
          gap_to_median: pos.gap_to_median,
          gap_to_top_quartile: pos.gap_to_top_quartile,
          method: 'peers' as const,
          peers: peers.length,
        },
      ];
    }
    const pos = benchmarkPositionFromSummary(value, summary, direction);
    if (!pos) return [];
    return [
      {
        ...base,
        percentile: pos.percentile,
        censored: pos.censored,
        quartile: pos.quartile,
        median: pos.median,
        top_quartile: pos.top_quartile,
        gap_to_median: pos.gap_to_median,
        gap_to_top_quartile: pos.gap_to_top_quartile,
        method: 'published quantiles' as const,
        peers: 0,
      },
    ];
  });
}

/**
 * The quantiles a benchmark chart bands between (probability → value, ascending p): with peers
 * p0, p25, median, p75, p100 of `peer_values` (sorted by contract; type-7 quantiles as the
 * position uses), else the published p10…p90. The figure's own median and top-quartile edge
 * win, so the bands agree with the text. The chart draws these; it computes none.
 */
export function benchmarkQuantiles(b: BenchmarkFigure): [number, number][] {
  const sorted = b.peer_values.map((p) => p.value);
  const s = b.summary ?? {};
  const q = new Map<number, number>();
  if (sorted.length) {
    for (const p of [0, 0.25, 0.5, 0.75, 1]) q.set(p, quantile(sorted, p) as number);
  } else {
    for (const [k, p] of [
      ['p10', 0.1],
      ['p25', 0.25],
      ['median', 0.5],
      ['p75', 0.75],
      ['p90', 0.9],
    ] as const) {
      if (s[k] !== undefined) q.set(p, s[k]);
    }
  }
  if (b.median !== undefined) q.set(0.5, b.median);
  if (b.top_quartile !== undefined) q.set(b.direction === 'lower' ? 0.25 : 0.75, b.top_quartile);
  return [...q.entries()].sort((m, n) => m[0] - n[0]);
}
