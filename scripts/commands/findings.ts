import { formatProblem, type Problem } from '../../src/schemas/problem';
import type { Io } from './io';
import { annotation, plainLine } from './workflow-commands';

/**
 * Prints the prose findings (a claim the data no longer support, src/build/claims.ts; a figure
 * typed in prose, src/build/lint-typed-figures.ts) as
 * `warning: content/reports/demo.mdx:42: …` and, under GitHub Actions, as `::warning`
 * annotations on the report's line: gapreport build publishes anyway (exit 0).
 */
export function printFindings(io: Io, findings: readonly Problem[], command: string): void {
  for (const f of findings) {
    io.err(plainLine(`warning: ${formatProblem(f)}`));
    if (io.env.GITHUB_ACTIONS === 'true')
      io.out(annotation('warning', { file: f.file, line: f.line, title: `${command}: ${findingKind(f)}` }, formatProblem(f)));
  }
}

/** `claim` for a contradicted <Claim>, `prose` for a figure, count or status typed in prose. */
export const findingKind = (f: Problem): 'claim' | 'prose' => (f.column === '<Claim> test' ? 'claim' : 'prose');
