/**
 * The warehouse query: the DuckDB engine's sums (duckdb-sql.ts: accSlots, crossSlots,
 * driverColumns, halfRuleSql — the same aggregates, in ClickHouse's spelling) over a table,
 * by wave and by wave × segment value. ClickHouse 18 has no GROUPING SETS, so each grouping
 * is one SELECT and they are joined by UNION ALL; the per-row values are `WITH expr AS name`
 * aliases rather than a subquery, because ClickHouse sends a query on a Distributed table to
 * every shard whole only when the table is its own FROM: each shard sums its rows and the
 * initiator merges the partial sums, so no row leaves its shard. The row rules of src/data are
 * the same expressions here: keep: as a WHERE (row-filter.ts), scales:/reverse:/binary: and
 * recode: as arithmetic and multiIf (cells.ts, scales.ts), constructs as half-rule scores
 * (constructs.ts), wave_from: date as waveOf (dates.ts); ClickHouse 18's quirks (NOT NOT folded on
 * the shards, a bare AND alias in WHERE, CASE with an operand) are worked around where they bite.
 */
import type { SurveyLayout } from '../analysis/layout';
import type { Source } from '../data/columns';
import type { CrossProducts, Moments } from '../analysis/moments';
import type { SurveyAcc } from '../analysis/survey-acc';
import type { ColumnPlan, ColumnScale } from '../data/scales';
import type { Condition, DateFormat, WavePeriod } from '../schemas/mapping';
import { DATE_FORMAT_EXAMPLES } from '../data/dates';
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
const WS_CHARS = [...JS_WHITESPACE].map((c) => `\\\\x{${c.codePointAt(0)!.toString(16)}}`).join('');
/** The bidi override, embedding and isolate controls stripBidiControls removes from every cell (src/schemas/text.ts). */
const BIDI_CHARS = '\\\\x{202A}-\\\\x{202E}\\\\x{2066}-\\\\x{2069}';
const NUMBER_RE = chLit('^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$');
/** JavaScript's \\s (the same set as trim's, JS_WHITESPACE) as an RE2 class, for patterns passed through chLit. */
const S = `[${[...JS_WHITESPACE].map((c) => `\\x{${c.codePointAt(0)!.toString(16)}}`).join('')}]`;
/**
 * readDate's readings (src/data/dates.ts) as RE2 patterns: the day, then a time of day — 24-hour, or
 * 12-hour with am/pm — with a zone glued to it (Z, ±HH[:MM]) or as its last word (also GMT/UTC±H[:MM]);
 * the hours, minutes and seconds in range. In ISO the time follows `T` or a space; in the other formats
 * the date is the first word (day, month and year separated by one of / . -) and the time the rest.
 */
const T24 = '(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]+)?)?';
const T12 = `(?:0?[1-9]|1[0-2]):[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]+)?)?${S}*[aApP]\\.?[mM]\\.?`;
const GLUED_ZONE = '(?:[zZ]|[+-][0-9]{2}(?::?[0-9]{2})?)';
const WORD_ZONE = '(?:[zZ]|(?:[gG][mM][tT]|[uU][tT][cC])(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?|[+-][0-9]{2}(?::?[0-9]{2})?)';
const TIME = `(?:${T24}${GLUED_ZONE}|(?:${T24}|${T12})(?:${S}+${WORD_ZONE})?)`;
const ISO_RE = chLit(`^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ]${S}*${TIME}?)?$`);
// RE2 has no back-references: the three separators spelled out, each used twice.
const SEPARATED_RE = chLit(`^(?:${['/', '\\.', '-'].map((sep) => `[0-9]{1,4}${sep}[0-9]{1,2}${sep}[0-9]{1,4}`).join('|')})(?:${S}+${TIME})?$`);

/** `v` (a whole number from 0 to 9999) written in `width` digits, as padStart(width, '0'). */
const padSql = (v: string, width: number) => `substring(concat('000', toString(${v})), length(toString(${v})) + ${4 - width}, ${width})`;

/** calendarDay (dates.ts) by arithmetic: a real day of the proleptic Gregorian calendar from year 1 on — no Date type (ClickHouse 18's starts in 1970). */
const calendarDaySql = (y: string, m: string, d: string) =>
  `(${y} >= 1 AND ${m} >= 1 AND ${m} <= 12 AND ${d} >= 1 AND ${d} <= multiIf(${m} = 2, 28 + ((${y} % 4 = 0 AND ${y} % 100 != 0) OR ${y} % 400 = 0), ${m} IN (4, 6, 9, 11), 30, 31))`;

/**
 * `body` over `values` bound to `params` once (a lambda of arrayMap): ClickHouse 18 expands an alias into
 * every use, so an expression that uses a value many times would grow past its AST limit.
 */
const bind = (params: string[], values: string[], body: string) => `arrayMap((${params.join(', ')}) -> ${body}, ${values.map((v) => `[${v}]`).join(', ')})[1]`;

/**
 * The calendar day (YYYY-MM-DD) of the text `x` as readDate reads it in `format`, NULL when it reads no
 * date (a cell that is NULL too). Two-digit years are no year in the day-first and month-first formats, as there.
 */
export function daySql(x: string, format: DateFormat): string {
  const t = n('dx');
  const int = (e: string) => `toUInt32OrZero(${e})`;
  let parts: [string, string, string];
  let shaped: string;
  if (format === 'iso') {
    parts = [int(`substring(${t}, 1, 4)`), int(`substring(${t}, 6, 2)`), int(`substring(${t}, 9, 2)`)];
    shaped = `match(${t}, ${ISO_RE})`;
  } else {
    const a = `extract(${t}, '^([0-9]+)')`;
    const b = `extract(${t}, '^[0-9]+[/.-]([0-9]+)')`;
    const c = `extract(${t}, '^[0-9]+[/.-][0-9]+[/.-]([0-9]+)')`;
    const four = format === 'year-first' ? a : c;
    parts = format === 'year-first' ? [int(a), int(b), int(c)] : format === 'day-first' ? [int(c), int(b), int(a)] : [int(c), int(a), int(b)];
    shaped = `match(${t}, ${SEPARATED_RE}) AND length(${four}) = 4`;
  }
  const [y, m, d] = [n('dy'), n('dm'), n('dd')];
  const day = bind([y, m, d], parts, `if(${calendarDaySql(y, m, d)}, concat(${padSql(y, 4)}, '-', ${padSql(m, 2)}, '-', ${padSql(d, 2)}), '')`);
  // A cell that is NULL or not shaped as a date is no day; '' marks a shaped one that is no calendar day.
  return `CASE WHEN ${x} IS NOT NULL THEN nullIf(${bind([t], [`assumeNotNull(${x})`], `if(${shaped}, ${day}, '')`)}, '') END`;
}

/** 1 when the text `x` is a date readDate reads as ISO (a real calendar day, any year from 1), else 0. */
export const isoDateSql = (x: string) => `(${daySql(x, 'iso')} IS NOT NULL)`;

/** A column type that holds days or times (read as ISO text, whatever date_format: says of an export). */
export const isDateType = (type: string) => /^(Nullable\()?(Date|DateTime)(\(.*\))?\)?$/.test(type);

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

/**
 * isoWeek (dates.ts) of an ISO day by arithmetic, as `2026-W40`: the days since year −399 (400 years,
 * a whole number of weeks, ahead of year 1, so every division is of a positive number).
 */
function isoWeekSql(day: string): string {
  const ordinal = (yr: string, mo: string, da: string) => {
    const yy = `(if(${mo} <= 2, ${yr} - 1, ${yr}) + 400)`;
    const mm = `if(${mo} <= 2, ${mo} + 12, ${mo})`;
    return `(365 * ${yy} + intDiv(${yy}, 4) - intDiv(${yy}, 100) + intDiv(${yy}, 400) + intDiv(153 * (${mm} - 3) + 2, 5) + ${da})`;
  };
  const [y, m, d, th, wy] = [n('wy0'), n('wm'), n('wd'), n('wth'), n('wy')];
  const parts = [1, 6, 9].map((at) => `toInt64(substring(${day}, ${at}, ${at === 1 ? 4 : 2}))`);
  // The week belongs to the year of its Thursday.
  const thursday = bind([n('wn')], [ordinal(y, m, d)], `${n('wn')} - ((${n('wn')} + 1) % 7 + 1) + 4`);
  const year = `if(${th} >= ${ordinal(`(${y} + 1)`, '1', '1')}, ${y} + 1, if(${th} < ${ordinal(y, '1', '1')}, ${y} - 1, ${y}))`;
  const week = `intDiv(${th} - ${ordinal(wy, '1', '1')}, 7) + 1`;
  return bind([y, m, d], parts, bind([th], [thursday], bind([wy], [year], `concat(${padSql(wy, 4)}, '-W', ${padSql(week, 2)})`)));
}

/**
 * waveOf (src/data/dates.ts) in SQL: the period of a day (YYYY-MM-DD, or NULL when the cell is no date,
 * a breach of its own) — 2026, 2026-09, 2026-Q3, or the ISO week 2026-W40.
 */
export function derivedWaveSql(day: string, period: WavePeriod): string {
  if (period === 'year') return `substring(${day}, 1, 4)`;
  if (period === 'month') return `substring(${day}, 1, 7)`;
  if (period === 'quarter') return `concat(substring(${day}, 1, 4), '-Q', toString(intDiv(toUInt32OrZero(substring(${day}, 6, 2)) + 2, 3)))`;
  return `CASE WHEN ${day} IS NOT NULL THEN ${isoWeekSql(`assumeNotNull(${day})`)} END`;
}

/** The query for one table; `missing` and `recode` as the questionnaire gives them. */
export function surveyQuery(
  shape: TableShape,
  q: Questionnaire,
  items: Item[],
  layout: SurveyLayout,
  sideAcc: () => CrossProducts | undefined,
  recode: Recode = q.recode ?? {},
  fine = false,
  rules: RowRules = {},
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
  const segmentRecode = rules.plan?.segments ?? {};
  const text = (c: string, as: string, output = true) => {
    const t = textDefs(raw(shape.find(c)), missing, as, Object.hasOwn(segmentRecode, c) ? segmentRecode[c] : undefined);
    pre.push(t.trim);
    if (output) rows.push({ expr: t.value, name: n(as) });
    else pre.push(`${t.value} AS ${n(as)}`);
    return n(as);
  };
  const scales = rules.plan?.scales ?? {};
  /**
   * A number cell (Cells.number): the table's own numbers, or text by the contract's number syntax and recode;
   * with a declared scale (scales:, reverse:, binary:), checked on the scale it is written on, then reversed and rescaled.
   */
  const num = (c: string, contractRule: NumberRule, as: string) => {
    const scale = Object.hasOwn(scales, c) ? scales[c] : undefined;
    const rule = scale ? { ...contractRule, min: scale.from.min, max: scale.from.max, integer: scale.integer ?? contractRule.integer } : contractRule;
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
      recoded = labels.length
        ? `multiIf(${labels.map(([l, v]) => `lowerUTF8(${t}) = ${chLit(l.trim().toLowerCase())}, toFloat64(${v})`).join(', ')}, NULL)`
        : '';
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
    const value = skip.length ? `CASE WHEN ${skipped} THEN NULL ELSE ${parsed} END` : parsed;
    rows.push({ expr: scale ? scaleSql(scale, value) : value, name: n(as) });
    breaches.push({
      // A recoded outcome need not be on the item scale (Cells.number).
      sql: `${syntax} OR (${parsed} IS NOT NULL AND (NOT isFinite(${parsed}) OR abs(${parsed}) > ${MAX_MAGNITUDE} OR (NOT (${skipped}) AND ${c === 'overall' && recoded ? `(${recoded}) IS NULL AND ` : ''}(${outside}))))`,
      breach: { column: c, rule: describeRule(rule) },
    });
  };
  const scale = { min: q.scale.min, max: q.scale.max, notApplicable: q.not_applicable };
  const id = text('respondent_id', 'id');
  const derived = rules.wavePeriod;
  // The row's day as readDate reads it in date_format: (a Date or DateTime column is its own day, ISO).
  const dateSource = shape.find('date');
  const dateFormat = dateSource?.kind === 'header' && isDateType(shape.types[dateSource.index]) ? 'iso' : (rules.dateFormat ?? 'iso');
  pre.push(`${daySql(text('date', 'dtext', false), dateFormat)} AS ${n('dday')}`);
  // wave_from: date — the wave is the period of the row's day (waveOf), and the wave column is not read.
  const wave = derived ? n('wave') : text('wave', 'wave');
  if (derived) rows.push({ expr: derivedWaveSql(n('dday'), derived), name: wave });
  const date = text('date', 'date');
  rows.push({ expr: n('dday'), name: n('day') });
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
  if (derived) breaches.push({ sql: `${date} IS NULL`, breach: { column: 'date', rule: 'present on every row (the wave is its period)' } });
  else breaches.push({ sql: `${wave} IS NULL`, breach: { column: 'wave', rule: 'present on every row' } });
  breaches.push({
    sql: `${date} IS NOT NULL AND ${n('day')} IS NULL`,
    breach: {
      column: 'date',
      rule:
        dateFormat === 'iso'
          ? 'a date written YYYY-MM-DD (a time of day may follow)'
          : `a date as date_format: ${dateFormat} reads them (like ${DATE_FORMAT_EXAMPLES[dateFormat]})`,
    },
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
  // Constructs (src/analysis/constructs.ts): a respondent's score is the half-rule mean of the construct's perception items.
  layout.constructs.forEach((c, k) => dims.push({ expr: halfRule(c.items.map((i) => n(col.p(i)))), name: n(`cs${k}`) }));
  // The weighted sums name the weight `wt` (duckdb-sql.ts WEIGHT); here it is a computed column and carries the prefix.
  const weigh = (x: { columns: string[]; slots: Slot[] }) =>
    weighted ? { columns: x.columns, slots: x.slots.map((sl) => ({ ...sl, sql: sl.sql.replace(new RegExp(`\\b${WEIGHT}\\b`, 'g'), n(WEIGHT)) })) } : x;
  const headline = accSlots(layout, CLICKHOUSE, weighted);
  const constructs = constructSlots(layout, weighted);
  const acc = weigh({ columns: [...headline.columns, ...constructs.columns], slots: [...headline.slots, ...constructs.slots] });
  const none = { columns: [] as string[], slots: [] as Slot[] };
  const drivers = layout.outcome
    ? weigh(crossSlots(driverNames(layout, n(layout.outcome)), layout.shift, (a) => a.drivers, n('drv'), CLICKHOUSE, weighted))
    : none;
  // Without a questionnaire outcome, nps's cross-products ride along (settleOutcome picks overall or nps); their accumulator is set by the fold.
  const side = q.outcome ? none : weigh(crossSlots(driverColumns(layout, n('nps'), CLICKHOUSE), layout.shift, sideAcc, n('side'), CLICKHOUSE, weighted));
  const cross = [...acc.columns, ...drivers.columns, ...side.columns].map(asDef);
  const slots = [...acc.slots, ...drivers.slots, ...side.slots];
  // Declared weighting (weighting.ts): every grouping also by the weighting variables' values, so each cell is summed apart and weighed by the fold.
  const cells = (weightingVariables(q) ?? []).map((i) => segs[i]);
  const extras = [...breaches.map((b) => `countIf(${b.sql})`), `max(${n('day')})`];
  // The answer's columns after g, wave and segment value: the slots, then the breach counts and max(date) (wave groupings only).
  const columns = [...slots.map((s) => s.sql), ...extras];
  const waveOnly = (i: number) => i >= acc.slots.length;
  // keep: (row-filter.ts): a row that fails a rule is no respondent — in no sum, no breach count, no segment value.
  const kept = rules.keep?.length ? keepDefs(shape, rules.keep, missing) : undefined;
  if (kept) pre.push(...kept.helpers, `${kept.kept} AS ${n('kept')}`);
  const where = (cond?: string) => [kept ? n('kept') : '', cond ?? ''].filter(Boolean).join(' AND ');
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
    const filter = where(seg ? `${seg} IS NOT NULL` : undefined);
    const { head, source } = sourceFor(`${cols.join(' ')} ${filter}`);
    return `${head} ${cols.join(',\n  ')}\nFROM ${source}${filter ? ` WHERE ${filter}` : ''}\nGROUP BY ${wave}${seg ? `, ${seg}` : ''}${cells.map((c) => `, ${c}`).join('')}`;
  };
  const selectFine = (from: number, to: number) => {
    const keys = [...new Set([...segs, ...cells])];
    const cols = [`0 AS ${n('g')}`, wave, `'' AS ${n('seg')}`, ...segs, ...columns.slice(from, to).map((c, k) => `${c} AS ${n(`a${from + k}`)}`)];
    const filter = where();
    const { head, source } = sourceFor(`${cols.join(' ')} ${filter}`);
    return `${head} ${cols.join(',\n  ')}\nFROM ${source}${filter ? ` WHERE ${filter}` : ''}\nGROUP BY ${[wave, ...keys].join(', ')}`;
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

/**
 * The cell as Cells.text reads it before the missing codes: bidi controls stripped, then trimmed as
 * JavaScript trims — in one pass: every bidi control, and the runs of white space and bidi controls
 * at either end (what is left at the ends once the controls are gone is what trim removes).
 */
const cellText = (text: string) => `replaceRegexpAll(${text}, '^[${WS_CHARS}${BIDI_CHARS}]+|[${WS_CHARS}${BIDI_CHARS}]+$|[${BIDI_CHARS}]', '')`;

/**
 * `as`: the cell as Cells.text reads it (`trim`, an alias), then NULL when empty or a missing code, and a
 * segment's value after its recode: (`value`; the label compared trimmed and lower case, Cells.text).
 */
function textDefs(r: { text: string }, missing: string[], as: string, recode?: Record<string, string>): { trim: string; value: string } {
  const trim = n(`${as}_trim`);
  const labels = Object.entries(recode ?? {});
  const recoded = labels.length ? `multiIf(${labels.map(([k, v]) => `lowerUTF8(${trim}) = ${chLit(k)}, ${chLit(v)}`).join(', ')}, ${trim})` : trim;
  return {
    trim: `${cellText(r.text)} AS ${trim}`,
    value: `CASE WHEN ${trim} IN (${missing.map(chLit).join(', ')}) THEN NULL ELSE ${recoded} END`,
  };
}

/** At most how many groups of wave × every segment × cell the fine grouping asks for (more: one grouping per segment, UNION ALL). */
export const FINE_GROUPS = 20_000;

/** An upper bound of the groups of wave × every segment (raw values: trimming and missing codes only merge them), or undefined without segments. */
export function groupCountQuery(shape: TableShape, q: Questionnaire, derivedWave = false): string | undefined {
  // A derived wave has at most as many values as the date column (an upper bound too).
  const raws = [derivedWave ? 'date' : 'wave', ...q.segments].map((c) => rawColumn(shape, shape.find(c)).sql);
  return q.segments.length ? `SELECT uniqExact(${raws.join(', ')}) AS ${n('groups')} FROM ${shape.table}` : undefined;
}

/** A non-ASCII id: normalizeId (src/data/responses.ts) puts it in NFC and strips invisible characters, which ClickHouse 18 cannot (no NFC function). */
const NON_ASCII = "'[^\\\\x00-\\\\x7f]'";

/** The table's ids as the loader compares them (Cells.text), the keep: filter, and the FROM … WHERE over them; undefined when the id is not a column. */
function idSource(shape: TableShape, q: Questionnaire, keep: KeepRule[] | undefined, cond: string): { withs: string[]; id: string; where: string } | undefined {
  const s = shape.find('respondent_id');
  if (!s || s.kind !== 'header') return undefined;
  const id = n('id');
  const missing = missingTexts(q);
  const t = textDefs(rawColumn(shape, s), missing, 'id');
  const kept = keep?.length ? keepDefs(shape, keep, missing) : undefined;
  const withs = [t.trim, `${t.value} AS ${id}`, ...(kept ? [...kept.helpers, `${kept.kept} AS ${n('kept')}`] : [])];
  return { withs, id, where: [`${id} IS NOT NULL`, kept ? n('kept') : '', cond].filter(Boolean).join(' AND ') };
}

/**
 * Ids used more than once among the kept rows (exact distinct count, merged across shards): the ASCII
 * ids' repeats, and how many rows have a non-ASCII id (those are compared after normalizeId, client-side:
 * nonAsciiIdsQuery, asciiIdsPresentQuery).
 */
export function duplicateQuery(shape: TableShape, q: Questionnaire, keep?: KeepRule[]): string | undefined {
  const src = idSource(shape, q, keep, '');
  if (!src) return undefined;
  // `= 0` / `= 1`, not NOT: ClickHouse 18 folds NOT (NOT …) on the shards and the initiator then misses the column it named.
  const wide = (yes: boolean) => `match(${src.id}, ${NON_ASCII}) = ${yes ? 1 : 0}`;
  return `WITH ${src.withs.join(', ')} SELECT countIf(${wide(false)}) - uniqExactIf(${src.id}, ${wide(false)}) AS ${n('dup')}, countIf(${wide(true)}) AS ${n('wide')} FROM ${shape.table} WHERE ${src.where}`;
}

/** The non-ASCII ids of the kept rows, each with its rows. */
export function nonAsciiIdsQuery(shape: TableShape, q: Questionnaire, keep?: KeepRule[]): string | undefined {
  const src = idSource(shape, q, keep, `match(${n('id')}, ${NON_ASCII})`);
  return src && `WITH ${src.withs.join(', ')} SELECT ${src.id}, count() FROM ${shape.table} WHERE ${src.where} GROUP BY ${src.id}`;
}

/** Which of `ids` (ASCII) are ids of kept rows. */
export function asciiIdsPresentQuery(shape: TableShape, q: Questionnaire, ids: string[], keep?: KeepRule[]): string | undefined {
  const src = idSource(shape, q, keep, `${n('id')} IN (${ids.map(chLit).join(', ')})`);
  return src && `WITH ${src.withs.join(', ')} SELECT DISTINCT ${src.id} FROM ${shape.table} WHERE ${src.where}`;
}

/** A rule of keep: (src/data/tool-presets.ts KeepRule) as the table answers it: the condition and the column it tests. */
export interface KeepRule {
  condition: Condition;
  source: Source;
}

/** What the query translates beyond the contract: the resolved column plan (scales, reverse, binary, segment recodes) and the active keep: rules. */
export interface RowRules {
  plan?: ColumnPlan;
  keep?: KeepRule[];
  /** wave_from: date — the wave is this period of the row's date. */
  wavePeriod?: WavePeriod;
  /** How the date column writes days (date_format:, or the source: preset's); ISO when absent. */
  dateFormat?: DateFormat;
}

/** A number as an SQL literal (ClickHouse reads `1e+21` and `-0.5` as JavaScript writes them). */
const numLit = (x: number) => (Number.isInteger(x) && Math.abs(x) < 2 ** 53 ? String(x) : `toFloat64(${chLit(String(x))})`);

/** row-filter.ts same(): the cell equals the value as text (trimmed, any case) or as numbers ("1.0" = 1). */
function sameSql(cell: string, value: unknown): string {
  const text = `lowerUTF8(${cell}) = ${chLit(String(value).trim().toLowerCase())}`;
  const b = typeof value === 'number' ? value : NUMBER.test(String(value).trim()) ? Number(String(value).trim()) : undefined;
  return b === undefined ? `(${text})` : `(${text} OR (match(${cell}, ${NUMBER_RE}) AND toFloat64OrZero(${cell}) = ${numLit(b)}))`;
}
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** row-filter.ts holds(): the test a condition makes of a cell (bidi controls stripped, trimmed; `empty`: a missing code). */
export function holdsSql(c: Condition, cell: string, empty: string): string {
  if (c.empty) return empty;
  // `= 0` rather than NOT throughout (see exclusionQuery).
  if (c.not_empty) return `(${empty}) = 0`;
  if (c.equals !== undefined) return sameSql(cell, c.equals);
  if (c.not_equals !== undefined) return `${sameSql(cell, c.not_equals)} = 0`;
  if (c.in) return c.in.length ? `(${c.in.map((v) => sameSql(cell, v)).join(' OR ')})` : '0';
  if (c.not_in) return c.not_in.length ? `(${c.not_in.map((v) => sameSql(cell, v)).join(' OR ')}) = 0` : '1';
  // A comparison holds only for a number: a text or empty cell is not "at least 18".
  const x = `toFloat64OrZero(${cell})`; // read only where match() holds: never NULL, so no test is NULL
  const op =
    c.above !== undefined
      ? `> ${numLit(c.above)}`
      : c.below !== undefined
        ? `< ${numLit(c.below)}`
        : c.at_least !== undefined
          ? `>= ${numLit(c.at_least)}`
          : c.at_most !== undefined
            ? `<= ${numLit(c.at_most)}`
            : undefined;
  return op ? `(match(${cell}, ${NUMBER_RE}) AND ${x} ${op})` : '0';
}

/** The keep: rules over the table: each tested cell as a helper, each rule's test, and whether a row is kept (all hold). */
function keepDefs(shape: TableShape, keep: KeepRule[], missing: string[]): { helpers: string[]; holds: string[]; kept: string } {
  const helpers: string[] = [];
  const holds = keep.map((r, i) => {
    const cell = n(`k${i}`);
    helpers.push(`coalesce(${cellText(rawColumn(shape, r.source).text)}, '') AS ${cell}`);
    return `(${holdsSql(r.condition, cell, `${cell} IN (${missing.map(chLit).join(', ')})`)})`;
  });
  // `(…) = 1`: ClickHouse 18 fails (std::bad_typeid) on a WHERE whose alias is a bare AND, as it moves the parts to PREWHERE.
  return { helpers, holds, kept: `(${holds.join(' AND ')}) = 1` };
}

/** Rows read and rows excluded by each keep: rule, counted under the first rule a row fails (RowFilter.keeps). */
export function exclusionQuery(shape: TableShape, q: Questionnaire, keep: KeepRule[]): string {
  const { helpers, holds } = keepDefs(shape, keep, missingTexts(q));
  // `= 0`, not NOT: a rule that is itself a NOT (not_in:) would make NOT (NOT …), which ClickHouse 18's shards fold and its initiator then misses.
  const firstFails = holds.map((h, i) => `countIf(${[...holds.slice(0, i), `${h} = 0`].join(' AND ')})`);
  return `WITH ${helpers.join(', ')} SELECT count(), ${firstFails.join(', ')} FROM ${shape.table}`;
}

/** applyScale (src/data/scales.ts) over a value: reverse coding on the scale it is written on, then the declared rescale. */
function scaleSql(scale: ColumnScale, x: string): string {
  const { from, to } = scale;
  const y = scale.reverse ? `(${numLit(from.min + from.max)} - (${x}))` : x;
  return to ? `(${numLit(to.min)} + ((${y}) - ${numLit(from.min)}) * ${numLit(to.max - to.min)} / ${numLit(from.max - from.min)})` : y;
}

/** The drivers' predictors (perception dimension scores, items, or the driver constructs' scores) then `outcome`. */
function driverNames(layout: SurveyLayout, outcome: string): string[] {
  if (layout.drivers !== 'constructs') return driverColumns(layout, outcome, CLICKHOUSE);
  return [...layout.constructs.flatMap((c, k) => (c.driver ? [n(`cs${k}`)] : [])), outcome];
}

/** A Moments by SQL, as duckdb-sql.ts sums them (unweighted: Σw and Σw² are set to the count by the fold). */
function momentSql(x: string, m: (acc: SurveyAcc) => Moments | undefined, weighted: boolean): Slot[] {
  const set = (f: (mm: Moments, v: number) => void) => (a: SurveyAcc, v: number) => {
    const mm = m(a);
    if (mm) f(mm, v);
  };
  return weighted
    ? [
        { sql: `count(${x})`, set: set((mm, v) => (mm.n = v)) },
        { sql: `coalesce(sum(CASE WHEN (${x}) IS NOT NULL THEN ${WEIGHT} END), 0)`, set: set((mm, v) => (mm.w = v)) },
        { sql: `coalesce(sum(CASE WHEN (${x}) IS NOT NULL THEN ${WEIGHT} * ${WEIGHT} END), 0)`, set: set((mm, v) => (mm.w2 = v)) },
        { sql: `coalesce(sum(${WEIGHT} * (${x})), 0)`, set: set((mm, v) => (mm.sum = v)) },
        { sql: `coalesce(sum(${WEIGHT} * (${x}) * (${x})), 0)`, set: set((mm, v) => (mm.sumSq = v)) },
      ]
    : [
        { sql: `count(${x})`, set: set((mm, v) => (mm.n = v)) },
        { sql: `coalesce(sum(${x}), 0)`, set: set((mm, v) => (mm.sum = v)) },
        { sql: `coalesce(sum((${x}) * (${x})), 0)`, set: set((mm, v) => (mm.sumSq = v)) },
      ];
}

/** Every construct's score moments and its items' cross-products (Cronbach's α), for waves and segment values alike (ConstructAcc). */
function constructSlots(layout: SurveyLayout, weighted: boolean): { columns: string[]; slots: Slot[] } {
  const columns: string[] = [];
  const slots: Slot[] = [];
  layout.constructs.forEach((c, k) => {
    slots.push(...momentSql(n(`cs${k}`), (a) => a.constructs?.[k].score, weighted));
    const cross = crossSlots(
      c.items.map((i) => n(col.p(i))),
      layout.shift,
      (a) => a.constructs?.[k].alpha,
      n(`calpha${k}`),
      CLICKHOUSE,
      weighted,
    );
    columns.push(...cross.columns);
    slots.push(...cross.slots);
  });
  return { columns, slots };
}
