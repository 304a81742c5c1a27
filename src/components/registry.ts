import type { Figures } from '../schemas/figures';
import { TREND_METRICS } from './lib/trend-input';

/** What a component prop accepts, checked by the MDX lint before the build renders. */
export type PropRule =
  | { kind: 'figure'; required?: boolean; example?: string }
  | { kind: 'boolean'; required?: boolean; example?: string }
  | { kind: 'choice'; required?: boolean; example?: string; values: (figures: Figures) => string[] };

const segments = (f: Figures) => Object.keys(f.segments);
const trendMetrics = () => [...TREND_METRICS];
/** Metrics a benchmark may be asked for: those benchmarked, the survey headlines and every KPI (absent ones render "not measured"). */
const benchmarkMetrics = (f: Figures) => [...new Set(['nps', 'csat', 'ces', ...f.kpis.map((k) => k.metric), ...f.benchmarks.map((b) => b.metric)])];
const segmentMetrics = () => ['nps', 'csat', 'ces', 'overall'];

/**
 * Every MDX component a report may use, with its props. Keep in step with the
 * components' own Props (doc comment at the top of each .astro) and the authoring guide.
 */
export const COMPONENT_PROPS: Record<string, Record<string, PropRule>> = {
  Metric: { id: { kind: 'figure', required: true, example: 'nps.score' }, interval: { kind: 'boolean' } },
  HeadlineCards: {},
  GapModel: {},
  ServqualGaps: { by: { kind: 'choice', example: 'dimensions', values: () => ['dimensions', 'items'] } },
  NpsBreakdown: { by: { kind: 'choice', example: 'channel', values: segments } },
  KpiScorecard: {},
  BenchmarkPosition: { metric: { kind: 'choice', required: true, example: 'nps', values: benchmarkMetrics } },
  DriverMatrix: {},
  Trend: { metric: { kind: 'choice', required: true, example: 'nps', values: trendMetrics } },
  SegmentTable: { by: { kind: 'choice', required: true, example: 'channel', values: segments }, metric: { kind: 'choice', example: 'nps', values: segmentMetrics } },
  Methodology: {},
  Comments: {},
};

export { segments, trendMetrics, benchmarkMetrics, segmentMetrics };
