import { KpiSchema, ChangeSchema, QUADRANTS, type Figures } from '../schemas/figures';
import { figureType, resolveMetric, type FigureType } from './metric-id';
import { entryName, formatFigureId, parseFigureId } from './figure-id';

/**
 * The condition language of <When test="…">, checked by the MDX lint at file:line and
 * evaluated at build time. A condition is one test on one figure:
 *
 *   kpis.first-contact-fix.status is missed      a word figure is (or `is not`) a value
 *   changes.nps.score.significant                a yes/no figure is true (`not …`: false)
 *   servqual.dimensions.reliability.gap < −1     a number figure against a number: < <= > >= = (≤ ≥ too)
 *   segments.channel.email.nps.score is lowest   a number figure is the lowest (highest) of its siblings:
 *                                                the same figure of every other entry beside it (rankOf)
 *   segments.region.Islands.nps.score is suppressed   the figure is withheld (under min_base, or by
 *                                                complementary suppression; `is withheld` too)
 *   nps.score is published                       the page has a value for it (`is available` too);
 *                                                `is not suppressed` / `is not published` negate them
 *
 * No `and`/`or`: nest two <When> blocks.
 *
 * Three values, not two. A test on a figure that is suppressed or not measured is neither true
 * nor false but unavailable (judgeCondition), and `not` / `is not` do not turn unavailable into
 * true. <When> shows its otherwise branch for false and unavailable alike, so the branch a
 * reader sees depends only on whether the figure is published — which the page says anyway —
 * never on the withheld value: a suppressed figure's value is not even in the figures
 * (`{ suppressed: true, n }`), so no condition can read it, and every withheld value, above or
 * below any threshold, picks the same branch. The availability tests (`is suppressed`,
 * `is published`) are always true or false: they let a page say why a figure is missing
 * instead of letting an otherwise branch read as if the comparison were false. `is lowest` /
 * `is highest` rank among the published siblings only (a withheld sibling takes no part),
 * so they too read no withheld value.
 */
export type Op = '<' | '<=' | '>' | '>=' | '=';
export type Condition =
  | { kind: 'is'; id: string; negated: boolean; word: string }
  | { kind: 'flag'; id: string; negated: boolean }
  | { kind: 'compare'; id: string; op: Op; number: number }
  | { kind: 'rank'; id: string; pick: 'lowest' | 'highest' }
  | { kind: 'state'; id: string; negated: boolean; state: 'suppressed' | 'published' };

/** Why a figure has no value on this page: withheld (with its base), or not measured (with the reason). */
export type Unavailable = { kind: 'suppressed'; n: number; secondary?: true } | { kind: 'not measured'; reason: string };
/** A condition's value on a page: true, false, or unavailable because its figure is (judgeCondition). */
export type Truth = { truth: true } | { truth: false } | { truth: 'unavailable'; figure: Unavailable };

export type Parsed = { ok: true; condition: Condition } | { ok: false; message: string };

const EXAMPLES =
  'Write a figure id and a test, e.g. "kpis.first-contact-fix.status is missed", "changes.nps.score.significant", "benchmarks.nps.percentile < 25", "nps.score is published"';
const STATES: Record<string, 'suppressed' | 'published'> = { suppressed: 'suppressed', withheld: 'suppressed', published: 'published', available: 'published' };
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
  const state = /^is(\s+not)?\s+(suppressed|withheld|published|available)$/.exec(rest);
  if (state) return { ok: true, condition: { kind: 'state', id, negated: state[1] !== undefined, state: STATES[state[2]] } };
  const is = /^is(\s+not)?\s+(\S.*)$/.exec(rest);
  if (is) return { ok: true, condition: { kind: 'is', id, negated: is[1] !== undefined, word: is[2].trim() } };
  const cmp = /^(<=|>=|<|>|=|≤|≥)\s*([−-]?\d+(?:\.\d+)?)$/.exec(rest);
  if (cmp) return { ok: true, condition: { kind: 'compare', id, op: OPS[cmp[1]], number: Number(cmp[2].replace('−', '-')) } };
  if (/^(<=|>=|<|>|=|≤|≥)/.test(rest)) return fail(`"${rest}" does not compare with a number`);
  return fail(`"${rest}" is not a test (use "is", "is not", <, <=, >, >= or =, "is suppressed" or "is published")`);
}

/** The values a word figure can take, where the schema says (a KPI's status, a change's direction, a driver's quadrant). */
function wordsOf(key: string, path: readonly string[]): readonly string[] | undefined {
  if (key === 'status' && path[0] === 'kpis') return KpiSchema.shape.status.options;
  if (key === 'direction' && path[0] === 'changes') return ChangeSchema.shape.direction.options;
  if (key === 'quadrant') return QUADRANTS;
  return undefined;
}

const TYPE_WORDS: Record<FigureType, string> = { number: 'a number', 'yes/no': 'yes/no', word: 'a word' };

/**
 * Why a parsed condition cannot be checked against these figures (an unknown id, a type
 * mismatch), else undefined. The type comes from the figures schema when the figure is
 * suppressed or not measured on this page, so a page that withholds it still fails a bad test.
 */
export function checkCondition(figures: Figures, c: Condition): { message: string; hint?: string } | undefined {
  const r = resolveMetric(figures, c.id);
  if (r.kind === 'unknown') return { message: `names no figure: ${r.message}.`, ...(r.suggestion ? { hint: `Did you mean "${r.suggestion}"?` } : {}) };
  // Whether a figure is published can be asked of any figure.
  if (c.kind === 'state') return undefined;
  const kind = figureType(figures, c.id);
  if (kind === undefined) return undefined;
  const type = TYPE_WORDS[kind];
  if (c.kind === 'flag' && kind !== 'yes/no') return { message: `${c.id} is ${type}, not yes/no: test it with ${kind === 'number' ? '<, >, =' : '"is"'}.` };
  if ((c.kind === 'compare' || c.kind === 'rank') && kind !== 'number')
    return { message: `${c.id} is ${type}, not a number: ${kind === 'yes/no' ? 'write the id alone (or "not" before it)' : 'test it with "is"'}.` };
  if (c.kind === 'rank' && r.kind === 'value' && (rankOf(figures, c.id)?.siblings.length ?? 0) < 2)
    return {
      message: `${c.id} has nothing beside it to be the ${c.pick} of: "is ${c.pick}" ranks a figure among the same figure of other segments, dimensions or KPIs.`,
    };
  if (c.kind === 'is') {
    if (kind !== 'word')
      return { message: `${c.id} is ${type}, not a word: ${kind === 'yes/no' ? 'write the id alone (or "not" before it)' : 'compare it with <, >, ='}.` };
    const parsed = parseFigureId(c.id);
    const names = parsed.ok ? parsed.steps.map((step) => step.name) : [];
    const allowed = wordsOf(names[names.length - 1] ?? '', names);
    if (allowed && !allowed.includes(c.word)) return { message: `${c.id} is never "${c.word}": it is one of ${allowed.join(', ')}.` };
  }
  return undefined;
}

/**
 * The condition's value on this page: true or false by the figure, or unavailable when the
 * figure is suppressed or not measured (an availability test is never unavailable). Assumes
 * checkCondition passed.
 */
export function judgeCondition(figures: Figures, c: Condition): Truth {
  const r = resolveMetric(figures, c.id);
  const is = (truth: boolean): Truth => (truth ? { truth: true } : { truth: false });
  if (c.kind === 'state') return is((c.state === 'suppressed' ? r.kind === 'suppressed' : r.kind === 'value') !== c.negated);
  if (r.kind === 'suppressed') return { truth: 'unavailable', figure: { kind: 'suppressed', n: r.n, ...(r.secondary ? { secondary: true as const } : {}) } };
  if (r.kind !== 'value') return { truth: 'unavailable', figure: { kind: 'not measured', reason: r.kind === 'not measured' ? r.reason : r.message } };
  const v = r.value;
  if (c.kind === 'flag') return is((v === true) !== c.negated);
  if (c.kind === 'is') return is((v === c.word) !== c.negated);
  if (typeof v !== 'number') return is(false);
  if (c.kind === 'rank') return is(rankOf(figures, c.id, c.pick)?.first.id === c.id);
  switch (c.op) {
    case '<':
      return is(v < c.number);
    case '<=':
      return is(v <= c.number);
    case '>':
      return is(v > c.number);
    case '>=':
      return is(v >= c.number);
    case '=':
      return is(v === c.number);
  }
}

/** Whether the condition holds: false when it does not, and when it is unavailable (its figure suppressed or not measured). */
export function evaluateCondition(figures: Figures, c: Condition): boolean {
  return judgeCondition(figures, c).truth === true;
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

/**
 * Parses, checks and evaluates: the build's one call. A failing condition is a message for
 * the build error; `unavailable` says why a condition that does not hold could not be judged.
 */
export function testCondition(figures: Figures, source: string): { ok: true; holds: boolean; unavailable?: Unavailable } | { ok: false; message: string } {
  const p = parseCondition(source);
  if (!p.ok) return p;
  const problem = checkCondition(figures, p.condition);
  if (problem) return { ok: false, message: `"${source}" ${problem.message}` };
  const t = judgeCondition(figures, p.condition);
  return t.truth === 'unavailable' ? { ok: true, holds: false, unavailable: t.figure } : { ok: true, holds: t.truth };
}
