import { z } from 'zod';
import { DIRECTIONS, type Direction } from '../stats/kpi';
import { DimensionSchema, ItemSchema, QuestionnaireSchema } from './questionnaire';

/** A value read from a cell: a number, or undefined when missing / not applicable. */
const Num = z.number().optional();

/** Which way is better (the list is the statistics' own: `orient` in src/stats/kpi.ts reads it). */
export const DirectionSchema = z.enum(DIRECTIONS);
export type { Direction };

/** One customer respondent (responses.csv), after mapping, recoding and validation. */
export const RespondentSchema = z.object({
  /** Unique within the file. */
  id: z.string(),
  /** Survey wave, e.g. `2026-Q3`; waves sort lexically. */
  wave: z.string(),
  /** ISO date (YYYY-MM-DD) when given. */
  date: z.string().optional(),
  /** Declared segment → value (undefined when the cell is empty). */
  segments: z.record(z.string(), z.string().optional()),
  /** Expectation per item id, on the item scale. */
  e: z.record(z.string(), Num),
  /** Perception per item id, on the item scale. */
  p: z.record(z.string(), Num),
  /** Importance points per dimension (sum to 100 ± 1 when present). */
  w: z.record(DimensionSchema, Num),
  /** Likelihood to recommend, integer 0–10. */
  nps: Num,
  /** Satisfaction, integer 1–5. */
  csat: Num,
  /** Customer effort, integer 1–7 (lower is better). */
  ces: Num,
  /** Overall satisfaction on the item scale (or recoded). */
  overall: Num,
  /** Free text; never published unless a report opts in. */
  comment: z.string().optional(),
  /** Survey weight (the `weight` column), above 0; absent when the file has none. */
  weight: z.number().positive().optional(),
  /** Physical line in the file, for messages. */
  line: z.number().int(),
});
export type Respondent = z.infer<typeof RespondentSchema>;

/** One manager (management.csv): what they believe customers expect, per item. */
export const ManagerSchema = z.object({
  id: z.string(),
  m: z.record(z.string(), Num),
  line: z.number().int(),
});
export type Manager = z.infer<typeof ManagerSchema>;

/** One employee (employees.csv): the internal service they receive, rated on the customers' items, and their eNPS. */
export const EmployeeSchema = z.object({
  id: z.string(),
  /** Declared segment found in employees.csv → value (team, branch…). */
  segments: z.record(z.string(), z.string().optional()),
  e: z.record(z.string(), Num),
  p: z.record(z.string(), Num),
  /** Likelihood to recommend the company as a place to work, integer 0–10. */
  enps: Num,
  /** Free text, never published (a role in a small team names a person). */
  role: z.string().optional(),
  line: z.number().int(),
});
export type Employee = z.infer<typeof EmployeeSchema>;

/** A service standard (standards.csv). */
export const StandardSchema = z.object({
  standard_id: z.string(),
  /** KPI name, e.g. `service_level_30s`, `asa_seconds`, `fcr_rate`. */
  metric: z.string(),
  dimension: DimensionSchema.optional(),
  /** `seconds`, `percent`, `rate`, `score`, … */
  unit: z.string(),
  direction: DirectionSchema,
  target: z.number(),
  /** The level management believes customers expect (Gap 2). */
  management_expectation: z.number().optional(),
  /** Fraction of |target| counted as "at risk" (default 0.05). */
  tolerance: z.number().min(0),
  line: z.number().int(),
});
export type Standard = z.infer<typeof StandardSchema>;

/** A delivered KPI value (operations.csv, or derived from contacts.csv). */
export const OperationSchema = z.object({
  period: z.string(),
  metric: z.string(),
  value: z.number(),
  /** Base of the value (contacts, responses), when known. */
  n: z.number().optional(),
  /** Segment columns (e.g. channel); empty record = all. */
  segments: z.record(z.string(), z.string()),
  /** Where the row came from. */
  source: z.enum(['operations.csv', 'contacts.csv']),
  line: z.number().int(),
});
export type Operation = z.infer<typeof OperationSchema>;

/**
 * One contacts.csv row as validated (src/data/contacts.ts): what the KPI accumulator
 * (src/analysis/kpi-acc.ts) folds per quarter and channel. Not kept in the Dataset: every
 * engine folds the rows as they are read.
 */
export const ContactSchema = z.object({
  /** opened_at as an ISO date-time; its calendar quarter is the period. */
  at: z.string(),
  channel: z.string().optional(),
  /** File line, for the derived operations' `line`. */
  line: z.number().int(),
  wait: z.number().optional(),
  handle: z.number().optional(),
  abandoned: z.union([z.literal(0), z.literal(1)]).optional(),
  resolvedFirst: z.union([z.literal(0), z.literal(1)]).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** A promise made to customers (communications.csv). */
export const ClaimSchema = z.object({
  claim_id: z.string(),
  metric: z.string(),
  promised: z.number(),
  source: z.string(),
  line: z.number().int(),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const STATISTICS = ['p10', 'p25', 'median', 'p75', 'p90', 'mean'] as const;
export const StatisticSchema = z.enum(STATISTICS);

/** An industry benchmark row (benchmarks.csv): a peer's value or a published statistic. */
export const BenchmarkRowSchema = z.object({
  metric: z.string(),
  industry: z.string(),
  period: z.string(),
  /** Publisher and year, shown on every chart that uses it. */
  source: z.string(),
  company: z.string().optional(),
  statistic: StatisticSchema.optional(),
  value: z.number(),
  direction: DirectionSchema.optional(),
  line: z.number().int(),
});
export type BenchmarkRow = z.infer<typeof BenchmarkRowSchema>;

/** A validated dataset folder. Absent files are undefined (their gaps are "not measured"). */
export const DatasetSchema = z.object({
  /** Folder name, e.g. `demo`. */
  name: z.string(),
  questionnaire: QuestionnaireSchema.optional(),
  /** Resolved items (preset + overrides), in questionnaire order. */
  items: z.array(ItemSchema),
  responses: z.array(RespondentSchema).optional(),
  management: z.array(ManagerSchema).optional(),
  employees: z.array(EmployeeSchema).optional(),
  standards: z.array(StandardSchema).optional(),
  /** operations.csv rows plus KPIs derived from contacts.csv. */
  operations: z.array(OperationSchema).optional(),
  communications: z.array(ClaimSchema).optional(),
  benchmarks: z.array(BenchmarkRowSchema).optional(),
  /** Files read (contract names), for the methodology appendix. */
  files: z.array(z.string()),
  /** Latest date found in the data (ISO), used as the report's "data as of" date — never the clock. */
  as_of: z.string().optional(),
  /** responses.csv rows read and those `keep:` (or the tool preset of `source:`) excluded, per rule in order; absent without row rules. */
  rows_filter: z.object({ read: z.number().int(), excluded: z.array(z.object({ rule: z.string(), rows: z.number().int() })) }).optional(),
});
export type Dataset = z.infer<typeof DatasetSchema>;
