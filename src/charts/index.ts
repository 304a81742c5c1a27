/**
 * Chart builders: pure functions from figures to SVG strings (D3 for scales and
 * shapes, no DOM). Each returns a ChartOutput — `svg` markup plus a plain-text title,
 * description and data table for screen readers and the no-JS page.
 * The list of chart types is src/charts/registry.ts (a new chart registers there, with its
 * label schema beside its builder); this file only re-exports the builders callers import by name.
 */
export type { ChartOutput, ChartOptions } from './svg';
export { CHARTS, type ChartType } from './registry';
export { esc, C as COLORS, LOW_BASE_MARK, DEFAULT_MIN_BASE, DEFAULT_LOW_BASE } from './svg';
export { makeFormat, EN_FORMAT, fill, type ChartFormat } from './format';
export { gapModel, type GapModelInput, type GapModelLabels } from './gap-model';
export { servqualGaps, type ServqualGapsInput, type ServqualGapsOptions, type ServqualGapsLabels } from './servqual-gaps';
export { npsBreakdown, type NpsBreakdownInput, type NpsRow, type NpsBreakdownOptions, type NpsBreakdownLabels } from './nps-breakdown';
export { kpiScorecard, formatUnit, type KpiScorecardInput, type KpiScorecardLabels } from './kpi-scorecard';
export { benchmarkPosition, type BenchmarkPositionInput, type BenchmarkPositionOptions, type BenchmarkPositionLabels } from './benchmark-position';
export { driverMatrix, type DriverMatrixInput, type DriverMatrixLabels } from './driver-matrix';
export { trend, type TrendInput, type TrendPoint, type TrendOptions, type TrendLabels } from './trend';
export { segmentBars, segmentBarRows, type SegmentBarsInput, type SegmentBarRow, type SegmentBarsOptions, type SegmentBarsLabels } from './segment-bars';
