import { z } from 'zod';

/** One thing wrong with the user's data, reported with where, what and how to fix it. */
export const ProblemSchema = z.object({
  /** File name relative to the dataset folder, e.g. `responses.csv`. */
  file: z.string(),
  /** 1-based physical line in the file (header is line 1), when the problem is on a line. */
  line: z.number().int().positive().optional(),
  /** The column name as the file spells it (after mapping), when the problem is in a cell. */
  column: z.string().optional(),
  /** The offending raw value, as read. */
  value: z.string().optional(),
  /** What was expected, e.g. `is not a whole number 0–10`. */
  message: z.string(),
  /** How to fix it, when a fix is obvious. */
  hint: z.string().optional(),
  /** Extension: set on the closing entry of a capped list — how many further problems the file had. */
  omitted: z.number().int().positive().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * The `file` of a problem in a report's settings (wave, min_base…), which the analysis
 * cannot place: the report pipeline (src/build/pipeline-fs.ts) maps it to the report's file and line.
 */
export const REPORT_SETTINGS = 'report settings';

/** Maximum problems listed per file; the rest are counted. */
export const MAX_PROBLEMS_PER_FILE = 50;

/**
 * `responses.csv:38: column "nps": "11" is not a whole number 0–10. Hint.` The place within the
 * line is named as the file spells it: a column of a CSV file, a key of a YAML file or of a
 * report's frontmatter, a component's prop in a report's text (`<Metric> id:`), or what the
 * prose check found (`typed figure:`).
 */
export function formatProblem(p: Problem): string {
  // The closing "… and 212 more problems in responses.csv." entry names its file itself.
  if (p.omitted !== undefined) return p.message;
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const column = p.column === undefined ? '' : ` ${place(p.file, p.column)}:`;
  const value = p.value === undefined ? '' : ` "${truncate(p.value)}"`;
  const hint = p.hint ? ` ${p.hint}` : '';
  return `${where}:${column}${value} ${p.message}${hint}`;
}

function place(file: string, column: string): string {
  if (file === REPORT_SETTINGS) return `setting "${column}"`;
  if (/\.mdx?$/i.test(file)) return column.startsWith('<') || column.startsWith('typed ') ? column : `frontmatter "${column}"`;
  if (/\.ya?ml$/i.test(file)) return `key "${column}"`;
  return `column "${column}"`;
}

function truncate(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max)}… (${s.length} characters)` : s;
}
