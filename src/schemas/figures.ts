import { z } from 'zod';
import { DimensionSchema, DIMENSIONS } from './questionnaire';
import { DirectionSchema } from './dataset';
import { EngineSchema } from './engine';
import { WeightingReportSchema } from './weighting';
import { CES_WORDINGS, StatisticsSchema } from './statistics';
import { ThemeDriversSchema, ThemeFigureSchema } from './themes';
import { SentimentFigureSchema } from './sentiment';

/**
 * The figures JSON (`gapreport analyze`): every number a report states comes from here.
 * Convention: a figure on fewer than `min_base` respondents is present as
 * `{ suppressed: true, n }` with no value (the drivers add their `status: 'suppressed'`);
 * under `low_base` it carries `low_base: true`.
 */

const Interval = z.tuple([z.number(), z.number()]);

/** Marks shared by every base-dependent figure. */
const Base = {
  /** Respondents the figure rests on (unweighted: min_base and low_base are on it). */
  n: z.number().int().min(0),
  /** True when n < low_base: published with a low-base mark. */
  low_base: z.boolean(),
  /** Weighted data only: Kish's effective base (Σw)²/Σw² of the figure's respondents, the n its interval and tests use. */
  n_eff: z.number().optional(),
};

/**
 * One segment value against the rest of its segment (the other published values of the segment
 * in the report's wave, pooled): src/analysis/segment-tests.ts. Present only on published figures
 * with a published rest; the p-values of one segment and figure are adjusted as one family.
 */
export const VsRestSchema = z.object({
  /** The rest's value, in the figure's unit. */
  rest: z.number(),
  /** This value − the rest's, in the figure's unit (NPS points, percentage points, scale points). */
  difference: z.number(),
  test: z.enum(['nps z-test', 'welch t-test', 'two-proportion z-test']),
  /** z or t. */
  statistic: z.number(),
  /** Two-sided p of the single test. */
  p: z.number().min(0).max(1),
  /** p adjusted over the segment's values (meta.statistics.multiple_comparisons: Holm by default). */
  p_adjusted: z.number().min(0).max(1),
  /** p_adjusted < 0.05. */
  significant: z.boolean(),
  /** Whether this value is better or worse than the rest, oriented by the figure's direction. */
  direction: z.enum(['better', 'worse', 'same']),
});
export type VsRest = z.infer<typeof VsRestSchema>;

/** A figure withheld because its base is under min_base. */
export const SuppressedSchema = z.object({
  suppressed: z.literal(true),
  /** Set when n reaches min_base but the figure is withheld so that a smaller cell cannot be derived from the total. */
  secondary: z.literal(true).optional(),
  n: z.number().int().min(0),
});
export type Suppressed = z.infer<typeof SuppressedSchema>;

/** A base-dependent figure: withheld (`Suppressed`), or published with its base marks and values T. The one shape of every gate. */
export type Gated<T> = Suppressed | ({ suppressed: false; n: number; low_base: boolean } & T);

/** Whether a figure (any base-dependent one, or the drivers) is withheld: the one test readers use. */
export function isSuppressed(figure: unknown): figure is Suppressed {
  return typeof figure === 'object' && figure !== null && (figure as { suppressed?: unknown }).suppressed === true;
}

function suppressible<T extends z.ZodRawShape>(shape: T) {
  return z.union([SuppressedSchema, z.object({ suppressed: z.literal(false), ...Base, ...shape })]);
}

export const NpsFigureSchema = suppressible({
  /** Net Promoter Score, −100..100. */
  score: z.number().min(-100).max(100),
  /** Shares of 9–10, 7–8, 0–6 (fractions 0–1). */
  promoters: z.number(),
  passives: z.number(),
  detractors: z.number(),
  /** Variance of pP − pD (fractions), for tests between waves. */
  variance: z.number(),
  /** 95 % margin of error, NPS points: 100·1.96·√v. */
  moe95: z.number(),
  /** 95 % interval, clamped to [−100, 100]: Wald (score ± moe95) or adjusted Wald (meta.statistics.nps_interval). */
  ci95: Interval,
  vs_rest: VsRestSchema.optional(),
});
export type NpsFigure = z.infer<typeof NpsFigureSchema>;

export const CsatFigureSchema = suppressible({
  /** Percent of 4–5 answers (0–100). */
  top2box: z.number(),
  /** Wilson 95 % interval of top2box, percent. */
  ci95: Interval,
  /** Mean on the 1–5 scale. */
  mean: z.number(),
  mean_ci95: Interval.optional(),
  /** Sample standard deviation of the 1–5 answers (for Welch tests). */
  sd: z.number().optional(),
  /** top2box against the rest of the segment. */
  vs_rest: VsRestSchema.optional(),
});
export type CsatFigure = z.infer<typeof CsatFigureSchema>;

export const MeanFigureSchema = suppressible({
  mean: z.number(),
  /** Sample SD; absent for a single respondent. */
  sd: z.number().optional(),
  /** Student-t 95 % interval (n−1 df); absent for a single respondent. */
  ci95: Interval.optional(),
  vs_rest: VsRestSchema.optional(),
  /** A binary column (questionnaire `binary:`, answers 0/1): the share of 1s, a fraction 0–1 like every `share` (0.439: "44 % satisfied"). */
  share: z.number().min(0).max(1).optional(),
  /** Wilson 95 % interval of `share`, fractions. */
  share_ci95: Interval.optional(),
});
export type MeanFigure = z.infer<typeof MeanFigureSchema>;

/** Expectation, perception and gap (P−E) on the item scale. */
const EpgShape = {
  expectation: z.number().optional(),
  perception: z.number().optional(),
  gap: z.number().optional(),
};

export const ServqualDimensionSchema = suppressible({
  ...EpgShape,
  /** Cronbach's α on perception items (complete cases, sample variances); absent when undefined. */
  alpha: z.number().optional(),
  /** True when α < 0.7 (ALPHA_FLAG); present exactly when `alpha` is, never a verdict on an α not computed. */
  alpha_flag: z.boolean().optional(),
  /** Student-t 95 % intervals of the three means (absent under two respondents). */
  expectation_ci95: Interval.optional(),
  perception_ci95: Interval.optional(),
  gap_ci95: Interval.optional(),
  /** Mean importance points (0–100), when w_ columns exist. */
  weight: z.number().optional(),
  /** Respondents with a perception / expectation / gap score for the dimension. */
  n_perception: z.number().int(),
  n_expectation: z.number().int(),
  n_gap: z.number().int(),
  /** The gap against the rest of the segment. */
  vs_rest: VsRestSchema.optional(),
});
export type ServqualDimension = z.infer<typeof ServqualDimensionSchema>;

export const ServqualItemSchema = z.object({
  item: z.string(),
  dimension: DimensionSchema,
  /** The questionnaire's text of the item (English when it has several); pages show the report's locale's text, by `item`. */
  text: z.string(),
  figure: suppressible({
    ...EpgShape,
    /** Student-t 95 % intervals of the item's three means (n − 1 df), as for dimensions; absent under two answers. */
    expectation_ci95: Interval.optional(),
    perception_ci95: Interval.optional(),
    gap_ci95: Interval.optional(),
  }),
});

export const ServqualSchema = z.object({
  dimensions: z.record(DimensionSchema, ServqualDimensionSchema),
  items: z.array(ServqualItemSchema),
  /** Mean of the five dimension gaps; absent when any is missing. */
  unweighted: z.number().optional(),
  /** Σ (mean w_d / 100) · gap_d; absent without importance points. */
  weighted: z.number().optional(),
  /** `unweighted` against the rest of the segment (Welch on each respondent's mean dimension gap). */
  unweighted_vs_rest: VsRestSchema.optional(),
  /** Mean of the five dimension perception means. */
  perception: z.number().optional(),
});
export type Servqual = z.infer<typeof ServqualSchema>;

/** One construct (questionnaire `constructs:`): the mean construct score (half rule over its perception items) and its reliability. */
export const ConstructFigureSchema = suppressible({
  /** The questionnaire's label (English when it has several); pages show the report's locale's, by id. */
  label: z.string(),
  /** Items of the construct. */
  items: z.number().int(),
  mean: z.number(),
  sd: z.number().optional(),
  /** Student-t 95 % interval (n − 1 df); absent for a single respondent. */
  ci95: Interval.optional(),
  /** Cronbach's α on the items' complete cases (sample variances); absent for one item or no variance. */
  alpha: z.number().optional(),
  /** True when α < 0.7; present exactly when `alpha` is. */
  alpha_flag: z.boolean().optional(),
  /** Complete cases behind α. */
  n_alpha: z.number().int().optional(),
});
export type ConstructFigure = z.infer<typeof ConstructFigureSchema>;

/** One part of a gap: an item, a dimension, a standard or a claim. */
export const GapPartSchema = z.object({
  /** Item id, dimension name, standard_id or claim_id. */
  id: z.string(),
  kind: z.enum(['item', 'dimension', 'standard', 'claim']),
  label: z.string(),
  dimension: DimensionSchema.optional(),
  metric: z.string().optional(),
  unit: z.string().optional(),
  direction: DirectionSchema.optional(),
  /** The earlier stage's level (e.g. E for Gap 5, target for Gap 3). */
  earlier: z.number(),
  /** The later stage's level (e.g. P for Gap 5, delivered for Gap 3). */
  later: z.number(),
  /** Oriented later − earlier: negative is always a shortfall. */
  gap: z.number(),
});
export type GapPart = z.infer<typeof GapPartSchema>;

export const GapSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('measured'),
    /** Gaps 1 and 5: mean of the five dimension gaps (item scale). */
    value: z.number().optional(),
    items: z.array(GapPartSchema),
    /** Gaps 2–4: parts below 0, out of `parts`. */
    shortfalls: z.number().int().optional(),
    parts: z.number().int(),
    /** Contract files the gap was computed from. */
    sources: z.array(z.string()),
  }),
  z.object({
    status: z.literal('not measured'),
    /** Why, for the reader: which data is absent. */
    reason: z.string(),
  }),
]);
export type Gap = z.infer<typeof GapSchema>;

export const KpiSchema = z.object({
  standard_id: z.string(),
  metric: z.string(),
  label: z.string(),
  dimension: DimensionSchema.optional(),
  unit: z.string(),
  direction: DirectionSchema,
  /** The report's period. */
  period: z.string(),
  /** Delivered value in the period; absent when the period has no value. */
  value: z.number().optional(),
  target: z.number(),
  tolerance: z.number(),
  status: z.enum(['met', 'at risk', 'missed', 'not measured']),
  /** Least-squares slope per period over `history`. */
  trend: z.number().optional(),
  history: z.array(z.object({ period: z.string(), value: z.number() })),
  source: z.enum(['operations.csv', 'contacts.csv']).optional(),
});
export type Kpi = z.infer<typeof KpiSchema>;

export const BenchmarkFigureSchema = z.object({
  metric: z.string(),
  industry: z.string(),
  period: z.string(),
  direction: DirectionSchema,
  /** The company's own value (from the figures or KPIs). */
  value: z.number(),
  /** Oriented percentile rank, mid-ranks (0–100). */
  percentile: z.number(),
  /** Set when the value lies outside the published quantiles. */
  censored: z.enum(['below', 'above']).optional(),
  /** 1–4, 4 = top (best) quartile. */
  quartile: z.number().int().min(1).max(4),
  /** Peer (or published) median; absent when only other quantiles are published. */
  median: z.number().optional(),
  /** Threshold of the top quartile (oriented p75); absent when not published. */
  top_quartile: z.number().optional(),
  /** Oriented value − median: negative means worse than the median. */
  gap_to_median: z.number().optional(),
  gap_to_top_quartile: z.number().optional(),
  method: z.enum(['peers', 'published quantiles']),
  /** Peers compared (0 for published quantiles). */
  peers: z.number().int(),
  /** Peer values, sorted (aggregates of other companies; for the strip chart). */
  peer_values: z.array(z.object({ company: z.string(), value: z.number() })),
  /** Published quantiles used, when any. */
  summary: z.record(z.string(), z.number()).optional(),
  source: z.string(),
  /** The best-in-class mark beyond the industry (benchmark rows of industry `best-in-class`), when any. */
  best_in_class: z
    .object({
      /** The best value among the best-in-class rows, raw unit. */
      value: z.number(),
      /** The company that set it, or the published statistic it is. */
      company: z.string().optional(),
      statistic: z.string().optional(),
      period: z.string(),
      /** Oriented value − best: negative means short of the best in class. */
      gap: z.number(),
      source: z.string(),
    })
    .optional(),
});
export type BenchmarkFigure = z.infer<typeof BenchmarkFigureSchema>;

export const QUADRANTS = ['fix first', 'keep up', 'low priority', 'possible overkill'] as const;

export const DriversSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('measured'),
    /** The explained column: overall, nps, csat or ces. */
    outcome: z.string(),
    /** Complete cases used. */
    n: z.number().int(),
    low_base: z.boolean(),
    r2: z.number(),
    method: z.enum(['shapley', 'relative-weights']),
    by: z.enum(['dimensions', 'items', 'constructs']),
    /** Bootstrap 95 % percentile interval of r2. */
    r2_ci95: Interval.optional(),
    /** How the intervals were drawn: the parametric (Wishart) bootstrap of the covariance, replicates asked and used, the fixed seed. */
    bootstrap: z.object({ method: z.literal('wishart'), replicates: z.number().int(), used: z.number().int(), seed: z.number().int() }).optional(),
    items: z.array(
      z.object({
        driver: z.string(),
        label: z.string(),
        /** Fraction of R² (shares sum to 1). */
        share: z.number(),
        /** R² contribution (sums to r2). */
        raw: z.number(),
        /** Johnson's (2000) relative weight as a fraction of R², beside the Shapley share as a cross-check (present when method is shapley). */
        relative_weight: z.number().optional(),
        /** Mean perception, item scale. */
        performance: z.number(),
        /** Importance–performance quadrant, split at the means of share and performance. */
        quadrant: z.enum(QUADRANTS),
        /** Bootstrap 95 % percentile interval of `share` (drivers.bootstrap). */
        share_ci95: Interval.optional(),
        /** Bootstrap 95 % interval of the driver's standardised coefficient in the full regression. */
        beta_ci95: Interval.optional(),
        /** True when beta_ci95 holds 0: with the other drivers held, the data are consistent with this one adding nothing. */
        no_clear_effect: z.boolean().optional(),
      }),
    ),
  }),
  z.object({ status: z.literal('not measured'), reason: z.string() }),
  /** Withheld under min_base: the same `{ suppressed: true, n }` as every other figure, with the drivers' status. */
  SuppressedSchema.extend({ status: z.literal('suppressed') }),
]);
export type Drivers = z.infer<typeof DriversSchema>;

/** The survey headline figures for one group of respondents (a wave or a segment value). */
export const GroupFiguresSchema = z.object({
  n: z.number().int(),
  /** Weighted data only: Σw, Kish's effective base and design effect of the group's respondents (WaveWeightingSchema). */
  weighted_n: z.number().optional(),
  n_eff: z.number().optional(),
  deff: z.number().optional(),
  nps: NpsFigureSchema.optional(),
  csat: CsatFigureSchema.optional(),
  ces: MeanFigureSchema.optional(),
  overall: MeanFigureSchema.optional(),
  /** SERVQUAL dimension figures and scores for the group. */
  servqual: ServqualSchema.optional(),
  /** Construct id → its figure, when the questionnaire declares constructs. */
  constructs: z.record(z.string(), ConstructFigureSchema).optional(),
});
export type GroupFigures = z.infer<typeof GroupFiguresSchema>;

export const ChangeSchema = z.object({
  /** Figure id, e.g. `nps.score`, `csat.top2box`, `servqual.dimensions.reliability.gap`. */
  metric: z.string(),
  from: z.string(),
  to: z.string(),
  from_value: z.number(),
  to_value: z.number(),
  /** to − from, in the figure's unit. */
  difference: z.number(),
  test: z.enum(['nps z-test', 'welch t-test', 'two-proportion z-test']),
  statistic: z.number(),
  p: z.number(),
  significant: z.boolean(),
  /** Whether the move is good, bad or neither, oriented by the metric's direction. */
  direction: z.enum(['better', 'worse', 'same']),
});
export type Change = z.infer<typeof ChangeSchema>;

export const MetaSchema = z.object({
  dataset: z.string(),
  /** The report's wave. */
  wave: z.string().optional(),
  /** All waves in the data, sorted. */
  waves: z.array(z.string()),
  /** The operations period for "delivered". */
  period: z.string().optional(),
  industry: z.string().optional(),
  /** Only in a report's figures.json download: the locale its item texts are in. Computed figures are the same for every locale. */
  locale: z.string().optional(),
  min_base: z.number().int(),
  low_base: z.number().int(),
  outcome: z.string().optional(),
  scale: z.object({ min: z.number(), max: z.number() }).optional(),
  /** Contract files the figures come from. */
  files: z.array(z.string()),
  /** Latest date in the data (ISO): the report's "data as of" date, never the clock. */
  as_of: z.string().optional(),
  /** The engine that computed the figures. */
  engine: EngineSchema,
  /** The engine asked for, present only when another one computed the figures (duckdb handing responses.csv to stream). */
  engine_requested: EngineSchema.optional(),
  /** Why the engine asked for handed over, e.g. "DuckDB could not read it (…)"; present with engine_requested. */
  engine_fallback: z.string().optional(),
  /** Segment → value as in the data (and in figure ids) → the label pages show (questionnaire `labels:`, English when it has several). */
  segment_labels: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /** Columns read on their own scale, reverse-coded or rescaled (questionnaire `scales:`, `reverse:`, `binary:`), for the methodology. */
  column_scales: z
    .array(
      z.object({
        /** The scales: table, when the entry is one. */
        table: z.string().optional(),
        /** Columns or globs as questionnaire.yaml lists them. */
        columns: z.array(z.string()),
        /** The scale the answers are written on; `to`: the linear rescale onto another. */
        from: z.object({ min: z.number(), max: z.number() }),
        to: z.object({ min: z.number(), max: z.number() }).optional(),
        /** Reverse-coded: x ↦ min + max − x. */
        reverse: z.boolean(),
        /** Published as a share of 1s (binary:). */
        binary: z.boolean().optional(),
      }),
    )
    .optional(),
  /** How the respondents were weighted (src/schemas/weighting.ts); absent for unweighted data. */
  weighting: WeightingReportSchema.optional(),
  /** The questionnaire's statistical choices with their defaults (src/schemas/statistics.ts). */
  statistics: StatisticsSchema.extend({ ces_wording: z.enum(CES_WORDINGS) }).optional(),
});

/**
 * One entity's standing among its siblings (a `per:` report), by metric key as <Trend metric>
 * takes them (`nps`, `csat`, `ces`, `overall`, `servqual`, a dimension): only published figures
 * are ranked or tested (src/analysis/consistency.ts).
 */
export const EntityTestSchema = z.object({
  /** The entity's value and the rest of the wave's (every respondent not in this entity). */
  value: z.number(),
  rest: z.number(),
  difference: z.number(),
  test: z.enum(['nps z-test', 'welch t-test', 'two-proportion z-test']),
  statistic: z.number(),
  p: z.number(),
  /** Holm-adjusted p over every entity tested on this metric; significant when < 0.05. */
  p_holm: z.number(),
  significant: z.boolean(),
  direction: z.enum(['better', 'worse', 'same']),
});
export const EntityStandingSchema = z.object({
  /** The segment expanded over (`outlet`) and this entity's value of it, as in the data. */
  per: z.string(),
  name: z.string(),
  /** The entity's URL segment under /reports/<id>/. */
  slug: z.string(),
  /** 1 = best among the published siblings, oriented by the metric's direction. */
  rank: z.record(z.string(), z.number().int().min(1)),
  /** Oriented percentile among the published siblings, mid-ranks (0–100). */
  percentile: z.record(z.string(), z.number()),
  /** Published siblings ranked, per metric. */
  of: z.record(z.string(), z.number().int()),
  tests: z.record(z.string(), EntityTestSchema),
});
export type EntityStanding = z.infer<typeof EntityStandingSchema>;

/** The spread of one metric over the published entities. */
export const SpreadSchema = z.object({
  /** Metric key (`nps`) and the figure id it charts (`nps.score`). */
  metric: z.string(),
  figure: z.string(),
  direction: DirectionSchema,
  entities: z.number().int(),
  min: z.number(),
  max: z.number(),
  /** Quartiles by linear interpolation (numpy's default). */
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
  iqr: z.number(),
  mean: z.number(),
  /** Sample SD of the entities' values and SD / |mean|; absent for one entity or a mean of 0. */
  sd: z.number().optional(),
  cv: z.number().optional(),
  best: z.string(),
  worst: z.string(),
  /** Entities significantly worse than the rest of the wave (Holm), worst first. */
  below: z.array(z.string()),
  /** Entities significantly different from the rest of the wave, either way (Holm): how far the metric varies beyond chance. */
  differ: z.number().int(),
});
export type Spread = z.infer<typeof SpreadSchema>;

/** An entity of a `per:` report: withheld whole under min_base, else its own figures (src/analysis/entities.ts). */
export const EntityFiguresSchema = z.discriminatedUnion('withheld', [
  z.object({ withheld: z.literal(true), slug: z.string(), n: z.number().int() }),
  GroupFiguresSchema.extend({
    withheld: z.literal(false),
    slug: z.string(),
    waves: z.array(GroupFiguresSchema.extend({ wave: z.string() })),
    changes: z.array(ChangeSchema),
    trend_changes: z.array(ChangeSchema),
    benchmarks: z.array(BenchmarkFigureSchema),
    gaps: z.object({ gap1: GapSchema, gap5: GapSchema }),
    standing: EntityStandingSchema,
  }),
]);
export type EntityFigures = z.infer<typeof EntityFiguresSchema>;

export const EntitiesSchema = z.object({
  per: z.string(),
  /** Entity value (as in the data) → its figures; sorted by value. */
  values: z.record(z.string(), EntityFiguresSchema),
  /** Metric key → spread over the published entities. */
  consistency: z.record(z.string(), SpreadSchema),
});
export type Entities = z.infer<typeof EntitiesSchema>;

/** One internal SERVQUAL dimension of a group of employees: means on the item scale, each with its Student-t 95 % interval on its own base. */
export const InternalDimensionSchema = suppressible({
  ...EpgShape,
  expectation_ci95: Interval.optional(),
  perception_ci95: Interval.optional(),
  gap_ci95: Interval.optional(),
  n_perception: z.number().int(),
  n_expectation: z.number().int(),
  n_gap: z.number().int(),
});

/** The internal figures of a group of employees (the whole file, or one team or branch): src/analysis/internal.ts. */
export const InternalGroupSchema = z.object({
  /** Employees in the group. */
  n: z.number().int().min(0),
  /** Employee NPS (enps 0–10), the NPS functions and interval of the customers'. */
  enps: NpsFigureSchema.optional(),
  dimensions: z.record(DimensionSchema, InternalDimensionSchema),
  /** Mean of the dimension perception means, present when every dimension's is published: the group's internal quality. */
  perception: z.number().optional(),
});
export type InternalGroup = z.infer<typeof InternalGroupSchema>;

/** Internal against external quality across the values of a segment: Pearson r with its Fisher-z 95 % interval. */
export const InternalCorrelationSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('measured'), r: z.number().min(-1).max(1), ci95: Interval.optional(), n: z.number().int() }),
  z.object({ status: z.literal('not measured'), reason: z.string(), n: z.number().int() }),
]);

/** employees.csv's figures (absent without the file); the customers' side is the report's wave. */
export const InternalSchema = InternalGroupSchema.extend({
  /** eNPS and the customers' NPS of the report's wave, when both are published. */
  beside: z.object({ enps: z.number(), nps: z.number(), difference: z.number() }).optional(),
  /** Segment of employees.csv → value → the group's figures (withheld under min_base, and complementarily). */
  segments: z.record(z.string(), z.record(z.string(), InternalGroupSchema)),
  /** Segment → the values published on both sides: internal and external perception index, eNPS and NPS, and their correlation. */
  compare: z.record(
    z.string(),
    z.object({
      pairs: z.array(z.object({ value: z.string(), internal: z.number(), external: z.number(), enps: z.number().optional(), nps: z.number().optional() })),
      correlation: InternalCorrelationSchema,
    }),
  ),
});
export type Internal = z.infer<typeof InternalSchema>;

/** The headline figures (n, nps, csat, ces, overall, servqual) are the report wave's group figures. */
const FiguresCoreSchema = GroupFiguresSchema.extend({
  meta: MetaSchema,
  gaps: z.object({ gap1: GapSchema, gap2: GapSchema, gap3: GapSchema, gap4: GapSchema, gap5: GapSchema }),
  kpis: z.array(KpiSchema),
  benchmarks: z.array(BenchmarkFigureSchema),
  drivers: DriversSchema,
  /** responses.csv rows read and those the row rules (keep:, or the preset of source:) excluded, per rule in order; absent without row rules. */
  base: z
    .object({ rows_read: z.number().int(), rows_excluded: z.number().int(), excluded: z.array(z.object({ rule: z.string(), rows: z.number().int() })) })
    .optional(),
  /** Every wave's headline figures; `drivers`: that wave's key drivers, as the top-level `drivers` for the report's wave. */
  waves: z.array(GroupFiguresSchema.extend({ wave: z.string(), drivers: DriversSchema })),
  /** segment → value → figures for the report's wave. */
  segments: z.record(z.string(), z.record(z.string(), GroupFiguresSchema)),
  changes: z.array(ChangeSchema),
  /**
   * Verbatim comments of the report's wave — present only when the report opts in
   * (`comments: true`) and both the wave and its comments reach min_base. Grouped and sorted, with
   * nothing that links a comment to a respondent or to their answers.
   */
  comments: z.object({ wave: z.string(), n: z.number().int(), items: z.array(z.object({ text: z.string(), count: z.number().int() })) }).optional(),
  /** Theme id → its share of the comments (codebook themes.yaml), present when the dataset has a codebook and the wave min_base comments. */
  themes: z.record(z.string(), ThemeFigureSchema).optional(),
  /** The leaf themes' mentions beside the dimensions as drivers of the outcome: associations, not causes. */
  theme_drivers: ThemeDriversSchema.optional(),
  /** Sentiment of the wave's comments by lexicon (en AFINN-165, fr Pattern), overall, by wave, segment and theme; Vietnamese not scored. With a codebook. */
  sentiment: SentimentFigureSchema.optional(),
  /** Internal service quality (employees.csv): eNPS and internal SERVQUAL, per team or branch, against the customers'. */
  internal: InternalSchema.optional(),
  /** The same tests for every pair of consecutive waves up to the report's wave (for trend charts). */
  trend_changes: z.array(ChangeSchema).default([]),
});

export const FiguresSchema = FiguresCoreSchema.extend({
  /** A `per:` report's entities (computed from the same pass: the segment accumulators). */
  entities: EntitiesSchema.optional(),
  /** On an entity page: the parent report's figures (`parent.nps.score`), and the entity's standing (`entity.rank.nps`). */
  parent: FiguresCoreSchema.optional(),
  entity: EntityStandingSchema.optional(),
});
export type Figures = z.infer<typeof FiguresSchema>;
export type FiguresCore = z.infer<typeof FiguresCoreSchema>;

export { DIMENSIONS };
