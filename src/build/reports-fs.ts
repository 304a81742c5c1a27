import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { ReportFrontmatterSchema, type ReportFrontmatter } from '../schemas/report';
import type { Problem } from '../schemas/problem';

export const REPORTS_DIR = 'content/reports';

export interface ReportSource {
  /** File name without extension: the report's URL slug. */
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
    return { report: { id, file, text, bodyLine: 1 }, problems: [{ file, line: 1, message: 'has no frontmatter.', hint: 'Start the file with --- title, company, dataset --- (see content/reports/demo.mdx).' }] };
  }
  const bodyLine = match[0].split('\n').length;
  const doc = parseDocument(match[1]);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return { report: { id, file, text, bodyLine }, problems: [{ file, line: (e.linePos?.[0]?.line ?? 0) + 1, message: `frontmatter is not valid YAML: ${e.message.split('\n')[0]}` }] };
  }
  const parsed = ReportFrontmatterSchema.safeParse(doc.toJSON() ?? {});
  if (!parsed.success) {
    const lines = match[1].split('\n');
    const problems = parsed.error.issues.map((issue): Problem => {
      const key = String(issue.path[0] ?? '');
      const index = lines.findIndex((l) => l.startsWith(`${key}:`));
      return { file, line: index >= 0 ? index + 2 : 1, column: key || undefined, message: issue.message.endsWith('.') ? issue.message : `${issue.message}.` };
    });
    return { report: { id, file, text, bodyLine }, problems };
  }
  return { report: { id, file, text, bodyLine, settings: parsed.data }, problems: [] };
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
  for (const name of names) {
    const path = join(dir, name);
    const result = parseReport(name.replace(/\.mdx$/, ''), relative(root, path), await readFile(path, 'utf8'));
    reports.push(result.report);
    problems.push(...result.problems);
  }
  return { reports, problems };
}
