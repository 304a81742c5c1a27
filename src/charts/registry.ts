/**
 * Every chart type, one line each: its builder, its SVG kind (`gr-chart--<kind>`, the golden
 * file's name) and, when its labels live under `charts.<key>` of the locale files, the label
 * schema and the English labels declared beside the builder. src/i18n/schema-charts.ts composes
 * the locales' `charts` schema from this list and src/i18n/locales/en.ts its English `charts`
 * block, so a chart's labels are declared once, in its own file, and a locale
 * that lacks one fails test/i18n/schema.test.ts; test/charts/registry.test.ts refuses a
 * builder in src/charts that is not listed here or has no case in the narrow and golden tests.
 */
import type { z } from 'zod';
import type { ChartOutput } from './svg';
import type { ChartComponent } from './component';
import { benchmarkPosition, BenchmarkPositionLabelsSchema, benchmarkPositionEn, benchmarkPositionComponent } from './benchmark-position';
import { dotStrip } from './dot-strip';
import { driverMatrix, DriverMatrixLabelsSchema, driverMatrixEn, driverMatrixComponent } from './driver-matrix';
import { gapModel, GapModelLabelsSchema, gapModelEn, gapModelComponent } from './gap-model';
import { internalQuality, InternalQualityLabelsSchema, internalQualityEn, internalQualityComponent } from './internal-quality';
import { kpiScorecard, KpiScorecardLabelsSchema, kpiScorecardEn, kpiScorecardComponent } from './kpi-scorecard';
import { npsBreakdown, NpsBreakdownLabelsSchema, npsBreakdownEn, npsBreakdownComponent } from './nps-breakdown';
import { segmentBars, SegmentBarsLabelsSchema, segmentBarsEn, segmentTableComponent } from './segment-bars';
import { servqualGaps, ServqualGapsLabelsSchema, servqualGapsEn, servqualGapsComponent } from './servqual-gaps';
import { themeShares, ThemeSharesLabelsSchema, themeSharesEn } from './theme-shares';
import { themesComponent } from './themes';
import { themeDrivers, ThemeDriversLabelsSchema, themeDriversEn } from './theme-drivers';
import { themeSentiment, ThemeSentimentLabelsSchema, themeSentimentEn } from './theme-sentiment';
import { trend, TrendLabelsSchema, trendEn, trendComponent } from './trend';

export interface ChartType {
  /** Each builder has its own input and options; the registry only lists it. */
  draw: (input: any, options: any) => ChartOutput;
  kind: string;
  /** Absent: the chart's labels are not a block of the locale files yet (dot strip: the entity strings). */
  labels?: z.ZodTypeAny;
  /** The English labels, declared beside the builder (its default); the en locale's `charts` block is composed from them. */
  en?: unknown;
  /**
   * Its MDX component, declared beside the builder (component.ts): name, props schema, what it draws
   * from the figures. Rendered by src/components/ChartComponent.astro with type="<key>"; absent while the chart's
   * component is still its own .astro file.
   */
  /** Each component has its own props; the registry only lists them. */
  component?: ChartComponent<any>;
}

export const CHARTS = {
  gapModel: { draw: gapModel, kind: 'gap-model', labels: GapModelLabelsSchema, en: gapModelEn, component: gapModelComponent },
  servqualGaps: { draw: servqualGaps, kind: 'servqual-gaps', labels: ServqualGapsLabelsSchema, en: servqualGapsEn, component: servqualGapsComponent },
  npsBreakdown: { draw: npsBreakdown, kind: 'nps-breakdown', labels: NpsBreakdownLabelsSchema, en: npsBreakdownEn, component: npsBreakdownComponent },
  kpiScorecard: { draw: kpiScorecard, kind: 'kpi-scorecard', labels: KpiScorecardLabelsSchema, en: kpiScorecardEn, component: kpiScorecardComponent },
  benchmarkPosition: {
    draw: benchmarkPosition,
    kind: 'benchmark-position',
    labels: BenchmarkPositionLabelsSchema,
    en: benchmarkPositionEn,
    component: benchmarkPositionComponent,
  },
  driverMatrix: { draw: driverMatrix, kind: 'driver-matrix', labels: DriverMatrixLabelsSchema, en: driverMatrixEn, component: driverMatrixComponent },
  trend: { draw: trend, kind: 'trend', labels: TrendLabelsSchema, en: trendEn, component: trendComponent },
  segmentBars: { draw: segmentBars, kind: 'segment-bars', labels: SegmentBarsLabelsSchema, en: segmentBarsEn, component: segmentTableComponent },
  /** <Themes> draws the theme-sentiment and theme-drivers charts under the shares (themes.ts). */
  themeShares: { draw: themeShares, kind: 'theme-shares', labels: ThemeSharesLabelsSchema, en: themeSharesEn, component: themesComponent },
  dotStrip: { draw: dotStrip, kind: 'dot-strip' },
  internalQuality: {
    draw: internalQuality,
    kind: 'internal-quality',
    labels: InternalQualityLabelsSchema,
    en: internalQualityEn,
    component: internalQualityComponent,
  },
  themeDrivers: { draw: themeDrivers, kind: 'theme-drivers', labels: ThemeDriversLabelsSchema, en: themeDriversEn },
  themeSentiment: { draw: themeSentiment, kind: 'theme-sentiment', labels: ThemeSentimentLabelsSchema, en: themeSentimentEn },
} as const satisfies Record<string, ChartType>;

type Charts = typeof CHARTS;
/** The charts whose labels are a block of the locale files. */
export type LabelledChart = { [K in keyof Charts]: Charts[K] extends { labels: z.ZodTypeAny } ? K : never }[keyof Charts];
/** The `charts` block of a locale file: one label object per labelled chart, each of its chart's schema. */
export type ChartLabelShape = { [K in LabelledChart]: Charts[K] extends { labels: infer S } ? S : never };
/** The English labels of the labelled charts: `en.charts`, each of its chart's schema. */
export type ChartLabelsEn = { [K in LabelledChart]: Charts[K] extends { en: infer L } ? L : never };

/** The label schemas of the labelled charts, under the chart's key, in the registry's order. */
export const CHART_LABEL_SCHEMAS = Object.fromEntries(
  Object.entries(CHARTS as Record<string, ChartType>).flatMap(([key, chart]) => (chart.labels ? [[key, chart.labels]] : [])),
) as ChartLabelShape;

/** The `charts` block of the en locale, composed from the English labels beside each builder. */
export const CHART_LABELS_EN = Object.fromEntries(
  Object.entries(CHARTS as Record<string, ChartType>).flatMap(([key, chart]) => (chart.labels ? [[key, chart.en]] : [])),
) as ChartLabelsEn;

/** The registered charts that bring their MDX component, under their registry key, in the registry's order. */
export const CHART_COMPONENTS: [string, ChartComponent<any>][] = Object.entries(CHARTS as Record<string, ChartType>).flatMap(([key, chart]) =>
  chart.component ? [[key, chart.component] as [string, ChartComponent<any>]] : [],
);

type WithComponent = { [K in keyof Charts]: Charts[K] extends { component: ChartComponent<any> } ? K : never }[keyof Charts];
/** The charts' MDX components by MDX name, typed (schemas.ts lists them among the components). */
export type ChartComponents = {
  [K in WithComponent as Charts[K] extends { component: { name: infer N extends string } } ? N : never]: Charts[K] extends { component: infer C } ? C : never;
};
