/**
 * The questionnaire's statistical choices (issue 14), spread into QuestionnaireSchema. They
 * belong to the dataset, not to a report, because figures are computed once per dataset for
 * every edition; meta.statistics echoes them with their defaults filled in.
 */
import { z } from 'zod';
import { CORRECTIONS, DEFAULT_CORRECTION } from '../stats/multiple-comparison';
import { DEFAULT_NPS_INTERVAL, NPS_INTERVALS } from '../stats/nps-interval';
import { DEFAULT_REPLICATES, MIN_REPLICATES, MAX_REPLICATES } from '../stats/bootstrap';

/**
 * How the customer effort score is worded. `effort` (CEB 2010: "How much effort did you personally
 * have to put forth to handle your request?", 1 = very low effort): lower is better — the default,
 * as the contract has always read `ces`. `ease` (CES 2.0: "The company made it easy for me to handle
 * my issue", 1 = strongly disagree … 7 = strongly agree): higher is better.
 */
export const CES_WORDINGS = ['effort', 'ease'] as const;
export const DEFAULT_CES_WORDING = 'effort';
export type CesWording = (typeof CES_WORDINGS)[number];

export const StatisticsSchema = z
  .object({
    /** Correction over the values of one segment tested against the rest of it: holm (default), bh (Benjamini–Hochberg) or none. */
    multiple_comparisons: z.enum(CORRECTIONS).default(DEFAULT_CORRECTION),
    /** The NPS interval: wald (default, score ± moe95) or adjusted-wald (Rocks 2016: n + 3, ¾ added to promoters and detractors). */
    nps_interval: z.enum(NPS_INTERVALS).default(DEFAULT_NPS_INTERVAL),
    /** Bootstrap replicates behind the key drivers' intervals. */
    bootstrap_replicates: z.number().int().min(MIN_REPLICATES).max(MAX_REPLICATES).default(DEFAULT_REPLICATES),
  })
  .strict();
export type Statistics = z.infer<typeof StatisticsSchema> & { ces_wording: CesWording };

/** The questionnaire keys this file adds. */
export const STATISTICS_KEYS = {
  /** Statistical choices: multiple_comparisons, nps_interval, bootstrap_replicates (src/schemas/statistics.ts). */
  statistics: StatisticsSchema.default({}),
  /** How `ces` is worded: effort (lower is better, the default) or ease (higher is better). */
  ces_wording: z.enum(CES_WORDINGS).default(DEFAULT_CES_WORDING),
};

/** The settings of a questionnaire (or the defaults without one). */
export function statisticsOf(q: { statistics?: z.infer<typeof StatisticsSchema>; ces_wording?: CesWording } | undefined): Statistics {
  return { ...StatisticsSchema.parse(q?.statistics ?? {}), ces_wording: q?.ces_wording ?? DEFAULT_CES_WORDING };
}

/** The direction of `ces` under its wording. */
export const cesDirection = (wording: CesWording): 'higher' | 'lower' => (wording === 'ease' ? 'higher' : 'lower');
