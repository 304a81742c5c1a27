/**
 * recode:, scales:, reverse: and binary: resolved against the questionnaire's own columns,
 * once, when questionnaire.yaml is read — so that nothing written there is silently ignored.
 * Every key may name a contract column (`overall`, `p_wifi`, a segment) or the export's header
 * that `columns:` maps to one (`satisfaction`), or be a glob over both (`p_*`, `qual_?`); a name
 * or glob that matches no column is a problem on its line, with the nearest valid name.
 * The result (ColumnPlan) is plain data keyed by contract column, so it crosses to the
 * streaming engine's workers; src/data/cells.ts applies it.
 */
import { DIMENSIONS, type Item, type Questionnaire } from '../schemas/questionnaire';
import type { Range } from '../schemas/scales';
import { BINARY_COLUMNS } from '../schemas/scales';
import { closest } from '../schemas/did-you-mean';

/** The fixed scales of the headline columns (SPEC §2.2); items and overall use `scale:`. */
export const CONTRACT_SCALES: Record<'nps' | 'csat' | 'ces', Range> = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } };

/** How one contract column's answers are read beyond its contract rule. */
export interface ColumnScale {
  /** The scale the cells are written on (range-checked there). */
  from: Range;
  /** x ↦ from.min + from.max − x, before any rescale. */
  reverse: boolean;
  /** Linear rescale onto this range, declared by the analyst. */
  to?: Range;
  /** The scales: table it came from (for the methodology). */
  table?: string;
  /** Whole numbers only (a binary column's 0/1), whatever the contract rule says. */
  integer?: boolean;
}

export interface ColumnPlan {
  /** Contract column → lower-case trimmed label → number: recode: by contract or header, then the scales: labels (recode wins). */
  recode: Record<string, Record<string, number>>;
  /** Contract column → its own scale, reverse coding and rescale, when any is declared. */
  scales: Record<string, ColumnScale>;
  /** Segment → lower-case trimmed value → the value it becomes (recode: on a segment). */
  segments: Record<string, Record<string, string>>;
  /** Columns published as a share of 1s (binary:). */
  binary: string[];
}

export type Report = (path: (string | number)[], message: string, hint?: string) => void;

/** The contract columns a survey file may hold, numeric ones first (in the order messages list them). */
function contractColumns(q: Questionnaire, items: readonly Item[]): { numeric: string[]; segments: string[] } {
  const numeric = ['overall', 'nps', 'csat', 'ces', ...items.flatMap((i) => [`p_${i.id}`, `e_${i.id}`, `m_${i.id}`]), ...DIMENSIONS.map((d) => `w_${d}`)];
  return { numeric, segments: q.segments };
}

/** `*` any run of characters, `?` one; compared case-insensitively. */
export function globRegExp(glob: string): RegExp {
  const body = glob
    .trim()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

/** The contract columns a name or glob stands for: contract names first, then the headers columns: maps to them. */
export function matchColumns(pattern: string, contracts: readonly string[], headers: ReadonlyMap<string, string>): string[] {
  const re = globRegExp(pattern);
  const found = new Set(contracts.filter((c) => re.test(c)));
  for (const [header, contract] of headers) if (re.test(header) && contracts.includes(contract)) found.add(contract);
  return [...found];
}

/** The hint for a name that matches nothing: the nearest valid one, else the kinds of names allowed. */
function nearestHint(word: string, candidates: readonly string[], what: string): string {
  const near = closest(word.replace(/[*?]/g, ''), candidates);
  return near ? `Did you mean "${near}"?` : `${what} Valid names here: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}.`;
}

const KINDS = 'Name a contract column (overall, nps, p_<item>, a segment, …), the export header columns: maps to one, or a glob such as p_*.';

const rangeText = (r: Range) => `${r.min}–${r.max}`;

/** The scale a contract column is written on when nothing is declared. */
function defaultScale(q: Questionnaire, contract: string): Range {
  if (contract === 'nps' || contract === 'csat' || contract === 'ces') return CONTRACT_SCALES[contract];
  if (contract.startsWith('w_')) return { min: 0, max: 100 };
  return q.scale;
}

/**
 * Resolves recode:, scales:, reverse: and binary: (see the file comment). `report` receives
 * the YAML path of each problem, for its line.
 */
export function resolvePlan(q: Questionnaire, items: readonly Item[], report: Report): ColumnPlan {
  const { numeric, segments } = contractColumns(q, items);
  const all = [...numeric, ...segments];
  // Header → contract, from columns: (headers compared as the file matches them: trimmed, any case).
  const headers = new Map<string, string>();
  for (const [contract, header] of Object.entries(q.columns)) if (all.includes(contract)) headers.set(header.trim(), contract);
  const names = [...all, ...headers.keys()];
  const plan: ColumnPlan = { recode: {}, scales: {}, segments: {}, binary: [] };

  for (const [key, labels] of Object.entries(q.recode)) {
    const targets = matchColumns(key, all, headers);
    if (targets.length === 0) {
      report(['recode', key], `setting "recode": "${key}" is not a column of this questionnaire, so its labels would be ignored.`, nearestHint(key, names, KINDS));
      continue;
    }
    for (const target of targets) {
      if (segments.includes(target)) {
        plan.segments[target] = { ...plan.segments[target], ...lowerKeys(labels, (v) => String(v).trim()) };
        continue;
      }
      const text = Object.entries(labels).find(([, v]) => typeof v === 'string');
      if (text) {
        report(['recode', key, text[0]], `setting "recode.${key}": "${text[0]}" becomes the text "${text[1]}", but ${target} holds numbers.`, 'Give a number (e.g. satisfied: 1); only a segment may be recoded to a text.');
        continue;
      }
      plan.recode[target] = { ...plan.recode[target], ...lowerKeys(labels, Number) };
    }
  }

  const tableOf = new Map<string, string>();
  for (const [name, table] of Object.entries(q.scales)) {
    table.columns.forEach((pattern, i) => {
      const targets = matchColumns(pattern, numeric, headers);
      if (targets.length === 0) return report(['scales', name, 'columns', i], `setting "scales.${name}.columns": "${pattern}" matches no numeric column of this questionnaire.`, nearestHint(pattern, [...numeric, ...headers.keys()], KINDS));
      for (const target of targets) {
        if (tableOf.has(target)) {
          report(['scales', name, 'columns', i], `setting "scales.${name}.columns": ${target} is already read with scales.${tableOf.get(target)}.`, 'Give each column one scale table.');
          continue;
        }
        tableOf.set(target, name);
        const contract = defaultScale(q, target);
        const from = table.min !== undefined && table.max !== undefined ? { min: table.min, max: table.max } : contract;
        const labels = lowerKeys(table.labels, Number);
        if (Object.keys(labels).length) plan.recode[target] = { ...labels, ...plan.recode[target] };
        const scale: ColumnScale = { from, reverse: false, to: table.rescale, table: name };
        const problem = landing(target, scale, contract);
        if (problem) report(['scales', name, table.rescale ? 'rescale' : 'columns'], `setting "scales.${name}": ${problem.message}`, problem.hint);
        else plan.scales[target] = scale;
      }
    });
  }

  q.reverse.forEach((pattern, i) => {
    const targets = matchColumns(pattern, numeric, headers).filter((c) => /^[epm]_/.test(c));
    if (targets.length === 0) return report(['reverse', i], `setting "reverse": "${pattern}" matches no item column (e_, p_ or m_) of this questionnaire.`, nearestHint(pattern, [...numeric.filter((c) => /^[epm]_/.test(c)), ...headers.keys()], 'Reverse-coded items are e_/p_/m_ columns, their headers, or a glob.'));
    for (const target of targets) plan.scales[target] = { ...(plan.scales[target] ?? { from: defaultScale(q, target) }), reverse: true };
  });

  q.binary.forEach((column, i) => {
    const target = matchColumns(column, [...BINARY_COLUMNS], headers)[0];
    if (!target) return report(['binary', i], `setting "binary": "${column}" cannot be published as a share; only ${BINARY_COLUMNS.join(', ')} can.`, nearestHint(column, [...BINARY_COLUMNS], 'Recode the column to 0/1 and map it to overall.'));
    const recoded = Object.entries(plan.recode[target] ?? {}).find(([, v]) => v !== 0 && v !== 1);
    if (recoded) report(['binary', i], `setting "binary": ${target} is a share of 1s, but recode: turns "${recoded[0]}" into ${recoded[1]}.`, 'Recode the two answers to 1 (counted) and 0.');
    plan.scales[target] = { from: { min: 0, max: 1 }, reverse: false, integer: true };
    plan.binary.push(target);
  });
  return plan;
}

/** Why a column's declared scale cannot land on its contract's, or undefined when it does. */
function landing(target: string, scale: ColumnScale, contract: Range): { message: string; hint: string } | undefined {
  const end = scale.to ?? scale.from;
  if (target === 'overall' || (end.min === contract.min && end.max === contract.max)) return undefined;
  if (target === 'nps' && !scale.to) {
    return {
      message: `nps is the 0–10 likelihood to recommend, but this column is on ${rangeText(scale.from)}; read as it is, its answers would be counted as if asked on 0–10.`,
      hint: `Map a 0–10 question to nps instead, or rescale it explicitly: rescale: { min: 0, max: 10 } (x ↦ 10·(x − ${scale.from.min})/${scale.from.max - scale.from.min}), which the methodology states.`,
    };
  }
  return {
    message: `${target} must end on ${rangeText(contract)}, but ${scale.to ? `it is rescaled onto ${rangeText(scale.to)}` : `it is on ${rangeText(scale.from)}`}.`,
    hint: `Add (or correct) rescale: { min: ${contract.min}, max: ${contract.max} } to map it linearly onto ${rangeText(contract)}.`,
  };
}

function lowerKeys<T>(labels: Record<string, string | number>, value: (v: string | number) => T): Record<string, T> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k.trim().toLowerCase(), value(v)]));
}

/**
 * Whether a header's answers are written as labels (recode:, or a scales: table with labels):
 * a first row of such texts is a respondent, not a header row that header_rows missed.
 */
export function labelledHeader(q: Questionnaire): (header: string) => boolean {
  const patterns = [...Object.keys(q.recode), ...Object.values(q.scales).flatMap((t) => (Object.keys(t.labels).length ? t.columns : []))].map(globRegExp);
  return (header) => {
    const h = header.trim();
    const names = [h, ...Object.entries(q.columns).flatMap(([contract, mapped]) => (mapped.trim().toLowerCase() === h.toLowerCase() ? [contract] : []))];
    return patterns.some((re) => names.some((n) => re.test(n)));
  };
}

/** The fix for an overall answer off the item scale: declare the scale it was asked on. */
export function overallScaleHint(items: { min?: number; max?: number }): string {
  return `If overall was asked on another scale than the items (${items.min}–${items.max}), declare it: scales: { overall_scale: { min: 1, max: 10, columns: [overall] } } (its own scale), with rescale: { min: ${items.min}, max: ${items.max} } to put it on the items' scale.`;
}

/** A cell's value after its column's scale: reverse coding on the scale it is written on, then the declared rescale. */
export function applyScale(scale: ColumnScale, x: number): number {
  const { from, to } = scale;
  const y = scale.reverse ? from.min + from.max - x : x;
  return to ? to.min + ((y - from.min) * (to.max - to.min)) / (from.max - from.min) : y;
}

/** Why the SQL engine cannot read a file with this plan (it translates recode: only), or undefined. */
export function planNeedsRows(plan: ColumnPlan | undefined, constructs: number): string | undefined {
  if (!plan) return constructs > 0 ? 'the questionnaire declares constructs, which the SQL engine does not fold' : undefined;
  if (Object.keys(plan.scales).length > 0) return 'the questionnaire rescales, reverses or declares scales for columns (scales:, reverse:, binary:), which the SQL engine does not translate';
  if (Object.keys(plan.segments).length > 0) return 'the questionnaire recodes segment values, which the SQL engine does not translate';
  if (constructs > 0) return 'the questionnaire declares constructs, which the SQL engine does not fold';
  return undefined;
}
