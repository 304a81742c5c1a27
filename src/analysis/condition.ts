import { KpiSchema, ChangeSchema, QUADRANTS, type Figures } from '../schemas/figures';
import { resolveMetric } from './metric-id';
import { entryName, formatFigureId } from './figure-id';

/**
 * The condition language of <When test="…">, checked by the MDX lint at file:line and
 * evaluated at build time. A condition is one test on one figure:
 *
 *   kpis.first-contact-fix.status is missed      a word figure is (or `is not`) a value
 *   changes.nps.score.significant                a yes/no figure is true (`not …`: false)
 *   servqual.dimensions.reliability.gap < −1     a number figure against a number: < <= > >= = (≤ ≥ too)
 *   segments.channel.email.nps.score is lowest   a number figure is the lowest (highest) of its siblings:
 *                                                the same figure of every other entry beside it (rankOf)
 *
 * No `and`/`or`: nest two <When> blocks. A figure that is suppressed or not measured makes
 * the condition false (the otherwise branch shows), since nothing can be claimed about it.
 */
export type Op = '<' | '<=' | '>' | '>=' | '=';
export type Condition =
  | { kind: 'is'; id: string; negated: boolean; word: string }
  | { kind: 'flag'; id: string; negated: boolean }
  | { kind: 'compare'; id: string; op: Op; number: number }
  | { kind: 'rank'; id: string; pick: 'lowest' | 'highest' };

export type Parsed = { ok: true; condition: Condition } | { ok: false; message: string };

const EXAMPLES =
  'Write a figure id and a test, e.g. "kpis.first-contact-fix.status is missed", "changes.nps.score.significant", "benchmarks.nps.percentile < 25"';
const OPS: Record<string, Op> = { '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=', '=': '=' };

/** The id at the start of `text`: up to whitespace or a comparison sign outside a ["quoted"] name. */
function splitId(text: string): [string, string] {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (/\s|[<>=≤≥]/.test(ch)) return [text.slice(0, i), text.slice(i).trim()];
  }
  return [text, ''];
}

export function parseCondition(source: string): Parsed {
  const fail = (why: string): Parsed => ({ ok: false, message: `"${source}" is not a condition: ${why}. ${EXAMPLES}.` });
  let text = source.trim();
  if (text === '') return fail('it is empty');
  let negated = false;
  if (/^not\s/.test(text)) {
    negated = true;
    text = text.slice(4).trim();
  }
  const [id, rest] = splitId(text);
  if (id === '') return fail('it does not start with a figure id');
  if (rest === '') return { ok: true, condition: { kind: 'flag', id, negated } };
  if (negated) return fail('"not" goes only before a yes/no figure');
  const rank = /^is\s+(lowest|highest)$/.exec(rest);
  if (rank) return { ok: true, condition: { kind: 'rank', id, pick: rank[1] as 'lowest' | 'highest' } };
  const is = /^is(\s+not)?\s+(\S.*)$/.exec(rest);
  if (is) return { ok: true, condition: { kind: 'is', id, negated: is[1] !== undefined, word: is[2].trim() } };
  const cmp = /^(<=|>=|<|>|=|≤|≥)\s*([−-]?\d+(?:\.\d+)?)$/.exec(rest);
  if (cmp) return { ok: true, condition: { kind: 'compare', id, op: OPS[cmp[1]], number: Number(cmp[2].replace('−', '-')) } };
  if (/^(<=|>=|<|>|=|≤|≥)/.test(rest)) return fail(`"${rest}" does not compare with a number`);
  return fail(`"${rest}" is not a test (use "is", "is not", <, <=, >, >= or =)`);
}

/** The values a word figure can take, where the schema says (a KPI's status, a change's direction, a driver's quadrant). */
function wordsOf(key: string, path: readonly string[]): readonly string[] | undefined {
  if (key === 'status' && path[0] === 'kpis') return KpiSchema.shape.status.options;
  if (key === 'direction' && path[0] === 'changes') return ChangeSchema.shape.direction.options;
  if (key === 'quadrant') return QUADRANTS;
  return undefined;
}

/** Why a parsed condition cannot be checked against these figures (an unknown id, a type mismatch), else undefined. */
export function checkCondition(figures: Figures, c: Condition): { message: string; hint?: string } | undefined {
  const r = resolveMetric(figures, c.id);
  if (r.kind === 'unknown') return { message: `names no figure: ${r.message}.`, ...(r.suggestion ? { hint: `Did you mean "${r.suggestion}"?` } : {}) };
  // A withheld or absent figure has no value to type-check; the condition is then false at build.
  if (r.kind !== 'value') return undefined;
  const type = typeof r.value === 'number' ? 'a number' : typeof r.value === 'boolean' ? 'yes/no' : 'a word';
  if (c.kind === 'flag' && typeof r.value !== 'boolean')
    return { message: `${c.id} is ${type}, not yes/no: test it with ${typeof r.value === 'number' ? '<, >, =' : '"is"'}.` };
  if ((c.kind === 'compare' || c.kind === 'rank') && typeof r.value !== 'number')
    return { message: `${c.id} is ${type}, not a number: ${typeof r.value === 'boolean' ? 'write the id alone (or "not" before it)' : 'test it with "is"'}.` };
  if (c.kind === 'rank' && (rankOf(figures, c.id)?.siblings.length ?? 0) < 2)
    return {
      message: `${c.id} has nothing beside it to be the ${c.pick} of: "is ${c.pick}" ranks a figure among the same figure of other segments, dimensions or KPIs.`,
    };
  if (c.kind === 'is') {
    if (typeof r.value !== 'string')
      return {
        message: `${c.id} is ${type}, not a word: ${typeof r.value === 'boolean' ? 'write the id alone (or "not" before it)' : 'compare it with <, >, ='}.`,
      };
    const allowed = wordsOf(r.key, r.path);
    if (allowed && !allowed.includes(c.word)) return { message: `${c.id} is never "${c.word}": it is one of ${allowed.join(', ')}.` };
  }
  return undefined;
}

/** Whether the condition holds; false when the figure is suppressed or not measured. Assumes checkCondition passed. */
export function evaluateCondition(figures: Figures, c: Condition): boolean {
  const r = resolveMetric(figures, c.id);
  if (r.kind !== 'value') return false;
  const v = r.value;
  if (c.kind === 'flag') return (v === true) !== c.negated;
  if (c.kind === 'is') return (v === c.word) !== c.negated;
  if (typeof v !== 'number') return false;
  if (c.kind === 'rank') return rankOf(figures, c.id, c.pick)?.first.id === c.id;
  switch (c.op) {
    case '<':
      return v < c.number;
    case '<=':
      return v <= c.number;
    case '>':
      return v > c.number;
    case '>=':
      return v >= c.number;
    case '=':
      return v === c.number;
  }
}

/** A figure beside its siblings: the same figure id with one entry (a segment value, a dimension, a KPI) swapped. */
export interface Sibling {
  id: string;
  /** The entry's name: `email`, `reliability`, `first-contact-fix`. */
  name: string;
  value: number;
}

/**
 * The ranking of a number figure among its siblings, for `is lowest` / `is highest`: the
 * deepest step of the id that picks one entry of a list (`kpis`, `changes`) or of a map whose
 * every value is an entry (`segments.channel`, `servqual.dimensions`) is swapped for each
 * other entry; siblings that are suppressed or not measured take no part. `first` is the
 * sibling the claim names when it holds: the lowest (or highest) value, the first of a tie.
 */
export function rankOf(figures: Figures, id: string, pick: 'lowest' | 'highest' = 'lowest'): { first: Sibling; siblings: Sibling[] } | undefined {
  const r = resolveMetric(figures, id);
  if (r.kind !== 'value' || typeof r.value !== 'number') return undefined;
  const containers: unknown[] = [];
  let node: unknown = figures;
  for (const name of r.path) {
    containers.push(node);
    node = Array.isArray(node)
      ? node.find((e) => entryName(e) === name)
      : node && typeof node === 'object'
        ? (node as Record<string, unknown>)[name]
        : undefined;
  }
  const isEntries = (c: unknown) =>
    Array.isArray(c) ||
    (!!c && typeof c === 'object' && Object.keys(c).length > 1 && Object.values(c).every((v) => !!v && typeof v === 'object' && !Array.isArray(v)));
  let step = -1;
  for (let i = r.path.length - 2; i >= 0 && step < 0; i--) if (isEntries(containers[i])) step = i;
  if (step < 0) return undefined;
  const container = containers[step];
  const names = Array.isArray(container) ? container.map(entryName).filter((n): n is string => n !== undefined) : Object.keys(container as object);
  const siblings: Sibling[] = [];
  for (const name of names) {
    const path = [...r.path];
    path[step] = name;
    const sid = name === r.path[step] ? id : formatFigureId(path);
    const s = resolveMetric(figures, sid);
    if (s.kind === 'value' && typeof s.value === 'number') siblings.push({ id: sid, name, value: s.value });
  }
  const sorted = [...siblings].sort((a, b) => (pick === 'lowest' ? a.value - b.value : b.value - a.value));
  return sorted.length > 0 ? { first: sorted[0], siblings } : undefined;
}

/** Parses, checks and evaluates: the build's one call. A failing condition is a message for the build error. */
export function testCondition(figures: Figures, source: string): { ok: true; holds: boolean } | { ok: false; message: string } {
  const p = parseCondition(source);
  if (!p.ok) return p;
  const problem = checkCondition(figures, p.condition);
  if (problem) return { ok: false, message: `"${source}" ${problem.message}` };
  return { ok: true, holds: evaluateCondition(figures, p.condition) };
}
