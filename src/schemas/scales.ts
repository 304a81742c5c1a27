/**
 * The questionnaire's settings for labels, scales and instruments (spread into
 * QuestionnaireSchema): named label tables applied to many columns (`scales:`), reverse-coded
 * items (`reverse:`), a column's own scale and its explicit linear rescale, and
 * a two-valued outcome published as a share (`binary:`). Value labels of segments and
 * constructs need the locales' texts, so they sit in questionnaire.ts. Plain data: src/data/scales.ts
 * resolves them against the questionnaire's columns, src/data/cells.ts applies them.
 */
import { z } from 'zod';
import { boundedNumber } from './bounds';

/** A scale's range, min < max. */
export const RangeSchema = z
  .object({ min: boundedNumber(), max: boundedNumber() })
  .strict()
  .refine((s) => s.max > s.min, 'max must be above min');
export type Range = z.infer<typeof RangeSchema>;

/** One named table: how the answers of its columns are written and on what scale. */
export const ScaleTableSchema = z
  .object({
    /** Answer text → number (matched trimmed, case-insensitively), e.g. `agree: 4`. */
    labels: z.record(z.string(), boundedNumber()).default({}),
    /** The columns' own scale, when it is not the contract's (the item scale, nps 0–10, …). */
    min: boundedNumber().optional(),
    max: boundedNumber().optional(),
    /** Explicit linear rescale onto this range: x ↦ to.min + (x − min)·(to.max − to.min)/(max − min). Shown in the methodology. */
    rescale: RangeSchema.optional(),
    /** Contract names, export headers or globs (`p_*`, `qual_?`) the table applies to. */
    columns: z.array(z.string().min(1)).min(1),
  })
  .strict()
  .refine((s) => (s.min === undefined) === (s.max === undefined), 'give both min and max, or neither')
  .refine((s) => s.min === undefined || s.max === undefined || s.max > s.min, 'max must be above min');
export type ScaleTable = z.infer<typeof ScaleTableSchema>;

/** Columns that may be declared binary: published as the share of 1s with a Wilson interval. */
export const BINARY_COLUMNS = ['overall'] as const;

/** The keys this file adds to QuestionnaireSchema (spread into it). */
export const SCALE_KEYS = {
  /** Named label tables and column scales, each applied to the columns (or globs) it lists. */
  scales: z.record(z.string(), ScaleTableSchema).default({}),
  /** Reverse-coded items (contract names, headers or globs): x ↦ min + max − x on the column's scale. */
  reverse: z.array(z.string().min(1)).default([]),
  /** Two-valued columns (after recode: 0 or 1) published as a share with a Wilson interval. */
  binary: z.array(z.string()).default([]),
};
