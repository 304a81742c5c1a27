/**
 * SQL for the DuckDB engine: the cell rules of src/data/cells.ts (trim, missing codes,
 * recode, decimal comma, number syntax, ranges, not_applicable) as expressions, and
 * every field of a SurveyAcc as one aggregate — counts, sums, sums of squares and the
 * cross-products behind α and the drivers — so figuresFrom finishes the job unchanged.
 * A row that breaks a rule counts in `bad`; the engine then hands the file to the
 * streaming engine for the problems' wording (duckdb-fs.ts).
 */
import type { SurveyLayout } from '../analysis/layout';
import type { SurveyAcc } from '../analysis/survey-acc';
import type { CrossProducts, Moments } from '../analysis/moments';
import { MAX_MAGNITUDE } from '../schemas/bounds';

export const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

const NUMBER_RE = q('[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?');
const COMMA_RE = q('[+-]?[0-9]+,[0-9]+');

export interface CellSql {
  missing: string[];
  missingNumbers: number[];
  decimalComma: boolean;
  recode: Record<string, Record<string, number>>;
}

/** The bidi controls stripBidiControls removes (src/schemas/text.ts), for translate(). */
const BIDI_CONTROLS = q('\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069');
/** What JavaScript's String.prototype.trim removes (WhiteSpace and LineTerminator): DuckDB's one-argument trim keeps tabs and line breaks and strips other characters. */
export const JS_WHITESPACE = '\t\n\v\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF';

/** The cell as Cells.text reads it before the missing codes: bidi controls stripped, then trimmed as JavaScript trims. */
export const cellSql = (raw: string) => `trim(translate(${raw}, ${BIDI_CONTROLS}, ''), ${q(JS_WHITESPACE)})`;

/** Trimmed text, NULL when it is a missing code (Cells.text). */
export function textSql(raw: string, cells: CellSql): string {
  const missing = ['', ...cells.missing].map(q).join(', ');
  return `CASE WHEN ${cellSql(raw)} IN (${missing}) THEN NULL ELSE ${cellSql(raw)} END`;
}

/** normalizeId (src/data/responses.ts): a non-ASCII id in NFC, then without the invisible characters it strips. */
export function idSql(text: string): string {
  return `CASE WHEN regexp_matches(${text}, '[^\\x00-\\x7f]') THEN regexp_replace(nfc_normalize(${text}), '[\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}\\x{200E}\\x{200F}\\x{061C}]', '', 'g') ELSE ${text} END`;
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  notApplicable?: number[];
}

/**
 * A number cell (Cells.number) in three steps, each over plain columns so DuckDB plans
 * it quickly: `parsed` over the text column `t`, then `value` and `bad` over `t` and the
 * parsed column `n`.
 */
export function numberSql(t: string, n: string, contract: string, rule: NumberRule, cells: CellSql): { parsed: string; value: string; bad: string } {
  const labels = Object.entries(cells.recode[contract] ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v] as const);
  const text = cells.decimalComma ? `CASE WHEN regexp_full_match(${t}, ${COMMA_RE}) THEN replace(${t}, ',', '.') ELSE ${t} END` : t;
  const recoded = labels.length ? `CASE lower(${t}) ${labels.map(([k, v]) => `WHEN ${q(k)} THEN ${v}::DOUBLE`).join(' ')} END` : 'NULL';
  // TRY_CAST takes a little more than the contract's number syntax ("inf", " 5"); `bad` checks
  // the syntax, and any bad row sends the file to the streaming engine, so on the happy path
  // the cheap cast is the contract's reading.
  const parsed = labels.length ? `coalesce(${recoded}, TRY_CAST(${text} AS DOUBLE))` : `TRY_CAST(${text} AS DOUBLE)`;
  const skip = [...cells.missingNumbers, ...(rule.notApplicable ?? [])];
  const skipped = skip.length ? `${n} IN (${skip.join(', ')})` : 'false';
  const outside =
    [rule.min !== undefined ? `${n} < ${rule.min}` : '', rule.max !== undefined ? `${n} > ${rule.max}` : '', rule.integer ? `${n} <> trunc(${n})` : '']
      .filter(Boolean)
      .join(' OR ') || 'false';
  // Beyond MAX_MAGNITUDE is bad before any missing code or not_applicable value (Cells.number checks it first). A recoded outcome need not be on the item scale (Cells.number).
  const ranged = contract === 'overall' && labels.length ? `((${recoded}) IS NULL AND (${outside}))` : `(${outside})`;
  const syntax = `(${labels.length ? `(${recoded}) IS NOT NULL OR ` : ''}regexp_full_match(${text}, ${NUMBER_RE}))`;
  const value = skip.length ? `CASE WHEN ${skipped} THEN NULL ELSE ${n} END` : n;
  const bad = `(${t} IS NOT NULL AND (${n} IS NULL OR NOT ${syntax} OR NOT isfinite(${n}) OR abs(${n}) > ${MAX_MAGNITUDE} OR (NOT (${skipped}) AND ${ranged})))`;
  return { parsed, value, bad };
}

/**
 * A number cell DuckDB's CSV reader already read as DOUBLE (its own parser: a cell it
 * cannot read fails the query, and the file goes to the streaming engine). Only the
 * rules after parsing are left: finite, missing numbers and not_applicable, range.
 */
export function typedNumberSql(n: string, rule: NumberRule, cells: CellSql): { value: string; bad: string } {
  const skip = [...cells.missingNumbers, ...(rule.notApplicable ?? [])];
  const skipped = skip.length ? `${n} IN (${skip.join(', ')})` : 'false';
  const outside =
    [rule.min !== undefined ? `${n} < ${rule.min}` : '', rule.max !== undefined ? `${n} > ${rule.max}` : '', rule.integer ? `${n} <> trunc(${n})` : '']
      .filter(Boolean)
      .join(' OR ') || 'false';
  const value = skip.length ? `CASE WHEN ${skipped} THEN NULL ELSE ${n} END` : n;
  return { value, bad: `(${n} IS NOT NULL AND (NOT isfinite(${n}) OR abs(${n}) > ${MAX_MAGNITUDE} OR (NOT (${skipped}) AND (${outside}))))` };
}

/** The half rule of SPEC §3 (halfRuleMean): mean of the answered, kept when at least half are answered. */
export function halfRuleSql(xs: string[]): string {
  const count = xs.map((x) => `(${x} IS NOT NULL)::INTEGER`).join(' + ');
  const sum = xs.map((x) => `coalesce(${x}, 0)`).join(' + ');
  return `CASE WHEN (${count}) > 0 AND (${count}) >= ${xs.length / 2} THEN (${sum}) / (${count}) END`;
}

/** One aggregate and where its value goes. */
export interface Slot {
  sql: string;
  set: (acc: SurveyAcc, value: number) => void;
}

const momentSlots = (x: string, m: (acc: SurveyAcc) => Moments): Slot[] => [
  { sql: `count(${x})`, set: (a, v) => (m(a).n = v) },
  { sql: `coalesce(sum(${x}), 0)`, set: (a, v) => (m(a).sum = v) },
  { sql: `coalesce(sum((${x}) * (${x})), 0)`, set: (a, v) => (m(a).sumSq = v) },
];

/**
 * Sums and cross-products around `shift` over complete cases (addRow). The shifted values
 * are columns of their own (NULL unless the row is complete), so the aggregates need no
 * FILTER clause: DuckDB evaluated each FILTER apart, which made them 4× the query's time.
 */
export function crossSlots(
  xs: string[],
  shift: number,
  c: (acc: SurveyAcc) => CrossProducts | undefined,
  prefix: string,
): { columns: string[]; slots: Slot[] } {
  const complete = xs.map((x) => `${x} IS NOT NULL`).join(' AND ');
  const v = (i: number) => `${prefix}_${i}`;
  const columns = [`(${complete}) AS ${prefix}_cc`, ...xs.map((x, i) => `CASE WHEN ${complete} THEN ${x} - ${shift} END AS ${v(i)}`)];
  const slots: Slot[] = [{ sql: `count_if(${prefix}_cc)`, set: (a, n) => c(a) && (c(a)!.n = n) }];
  xs.forEach((_, i) => {
    slots.push({ sql: `coalesce(sum(${v(i)}), 0)`, set: (a, n) => c(a) && (c(a)!.sum[i] = n) });
    for (let j = i; j < xs.length; j++) slots.push({ sql: `coalesce(sum(${v(i)} * ${v(j)}), 0)`, set: (a, n) => c(a) && (c(a)!.cross[i * xs.length + j] = n) });
  });
  return { columns, slots };
}

/** Column names of the converted values (CTE `d` of the query). */
export const col = {
  e: (i: number) => `e${i}`,
  p: (i: number) => `p${i}`,
  w: (d: number) => `w${d}`,
  de: (d: number) => `de${d}`,
  dp: (d: number) => `dp${d}`,
  dg: (d: number) => `dg${d}`,
};

/** Every field of a SurveyAcc as aggregates over CTE `d`, and the columns they need there. */
export function accSlots(layout: SurveyLayout): { columns: string[]; slots: Slot[] } {
  const slots: Slot[] = [
    { sql: 'count(*)', set: (a, v) => (a.n = v) },
    { sql: 'count(*) FILTER (WHERE nps >= 9)', set: (a, v) => (a.nps[0] = v) },
    { sql: 'count(*) FILTER (WHERE nps >= 7 AND nps < 9)', set: (a, v) => (a.nps[1] = v) },
    { sql: 'count(*) FILTER (WHERE nps < 7)', set: (a, v) => (a.nps[2] = v) },
    ...[1, 2, 3, 4, 5].map((k): Slot => ({ sql: `count(*) FILTER (WHERE csat = ${k})`, set: (a, v) => (a.csat[k] = v) })),
    ...momentSlots('csat', (a) => a.csatMoments),
    ...momentSlots('ces', (a) => a.ces),
    ...momentSlots('overall', (a) => a.overall),
  ];
  layout.items.forEach((_, i) => {
    slots.push(
      ...momentSlots(col.e(i), (a) => a.items[i].e),
      ...momentSlots(col.p(i), (a) => a.items[i].p),
      ...momentSlots(`(${col.p(i)} - ${col.e(i)})`, (a) => a.items[i].g),
    );
  });
  layout.dims.forEach((_, d) => {
    slots.push(...momentSlots(col.de(d), (a) => a.dims[d].e), ...momentSlots(col.dp(d), (a) => a.dims[d].p), ...momentSlots(col.dg(d), (a) => a.dims[d].g));
  });
  // servqualScore: the mean of the dimension gap scores, only when the respondent has all of them.
  const dgs = layout.dims.map((_, d) => col.dg(d));
  if (dgs.length > 0)
    slots.push(
      ...momentSlots(`CASE WHEN ${dgs.map((g) => `${g} IS NOT NULL`).join(' AND ')} THEN (${dgs.join(' + ')}) / ${dgs.length} END`, (a) => a.servqual),
    );
  for (let d = 0; d < 5; d++) slots.push(...momentSlots(col.w(d), (a) => a.weights[d]));
  const columns: string[] = [];
  layout.itemsByDim.forEach((idx, d) => {
    const cross = crossSlots(idx.map(col.p), layout.shift, (a) => a.alpha?.[d], `alpha${d}`);
    columns.push(...cross.columns);
    slots.push(...cross.slots);
  });
  return { columns, slots };
}

/** The drivers' predictors (perception dimension scores, or items) then `outcome`. */
export function driverColumns(layout: SurveyLayout, outcome: string): string[] {
  const predictors = layout.drivers === 'items' ? layout.items.map((_, i) => col.p(i)) : layout.dims.map((_, d) => col.dp(d));
  return [...predictors, outcome];
}
