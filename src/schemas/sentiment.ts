import { z } from 'zod';

/**
 * Sentiment of comments (issue 17 item 2): the lexicon a language is scored with, and the
 * figures. The lexicons ship in npm packages and are read by src/data/sentiment-lexicons.ts;
 * the scoring (src/analysis/sentiment.ts) is pure and gets them passed in.
 */

/** The languages a comment may be identified as; only those with a lexicon are scored. */
export const SENTIMENT_LANGUAGES = ['en', 'fr', 'vi'] as const;
export type SentimentLanguage = (typeof SENTIMENT_LANGUAGES)[number];

/** A language's lexicon, as the data layer hands it to the scorer. */
export interface SentimentLexicon {
  /** Folded word (or a phrase of words joined by one space) → valence on −5…+5. */
  words: ReadonlyMap<string, number>;
  /** Words that negate the lexicon words after them (folded). */
  negators: ReadonlySet<string>;
  /** Words that start a new clause, so a negation before them does not reach past ("but", "mais"). */
  breaks: ReadonlySet<string>;
  /** The keys a word is looked up under, in order (fr: the word, its stem, …); absent: the word itself. */
  variants?: (word: string) => string[];
  /** Whether words are compared without diacritics (fr: the lexicon has none). */
  foldDiacritics: boolean;
  /** What the methodology names: the lexicon, its package, its licence. */
  source: { lexicon: string; package: string; licence: string };
}
export type SentimentLexicons = Partial<Record<SentimentLanguage, SentimentLexicon>>;

/** A group of scored comments: how many read negative, neutral, positive, and their mean score. */
export const SentimentGroupSchema = z.object({
  /** Scored comments (non-blank, in a language with a lexicon). */
  n: z.number().int(),
  negative: z.number().int(),
  neutral: z.number().int(),
  positive: z.number().int(),
  /** negative / n and positive / n, 0–1, with their Wilson 95 % intervals. */
  share_negative: z.number(),
  share_negative_ci95: z.tuple([z.number(), z.number()]),
  share_positive: z.number(),
  share_positive_ci95: z.tuple([z.number(), z.number()]),
  /** Mean comment score (−1…+1) with its Student-t 95 % interval (absent under 2 comments). */
  mean: z.number(),
  mean_ci95: z.tuple([z.number(), z.number()]).optional(),
});
export type SentimentGroup = z.infer<typeof SentimentGroupSchema>;

/** A group under min_base scored comments: the count only. */
export const SuppressedSentimentSchema = z.object({ n: z.number().int(), suppressed: z.literal(true) });

export const SentimentLanguageSchema = z.object({
  /** Non-blank comments of the report's wave identified as this language. */
  comments: z.number().int(),
  /** False: no lexicon ships offline for the language, its comments are not scored (never guessed). */
  available: z.boolean(),
  lexicon: z.string().optional(),
  package: z.string().optional(),
  licence: z.string().optional(),
});

export const SentimentFigureSchema = z.object({
  /** The report's wave. */
  wave: z.string(),
  /** Non-blank comments in the wave, scored or not. */
  comments: z.number().int(),
  /** The scoring rule, for the methodology. */
  method: z.object({
    kind: z.literal('lexicon'),
    /** A comment reads negative at or below −threshold, positive at or above +threshold. */
    threshold: z.number(),
    /** α of the normalisation score = s / √(s² + α). */
    alpha: z.number(),
    /** Words before a lexicon word that a negator reaches. */
    negation_window: z.number().int(),
  }),
  /** Language → its comments in the wave and whether it has a lexicon. */
  languages: z.record(z.string(), SentimentLanguageSchema),
  /** The wave's scored comments; absent (with `suppressed`) under min_base. */
  overall: z.union([SentimentGroupSchema, SuppressedSentimentSchema]),
  /** Each wave up to the report's with at least min_base scored comments, in order. */
  waves: z.array(SentimentGroupSchema.extend({ wave: z.string() })),
  /** Segment → value → the report wave's scored comments; under min_base suppressed. */
  segments: z.record(z.string(), z.record(z.string(), z.union([SentimentGroupSchema, SuppressedSentimentSchema]))),
  /** Theme id → the scored comments mentioning it in the report's wave (codebook themes.yaml); under min_base suppressed. */
  themes: z.record(z.string(), z.union([SentimentGroupSchema, SuppressedSentimentSchema])),
});
export type SentimentFigure = z.infer<typeof SentimentFigureSchema>;
