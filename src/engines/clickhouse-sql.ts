/**
 * The warehouse query: the DuckDB engine's sums (duckdb-sql.ts: accSlots, crossSlots,
 * driverColumns, halfRuleSql — the same aggregates, in ClickHouse's spelling) over a table,
 * by wave and by wave × segment value. ClickHouse 18 has no GROUPING SETS, so each grouping
 * is one SELECT and they are joined by UNION ALL; the per-row values are `WITH expr AS name`
 * aliases rather than a subquery, because ClickHouse sends a query on a Distributed table to
 * every shard whole only when the table is its own FROM: each shard sums its rows and the
 * initiator merges the partial sums, so no row leaves its shard.
 */
import type { SurveyLayout } from '../analysis/layout';
import type { Source } from '../data/columns';
import type { CrossProducts } from '../analysis/moments';
import { MAX_MAGNITUDE } from '../schemas/bounds';
import { DIMENSIONS, type Item, type Questionnaire } from '../schemas/questionnaire';
import { weightingVariables } from '../analysis/weighting-cells';
import { accSlots, col, crossSlots, driverColumns, halfRuleSql, JS_WHITESPACE, WEIGHT, type Slot, type SqlDialect } from './duckdb-sql';

/** Prefix of every computed name: ClickHouse silently reads a table column where an alias has its name. */
export const PREFIX = '_g_';
const n = (name: string) => `${PREFIX}${name}`;

export const CLICKHOUSE: SqlDialect = {
  countWhere: (cond) => `countIf(${cond})`,
  countTrue: (column) => `countIf(${column})`,
  int: (b) => `toInt64(${b})`,
  name: n,
};

export const chLit = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
export const chIdent = (s: string) => `\`${s.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;

/** JavaScript's trim as an RE2 class (String.prototype.trim removes WhiteSpace and LineTerminator). */
const WS = `[${[...JS_WHITESPACE].map((c) => `\\\\x{${c.codePointAt(0)!.toString(16)}}`).join('')}]`;
const NUMBER_RE = chLit('^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$');
const DATE_RE = chLit('^[0-9]{4}-[0-9]{2}-[0-9]{2}$');

/** A column type ClickHouse holds numbers in (read with toFloat64); any other is read as text by the cell rules. */
export const isNumericType = (type: string) => /^(Nullable\()?(U?Int(8|16|32|64)|Float(32|64)|Decimal\w*\(.*\))\)?$/.test(type);

/** Contract column → label → number (the table context's, keyed by contract column). */
export type Recode = Record<string, Record<string, number | string>>;

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  notApplicable?: number[];
}

/** A rule the query counts breaches of, and the column the problem names. */
export interface Breach {
  column: string;
  /** What a value of the column must be ("a whole number from 0 to 10"). */
  rule: string;
}

/** Aggregates per query. */
export const CHUNK = 64;

export interface SurveyQuery {
  /** The queries, each for the answer's columns from…to (after g, wave and segment value). */
  sqls: { sql: string; from: number; to: number }[];
  /** Every aggregate, in the order of the answer's columns after g, wave and segment value. */
  slots: Slot[];
  /** How many of `slots` the segment groupings compute (the rest are the wave's: drivers). */
  segmentSlots: number;
  /** The breaches counted after the slots (wave groupings only), then max(date). */
  breaches: Breach[];
  /** Columns of the answer after g, wave and segment value: the weighting cell's values (weightingVariables order), before the slots. */
  cellColumns: number;
  /**
   * One grouping by wave × every segment (× cell): the answer's columns after g, wave and segment
   * value are the segments' values (none of the cell's), and the client folds the rows into the
   * wave and wave × segment groupings (sums add exactly; clickhouse-engine.ts coarsen). Each row
   * then is read once instead of once per grouping.
   */
  fine: boolean;
  /** fine: how many segment values follow g, wave and segment value (every segment's). */
  segmentKeys: number;
  /** The sums are weighted by the table's weight column. */
  weighted: boolean;
}

export interface TableShape {
  table: string;
  types: string[];
  names: string[];
  find: (contract: string) => Source | undefined;
}

const describeRule = (r: NumberRule) =>
  `${r.integer ? 'a whole number' : 'a number'}${r.min !== undefined && r.max !== undefined ? ` from ${r.min} to ${r.max}` : ''}`;

/** The query for one table; `missing` and `recode` as the questionnaire gives them. */
export function surveyQuery(
  shape: TableShape,
  q: Questionnaire,
  items: Item[],
  layout: SurveyLayout,
  sideAcc: () => CrossProducts | undefined,
  recode: Recode = q.recode ?? {},
  fine = false,
): SurveyQuery {
  // pre: helpers of the row values (trimmed text, parsed numbers), read by `rows` and the breach counts only.
  // rows: each row's values, computed once per row as one ARRAY JOIN tuple, so that the many aggregates
  // over them read columns: ClickHouse 18 copies an alias's whole expression into every use, and the
  // cross-products use each value dozens of times (a `WITH` alias per value took minutes to plan).
  // defs: what is computed from the row values (dimension scores, complete cases).
  const pre: string[] = [];
  const rows: Def[] = [];
  const dims: Def[] = [];
  const breaches: { sql: string; breach: Breach }[] = [];
  const missing = missingTexts(q);
  const missingNumbers = (q.missing ?? [])
    .map(Number)
    .filter((x, i) => typeof q.missing![i] === 'number' || (String(q.missing![i]).trim() !== '' && Number.isFinite(x)));
  const raw = (s: Source | undefined) => rawColumn(shape, s);
  /** Trimmed text, NULL when missing (Cells.text); a number column as its text. */
  const text = (c: string, as: string, output = true) => {
    const t = textDefs(raw(shape.find(c)), missing, as);
    pre.push(t.trim);
    if (output) rows.push({ expr: t.value, name: n(as) });
    else pre.push(`${t.value} AS ${n(as)}`);
    return n(as);
  };
  /** A number cell (Cells.number): the table's own numbers, or text by the contract's number syntax and recode. */
  const num = (c: string, rule: NumberRule, as: string) => {
    const source = shape.find(c);
    if (!source) {
      rows.push({ expr: 'CAST(NULL AS Nullable(Float64))', name: n(as) });
      return;
    }
    const r = raw(source);
    const parsed = n(`${as}_n`);
    let syntax = '0';
    let recoded = '';
    if (r.numeric) pre.push(`toFloat64(${r.sql}) AS ${parsed}`);
    else {
      const t = text(c, `${as}_t`, false);
      const labels = Object.entries(recode[c] ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number');
      // multiIf, not CASE x WHEN: ClickHouse 18's CASE with an operand answers NULL for every label.
      recoded = labels.length ? `multiIf(${labels.map(([l, v]) => `lower(${t}) = ${chLit(l.trim().toLowerCase())}, toFloat64(${v})`).join(', ')}, NULL)` : '';
      pre.push(`${recoded ? `coalesce(${recoded}, toFloat64OrNull(${t}))` : `toFloat64OrNull(${t})`} AS ${parsed}`);
      syntax = `(${t} IS NOT NULL AND (${parsed} IS NULL OR NOT (${recoded ? `(${recoded}) IS NOT NULL OR ` : ''}match(${t}, ${NUMBER_RE}))))`;
    }
    const skip = [...missingNumbers, ...(rule.notApplicable ?? [])];
    const skipped = skip.length ? `${parsed} IN (${skip.join(', ')})` : '0';
    const outside =
      [
        rule.min !== undefined ? `${parsed} < ${rule.min}` : '',
        rule.max !== undefined ? `${parsed} > ${rule.max}` : '',
        rule.integer ? `${parsed} != trunc(${parsed})` : '',
      ]
        .filter(Boolean)
        .join(' OR ') || '0';
    rows.push({ expr: skip.length ? `CASE WHEN ${skipped} THEN NULL ELSE ${parsed} END` : parsed, name: n(as) });
    breaches.push({
      // A recoded outcome need not be on the item scale (Cells.number).
      sql: `${syntax} OR (${parsed} IS NOT NULL AND (NOT isFinite(${parsed}) OR abs(${parsed}) > ${MAX_MAGNITUDE} OR (NOT (${skipped}) AND ${c === 'overall' && recoded ? `(${recoded}) IS NULL AND ` : ''}(${outside}))))`,
      breach: { column: c, rule: describeRule(rule) },
    });
  };
  const scale = { min: q.scale.min, max: q.scale.max, notApplicable: q.not_applicable };
  const id = text('respondent_id', 'id');
  const wave = text('wave', 'wave');
  const date = text('date', 'date');
  const segs = q.segments.map((s, i) => text(s, `s${i}`));
  items.forEach((it, i) => num(`e_${it.id}`, scale, col.e(i)));
  items.forEach((it, i) => num(`p_${it.id}`, scale, col.p(i)));
  DIMENSIONS.forEach((d, i) => num(`w_${d}`, { min: 0, max: 100 }, col.w(i)));
  num('nps', { min: 0, max: 10, integer: true }, 'nps');
  num('csat', { min: 1, max: 5, integer: true }, 'csat');
  num('ces', { min: 1, max: 7, integer: true }, 'ces');
  num('overall', { min: q.scale.min, max: q.scale.max }, 'overall');
  // A weight column (surveyWeightOf in src/data/responses.ts): every row needs a weight above 0.
  const weighted = shape.find('weight') !== undefined;
  if (weighted) {
    num('weight', { min: 0 }, WEIGHT);
    breaches.push({ sql: `${n(WEIGHT)} IS NULL OR ${n(WEIGHT)} = 0`, breach: { column: 'weight', rule: 'a weight above 0 on every row' } });
  }
  breaches.push({ sql: `${id} IS NULL`, breach: { column: 'respondent_id', rule: 'present on every row' } });
  breaches.push({ sql: `${wave} IS NULL`, breach: { column: 'wave', rule: 'present on every row' } });
  breaches.push({
    sql: `${date} IS NOT NULL AND (NOT match(${date}, ${DATE_RE}) OR toString(toDateOrZero(${date})) != ${date})`,
    breach: { column: 'date', rule: 'a date written YYYY-MM-DD' },
  });
  if (DIMENSIONS.every((d) => shape.find(`w_${d}`))) {
    const weights = DIMENSIONS.map((_, i) => n(col.w(i)));
    const given = weights.map((w) => `toInt64(${w} IS NOT NULL)`).join(' + ');
    breaches.push({
      sql: `(${given}) BETWEEN 1 AND 4 OR ((${given}) = 5 AND abs(${weights.join(' + ')} - 100) > 1)`,
      breach: { column: 'w_*', rule: 'all five importance weights or none, adding up to 100' },
    });
  }
  const halfRule = (xs: string[]) => halfRuleSql(xs, CLICKHOUSE);
  layout.itemsByDim.forEach((idx, d) => {
    dims.push({ expr: halfRule(idx.map((i) => n(col.e(i)))), name: n(col.de(d)) });
    dims.push({ expr: halfRule(idx.map((i) => n(col.p(i)))), name: n(col.dp(d)) });
    dims.push({ expr: halfRule(idx.map((i) => `(${n(col.p(i))} - ${n(col.e(i))})`)), name: n(col.dg(d)) });
  });
  // The weighted sums name the weight `wt` (duckdb-sql.ts WEIGHT); here it is a computed column and carries the prefix.
  const weigh = (x: { columns: string[]; slots: Slot[] }) =>
    weighted ? { columns: x.columns, slots: x.slots.map((sl) => ({ ...sl, sql: sl.sql.replace(new RegExp(`\\b${WEIGHT}\\b`, 'g'), n(WEIGHT)) })) } : x;
  const acc = weigh(accSlots(layout, CLICKHOUSE, weighted));
  const none = { columns: [] as string[], slots: [] as Slot[] };
  const drivers = layout.outcome
    ? weigh(crossSlots(driverColumns(layout, n(layout.outcome), CLICKHOUSE), layout.shift, (a) => a.drivers, n('drv'), CLICKHOUSE, weighted))
    : none;
  // Without a questionnaire outcome, nps's cross-products ride along (settleOutcome picks overall or nps); their accumulator is set by the fold.
  const side = q.outcome ? none : weigh(crossSlots(driverColumns(layout, n('nps'), CLICKHOUSE), layout.shift, sideAcc, n('side'), CLICKHOUSE, weighted));
  const cross = [...acc.columns, ...drivers.columns, ...side.columns].map(asDef);
  const slots = [...acc.slots, ...drivers.slots, ...side.slots];
  // Declared weighting (weighting.ts): every grouping also by the weighting variables' values, so each cell is summed apart and weighed by the fold.
  const cells = (weightingVariables(q) ?? []).map((i) => segs[i]);
  const extras = [...breaches.map((b) => `countIf(${b.sql})`), `max(${date})`];
  // The answer's columns after g, wave and segment value: the slots, then the breach counts and max(date) (wave groupings only).
  const columns = [...slots.map((s) => s.sql), ...extras];
  const waveOnly = (i: number) => i >= acc.slots.length;
  const preDefs = pre.map(asDef);
  const row = n('row');
  /** The WITH list and FROM clause for SQL that reads `used`: only the values it needs, in three stages, each a tuple per row (the values; the dimension scores; the complete cases and shifted values). */
  const sourceFor = (used: string) => {
    const need = new Set(refs(used));
    const third = cross.filter((d) => need.has(d.name));
    third.forEach((d) => refs(d.expr).forEach((r) => need.add(r)));
    const second = dims.filter((d) => need.has(d.name));
    second.forEach((d) => refs(d.expr).forEach((r) => need.add(r)));
    const first = rows.filter((d) => need.has(d.name));
    first.forEach((d) => refs(d.expr).forEach((r) => need.add(r)));
    const helpers = [...preDefs].reverse().filter((d) => need.has(d.name) && (refs(d.expr).forEach((r) => need.add(r)), true));
    const s2 = [...first.map(passOn), ...second];
    const s3 = [...s2.map(passOn), ...third];
    const tuples = stage(s3, s2, 'l2', stage(s2, first, 'l1', `[tuple(${first.map((r) => r.expr).join(',\n  ')})]`));
    const withs = [...helpers.reverse().map((d) => `${d.expr} AS ${d.name}`), ...s3.map((d, i) => `tupleElement(${row}, ${i + 1}) AS ${d.name}`)];
    return { head: `WITH ${withs.join(',\n  ')}\nSELECT`, source: `${shape.table} ARRAY JOIN ${tuples} AS ${row}` };
  };
  const select = (g: number, seg: string | undefined, from: number, to: number) => {
    const cols = [
      `${g} AS ${n('g')}`,
      wave,
      seg ?? `'' AS ${n('seg')}`,
      ...cells, // not re-aliased: ClickHouse 18 loses the ARRAY JOIN behind an alias of an alias
      ...columns.slice(from, to).map((c, k) => `${seg && waveOnly(from + k) ? (from + k >= slots.length ? 'NULL' : '0') : c} AS ${n(`a${from + k}`)}`),
    ];
    const { head, source } = sourceFor(cols.join(' '));
    return `${head} ${cols.join(',\n  ')}\nFROM ${source}${seg ? ` WHERE ${seg} IS NOT NULL` : ''}\nGROUP BY ${wave}${seg ? `, ${seg}` : ''}${cells.map((c) => `, ${c}`).join('')}`;
  };
  const selectFine = (from: number, to: number) => {
    const keys = [...new Set([...segs, ...cells])];
    const cols = [`0 AS ${n('g')}`, wave, `'' AS ${n('seg')}`, ...segs, ...columns.slice(from, to).map((c, k) => `${c} AS ${n(`a${from + k}`)}`)];
    const { head, source } = sourceFor(cols.join(' '));
    return `${head} ${cols.join(',\n  ')}\nFROM ${source}\nGROUP BY ${[wave, ...keys].join(', ')}`;
  };
  // ClickHouse 18 plans a query in time that grows faster than its expressions (460 aggregates took 20 s in one query): ask in
  // chunks, each a UNION ALL of the groupings over only the values its aggregates read.
  const sqls: { sql: string; from: number; to: number }[] = [];
  for (let from = 0; from < columns.length; from += CHUNK) {
    const to = Math.min(columns.length, from + CHUNK);
    const groupings = fine
      ? [selectFine(from, to)]
      : [select(0, undefined, from, to), ...(waveOnly(from) ? [] : segs.map((s, i) => select(i + 1, s, from, to)))];
    sqls.push({ sql: groupings.join('\nUNION ALL\n'), from, to });
  }
  return {
    sqls,
    slots,
    segmentSlots: acc.slots.length,
    breaches: breaches.map((b) => b.breach),
    cellColumns: cells.length,
    weighted,
    fine,
    segmentKeys: fine ? segs.length : 0,
  };
}

/** A computed value: its SQL over the names of the stage before, and its own name. */
interface Def {
  expr: string;
  name: string;
}

const passOn = (d: Def): Def => ({ expr: d.name, name: d.name });
const asDef = (sql: string): Def => {
  const m = /^([\s\S]*) AS (\S+)$/.exec(sql)!;
  return { expr: m[1], name: m[2] };
};
/** The computed names an expression reads. */
const refs = (sql: string): string[] => sql.match(new RegExp(`${PREFIX}[A-Za-z0-9_]+`, 'g')) ?? [];

/**
 * The stage after `input` (an array of one tuple of `before`'s values): `defs` computed by a
 * lambda over that tuple, in which each of `before`'s names is the tuple's element — a column,
 * not a copy of its expression.
 */
function stage(defs: Def[], before: Def[], lambda: string, input: string): string {
  const v = n(lambda);
  const at = new Map(before.map((d, i) => [d.name, `tupleElement(${v}, ${i + 1})`]));
  const bind = (expr: string) => expr.replace(new RegExp(`${PREFIX}[A-Za-z0-9_]+`, 'g'), (name) => at.get(name) ?? name);
  return `arrayMap(${v} -> tuple(${defs.map((d) => bind(d.expr)).join(',\n  ')}), ${input})`;
}

const missingTexts = (q: Questionnaire) => ['', ...(q.missing ?? []).map((m) => String(m).trim())];

/** A contract column's cells as SQL: the table's column, a `constants:` value, or NULL; `numeric` when the table holds numbers. */
function rawColumn(shape: TableShape, s: Source | undefined): { sql: string; numeric: boolean; text: string } {
  if (!s || s.kind === 'row') return { sql: 'NULL', numeric: false, text: 'CAST(NULL AS Nullable(String))' };
  if (s.kind === 'constant') return { sql: chLit(s.value), numeric: false, text: chLit(s.value) };
  const sql = chIdent(shape.names[s.index]);
  const type = shape.types[s.index];
  return { sql, numeric: isNumericType(type), text: /String/.test(type) ? sql : `toString(${sql})` };
}

/** `as`: the cell trimmed as JavaScript trims (`trim`, an alias), then NULL when empty or a missing code (`value`; Cells.text). */
function textDefs(r: { text: string }, missing: string[], as: string): { trim: string; value: string } {
  const trim = n(`${as}_trim`);
  return {
    trim: `replaceRegexpAll(${r.text}, '^${WS}+|${WS}+$', '') AS ${trim}`,
    value: `CASE WHEN ${trim} IN (${missing.map(chLit).join(', ')}) THEN NULL ELSE ${trim} END`,
  };
}

/** At most how many groups of wave × every segment × cell the fine grouping asks for (more: one grouping per segment, UNION ALL). */
export const FINE_GROUPS = 20_000;

/** An upper bound of the groups of wave × every segment (raw values: trimming and missing codes only merge them), or undefined without segments. */
export function groupCountQuery(shape: TableShape, q: Questionnaire): string | undefined {
  const raws = ['wave', ...q.segments].map((c) => rawColumn(shape, shape.find(c)).sql);
  return q.segments.length ? `SELECT uniqExact(${raws.join(', ')}) AS ${n('groups')} FROM ${shape.table}` : undefined;
}

/** Ids used more than once across the whole table (exact distinct count, merged across shards). */
export function duplicateQuery(shape: TableShape, q: Questionnaire): string | undefined {
  const s = shape.find('respondent_id');
  if (!s || s.kind !== 'header') return undefined;
  const id = n('id');
  const t = textDefs(rawColumn(shape, s), missingTexts(q), 'id');
  return `WITH ${t.trim}, ${t.value} AS ${id} SELECT count(${id}) - uniqExact(${id}) AS ${n('dup')} FROM ${shape.table}`;
}
