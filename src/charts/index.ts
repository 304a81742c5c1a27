/**
 * Chart builders: pure functions from figures to SVG strings (D3 for scales and
 * shapes, no DOM). Each returns a ChartOutput — `svg` markup plus a plain-text title,
 * description and data table for screen readers and the no-JS page.
 */
export type { ChartOutput, ChartOptions } from './svg';
export { esc, C as COLORS, LOW_BASE_MARK, DEFAULT_MIN_BASE, DEFAULT_LOW_BASE } from './svg';
export { makeFormat, EN_FORMAT, fill, type ChartFormat } from './format';
export { gapModel, GAP_MODEL_LABELS, type GapModelInput, type GapModelLabels } from './gap-model';
export { servqualGaps, SERVQUAL_GAPS_LABELS, type ServqualGapsInput, type ServqualGapsOptions, type ServqualGapsLabels } from './servqual-gaps';
export { npsBreakdown, NPS_BREAKDOWN_LABELS, type NpsBreakdownInput, type NpsRow, type NpsBreakdownOptions, type NpsBreakdownLabels } from './nps-breakdown';
export { kpiScorecard, formatUnit, KPI_SCORECARD_LABELS, type KpiScorecardInput, type KpiScorecardLabels } from './kpi-scorecard';
export {
  benchmarkPosition, BENCHMARK_POSITION_LABELS,
  type BenchmarkPositionInput, type BenchmarkPositionOptions, type BenchmarkPositionLabels,
} from './benchmark-position';
export { driverMatrix, DRIVER_MATRIX_LABELS, type DriverMatrixInput, type DriverMatrixLabels } from './driver-matrix';
export { trend, TREND_LABELS, type TrendInput, type TrendPoint, type TrendOptions, type TrendLabels } from './trend';
export {
  segmentBars, segmentBarRows, SEGMENT_BARS_LABELS,
  type SegmentBarsInput, type SegmentBarRow, type SegmentBarsOptions, type SegmentBarsLabels,
} from './segment-bars';
