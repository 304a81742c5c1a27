import { z } from 'zod';
import { boundedNumber, RESERVED_NAME } from './bounds';
import { WarehouseSchema } from './engine';
import { MAPPING_KEYS } from './mapping';
import { SCALE_KEYS } from './scales';
import { STATISTICS_KEYS } from './statistics';
import * as REGISTERED from '../i18n/locales';
import { WeightingSchema } from './weighting';

/** Widest item scale (max − min): far beyond any survey's 0–10 or 1–100, small enough that no mean or gap overflows. */
export const MAX_SCALE_SPAN = 1000;

export const DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
export const DimensionSchema = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof DimensionSchema>;

/** The locales a report may be written in: those registered in src/i18n/locales/index.ts (sorted, so every bundler lists them alike). */
export const LOCALES = Object.keys(REGISTERED).sort() as [keyof typeof REGISTERED, ...(keyof typeof REGISTERED)[]];
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** Item text: one string, or one per locale (English falls back for missing locales). */
export const LocalizedTextSchema = z.union([z.string(), z.record(LocaleSchema, z.string())]);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const ItemSchema = z.object({
  /** Item id used in column names (`e_<id>`, `p_<id>`, `m_<id>`): lower case letters, digits, `_`. */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower case letters, digits or _ and start with a letter'),
  /** The SERVQUAL dimension the item measures; absent for an item that only belongs to a construct (`constructs:`). */
  dimension: DimensionSchema.optional(),
  /** Short label used by charts. */
  text: LocalizedTextSchema,
});
export type Item = z.infer<typeof ItemSchema>;

/** A construct of an instrument beyond SERVQUAL (ECSI/ACSI, a firm's own survey): items scored together, with α, means and drivers. */
export const ConstructSchema = z
  .object({
    /** Lower case id used in figure ids (`constructs.<id>.mean`). */
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower case letters, digits or _ and start with a letter'),
    /** Name shown on the pages: one text, or one per locale. */
    label: LocalizedTextSchema,
    /** Item ids (their `p_<id>` columns) whose half-rule mean is the construct's score. */
    items: z.array(z.string()).min(1),
    /** Whether it explains the outcome under `drivers: constructs` (false for the outcome's own construct, e.g. satisfaction). */
    driver: z.boolean().default(true),
  })
  .strict();
export type Construct = z.infer<typeof ConstructSchema>;

/** Built-in instruments: SERVQUAL's 22 items (the default of `gapreport new`) and an ECSI-style construct set (src/data/preset.ts). */
export const PRESET_NAMES = ['servqual-22', 'ecsi'] as const;

/** Contract column names that may be read from a differently named header, or recoded. */
export const QuestionnaireSchema = z
  .object({
    /** The SERVQUAL item scale (expectations, perceptions, management, overall). */
    scale: z
      .object({ min: boundedNumber(), max: boundedNumber() })
      .refine((s) => s.max > s.min, 'scale.max must be above scale.min')
      .refine(
        (s) => !Number.isFinite(s.max - s.min) || s.max - s.min <= MAX_SCALE_SPAN,
        `scale.max − scale.min must be at most ${MAX_SCALE_SPAN} (a survey scale, e.g. 1–7)`,
      ),
    /** A built-in item set; its items may be overridden (by id) or extended by `items`. */
    preset: z.enum(PRESET_NAMES).optional(),
    /** Explicit items (any number, each with a dimension). With a preset, an item whose id is a preset's overrides it (its dimension may be left out). None at all suits a survey of nps/csat/ces/overall only. */
    items: z.array(ItemSchema).default([]),
    /** Columns of responses.csv used for breakdowns. */
    segments: z
      .array(
        z
          .string()
          .refine(
            (n) => n !== RESERVED_NAME,
            'cannot be a segment name (the figures JSON cannot hold it): rename it, e.g. "proto", and its column with columns:',
          ),
      )
      .default([]),
    /** Segments a report expands over with per: (one page per outlet, branch or agent): each may hold up to MAX_ENTITY_VALUES (10,000) values instead of MAX_SEGMENT_VALUES (200). Each must be listed under segments:. */
    entities: z.array(z.string()).default([]),
    /**
     * Stream engine only (files above 20 MB): read responses.csv and contacts.csv in content-defined chunks of ~32 MiB and
     * keep each chunk's accumulators in .gapreport/cache/chunks/, so a local data change (a row edited, rows appended or
     * inserted) refolds only the chunks it touched. Off by default: each chunk's accumulators are as big as the groups it
     * holds, so with hundreds of entities storing them costs more than folding again (README "Engines and scale").
     */
    chunk_cache: z.boolean().default(false),
    /** Column key-driver analysis explains: overall (default when present), else nps. */
    outcome: z.enum(['overall', 'nps', 'csat', 'ces']).optional(),
    /** Contract name → header in the file (e.g. `respondent_id: ResponseId`, `p_wifi: "Inflight wifi service"`), for every CSV of the folder. `"#row"` (extension) means the data row number, for exports without an id. */
    columns: z.record(z.string(), z.string()).default({}),
    /** Cell values read as missing (compared after trimming; numbers also numerically), in every CSV of the folder. */
    missing: z.array(z.union([z.string(), z.number()])).default(['']),
    /** Item values that mean "does not apply" (read as missing for items). */
    not_applicable: z.array(z.number()).default([]),
    /** Extra header rows below the names, skipped (survey tools export 2–3). */
    header_rows: z.number().int().min(0).max(10).default(0),
    /** Column (contract name or the export's header) → label → number (labels match trimmed, case-insensitively); for a segment, → the value it becomes (text). A recoded `overall` need not lie on the item scale (e.g. satisfied = 1). */
    recode: z.record(z.string(), z.record(z.string(), z.union([boundedNumber(), z.string()]))).default({}),
    /** Explain the outcome by the five dimensions (default), by each item, or by the constructs (`constructs:`). */
    drivers: z.enum(['dimensions', 'items', 'constructs']).default('dimensions'),
    /** Extension: contract file name → path relative to the dataset folder (read an export where it lies). */
    files: z.record(z.string(), z.string()).default({}),
    /** Extension: contract column → constant value for every row (e.g. `wave: "2020"` when the export has none). */
    constants: z.record(z.string(), z.string()).default({}),
    /** Survey weighting to population shares of segments: post-stratification or raking, with trimming (src/schemas/weighting.ts). Instead of a weight column. */
    weighting: WeightingSchema.optional(),
    /** Extension: the responses are a warehouse table read by SQL where they lie, instead of responses.csv (src/schemas/engine.ts). */
    warehouse: WarehouseSchema.optional(),
    /** Survey-tool exports read as they are: source:, keep:, date_format:, wave_from:, wave_period:, by_text:, by_position: (src/schemas/mapping.ts). */
    ...MAPPING_KEYS,
    /** Labels, scales and instruments: scales:, reverse:, binary: (src/schemas/scales.ts). */
    ...SCALE_KEYS,
    /** statistics: (multiple_comparisons, nps_interval, bootstrap_replicates) and ces_wording: (src/schemas/statistics.ts). */
    ...STATISTICS_KEYS,
    /** Segment → code as written → the label a reader knows (one text or one per locale); figure ids keep the code. */
    labels: z.record(z.string(), z.record(z.string(), LocalizedTextSchema)).default({}),
    /** Constructs of the instrument, beside (or instead of) the SERVQUAL dimensions; a preset's come first. */
    constructs: z.array(ConstructSchema).default([]),
    /** Names (customers', staff's) replaced in every published comment, whatever their case or accents (src/analysis/scrub.ts). */
    redact: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
