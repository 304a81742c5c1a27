import { z } from 'zod';
import { labelsFor, strict } from './schema-charts';

/**
 * The words the figures choose (src/components/lib/words.ts): a KPI's status, a change's
 * direction and significance, counts, comparisons and ranks. Whole phrases, not fragments
 * glued in code, so each locale makes its own agreement (French "normes … atteintes").
 */
const PluralSchema = labelsFor(['zero', 'one', 'other']);
/** Numbers 0–12 written out, agreeing with the noun they count; above 12 the digits are printed. */
const NumberWordsSchema = z.array(z.string()).length(13);

export const WordsSchema = strict({
  /** A KPI's status on its own, after "against a target of 75 % —". */
  status: labelsFor(['met', 'atRisk', 'missed', 'notMeasured']),
  /** "{n} of the {total} standards are met": one template per plural form and status. */
  count: strict({ met: PluralSchema, atRisk: PluralSchema, missed: PluralSchema, notMeasured: PluralSchema }),
  numbers: strict({ standards: NumberWordsSchema, gaps: NumberWordsSchema }),
  /** A change between waves: its direction with its significance, or its significance alone. */
  change: labelsFor(['roseSignificantly', 'fellSignificantly', 'roseNotSignificantly', 'fellNotSignificantly', 'unchanged', 'significant', 'withinMargin']),
  /** A benchmark against its median; {v} is the distance in the figure's unit. */
  compare: labelsFor(['below', 'above', 'level']),
  /** A distance between two NPS (not percentage points): "9 points". */
  npsPoints: z.string(),
  /** A rank among SERVQUAL dimension gaps; {n} is the number of gaps, in words. */
  rank: labelsFor(['widest', 'narrowest']),
});
export type Words = z.infer<typeof WordsSchema>;
