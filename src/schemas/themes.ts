import { z } from 'zod';

/** The languages a codebook's keywords may be written in: each has its normalisation and stemming (src/analysis/themes-match.ts). */
export const THEME_LANGUAGES = ['en', 'fr', 'vi'] as const;
export type ThemeLanguage = (typeof THEME_LANGUAGES)[number];

/** The codebook file of a dataset (`themes.yaml`), optional. */
export const THEMES_FILE = 'themes.yaml';

/** One theme of the codebook, as validated from themes.yaml. */
export const ThemeSchema = z.object({
  /** Figure key (`themes.<id>`): letters, digits, `-` and `_`. */
  id: z.string(),
  /** Locale → the theme's name as readers see it. */
  label: z.record(z.string(), z.string()),
  /** Language → keywords or phrases; a trailing `*` matches any ending ("refund*"). */
  keywords: z.record(z.string(), z.array(z.string())),
  /** Another theme's id: a comment mentioning this theme mentions its parent too. */
  parent: z.string().optional(),
  /** Line in themes.yaml where the theme starts. */
  line: z.number().int(),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const CodebookSchema = z.object({ themes: z.array(ThemeSchema) });
export type Codebook = z.infer<typeof CodebookSchema>;

/** A theme's share of comments: those mentioning it among the comments of a group. */
export const ThemeShareSchema = z.object({
  /** Comments in the group (non-blank). */
  n: z.number().int(),
  /** Comments mentioning the theme (or one of its sub-themes). */
  mentions: z.number().int(),
  /** mentions / n, 0–1. */
  share: z.number(),
  /** Wilson 95 % interval of share. */
  ci95: z.tuple([z.number(), z.number()]),
});

/** A group under min_base comments: the count only. */
export const SuppressedThemeShareSchema = z.object({ n: z.number().int(), suppressed: z.literal(true) });

export const ThemeFigureSchema = ThemeShareSchema.extend({
  /** Locale → name, from the codebook. */
  label: z.record(z.string(), z.string()),
  parent: z.string().optional(),
  /** The report's wave, which n, mentions and share describe. */
  wave: z.string(),
  /** Each wave with at least min_base comments, in order. */
  waves: z.array(ThemeShareSchema.extend({ wave: z.string() })),
  /** The report's wave against the one before: pooled two-proportion z-test; difference as a fraction. */
  change: z.object({ from: z.string(), to: z.string(), difference: z.number(), z: z.number(), p: z.number(), significant: z.boolean() }).optional(),
  /** Segment → value → share in the report's wave; a value under min_base comments is suppressed. */
  segments: z.record(z.string(), z.record(z.string(), z.union([ThemeShareSchema, SuppressedThemeShareSchema]))),
  /**
   * Likelihood to recommend (0–10) of commenters who mention the theme against those who do not,
   * in the report's wave: an association, not a cause. Welch's t-test; absent when either group has under 2 answers.
   */
  outcome: z
    .object({ mentioners: z.number(), others: z.number(), difference: z.number(), n_mentioners: z.number().int(), n_others: z.number().int(), p: z.number() })
    .optional(),
});
export type ThemeFigure = z.infer<typeof ThemeFigureSchema>;

/**
 * Themes as drivers: Shapley (LMG) shares of the outcome's R² among the SERVQUAL dimensions
 * (each commenter's mean perception) and the leaf themes' mentions (0/1), on the report wave's
 * commenters with every value present. Associations between what people write and how they
 * score, not causes.
 */
export const ThemeDriversSchema = z.object({
  /** The explained column, as the key drivers': overall or nps. */
  outcome: z.string(),
  /** Complete cases used. */
  n: z.number().int(),
  r2: z.number(),
  method: z.enum(['shapley', 'relative-weights']),
  /** Always true: a share says how much of R² goes with a theme, not what a theme causes. */
  association: z.literal(true),
  drivers: z.array(z.object({ id: z.string(), kind: z.enum(['dimension', 'theme']), share: z.number() })),
});
export type ThemeDrivers = z.infer<typeof ThemeDriversSchema>;
