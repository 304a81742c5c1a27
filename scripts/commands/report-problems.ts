import { relative, join } from 'node:path';
import { formatProblem, type Problem } from '../../src/schemas/problem';
import type { Io } from './io';

/**
 * Prints problems as `data/demo/responses.csv:38: …` (paths relative to the working
 * directory) and, under GitHub Actions, as `::error` annotations too.
 */
export function printProblems(io: Io, problems: readonly Problem[], baseDir?: string): void {
  for (const p of problems) {
    const file = baseDir && !p.file.includes('/') && p.file !== 'report settings' ? relative(io.cwd, join(baseDir, p.file)) || p.file : p.file;
    const shown = { ...p, file };
    io.err(formatProblem(shown));
    if (io.env.GITHUB_ACTIONS === 'true') {
      const line = shown.line === undefined ? '' : `,line=${shown.line}`;
      io.out(`::error file=${file}${line}::${formatProblem(shown).replace(/\r?\n/g, ' ')}`);
    }
  }
}
