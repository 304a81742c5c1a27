import { z } from 'zod';
import { EngineSchema } from './engine';
import { LocaleSchema } from './questionnaire';
import { stripBidiControls } from './text';

/** Text shown as written, minus bidi overrides (see text.ts). */
const Shown = z.string().transform(stripBidiControls);

export const DEFAULT_MIN_BASE = 10;
export const DEFAULT_LOW_BASE = 30;

/** What `analyze` needs from a report's settings (frontmatter, or CLI flags). */
export const AnalysisOptionsSchema = z
  .object({
    /** The report's wave; default the latest in the data. */
    wave: z.string().optional(),
    /** Operations period for "delivered"; default the latest. */
    period: z.string().optional(),
    /** Benchmark industry; default the only one in benchmarks.csv. */
    industry: z.string().optional(),
    /** Figures on fewer respondents are suppressed. */
    min_base: z.number().int().min(1).default(DEFAULT_MIN_BASE),
    /** Figures on fewer respondents carry a low-base mark. */
    low_base: z.number().int().min(1).default(DEFAULT_LOW_BASE),
    /** Publish the wave's verbatim comments (only on bases ≥ min_base). */
    comments: z.boolean().default(false),
    /** A declared segment: every value of it also gets its own figures (`figures.entities`, one page each). */
    per: z.string().optional(),
  })
  .refine((o) => o.low_base >= o.min_base, { message: 'low_base must be at least min_base', path: ['low_base'] });
export type AnalysisOptions = z.infer<typeof AnalysisOptionsSchema>;

/**
 * The smallest min_base a report may publish with. A cell of one to four respondents is
 * close to individual answers: a reader who knows who is in the segment (a region's only
 * branch, a small team) reads their scores and comments. Below it the build refuses unless
 * the frontmatter says `allow_individual_answers: true`.
 */
export const MIN_BASE_FLOOR = 5;

/** A report's frontmatter (content/reports/<id>.mdx), before the cross-key rules. */
const ReportFrontmatterObject = z.object({
  title: Shown.pipe(z.string().min(1)),
  company: Shown.pipe(z.string().min(1)),
  /** Folder under data/. */
  dataset: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'must be a folder name under data/'),
  wave: z.string().optional(),
  period: z.string().optional(),
  industry: z.string().optional(),
  locale: LocaleSchema.default('en'),
  /** Figures on fewer respondents are suppressed; at least MIN_BASE_FLOOR unless allow_individual_answers. */
  min_base: z.number().int().min(1).default(DEFAULT_MIN_BASE),
  low_base: z.number().int().min(1).default(DEFAULT_LOW_BASE),
  /** Publish verbatim comments (never on bases below min_base). */
  comments: z.boolean().default(false),
  /** Lets min_base go below MIN_BASE_FLOOR: the analyst states that publishing near-individual answers is intended (e.g. consenting panel). */
  allow_individual_answers: z.boolean().default(false),
  /** The MDX may use import/export and JavaScript expressions (trusted repositories only: the code runs at build time). */
  trusted_mdx: z.boolean().default(false),
  /** Short summary for the index page. */
  description: Shown.optional(),
  /** Another report this one is a translation of (same figures, other locale). */
  translation_of: z.string().optional(),
  /** Analysis engine (ENGINES): in memory, streaming or DuckDB SQL; default by data size (chooseEngine). */
  engine: EngineSchema.optional(),
  /** Work in progress: built by astro dev and `gapreport build --drafts`, left out of a published build (page, index, search). */
  draft: z.boolean().default(false),
  /** A declared segment (branch, outlet), or `benchmarks` (the companies of benchmarks.csv in the report's industry): the same MDX renders one page per value at /reports/<id>/<value>/, against that value's figures. */
  per: z.string().min(1).optional(),
});

/** Every frontmatter key a report may set (an unknown key is an error, never ignored). */
export const REPORT_KEYS: readonly string[] = Object.keys(ReportFrontmatterObject.shape);

/** A report's frontmatter: unknown keys refused (a typo must not fall back to a default), min_base floored. */
export const ReportFrontmatterSchema = ReportFrontmatterObject.strict().superRefine((o, ctx) => {
  if (o.min_base < MIN_BASE_FLOOR && !o.allow_individual_answers) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['min_base'], message: `is below the floor of ${MIN_BASE_FLOOR}`, params: { floor: MIN_BASE_FLOOR } });
  }
});
export type ReportFrontmatter = z.infer<typeof ReportFrontmatterSchema>;
