import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { ProgressEffects } from '../stream/progress';
import type { Figures } from '../schemas/figures';
import { REPORT_SETTINGS, type Problem } from '../schemas/problem';
import { DatasetProblems } from './dataset-problems';
import { computeFigures, figuresSettings } from './figures-fs';
import { CLAIM_COLUMN } from './claims';
import { claimsOnPages, lintMdx } from './lint-mdx';
import { lintFigures, templatePages } from './entities';
import type { ReportSource } from './reports-fs';

/**
 * The one seam between a report and its figures, for `gapreport build`, `gapreport check`
 * and the Astro loader (astro build / astro dev): the dataset computed through the cache,
 * the MDX linted, and every problem's path relative to the project.
 */
export interface ReportFigures {
  report: ReportSource;
  /** The dataset's figures when it computed; the report is publishable only when `problems` is empty too (lint). */
  figures?: Figures;
  /** `data/demo/responses.csv:38: …`, `content/reports/demo.mdx:7: …` — never the REPORT_SETTINGS sentinel. */
  problems: Problem[];
  /** Sentences the figures contradict (claims.ts): build warns, check fails; empty when the figures did not compute. */
  findings?: Problem[];
  /** Whether the figures came from the cache or another report of this run (same dataset and settings). */
  reused: boolean;
  /** Why the duckdb engine handed responses.csv to the stream engine (print it once per dataset). */
  fallback?: string;
}

export interface PipelineOptions {
  progress?: ProgressEffects;
  /** Check the MDX against the figures (unknown components, code); check, which renders nothing, skips it. */
  lint?: boolean;
  /**
   * Results this process already computed for these very reports (gapreport build hands its own to
   * the Astro build through the gapreport integration): used as they are, so a build computes once.
   */
  computed?: ReadonlyMap<string, ReportFigures>;
}

export interface PipelineResult {
  results: ReportFigures[];
  /** Every report's problems, a shared dataset's once (DatasetProblems), in report order. */
  problems: Problem[];
  /** `data/demo (used by demo, demo-fr):` before the first problem of a dataset several reports read. */
  headers: Map<Problem, string>;
}

/** Every report through reportFigures; reports on one dataset with the same settings share one computation. */
export async function reportsFigures(root: string, reports: readonly ReportSource[], options: PipelineOptions = {}): Promise<PipelineResult> {
  const shared = new DatasetProblems();
  const runs = new Map<string, Promise<Computed>>();
  const results: ReportFigures[] = [];
  const problems: Problem[] = [];
  for (const report of reports) {
    const handed = options.computed?.get(report.id);
    // Handed-over figures only for the same text: a report edited since is computed afresh.
    const result = handed && handed.report.text === report.text ? handed : await reportFigures(root, report, options, runs);
    results.push(result);
    problems.push(...shared.add(report.id, join('data', report.settings?.dataset ?? ''), result.problems));
  }
  return { results, problems, headers: shared.headers(problems) };
}

interface Computed {
  figures?: Figures;
  problems: Problem[];
  reused: boolean;
  fallback?: string;
}

/**
 * One report: its dataset's figures and its problems, paths relative to `root`.
 * `runs` (by dataset and settings) lets reports that share a dataset share its computation.
 */
export async function reportFigures(
  root: string,
  report: ReportSource,
  options: PipelineOptions = {},
  runs = new Map<string, Promise<Computed>>(),
): Promise<ReportFigures> {
  const s = report.settings;
  if (!s) throw new Error(`reportFigures: ${report.file} has no valid settings (readReports reported why).`);
  const dir = resolve(root, 'data', s.dataset);
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
    const problem: Problem = {
      file: report.file,
      line: lineOf(report.text, 'dataset:'),
      column: 'dataset',
      value: s.dataset,
      message: 'names no folder under data/.',
      hint: `Create data/${s.dataset}/ (npx gapreport new ${s.dataset}) or fix the name.`,
    };
    return { report, problems: [problem], reused: false };
  }
  const settings = figuresSettings(s);
  const key = JSON.stringify([s.dataset, settings]);
  const first = !runs.has(key);
  if (first) runs.set(key, countedCompute(root, dir, settings, options.progress));
  const computed = await runs.get(key)!;
  const reused = computed.reused || !first;
  const problems = computed.problems.map((p) => placed(root, dir, report, p));
  if (!computed.figures) return { report, problems, reused, fallback: computed.fallback };
  // Claims are checked even when check asks for no lint: a claim the data contradict is one of its gates.
  // A per: template renders on entity pages: its ids must resolve against an entity's figures (entities.ts).
  const lint = lintMdx(report.file, report.text, lintFigures(computed.figures));
  return {
    report,
    figures: computed.figures,
    problems: options.lint === false ? [] : lint.problems,
    // A per: template's claims are checked on every page it renders, not only on the entity it is linted with.
    findings: computed.figures.entities
      ? [...claimsOnPages(report.file, report.text, templatePages(computed.figures)), ...lint.findings.filter((f) => f.column !== CLAIM_COLUMN)]
      : lint.findings,
    reused,
    fallback: computed.fallback,
  };
}

/** A problem of the dataset's files or of the report's settings, placed in the project. */
function placed(root: string, dir: string, report: ReportSource, p: Problem): Problem {
  if (p.file === REPORT_SETTINGS) return { ...p, file: report.file, line: p.column ? lineOf(report.text, `${p.column}:`) : undefined };
  // resolve, not join: a mapped export (files: ../exports/x.csv) or an absolute path lands where it is.
  return { ...p, file: relative(root, resolve(dir, p.file)) };
}

async function countedCompute(root: string, dir: string, settings: ReturnType<typeof figuresSettings>, progress?: ProgressEffects): Promise<Computed> {
  counter().count++;
  const { figures, problems, reused, fallback } = await computeFigures(root, dir, settings, { progress });
  return { figures, problems, reused, fallback };
}

/**
 * How many times this process asked computeFigures for a dataset's figures (cache hits
 * included) — one per dataset and settings per build is the promise test/site/build.test.ts holds.
 * On globalThis: the CLI and the Astro loader (Vite SSR) are separate module instances in one process.
 */
export function figuresComputations(): number {
  return counter().count;
}

function counter(): { count: number } {
  const g = globalThis as { __gapreportComputations?: { count: number } };
  g.__gapreportComputations ??= { count: 0 };
  return g.__gapreportComputations;
}

/** The 1-based line of the frontmatter key (`min_base:`), for a problem in the report's settings. */
function lineOf(text: string, needle: string): number | undefined {
  const i = text.split('\n').findIndex((l) => l.startsWith(needle));
  return i >= 0 ? i + 1 : undefined;
}
