/**
 * `keep:` — which rows of an export are respondents. Every rule must hold (all of); a row that
 * fails one is excluded before its cells are validated, and counted under the first rule it
 * fails, so validate and the methodology can say "690 rows read, 199 excluded by …".
 */
import type { Condition } from '../schemas/mapping';
import { stripBidiControls } from '../schemas/text';
import type { Columns } from './columns';
import type { ProblemSink } from './problems';
import type { KeepRule } from './tool-presets';

/** Rows excluded per rule, in `keep:` order (preset rules first), with the rule as the methodology names it. */
export interface Exclusion {
  rule: string;
  rows: number;
}

/** How a rule's excluded rows read in messages and the methodology: its label ("unfinished"), or "failing <the rule>" (`failing Finished = 1`). */
export function describeCondition(c: Condition): string {
  return c.label ?? `failing ${ruleText(c)}`;
}

/** The rule itself: `Finished = 1`, `Status not in (Spam, Survey Preview)`, `Age ≥ 18`. */
export function ruleText(c: Condition): string {
  const list = (v: readonly unknown[]) => v.map(String).join(', ');
  if (c.equals !== undefined) return `${c.column} = ${c.equals}`;
  if (c.not_equals !== undefined) return `${c.column} ≠ ${c.not_equals}`;
  if (c.in) return `${c.column} in (${list(c.in)})`;
  if (c.not_in) return `${c.column} not in (${list(c.not_in)})`;
  if (c.above !== undefined) return `${c.column} > ${c.above}`;
  if (c.below !== undefined) return `${c.column} < ${c.below}`;
  if (c.at_least !== undefined) return `${c.column} ≥ ${c.at_least}`;
  if (c.at_most !== undefined) return `${c.column} ≤ ${c.at_most}`;
  return c.empty ? `${c.column} empty` : `${c.column} not empty`;
}

const norm = (v: unknown) => String(v).trim().toLowerCase();
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const numberOf = (s: string): number | undefined => (NUMBER.test(s) ? Number(s) : undefined);

/** Whether a cell equals a rule's value: as text (trimmed, case-insensitive), or as numbers ("1.0" = 1). */
function same(cell: string, value: unknown): boolean {
  if (norm(cell) === norm(value)) return true;
  const a = numberOf(cell.trim());
  const b = typeof value === 'number' ? value : numberOf(String(value).trim());
  return a !== undefined && b !== undefined && a === b;
}

/** The test a condition makes of a cell (already trimmed; `empty`: missing by missing:). */
export function holds(c: Condition, cell: string, empty: boolean): boolean {
  if (c.empty) return empty;
  if (c.not_empty) return !empty;
  if (c.equals !== undefined) return same(cell, c.equals);
  if (c.not_equals !== undefined) return !same(cell, c.not_equals);
  if (c.in) return c.in.some((v) => same(cell, v));
  if (c.not_in) return !c.not_in.some((v) => same(cell, v));
  // A comparison holds only for a number: a text or empty cell is not "at least 18".
  const n = numberOf(cell);
  if (n === undefined) return false;
  if (c.above !== undefined) return n > c.above;
  if (c.below !== undefined) return n < c.below;
  if (c.at_least !== undefined) return n >= c.at_least;
  return c.at_most !== undefined && n <= c.at_most;
}

/** The rules as resolved at a file's header: each with its column index, or dropped (a preset rule whose column the export lacks). */
export class RowFilter {
  private readonly active: { rule: KeepRule; index: number }[] = [];
  /** Rows excluded per active rule. */
  private readonly counts: number[] = [];

  constructor(rules: KeepRule[], columns: Columns, sink: ProblemSink, private readonly isMissing: (raw: string) => boolean) {
    for (const rule of rules) {
      const index = columns.indexOf(rule.condition.column) ?? mappedIndex(columns, rule.condition.column);
      if (index === undefined) {
        if (!rule.fromPreset) sink.add({ line: 1, message: `keep: tests column "${rule.condition.column}" (questionnaire.yaml line ${rule.line ?? '?'}), but the header has no such column.`, hint: columns.suggestion(rule.condition.column) });
        continue;
      }
      this.active.push({ rule, index });
      this.counts.push(0);
    }
  }

  get empty(): boolean {
    return this.active.length === 0;
  }

  /** Whether a record is kept; an excluded one is counted under the first rule it fails. */
  keeps(fields: string[]): boolean {
    for (let i = 0; i < this.active.length; i++) {
      const cell = stripBidiControls(fields[this.active[i].index] ?? '').trim();
      if (!holds(this.active[i].rule.condition, cell, this.isMissing(cell))) {
        this.counts[i]++;
        return false;
      }
    }
    return true;
  }

  /** Rows excluded per rule (rules that excluded none included: the methodology states every rule applied). */
  exclusions(): Exclusion[] {
    return this.active.map((a, i) => ({ rule: describeCondition(a.rule.condition), rows: this.counts[i] }));
  }
}

/** A contract name a rule names, through the mapping (columns:, by_text:, by_position:). */
function mappedIndex(columns: Columns, name: string): number | undefined {
  const source = columns.peek(name);
  return source?.kind === 'header' ? source.index : undefined;
}

/** Sums the exclusions of several parts of one file (stream ranges), rule by rule. */
export function mergeExclusions(parts: (Exclusion[] | undefined)[]): Exclusion[] | undefined {
  let total: Exclusion[] | undefined;
  for (const part of parts) {
    if (!part) continue;
    if (!total) total = part.map((e) => ({ ...e }));
    else part.forEach((e, i) => (total![i].rows += e.rows));
  }
  return total;
}

/** "46 rows read; 7 excluded by keep: 3 unfinished (Finished is not 1), 4 failing Status ≠ Spam; 39 kept" — validate's line. */
export function exclusionSentence(read: number, exclusions: Exclusion[]): string {
  const excluded = exclusions.reduce((s, e) => s + e.rows, 0);
  const count = (n: number) => n.toLocaleString('en-US');
  const rows = `${count(read)} row${read === 1 ? '' : 's'} read`;
  if (excluded === 0) return `${rows}; none excluded by keep: (${exclusions.map((e) => e.rule).join('; ')})`;
  const by = exclusions.filter((e) => e.rows > 0).map((e) => `${count(e.rows)} ${e.rule}`);
  return `${rows}; ${count(excluded)} excluded by keep: ${by.join(', ')}; ${count(read - excluded)} kept`;
}
