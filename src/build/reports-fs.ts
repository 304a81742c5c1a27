import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { ZodIssue } from 'zod';
import { MIN_BASE_FLOOR, REPORT_KEYS, ReportFrontmatterSchema, type ReportFrontmatter } from '../schemas/report';
import type { Problem } from '../schemas/problem';
import { closest } from '../analysis/did-you-mean';
import { reportId } from './report-id';

export const REPORTS_DIR = 'content/reports';

export interface ReportSource {
  /** The report's URL slug, from its file name (reportId: the same function Astro's loader uses). */
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  text: string;
  settings?: ReportFrontmatter;
  /** Line of the first body line (after the frontmatter), 1-based. */
  bodyLine: number;
}

/** Splits `---\n…\n---` frontmatter off an MDX file and validates it. */
export function parseReport(id: string, file: string, text: string): { report: ReportSource; problems: Problem[] } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) {
    return {
      report: { id, file, text, bodyLine: 1 },
      problems: [
        { file, line: 1, message: 'has no frontmatter.', hint: 'Start the file with --- title, company, dataset --- (see content/reports/demo.mdx).' },
      ],
    };
  }
  const bodyLine = match[0].split('\n').length;
  const doc = parseDocument(match[1]);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return {
      report: { id, file, text, bodyLine },
      problems: [
        {
          file,
          line: (e.linePos?.[0]?.line ?? 0) + 1,
          // The parser's "at line 1, column 10" counts from the frontmatter: the problem's line is the file's.
          message: `frontmatter is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`.replace(/\.\.$/, '.'),
          hint: 'Check the indentation and the brackets and quotes on this line.',
        },
      ],
    };
  }
  const parsed = ReportFrontmatterSchema.safeParse(doc.toJSON() ?? {});
  if (!parsed.success) {
    const line = (key: string) => keyLine(doc, match[1], key);
    return { report: { id, file, text, bodyLine }, problems: parsed.error.issues.flatMap((issue) => settingProblems(file, issue, line, doc)) };
  }
  return { report: { id, file, text, bodyLine, settings: parsed.data }, problems: [] };
}

/** One zod issue of the frontmatter as problems naming the key's line; an unknown key gets "did you mean". */
function settingProblems(file: string, issue: ZodIssue, line: (key: string) => number, doc: Document): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key): Problem => {
      const near = closest(key, REPORT_KEYS);
      return {
        file,
        line: line(key),
        column: key,
        message: near ? `is not a report setting. Did you mean ${near}?` : 'is not a report setting.',
        hint: near ? undefined : `Settings: ${REPORT_KEYS.join(', ')}.`,
      };
    });
  }
  const key = String(issue.path[0] ?? '');
  if (key === 'min_base' && issue.code === 'custom') {
    return [
      {
        file,
        line: line(key),
        column: key,
        value: String(doc.get(key)),
        message: `is below the floor of ${MIN_BASE_FLOOR}: a cell of so few respondents publishes what individuals answered.`,
        hint: `Use min_base: ${MIN_BASE_FLOOR} or more, or add allow_individual_answers: true if publishing individual answers is intended (e.g. every respondent agreed to it).`,
      },
    ];
  }
  return [{ file, line: line(key), column: key || undefined, message: issue.message.endsWith('.') ? issue.message : `${issue.message}.` }];
}

/** The file line (1-based; line 1 is the opening ---) of a top-level frontmatter key, from the YAML parser's offsets. */
function keyLine(doc: Document, yaml: string, key: string): number {
  const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
  const offset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  if (offset === undefined) return 1;
  return yaml.slice(0, offset).split('\n').length + 1;
}

/** Every content/reports/*.mdx (sorted), parsed. */
export async function readReports(root: string): Promise<{ reports: ReportSource[]; problems: Problem[] }> {
  const dir = join(root, REPORTS_DIR);
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    return { reports: [], problems: [] };
  }
  const reports: ReportSource[] = [];
  const problems: Problem[] = [];
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(root, path);
    const id = reportId(name);
    const taken = bySlug.get(id);
    if (!id || taken) {
      // Two files on one URL would build into one page, whichever Astro read last: refuse both.
      problems.push(
        id
          ? {
              file,
              message: `publishes at /reports/${id}/, like ${taken}: one would overwrite the other.`,
              hint: `Rename one of them (a report's URL comes from its file name, lower-cased, spaces as -, punctuation dropped).`,
            }
          : { file, message: 'has a file name that gives no URL (no letter or digit).', hint: 'Rename it in kebab-case, e.g. acme-2026-q3.mdx.' },
      );
      continue;
    }
    bySlug.set(id, file);
    const result = parseReport(id, file, await readFile(path, 'utf8'));
    reports.push(result.report);
    problems.push(...result.problems);
  }
  return { reports, problems };
}

/** The reports a build publishes, and the drafts it leaves out (all of them built when `drafts` is on: astro dev, build --drafts). */
export function splitDrafts<R extends { settings?: { draft?: boolean } }>(reports: readonly R[], drafts: boolean): { built: R[]; skipped: R[] } {
  if (drafts) return { built: [...reports], skipped: [] };
  return { built: reports.filter((r) => !r.settings?.draft), skipped: reports.filter((r) => r.settings?.draft) };
}
