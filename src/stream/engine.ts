/**
 * The streaming engine for the two files that may be big (responses.csv, contacts.csv):
 * one pass, in byte ranges parsed by worker threads (one per core), folded into
 * mergeable accumulators and merged here. Memory stays flat: no file is held as text or
 * as row objects; only the respondent-id check grows, by ≤ 24 bytes a row (id-table.ts).
 *
 * Split points: the first line break after each 1/n of the file. When the file has a
 * line break inside a quoted value right there, the range before it ends inside an open
 * quote (the parser saw it from a true record boundary); the file is then read again in
 * one range. So is a file whose ids are row numbers (`respondent_id: "#row"`), which a
 * range cannot number alone.
 */
import { availableParallelism } from 'node:os';
import { open, stat } from 'node:fs/promises';
import { surveyAccs, type SurveyAccs } from '../analysis/accumulate';
import type { SurveyLayout } from '../analysis/layout';
import { ROW_NUMBER } from '../data/columns';
import type { TableContext } from '../data/table';
import type { Operation } from '../schemas/dataset';
import type { Problem } from '../schemas/problem';
import type { Item, Questionnaire } from '../schemas/questionnaire';
import { encodingProblem, signatureProblem } from './decode';
import { HEADER_ONLY } from '../data/csv';
import { segmentProblems } from '../data/segments';
import { mergeExclusions, type Exclusion } from '../data/row-filter';
import { appendProblems, duplicateProblems, lineOffsets, mergeContacts, mergeProblems, mergeSurvey } from './merge';
import { runRanges } from './pool';
import type { RangeResult, RangeTask } from './range';
import { planRanges } from './split';
import { foldLayout, settleOutcome } from './survey-fold';

export interface StreamOptions {
  /** Worker threads (default true); false reads the ranges in this thread. */
  threads?: boolean;
  /** Ranges to cut the file into (default: one per core available). */
  parts?: number;
  /** Smallest range worth a thread (default 4 MiB): smaller files are read in one range. */
  minBytesPerPart?: number;
  /** Forced split points in bytes (tests). */
  cuts?: number[];
  /** Bytes and rows read so far, for progress. */
  onBytes?: (bytes: number, rows: number) => void;
}

type Base = Omit<RangeTask, 'path' | 'start' | 'end' | 'first' | 'header' | 'delimiter'>;

/** Plans, runs and checks the ranges; falls back to one range when a split was not a record boundary. */
async function runFile(path: string, base: Base, options: StreamOptions, single: boolean): Promise<{ results: RangeResult[]; tasks: RangeTask[] }> {
  const size = (await stat(path)).size;
  const head = Buffer.alloc(Math.min(4, size));
  const fh = await open(path, 'r');
  await fh.read(head, 0, head.length, 0).finally(() => fh.close());
  const signature = signatureProblem(head);
  if (signature) return { results: [unreadable(base.ctx.file, signature)], tasks: [] };
  const parts = single ? 1 : (options.parts ?? Math.max(1, availableParallelism()));
  const plan = await planRanges(path, size, parts, options.minBytesPerPart ?? 4 * 1024 * 1024, single ? undefined : options.cuts);
  const tasks = (ranges: [number, number][]): RangeTask[] =>
    ranges.map(([start, end], i) => ({ ...base, path, start, end, first: i === 0, size, header: plan.header, delimiter: plan.delimiter }));
  const threads = options.threads ?? true;
  const planned = tasks(plan.ranges);
  const results = await runRanges(planned, { threads, onBytes: options.onBytes });
  const agreed = JSON.stringify(results[0].headerNames) === JSON.stringify(plan.header?.names);
  const fatal = firstFatal(results);
  if (fatal !== undefined) return { results: [unreadable(base.ctx.file, await encodingProblem(path, fatal))], tasks: planned };
  if (results.length === 1 || (agreed && results.slice(0, -1).every((r) => r.clean))) return { results, tasks: planned };
  const whole = tasks([[plan.bom, size]]);
  return { results: await runRanges(whole, { threads, onBytes: options.onBytes }), tasks: whole };
}

/** NUL anywhere first, as decodeText checks; then the first byte that is not UTF-8. */
function firstFatal(results: RangeResult[]): number | undefined {
  const nul = results.find((r) => r.fatal?.nul !== undefined)?.fatal?.nul;
  return nul ?? results.find((r) => r.fatal?.invalid !== undefined)?.fatal?.invalid;
}

/** CsvRecords.finish's header-only problem, over the whole file: the first range had no data record, nor had the others. */
const headerOnly = (results: RangeResult[]) => (results[0].headerOnly && results.every((r) => !r.records) ? [HEADER_ONLY] : []);

const unreadable = (file: string, problem: Omit<Problem, 'file'>): RangeResult => ({
  problems: [{ file, ...problem }],
  omitted: 0,
  rows: 0,
  lines: 0,
  clean: true,
  unreadable: true,
});

export interface StreamedResponses {
  problems: Problem[];
  rows: number;
  /** Rows keep: excluded, per rule (summed over the ranges). */
  excluded?: Exclusion[];
  unreadable?: boolean;
  latest?: string;
  layout: SurveyLayout;
  accs: SurveyAccs;
}

export async function streamResponses(
  path: string,
  ctx: TableContext,
  q: Questionnaire,
  items: Item[],
  options: StreamOptions = {},
): Promise<StreamedResponses> {
  const base: Base = { kind: 'responses', ctx, questionnaire: q, items };
  const rowIds =
    q.columns?.respondent_id?.trim() === ROW_NUMBER || (q.columns?.respondent_id === undefined && ctx.mapping?.defaults?.respondent_id === ROW_NUMBER);
  const { results, tasks } = await runFile(path, base, options, rowIds);
  if (results[0].unreadable) return { problems: results[0].problems, rows: 0, unreadable: true, layout: foldLayout(items, q), accs: surveyAccs() };
  const offsets = lineOffsets(results);
  const { fold, crossDuplicates, segments } = mergeSurvey(results, offsets);
  let extra: Problem[] = [];
  if (crossDuplicates.length > 0) {
    // Error path: read the ranges holding them again, for the ids to name.
    const ids = new Map<number, string>();
    for (const k of new Set(crossDuplicates.map((d) => d.range))) {
      const idLines = crossDuplicates.filter((d) => d.range === k).map((d) => d.local);
      const [again] = await runRanges([{ ...tasks[k], idLines }], { threads: false });
      for (const [local, id] of again.idsAt ?? []) ids.set(local + offsets[k], id);
    }
    extra = duplicateProblems(ctx.file, results[0].survey?.idColumn ?? 'respondent_id', crossDuplicates, ids);
  }
  const layout = settleOutcome(fold, foldLayout(items, q), q);
  const rows = results.reduce((n, r) => n + r.rows, 0);
  const problems = appendProblems(mergeProblems(ctx.file, results, offsets, extra), ctx.file, [
    ...headerOnly(results),
    ...(segments ? segmentProblems(segments) : []),
  ]);
  return { problems, rows, excluded: mergeExclusions(results.map((r) => r.excluded)), latest: fold.latest, layout, accs: fold.accs };
}

export interface StreamedContacts {
  problems: Problem[];
  rows: number;
  unreadable?: boolean;
  operations: Operation[];
  latest?: string;
}

export async function streamContacts(path: string, ctx: TableContext, thresholds: number[], options: StreamOptions = {}): Promise<StreamedContacts> {
  const { results } = await runFile(path, { kind: 'contacts', ctx, thresholds }, options, false);
  if (results[0].unreadable) return { problems: results[0].problems, rows: 0, unreadable: true, operations: [] };
  const groups = mergeContacts(results, thresholds);
  const rows = results.reduce((n, r) => n + r.rows, 0);
  return {
    problems: appendProblems(mergeProblems(ctx.file, results, lineOffsets(results)), ctx.file, headerOnly(results)),
    rows,
    operations: groups.operations(),
    latest: groups.latest,
  };
}
