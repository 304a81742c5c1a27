import { relative, join } from 'node:path';
import { formatProblem, REPORT_SETTINGS, type Problem } from '../../src/schemas/problem';
import type { Io } from './io';
import { annotation, plainLine } from './workflow-commands';

/**
 * Prints problems as `data/demo/responses.csv:38: …` (paths relative to the working
 * directory) and, under GitHub Actions, as `::error` annotations too.
 */
export function printProblems(io: Io, problems: readonly Problem[], baseDir?: string, headers?: ReadonlyMap<Problem, string>): void {
  for (const p of problems) {
    const header = headers?.get(p);
    if (header) io.err(plainLine(header));
    const file = baseDir && !p.file.includes('/') && p.file !== REPORT_SETTINGS ? relative(io.cwd, join(baseDir, p.file)) || p.file : p.file;
    const shown = { ...p, file };
    // A cell value is data: escaped so it can never become a workflow command (workflow-commands.ts).
    io.err(plainLine(formatProblem(shown)));
    if (io.env.GITHUB_ACTIONS === 'true') io.out(annotation('error', { file, line: shown.line }, formatProblem(shown)));
  }
}
