/**
 * The questionnaire's settings for reading a survey tool's export as it is: which rows are
 * respondents (`keep:`), how its dates are written and waves derived from them, which
 * tool wrote it (`source:`), and columns found by question text or position.
 * Plain data: the rules that apply them live in src/data (row-filter.ts, dates.ts,
 * header-layout.ts, tool-presets.ts).
 */
import { z } from 'zod';

/** The survey tools whose export layout, metadata columns and completion rules are built in (src/data/tool-presets.ts). */
export const SOURCES = ['qualtrics', 'surveymonkey', 'limesurvey', 'google-forms'] as const;
export const SourceSchema = z.enum(SOURCES);
export type Source = z.infer<typeof SourceSchema>;

/** How the date column orders day, month and year (`date_format:`); a time of day, 12- or 24-hour, and a zone may follow. */
export const DATE_FORMATS = ['iso', 'day-first', 'month-first', 'year-first'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** The periods a wave may be derived from the date by (`wave_period:`). */
export const WAVE_PERIODS = ['month', 'quarter', 'year', 'week'] as const;
export type WavePeriod = (typeof WAVE_PERIODS)[number];

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** The tests a row condition may make, exactly one per condition. */
export const CONDITION_TESTS = ['equals', 'not_equals', 'in', 'not_in', 'above', 'below', 'at_least', 'at_most', 'empty', 'not_empty'] as const;

/** One rule a row must meet to be a respondent; rows that fail any rule of `keep:` are excluded before validation and counted. */
export const ConditionSchema = z
  .object({
    /** A header of the export as written, or a contract name mapped with columns:. */
    column: z.string().min(1),
    /** The cell equals this text (trimmed, case-insensitive; numbers also numerically). */
    equals: Scalar.optional(),
    not_equals: Scalar.optional(),
    /** The cell is one of these. */
    in: z.array(Scalar).min(1).optional(),
    not_in: z.array(Scalar).min(1).optional(),
    /** The cell is a number greater than / less than / at least / at most this. */
    above: z.number().optional(),
    below: z.number().optional(),
    at_least: z.number().optional(),
    at_most: z.number().optional(),
    /** The cell is empty (after trimming; missing: codes count as empty). */
    empty: z.literal(true).optional(),
    not_empty: z.literal(true).optional(),
    /** How the methodology names the rule (default: the rule itself, e.g. `Finished = 1`). */
    label: z.string().min(1).optional(),
  })
  .strict(); // exactly one test per rule: checked in src/data/mapping-check.ts, after a misspelt test has been named
export type Condition = z.infer<typeof ConditionSchema>;

/** The mapping keys this file adds to QuestionnaireSchema (spread into it). */
export const MAPPING_KEYS = {
  /** The survey tool that wrote the export: its header rows, id and date columns, date format and completion rules. */
  source: SourceSchema.optional(),
  /** Rows kept as respondents: every condition must hold (all of). Applied before the rows are validated. */
  keep: z.array(ConditionSchema).default([]),
  /** How the date column orders day, month and year: iso (default), day-first, month-first, year-first; a time of day (12- or 24-hour) and zone may follow. */
  date_format: z.enum(DATE_FORMATS).optional(),
  /** Derive each row's wave from its date instead of a wave column. */
  wave_from: z.literal('date').optional(),
  /** The period a derived wave spans: month `2026-09`, quarter `2026-Q3` (default), year `2026`, ISO week `2026-W40`. */
  wave_period: z.enum(WAVE_PERIODS).optional(),
  /** Contract name → the question text of the export's second header row (Qualtrics, SurveyMonkey). */
  by_text: z.record(z.string(), z.string()).default({}),
  /** Contract name → column number, 1 = the first column: for blank, duplicate or unnamed headers. */
  by_position: z.record(z.string(), z.number().int().min(1)).default({}),
};
