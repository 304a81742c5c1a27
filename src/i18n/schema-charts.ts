/**
 * The chart labels of a locale, one schema per chart builder; the builders' label types
 * come from here (z.infer), so a label exists in exactly one place. Templates use
 * `{placeholders}` filled by the builder; every locale keeps the English placeholders.
 */
import { z } from 'zod';
import { DIMENSIONS } from '../schemas/questionnaire';
import { FiguresSchema, KpiSchema, QUADRANTS } from '../schemas/figures';

/** A strict object: a misspelt key is an error, not an unused extra. */
export const strict = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

/** One label per key of a closed list (dimensions, gaps, statuses): none may be left out. */
export function labelsFor<K extends string>(keys: readonly K[]) {
  return strict(Object.fromEntries(keys.map((k) => [k, z.string()])) as Record<K, z.ZodString>);
}

/** Column headings of a chart's data table, one per column in order. */
const columns = (n: number) => z.array(z.string()).length(n);

const GAP_KEYS = FiguresSchema.shape.gaps.keyof().options;

export const GapModelLabelsSchema = strict({
  title: z.string(),
  customer: z.string(),
  firm: z.string(),
  expected: z.string(),
  perceived: z.string(),
  delivery: z.string(),
  communications: z.string(),
  standards: z.string(),
  management: z.string(),
  /** 'Gap {n}' */
  gap: z.string(),
  names: labelsFor(GAP_KEYS),
  compares: labelsFor(GAP_KEYS),
  /** Gaps 1 and 5: '{value}' is signed; '{scale}' is "1–7" when known, else `itemScale`. */
  scaleValue: z.string(),
  itemScale: z.string(),
  shortfall: z.string(),
  noShortfall: z.string(),
  /** Gaps 2–4: '{k} of {n} …'. */
  counts: labelsFor(GAP_KEYS),
  notMeasured: z.string(),
  legendTitle: z.string(),
  /** Description pieces. */
  clause: z.string(),
  widest: z.string(),
  none: z.string(),
  columns: columns(4),
  caption: z.string(),
});

export const ServqualGapsLabelsSchema = strict({
  title: z.string(),
  titleItems: z.string(),
  dimensions: labelsFor(DIMENSIONS),
  expectation: z.string(),
  perception: z.string(),
  gap: z.string(),
  item: z.string(),
  dimension: z.string(),
  n: z.string(),
  suppressed: z.string(),
  /** A cell withheld so that a smaller one cannot be derived from the total. */
  withheld: z.string(),
  notMeasured: z.string(),
  lowBase: z.string(),
  widest: z.string(),
  shortOn: z.string(),
  score: z.string(),
  caption: z.string(),
});

export const NpsBreakdownLabelsSchema = strict({
  title: z.string(),
  detractors: z.string(),
  passives: z.string(),
  promoters: z.string(),
  nps: z.string(),
  base: z.string(),
  group: z.string(),
  suppressed: z.string(),
  lowBase: z.string(),
  headline: z.string(),
  range: z.string(),
  suppressedList: z.string(),
  /** A cell withheld so that a smaller one cannot be derived from the total (its base is large enough). */
  withheld: z.string(),
  withheldList: z.string(),
  caption: z.string(),
});

export const KpiScorecardLabelsSchema = strict({
  title: z.string(),
  standard: z.string(),
  bullet: z.string(),
  value: z.string(),
  status: z.string(),
  trend: z.string(),
  target: z.string(),
  targetColumn: z.string(),
  higher: z.string(),
  lower: z.string(),
  statuses: labelsFor(KpiSchema.shape.status.options),
  metZone: z.string(),
  riskZone: z.string(),
  targetMark: z.string(),
  /** Units of the standards' values ('{v} s'); `points` are percentage points (a change in a percent or rate). */
  seconds: z.string(),
  days: z.string(),
  points: z.string(),
  summary: z.string(),
  item: z.string(),
  itemNotMeasured: z.string(),
  period: z.string(),
  caption: z.string(),
  perPeriod: z.string(),
});

export const BenchmarkPositionLabelsSchema = strict({
  title: z.string(),
  better: z.string(),
  reversed: z.string(),
  companyMark: z.string(),
  censored: labelsFor(['below', 'above']),
  median: z.string(),
  topQuartile: z.string(),
  /** The four quartile bands, worst first. */
  bands: columns(4),
  /** A band that is not one quartile (published quantiles with gaps): oriented percent range. */
  bandRange: z.string(),
  source: z.string(),
  peers: z.string(),
  published: z.string(),
  position: z.string(),
  gapMedian: z.string(),
  gapTop: z.string(),
  /** The best-in-class mark outside the industry ({value}); its sentence ({who}, {value}, {gap}, {source}); its table row ({who}). */
  bestInClass: z.string(),
  gapBest: z.string(),
  bestRow: z.string(),
  orientation: z.string(),
  orientationReversed: z.string(),
  columns: columns(2),
  you: z.string(),
  caption: z.string(),
  /** Data-table row names of the published statistics (summary keys); another key shows as written. */
  statistics: labelsFor(['p10', 'p25', 'median', 'p75', 'p90', 'mean']),
});

export const DriverMatrixLabelsSchema = strict({
  title: z.string(),
  x: z.string(),
  y: z.string(),
  quadrants: labelsFor(QUADRANTS),
  mean: z.string(),
  notMeasured: z.string(),
  suppressed: z.string(),
  fixFirst: z.string(),
  noFixFirst: z.string(),
  model: z.string(),
  lowBase: z.string(),
  /** What the interval lines are ({replicates}); the drivers whose coefficient's interval holds 0 ({mark}, {list}). */
  intervals: z.string(),
  noClearEffect: z.string(),
  methods: labelsFor(['shapley', 'relative-weights']),
  /** Outcome column → readable name; unknown outcomes print as they are. */
  outcomes: z.record(z.string(), z.string()),
  columns: columns(4),
  caption: z.string(),
});

export const TrendLabelsSchema = strict({
  title: z.string(),
  interval: z.string(),
  better: z.string(),
  worse: z.string(),
  suppressed: z.string(),
  lowBase: z.string(),
  moved: z.string(),
  change: z.string(),
  significant: z.string(),
  notSignificant: z.string(),
  versus: z.string(),
  suppressedList: z.string(),
  columns: columns(4),
  caption: z.string(),
});

export const SegmentBarsLabelsSchema = strict({
  title: z.string(),
  base: z.string(),
  suppressed: z.string(),
  lowBase: z.string(),
  range: z.string(),
  single: z.string(),
  suppressedList: z.string(),
  withheld: z.string(),
  withheldList: z.string(),
  /** Templates with {by} and {label}. */
  columns: columns(3),
  caption: z.string(),
});

/** Themes in comments (src/charts/theme-shares.ts) and the <Themes/> component around it. */
export const ThemeSharesLabelsSchema = strict({
  heading: z.string(),
  /** Templates with {wave}; {n} comments; {theme} and {share} of the most mentioned. */
  title: z.string(),
  axis: z.string(),
  description: z.string(),
  most: z.string(),
  columns: columns(4),
  caption: z.string(),
  /** Why no themes are shown: no codebook (themes.yaml), or under {min} comments. */
  none: z.string(),
});

/** Labels for every chart builder, under the builder's name. */
export const ChartLabelsSchema = strict({
  gapModel: GapModelLabelsSchema,
  servqualGaps: ServqualGapsLabelsSchema,
  npsBreakdown: NpsBreakdownLabelsSchema,
  kpiScorecard: KpiScorecardLabelsSchema,
  benchmarkPosition: BenchmarkPositionLabelsSchema,
  driverMatrix: DriverMatrixLabelsSchema,
  trend: TrendLabelsSchema,
  segmentBars: SegmentBarsLabelsSchema,
  themeShares: ThemeSharesLabelsSchema,
});

export type ChartLabelSet = z.infer<typeof ChartLabelsSchema>;
export type GapModelLabels = ChartLabelSet['gapModel'];
export type ServqualGapsLabels = ChartLabelSet['servqualGaps'];
export type NpsBreakdownLabels = ChartLabelSet['npsBreakdown'];
export type KpiScorecardLabels = ChartLabelSet['kpiScorecard'];
export type BenchmarkPositionLabels = ChartLabelSet['benchmarkPosition'];
export type DriverMatrixLabels = ChartLabelSet['driverMatrix'];
export type TrendLabels = ChartLabelSet['trend'];
export type SegmentBarsLabels = ChartLabelSet['segmentBars'];
export type ThemeSharesLabels = ChartLabelSet['themeShares'];
