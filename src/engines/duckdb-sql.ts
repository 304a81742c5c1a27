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

/**
 * What differs between the SQL engines that run these aggregates (DuckDB here, ClickHouse in
 * clickhouse-sql.ts): conditional counts, a boolean as a number, and the names of the computed
 * columns — ClickHouse resolves an alias that equals a table column to the column, silently,
 * so its computed columns carry a prefix. The sums themselves are the same text everywhere.
 */
export interface SqlDialect {
  /** The number of rows where `cond` holds. */
  countWhere: (cond: string) => string;
  /** The number of rows where the boolean column `column` is true. */
  countTrue: (column: string) => string;
  /** A boolean as 0 or 1. */
  int: (b: string) => string;
  /** A computed column's name (nps, csat, ces, overall, col.*). */
  name: (n: string) => string;
}

export const DUCKDB: SqlDialect = {
  countWhere: (cond) => `count(*) FILTER (WHERE ${cond})`,
  countTrue: (column) => `count_if(${column})`,
  int: (b) => `(${b})::INTEGER`,
  name: (n) => n,
};

/** The half rule of SPEC §3 (halfRuleMean): mean of the answered, kept when at least half are answered. */
export function halfRuleSql(xs: string[], dialect: SqlDialect = DUCKDB): string {
  const count = xs.map((x) => dialect.int(`${x} IS NOT NULL`)).join(' + ');
  const sum = xs.map((x) => `coalesce(${x}, 0)`).join(' + ');
  return `CASE WHEN (${count}) > 0 AND (${count}) >= ${xs.length / 2} THEN (${sum}) / (${count}) END`;
}

/** One aggregate and where its value goes. */
export interface Slot {
  sql: string;
  set: (acc: SurveyAcc, value: number) => void;
}

/** The survey weight column of CTE `d` (the `weight` column, checked above 0), when the file has one. */
export const WEIGHT = 'wt';

/**
 * A Moments by SQL. Unweighted, Σw and Σw² are set to the count afterwards (unitWeights) and
 * the sums are the plain Σx, Σx² — the SQL of before weights, so those figures are unchanged bit for bit.
 */
const momentSlots = (x: string, m: (acc: SurveyAcc) => Moments, weighted = false): Slot[] =>
  weighted
    ? [
        { sql: `count(${x})`, set: (a, v) => (m(a).n = v) },
        { sql: `coalesce(sum(CASE WHEN (${x}) IS NOT NULL THEN ${WEIGHT} END), 0)`, set: (a, v) => (m(a).w = v) },
        { sql: `coalesce(sum(CASE WHEN (${x}) IS NOT NULL THEN ${WEIGHT} * ${WEIGHT} END), 0)`, set: (a, v) => (m(a).w2 = v) },
        { sql: `coalesce(sum(${WEIGHT} * (${x})), 0)`, set: (a, v) => (m(a).sum = v) },
        { sql: `coalesce(sum(${WEIGHT} * (${x}) * (${x})), 0)`, set: (a, v) => (m(a).sumSq = v) },
      ]
    : [
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
  dialect: SqlDialect = DUCKDB,
  weighted = false,
): { columns: string[]; slots: Slot[] } {
  const complete = xs.map((x) => `${x} IS NOT NULL`).join(' AND ');
  const v = (i: number) => `${prefix}_${i}`;
  const columns = [`(${complete}) AS ${prefix}_cc`, ...xs.map((x, i) => `CASE WHEN ${complete} THEN ${x} - ${shift} END AS ${v(i)}`)];
  const slots: Slot[] = [{ sql: dialect.countTrue(`${prefix}_cc`), set: (a, n) => c(a) && (c(a)!.n = n) }];
  // Weighted as addRow: (w·(x_i − shift))·(x_j − shift), with Σw and Σw² of the complete cases.
  const wv = (i: number) => (weighted ? `(${WEIGHT} * ${v(i)})` : v(i));
  if (weighted)
    slots.push(
      { sql: `coalesce(sum(CASE WHEN ${prefix}_cc THEN ${WEIGHT} END), 0)`, set: (a, n) => c(a) && (c(a)!.w = n) },
      { sql: `coalesce(sum(CASE WHEN ${prefix}_cc THEN ${WEIGHT} * ${WEIGHT} END), 0)`, set: (a, n) => c(a) && (c(a)!.w2 = n) },
    );
  xs.forEach((_, i) => {
    slots.push({ sql: `coalesce(sum(${wv(i)}), 0)`, set: (a, n) => c(a) && (c(a)!.sum[i] = n) });
    for (let j = i; j < xs.length; j++)
      slots.push({ sql: `coalesce(sum(${wv(i)} * ${v(j)}), 0)`, set: (a, n) => c(a) && (c(a)!.cross[i * xs.length + j] = n) });
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
export function accSlots(layout: SurveyLayout, dialect: SqlDialect = DUCKDB, weighted = false): { columns: string[]; slots: Slot[] } {
  const n = dialect.name;
  const [nps, csat] = [n('nps'), n('csat')];
  const slots: Slot[] = [
    { sql: 'count(*)', set: (a, v) => (a.n = v) },
    { sql: dialect.countWhere(`${nps} >= 9`), set: (a, v) => (a.nps[0] = v) },
    { sql: dialect.countWhere(`${nps} >= 7 AND ${nps} < 9`), set: (a, v) => (a.nps[1] = v) },
    { sql: dialect.countWhere(`${nps} < 7`), set: (a, v) => (a.nps[2] = v) },
    ...[1, 2, 3, 4, 5].map((k): Slot => ({ sql: dialect.countWhere(`${csat} = ${k}`), set: (a, v) => (a.csat[k] = v) })),
    ...momentSlots(csat, (a) => a.csatMoments, weighted),
    ...momentSlots(n('ces'), (a) => a.ces, weighted),
    ...momentSlots(n('overall'), (a) => a.overall, weighted),
  ];
  // The weighted totals beside the counts (unweighted: unitWeights copies the counts).
  if (weighted)
    slots.push(
      { sql: `coalesce(sum(${WEIGHT}), 0)`, set: (a, v) => ((a.base.n = a.n), (a.base.w = v)) },
      { sql: `coalesce(sum(${WEIGHT} * ${WEIGHT}), 0)`, set: (a, v) => (a.base.w2 = v) },
      ...[`${nps} >= 9`, `${nps} >= 7 AND ${nps} < 9`, `${nps} < 7`].map((cond, k): Slot => ({
        sql: `coalesce(sum(CASE WHEN ${cond} THEN ${WEIGHT} END), 0)`,
        set: (a, v) => (a.npsW[k] = v),
      })),
      { sql: `coalesce(sum(CASE WHEN ${nps} IS NOT NULL THEN ${WEIGHT} * ${WEIGHT} END), 0)`, set: (a, v) => (a.npsW2 = v) },
      ...[1, 2, 3, 4, 5].map((k): Slot => ({ sql: `coalesce(sum(CASE WHEN ${csat} = ${k} THEN ${WEIGHT} END), 0)`, set: (a, v) => (a.csatW[k] = v) })),
    );
  layout.items.forEach((_, i) => {
    slots.push(
      ...momentSlots(n(col.e(i)), (a) => a.items[i].e, weighted),
      ...momentSlots(n(col.p(i)), (a) => a.items[i].p, weighted),
      ...momentSlots(`(${n(col.p(i))} - ${n(col.e(i))})`, (a) => a.items[i].g, weighted),
    );
  });
  layout.dims.forEach((_, d) => {
    slots.push(
      ...momentSlots(n(col.de(d)), (a) => a.dims[d].e, weighted),
      ...momentSlots(n(col.dp(d)), (a) => a.dims[d].p, weighted),
      ...momentSlots(n(col.dg(d)), (a) => a.dims[d].g, weighted),
    );
  });
  // servqualScore: the mean of the dimension gap scores, only when the respondent has all of them.
  const dgs = layout.dims.map((_, d) => n(col.dg(d)));
  if (dgs.length > 0)
    slots.push(
      ...momentSlots(
        `CASE WHEN ${dgs.map((g) => `${g} IS NOT NULL`).join(' AND ')} THEN (${dgs.join(' + ')}) / ${dgs.length} END`,
        (a) => a.servqual,
        weighted,
      ),
    );
  for (let d = 0; d < 5; d++) slots.push(...momentSlots(n(col.w(d)), (a) => a.weights[d], weighted));
  const columns: string[] = [];
  layout.itemsByDim.forEach((idx, d) => {
    const cross = crossSlots(
      idx.map((i) => n(col.p(i))),
      layout.shift,
      (a) => a.alpha?.[d],
      n(`alpha${d}`),
      dialect,
      weighted,
    );
    columns.push(...cross.columns);
    slots.push(...cross.slots);
  });
  return { columns, slots };
}

/** The drivers' predictors (perception dimension scores, or items) then `outcome`. */
export function driverColumns(layout: SurveyLayout, outcome: string, dialect: SqlDialect = DUCKDB): string[] {
  const predictors = layout.drivers === 'items' ? layout.items.map((_, i) => col.p(i)) : layout.dims.map((_, d) => col.dp(d));
  return [...predictors.map(dialect.name), outcome];
}
