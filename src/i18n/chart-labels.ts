import type { Locale } from '../schemas/questionnaire';
import type {
  BenchmarkPositionLabels, DriverMatrixLabels, GapModelLabels, KpiScorecardLabels, NpsBreakdownLabels,
  SegmentBarsLabels, ServqualGapsLabels, TrendLabels,
} from '../charts';
import { CHART_LABELS_FR } from './chart-labels-fr';
import { CHART_LABELS_VI } from './chart-labels-vi';

/** Translated labels for every chart builder; English is each builder's own default, so `en` is empty. */
export interface ChartLabelSet {
  gapModel: Partial<GapModelLabels>;
  servqualGaps: Partial<ServqualGapsLabels>;
  npsBreakdown: Partial<NpsBreakdownLabels>;
  kpiScorecard: Partial<KpiScorecardLabels>;
  benchmarkPosition: Partial<BenchmarkPositionLabels>;
  driverMatrix: Partial<DriverMatrixLabels>;
  trend: Partial<TrendLabels>;
  segmentBars: Partial<SegmentBarsLabels>;
}

const EN: ChartLabelSet = { gapModel: {}, servqualGaps: {}, npsBreakdown: {}, kpiScorecard: {}, benchmarkPosition: {}, driverMatrix: {}, trend: {}, segmentBars: {} };

export const CHART_LABELS: Record<Locale, ChartLabelSet> = { en: EN, fr: CHART_LABELS_FR, vi: CHART_LABELS_VI };

export function chartLabels(locale: Locale): ChartLabelSet {
  return CHART_LABELS[locale] ?? EN;
}
