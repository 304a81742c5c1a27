import { formatProblem, type Problem } from '../../src/schemas/problem';
import type { Io } from './io';
import { annotation, plainLine } from './workflow-commands';

/**
 * Prints the prose findings (a claim the data no longer support, src/build/claims.ts) as
 * `warning: content/reports/demo.mdx:42: …` and, under GitHub Actions, as `::warning`
 * annotations on the report's line: gapreport build publishes anyway (exit 0).
 */
export function printFindings(io: Io, findings: readonly Problem[], command: string): void {
  for (const f of findings) {
    io.err(plainLine(`warning: ${formatProblem(f)}`));
    if (io.env.GITHUB_ACTIONS === 'true') io.out(annotation('warning', { file: f.file, line: f.line, title: `${command}: claim` }, formatProblem(f)));
  }
}
