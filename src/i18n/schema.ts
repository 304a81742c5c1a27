/**
 * What every locale file (src/i18n/locales/*.ts) holds: the site's UI strings and the
 * chart labels, each key required. No key falls back to English, so a missing
 * translation is a failing test (test/i18n/schema.test.ts), never English on a French page.
 * Templates carry `{placeholders}` (filled by fillTemplate or the chart builders); every
 * locale uses the same placeholders as English.
 */
import { z } from 'zod';
import { DIMENSIONS } from '../schemas/questionnaire';
import { ChartLabelsSchema, labelsFor, strict } from './schema-charts';
import { WordsSchema } from './schema-words';

const METRICS = ['nps', 'csat', 'ces', 'overall', 'servqual'] as const;

export const TranslationSchema = strict({
  /** The locale's name in its own language, for the language links ("Français"). */
  localeName: z.string(),
  reports: z.string(),
  report: z.string(),
  company: z.string(),
  period: z.string(),
  wave: z.string(),
  headlineNps: z.string(),
  benchmarkMedian: z.string(),
  suppressed: z.string(),
  suppressedShort: z.string(),
  /** A cell with a large enough base, withheld so that a smaller cell cannot be derived from the total (complementary suppression). */
  withheld: z.string(),
  notMeasured: z.string(),
  lowBase: z.string(),
  dataAsOf: z.string(),
  base: z.string(),
  figuresJson: z.string(),
  figuresCsv: z.string(),
  downloads: z.string(),
  dataTable: z.string(),
  skip: z.string(),
  /** The heading of the language links. */
  language: z.string(),
  otherEditions: z.string(),
  /** The badge on a draft report's page (draft: true, built by astro dev or build --drafts). */
  draft: z.string(),
  /** The one panel in place of a survey chart when the dataset has no responses at all (never empty axes): {file} is data/<dataset>/responses.csv. */
  noResponses: z.string(),
  dimension: labelsFor(DIMENSIONS),
  guide: z.string(),
  search: z.string(),
  noReports: z.string(),
  indexIntro: z.string(),
  /** Names of the headline metrics, for cards, trend and segment tables. */
  metrics: labelsFor(METRICS),
  shortMetrics: labelsFor(METRICS),
  dimensionGap: z.string(),
  /** KPI metrics as an executive reads them (standards.csv names a metric, not a label). */
  kpiMetrics: z.record(z.string(), z.string()),
  segmentNames: z.record(z.string(), z.string()),
  /** Industry ids of benchmarks.csv as a reader of the locale names them ("telecom" → "télécoms"); an id without one is shown as written. */
  industries: z.record(z.string(), z.string()),
  /** Segment values as the locale names them, per segment (`channel.store` → "Boutique"); display only, the figures keep the data's values. */
  segmentValues: z.record(z.string(), z.record(z.string(), z.string())),
  units: labelsFor(['seconds', 'days', 'points']),
  /** Words the figures choose for report prose (schema-words.ts). */
  words: WordsSchema,
  headline: labelsFor([
    'heading',
    'base',
    'moe',
    'scale',
    'lowerBetter',
    'higherBetter',
    'change',
    'significant',
    'notSignificant',
    'previous',
    'noPrevious',
    'position',
    'noBenchmark',
    'bestInClass',
  ]),
  benchmark: labelsFor(['notMeasured', 'heading']),
  nps: labelsFor(['total']),
  segment: labelsFor(['caption', 'value', 'n', 'servqual', 'note', 'significance', 'better', 'worse', 'holm', 'bh', 'none']),
  comments: strict({
    heading: z.string(),
    intro: z.string(),
    notPublished: z.string(),
    tooFew: z.string(),
    /** What replaces contact and payment details in a published comment (src/analysis/scrub.ts). */
    removed: labelsFor(['email', 'phone', 'card', 'iban', 'link', 'name']),
  }),
  methodology: labelsFor([
    'heading',
    'sample',
    'sampleText',
    'bases',
    'figure',
    'baseColumn',
    'interval',
    'reliability',
    'alphaText',
    'alphaFlag',
    'alphaColumn',
    'rules',
    'suppression',
    'complementary',
    'complementaryList',
    'minBaseProtects',
    'individualAnswers',
    'significance',
    'drivers',
    'gaps',
    'sources',
    'files',
    'benchmarkSources',
    'driversConstructs',
    'ownScale',
    'rescaled',
    'reversed',
    'binaryShare',
    'weightingColumn',
    'weightingPost',
    'weightingRaking',
    'weightingTrim',
    'weightingBases',
    'effectiveBase',
    'segmentTests',
    'npsAdjustedWald',
    'relativeWeights',
    'asOf',
    'rowsFilter',
    'sentiment',
    'sentimentText',
    'sentimentLexicon',
  ]),
  charts: ChartLabelsSchema,
});

export type Translation = z.infer<typeof TranslationSchema>;

/**
 * Why a locale file does not fit the schema, one line per key (empty when it fits):
 * `fr: charts.gapModel.title is missing. Add it to src/i18n/locales/fr.ts …`.
 */
export function translationProblems(locale: string, value: unknown): string[] {
  const parsed = TranslationSchema.safeParse(value);
  if (parsed.success) return [];
  const file = `src/i18n/locales/${locale}.ts`;
  return parsed.error.issues.flatMap((issue) => {
    const at = (keys: (string | number)[]) => keys.join('.') || '(the whole file)';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(
        (k) => `${locale}: ${at([...issue.path, k])} is not a key of the schema. Remove it from ${file}, or add it to src/i18n/schema.ts for every locale.`,
      );
    }
    if (issue.code === 'invalid_type' && issue.received === 'undefined') {
      return [`${locale}: ${at(issue.path)} is missing. Add it to ${file} (no key falls back to English).`];
    }
    return [`${locale}: ${at(issue.path)}: ${issue.message}. Fix it in ${file}.`];
  });
}
