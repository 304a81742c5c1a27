import { z } from 'zod';

/**
 * How the respondents were weighted, as the figures JSON reports it (meta.weighting): the
 * source of the weights and, per wave, the bases a research director signs off — the
 * respondents, the weighted base, Kish's effective base and design effect.
 * Present only on weighted data (without it every figure is the unweighted one).
 */
export const WaveWeightingSchema = z.object({
  wave: z.string(),
  /** Respondents (unweighted n; the minimum base is on it). */
  n: z.number().int().min(0),
  /** Σw. */
  weighted_n: z.number(),
  /** Kish's effective base (Σw)²/Σw². */
  n_eff: z.number().optional(),
  /** Kish's design effect of the weights, n·Σw²/(Σw)² = 1 + CV² (CV with the population variance); ≥ 1. Not R's svymean deff, a per-estimate variance ratio. */
  deff: z.number().optional(),
  /** Declared weighting: raking passes (1 for post-stratification), whether the margins met the tolerance, and the largest |weighted share − target| after trimming. */
  iterations: z.number().int().optional(),
  converged: z.boolean().optional(),
  max_margin_error: z.number().optional(),
  /** Respondents whose weight was trimmed to a bound. */
  trimmed: z.number().int().optional(),
  /** Smallest and largest weight (mean weight 1). */
  weight_min: z.number().optional(),
  weight_max: z.number().optional(),
});
export type WaveWeighting = z.infer<typeof WaveWeightingSchema>;

export const WeightingReportSchema = z.object({
  /** `column`: responses.csv's `weight` column (mapped with columns: like any other), used as it is; else questionnaire.yaml's weighting.method. */
  method: z.enum(['column', 'post-stratification', 'raking']),
  /** Declared weighting: the segments weighted to, and the trimming bounds (mean weight 1). */
  variables: z.array(z.string()).optional(),
  trim: z.object({ lower: z.number(), upper: z.number() }).optional(),
  waves: z.array(WaveWeightingSchema),
});
export type WeightingReport = z.infer<typeof WeightingReportSchema>;

/** Population shares of a variable's values may sum to 1 within this (shares are rounded when copied from a census table). */
export const SHARE_SUM_TOLERANCE = 0.001;

/**
 * Weighting declared in questionnaire.yaml (instead of a weight column): each wave's
 * respondents are weighted to population shares of segment variables. Post-stratification
 * takes one variable; raking any number (its margins, by iterative proportional fitting).
 * Weights have mean 1; `trim` bounds them, in those units (e.g. 0.3–3).
 */
export const WeightingSchema = z
  .object({
    method: z.enum(['post-stratification', 'raking']),
    /** Segment (listed under segments:) → value → population share (fractions summing to 1). */
    targets: z.record(z.string(), z.record(z.string(), z.number().positive().max(1))),
    /** Bounds of a respondent's weight, in units of the mean weight; trimmed weights pass the excess to the others (R's trimWeights). */
    trim: z
      .object({ lower: z.number().positive().default(0), upper: z.number().positive().default(Number.MAX_VALUE) })
      .refine((t) => t.lower < 1 && t.upper > 1, 'trim bounds must lie either side of the mean weight 1 (e.g. lower: 0.3, upper: 3)')
      .optional(),
    /** Most raking passes. */
    max_iterations: z.number().int().min(1).max(1000).default(100),
    /** Raking stops when every weighted margin share is within this of its target. */
    tolerance: z.number().positive().max(0.01).default(1e-10),
  })
  .strict();
export type Weighting = z.infer<typeof WeightingSchema>;
