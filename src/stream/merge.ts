/**
 * Merges the results of consecutive byte ranges into what one pass over the whole file
 * would have produced: lines shifted by the lines before each range, problems in file
 * order and capped per file, respondent ids checked across ranges.
 */
import { mergeAccs } from '../analysis/accumulate';
import { KpiGroups } from '../analysis/kpi-acc';
import { mergeTally, type SegmentTallyData } from '../data/segments';
import { duplicateProblem } from '../data/table';
import { MAX_PROBLEMS_PER_FILE, type Problem } from '../schemas/problem';
import { IdTable } from './id-table';
import type { RangeResult } from './range';
import { mergeFold, type SurveyFoldResult } from './survey-fold';

/** The lines before each range. */
export function lineOffsets(results: RangeResult[]): number[] {
  const offsets = [0];
  for (let i = 1; i < results.length; i++) offsets.push(offsets[i - 1] + results[i - 1].lines);
  return offsets;
}

const shift = (p: Problem, by: number): Problem => (p.line === undefined || by === 0 ? p : { ...p, line: p.line + by });

/**
 * Problems of all ranges in line order (a cross-range duplicate first on its line, where
 * the one-pass check reports it), the first MAX_PROBLEMS_PER_FILE kept and the rest
 * counted in a closing `omitted` entry (capPerFile words it). Each range kept its own
 * first MAX, and ranges are in file order, so the first MAX overall are among those kept.
 */
export function mergeProblems(file: string, results: RangeResult[], offsets: number[], extra: Problem[] = []): Problem[] {
  const extras = [...extra].sort((a, b) => a.line! - b.line!);
  const all: Problem[] = [];
  let e = 0;
  for (const [i, r] of results.entries()) {
    for (const raw of r.problems) {
      const p = shift(raw, offsets[i]);
      while (e < extras.length && p.line !== undefined && extras[e].line! <= p.line) all.push(extras[e++]);
      all.push(p);
    }
  }
  all.push(...extras.slice(e));
  const omitted = results.reduce((n, r) => n + r.omitted, 0) + Math.max(0, all.length - MAX_PROBLEMS_PER_FILE);
  const kept = all.slice(0, MAX_PROBLEMS_PER_FILE);
  return omitted > 0 ? [...kept, { file, omitted, message: '' }] : kept;
}

/** Problems found once the whole file is read (after every line's own), appended as one pass would: within the cap, the rest counted. */
export function appendProblems(problems: Problem[], file: string, more: Omit<Problem, 'file'>[]): Problem[] {
  if (more.length === 0) return problems;
  const last = problems.at(-1);
  if (last?.omitted !== undefined) return [...problems.slice(0, -1), { ...last, omitted: last.omitted + more.length }];
  const all = [...problems, ...more.map((p) => ({ file, ...p }))];
  return all.length > MAX_PROBLEMS_PER_FILE
    ? [...all.slice(0, MAX_PROBLEMS_PER_FILE), { file, omitted: all.length - MAX_PROBLEMS_PER_FILE, message: '' }]
    : all;
}

export interface MergedSurvey {
  fold: SurveyFoldResult;
  /** The segment values and answered rows of the whole file (undefined when no range got past the header). */
  segments?: SegmentTallyData;
  /** Duplicates whose first occurrence is in an earlier range: (line, first line, range, line within the range). */
  crossDuplicates: { line: number; first: number; range: number; local: number }[];
}

/**
 * Folds the ranges' survey accumulators together in file order and checks ids across
 * ranges. A duplicate reported within a later range names that range's first occurrence;
 * when an earlier range has the id, the problem is rewritten to name that line instead.
 */
export function mergeSurvey(results: RangeResult[], offsets: number[]): MergedSurvey {
  const surveys = results.map((r) => r.survey!);
  const fold = surveys[0];
  const table = new IdTable(surveys[0].ids.slots.length > 0 ? surveys[0].ids : undefined);
  const crossDuplicates: MergedSurvey['crossDuplicates'] = [];
  const segments = surveys[0].segments;
  for (let k = 1; k < surveys.length; k++) {
    const s = surveys[k];
    const own = new IdTable(s.ids.slots.length > 0 ? s.ids : undefined);
    for (const ref of s.refs) {
      // The message names absolute lines; the problem's own line is shifted in mergeProblems.
      const p = results[k].problems[ref.index];
      const first = table.get(ref.a, ref.b) ?? own.get(ref.a, ref.b)! + offsets[k];
      results[k].problems[ref.index] = { file: p.file, ...duplicateProblem(p.column!, p.value!, first, p.line! + offsets[k]), line: p.line };
    }
    table.addAll(own, offsets[k], (line, first, local) => crossDuplicates.push({ line, first, range: k, local }));
    mergeFold(fold, s, mergeAccs);
    if (segments && s.segments) mergeTally(segments, s.segments);
  }
  return { fold, crossDuplicates, segments };
}

/** The cross-range duplicate problems, once the ids on their lines have been read again. */
export function duplicateProblems(file: string, column: string, dups: MergedSurvey['crossDuplicates'], ids: Map<number, string>): Problem[] {
  return dups.map((d) => ({ file, ...duplicateProblem(column, ids.get(d.line) ?? '', d.first, d.line) }));
}

/** The KPI accumulators of all ranges, merged in file order (each rebuilt as classes, its lines shifted by the lines before it). */
export function mergeContacts(results: RangeResult[], thresholds: number[]): KpiGroups {
  const merged = new KpiGroups(thresholds);
  const offsets = lineOffsets(results);
  results.forEach((r, i) => merged.merge(KpiGroups.from(r.contacts!, thresholds, offsets[i])));
  return merged;
}
