import type { Figures } from '../schemas/figures';
import type { Locale } from '../schemas/questionnaire';
import { formatProblem, type Problem } from '../schemas/problem';
import { checkClaims } from './claims';
import { lintCodeTree } from './lint-mdx-code';
import { lintComponents } from './lint-mdx-components';
import type { MdxNode } from './lint-mdx-tree';
import { lintTypedFigures } from './lint-typed-figures';

/** What the lint needs to know of the report whose tree it reads. */
export interface LintContext {
  /** The report's path relative to the project, for messages: `content/reports/demo.mdx`. */
  file: string;
  figures: Figures;
  locale: Locale;
  /** `trusted_mdx: true` in the frontmatter: code is allowed. */
  trusted: boolean;
}

export interface LintResult {
  /** Mistakes that stop the build: code, unknown components and props, malformed conditions. */
  problems: Problem[];
  /** Sentences the figures contradict (claims) and figures typed in prose; gapreport build warns, gapreport check fails. */
  findings: Problem[];
}

/** Every check on one report's tree: code (unless trusted), then components; then claims and typed figures. */
export function lintTree(tree: MdxNode, ctx: LintContext): LintResult {
  const problems = [...(ctx.trusted ? [] : lintCodeTree(ctx.file, tree)), ...lintComponents(ctx.file, tree, ctx.figures)];
  return { problems, findings: [...checkClaims(ctx.file, tree, ctx.figures), ...lintTypedFigures(ctx.file, tree, ctx.figures, ctx.locale)] };
}

/** The parts of a VFile the plugin uses (Astro's, or the one lintReport makes). */
export interface LintFile {
  path?: string;
  data: Record<string, unknown>;
  fail(reason: string, place?: { line: number; column: number }): never;
}

export interface RemarkLintOptions {
  /** The report the file is, with its figures; undefined for a file the lint does not check (the guide, a report without figures). */
  context(file: LintFile): LintContext | undefined;
  /** What to do with the result; by default problems fail the compile (Astro's error overlay shows them at their line). */
  report?(result: LintResult, file: LintFile): void;
}

/**
 * The MDX lint as a remark plugin: the same checks on the same tree for gapreport build and
 * check (lintReport parses and runs it) and for Astro (astro dev's live preview, astro build:
 * the gapreport integration adds it to the MDX remarkPlugins), positions from the parser.
 */
export function remarkGapreportLint(options: RemarkLintOptions) {
  return (tree: MdxNode, file: LintFile): void => {
    const ctx = options.context(file);
    if (!ctx) return;
    const result = lintTree(tree, ctx);
    (options.report ?? failOnProblems)(result, file);
  };
}

/** Fails the MDX compile with every problem, placed at the first one's line. */
export function failOnProblems(result: LintResult, file: LintFile): void {
  if (result.problems.length === 0) return;
  const line = result.problems[0].line;
  file.fail(result.problems.map(formatProblem).join('\n'), line ? { line, column: 1 } : undefined);
}
