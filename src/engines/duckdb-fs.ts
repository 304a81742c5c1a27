/**
 * The DuckDB engine: responses.csv aggregated by SQL (read_csv with the delimiter and
 * header rows of the questionnaire mapping, or read_parquet for a `.parquet` file) into
 * the same SurveyAccs the other engines fold, by wave and by wave × segment value in one
 * GROUPING SETS query. contacts.csv goes through the streaming engine; the small files
 * through the loader, which parsed questionnaire.yaml and standards.csv once (loadWith). Validation stays the loader's: the query counts rows that
 * break a rule, and when there is any (or DuckDB cannot read the file as the header says)
 * the file is read by the streaming engine instead, whose problems say where and why. That
 * hand-over is never silent: its reason is returned (`fallback`), put in the figures' meta
 * and printed by analyze and build. Only DuckDB's data errors are reasons; any other error
 * (a query this module built wrong) is thrown, as programmer mistakes are.
 */
import { open, stat } from 'node:fs/promises';
import type { SurveySource } from '../analysis/analyze';
import { surveyAcc, unit, unitWeights } from '../analysis/survey-acc';
import { crossProducts } from '../analysis/moments';
import { surveyAccs } from '../analysis/accumulate';
import { cellWave, weightingVariables } from '../analysis/weighting-cells';
import { Cells } from '../data/cells';
import { Columns, labelOf, ROW_NUMBER, type Source } from '../data/columns';
import { ProblemSink } from '../data/problems';
import { responsesSetup } from '../data/responses';
import { planNeedsRows } from '../data/scales';
import { segmentCountProblems } from '../data/segments';
import type { TableContext } from '../data/table';
import { DIMENSIONS, type Item, type Questionnaire } from '../schemas/questionnaire';
import { streamContacts, streamResponses, type StreamedResponses } from '../stream/engine';
import { readHead } from '../stream/split';
import { usesExportRules } from '../data/tool-presets';
import { foldLayout, settleOutcome, type SurveyFoldResult } from '../stream/survey-fold';
import {
  accSlots,
  WEIGHT,
  col,
  crossSlots,
  driverColumns,
  halfRuleSql,
  idSql,
  ident,
  numberSql,
  q as lit,
  textSql,
  typedNumberSql,
  type CellSql,
  type NumberRule,
} from './duckdb-sql';
import { runSql } from './duckdb-run';
import { hasDigitUnderscore } from './digit-underscore-fs';
import type { Accumulated, Engine } from './engine';
import { loadWith, type EngineLoadResult } from './load-with-fs';

/** `fallback`: why responses.csv was read by the stream engine instead (one of FALLBACK's reasons); undefined when DuckDB aggregated it. */
export type DuckdbLoadResult = EngineLoadResult;

/** Why the engine hands responses.csv to the stream engine (meta.engine_fallback; the log line names the file). */
export const FALLBACK = {
  noHeader: 'it has no header row',
  header: 'its header breaks a rule of the data contract',
  noRows: 'it has no data rows',
  duplicate: 'a respondent_id is used more than once',
  rows: (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row breaks' : 'rows break'} a rule of the data contract`,
  unreadable: (error: string) => `DuckDB could not read it (${error})`,
  exportRules: 'its mapping uses row rules of a survey-tool export (source:, keep:, date_format:, wave_from:, by_text: or by_position:)',
};

/** A DuckDB error about the data (a cell, a quote, a ragged row, bytes that are no UTF-8 or no Parquet), as opposed to a query built wrong. */
const DATA_ERROR = /^(Conversion|Invalid Input|IO) Error: /;
const isConversion = (e: unknown) => e instanceof Error && e.message.startsWith('Conversion Error: ');

/** The accumulators by SQL, or the reason the stream engine must read the file. */
async function aggregateOrReason(path: string, ctx: TableContext, q: Questionnaire, items: Item[]): Promise<Aggregated | string> {
  try {
    try {
      return await aggregate(path, ctx, q, items, true);
    } catch (e) {
      // A cell DuckDB's DOUBLE reader refuses (" NA ", "  ") may still be one the cell rules read: read every cell as text.
      if (!isConversion(e)) throw e;
      return await aggregate(path, ctx, q, items, false);
    }
  } catch (e) {
    // The file as the messages show it, never its absolute path (the reason is published in the figures' meta).
    if (e instanceof Error && DATA_ERROR.test(e.message)) return FALLBACK.unreadable(e.message.split('\n')[0].split(path).join(ctx.file).trim());
    throw e;
  }
}

export const duckdbEngine: Engine = {
  name: 'duckdb',
  files: ['responses.csv', 'contacts.csv'],
  async accumulate({ paths, parsedQ, contexts, thresholds, options }) {
    const q = parsedQ?.questionnaire;
    const streamed: Accumulated['streamed'] = {};
    let source: SurveySource | undefined;
    let fallback: string | undefined;
    if (paths['responses.csv']) {
      if (!q) streamed['responses.csv'] = { problems: [], rows: 0 };
      else {
        const ctx = contexts.survey('responses.csv');
        // A file DuckDB refuses, or a row that breaks a rule, is a problem to word: the stream engine does.
        const sql = await aggregateOrReason(paths['responses.csv'], ctx, q, parsedQ!.items);
        if (typeof sql === 'string') fallback = sql;
        const r = typeof sql === 'string' ? await streamResponses(paths['responses.csv'], ctx, q, parsedQ!.items, options) : sql;
        source = { layout: r.layout, accs: r.accs, engine: typeof sql === 'string' ? 'stream' : 'duckdb' };
        streamed['responses.csv'] = r;
      }
    }
    if (paths['contacts.csv']) streamed['contacts.csv'] = await streamContacts(paths['contacts.csv'], contexts.base('contacts.csv'), thresholds, options);
    return { streamed, source, fallback };
  },
};

export const loadDatasetDuckdb = (dir: string): Promise<DuckdbLoadResult> => loadWith(duckdbEngine, dir);

interface FileSource {
  names: string[];
  /** The rows under the names (CSV only): the header rows the loader checks for a respondent header_rows would skip. */
  below?: string[][];
  decimalComma: boolean;
  /** Whether read_csv may type columns itself (DOUBLE): not for Parquet, nor with header rows to skip. */
  typed: boolean;
  /** The FROM clause, given the header indexes to read as DOUBLE. */
  from: (doubles: Set<number>) => string;
  raw: (i: number) => string;
}

/** Where the file's header and raw cells come from: read_csv columns c0…cn, or Parquet columns by name. */
async function fileSource(path: string, headerRows: number, missing: string[]): Promise<FileSource | undefined> {
  if (/\.parquet$/i.test(path)) {
    const described = await runSql(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`);
    const names = described.map((r) => String(r.column_name));
    return { names, decimalComma: false, typed: false, from: () => `read_parquet(${lit(path)})`, raw: (i) => `CAST(${ident(names[i])} AS VARCHAR)` };
  }
  const size = (await stat(path)).size;
  const fh = await open(path, 'r');
  const head = await readHead(fh, size).finally(() => fh.close());
  if (!head.header) return undefined;
  const names = head.header.names;
  const decimalComma = head.delimiter === ';';
  const from = (doubles: Set<number>) => {
    const columns = `{${names.map((_, i) => `${lit(`c${i}`)}: ${doubles.has(i) ? "'DOUBLE'" : "'VARCHAR'"}`).join(', ')}}`;
    const nulls = `[${['', ...missing].map(lit).join(', ')}]`;
    return `read_csv(${lit(path)}, delim = ${lit(head.delimiter)}, quote = '"', escape = '"', header = true, columns = ${columns}, strict_mode = true, nullstr = ${nulls}${decimalComma ? ", decimal_separator = ','" : ''})`;
  };
  return { names, below: head.header.below, decimalComma, typed: !headerRows, from, raw: (i) => `c${i}` };
}

/** What the stream engine would return for the file, by SQL. */
type Aggregated = StreamedResponses;

/**
 * The accumulators by SQL, or the reason the stream engine must read the file. `typed`:
 * let DuckDB's reader parse number columns as DOUBLE (faster), which it may refuse for a
 * cell the cell rules read as missing; the caller then asks again with `typed` false.
 */
async function aggregate(path: string, ctx: TableContext, q: Questionnaire, items: Item[], typed: boolean): Promise<Aggregated | string> {
  // Scales, segment recodes and constructs are read row by row (src/data/scales.ts): the stream engine reads them, and says so.
  const unsupported = planNeedsRows(ctx.cells?.plan, q.constructs?.length ?? 0);
  if (unsupported) return unsupported;
  const missing = (q.missing ?? []) as (string | number)[];
  const file = await fileSource(
    path,
    ctx.headerRows ?? 0,
    missing.map((m) => String(m).trim()),
  );
  if (!file) return FALLBACK.noHeader;
  if (ctx.layout && usesExportRules(ctx.layout)) return FALLBACK.exportRules;
  const sink = new ProblemSink(ctx.file);
  // The header rows too: a respondent that header_rows would skip is the loader's problem to word (the stream engine reads the file then).
  const skipped = file.below?.slice(0, ctx.headerRows ?? 0);
  const columns = new Columns(
    file.names,
    ctx.mapping ?? { columns: {}, constants: {} },
    sink,
    skipped,
    skipped?.map((_, i) => i + 2),
  );
  responsesSetup(q, items, () => {})(columns, new Cells(sink), sink); // the header's own problems
  if (sink.count > 0) return FALLBACK.header;
  const find = (c: string) => new Columns(file.names, ctx.mapping ?? { columns: {}, constants: {} }, new ProblemSink('')).find(c);
  const cells: CellSql = {
    missing: missing.map((m) => String(m).trim()),
    missingNumbers: missing.map(Number).filter((n, i) => typeof missing[i] === 'number' || (String(missing[i]).trim() !== '' && Number.isFinite(n))),
    decimalComma: file.decimalComma,
    recode: ctx.cells?.recode ?? {}, // keyed by contract column, whether questionnaire.yaml named it or its header
  };
  // A text missing code ("NA") in a number column makes DuckDB's DOUBLE reader fail on it, and it reads "0_5" as 5: read text then.
  const textMissing = cells.missing.some((m) => m !== '' && !Number.isFinite(Number(m)));
  const readDoubles = typed && file.typed && !textMissing && !(await hasDigitUnderscore(path));
  // `#row` ids are the data rows' numbers in file order, as the loader counts them (after header rows; blank lines, which DuckDB skips too, not counted).
  const rawOf = (s: Source | undefined) =>
    !s ? 'NULL' : s.kind === 'header' ? file.raw(s.index) : s.kind === 'constant' ? lit(s.value) : 'CAST(row_no AS VARCHAR)';
  // CTE t: every used column's text; n: its number as parsed; v: the checked value.
  const texts: string[] = [];
  const parsed: string[] = [];
  const bads: string[] = [];
  const text = (c: string) => {
    texts.push(`${textSql(rawOf(find(c)), cells)} AS t${texts.length}`);
    return `t${texts.length - 1}`;
  };
  const doubles = new Set<number>();
  const num = (c: string, rule: NumberRule) => {
    const source = find(c);
    if (!source) return 'NULL::DOUBLE';
    if (readDoubles && source.kind === 'header' && !cells.recode[c]) {
      doubles.add(source.index);
      const sql = typedNumberSql(file.raw(source.index), rule, cells);
      bads.push(sql.bad);
      return sql.value;
    }
    const t = text(c);
    const n = `n${parsed.length}`;
    const sql = numberSql(t, n, c, rule, cells);
    parsed.push(`${sql.parsed} AS ${n}`);
    bads.push(sql.bad);
    return sql.value;
  };
  const scale = { min: q.scale.min, max: q.scale.max, notApplicable: q.not_applicable };
  const layout = foldLayout(items, q);
  // A weight column: every row needs a weight above 0 (surveyWeightOf in src/data/responses.ts words the problem).
  const weighted = find('weight') !== undefined;
  const idSource = find('respondent_id');
  const rowIds = idSource?.kind === 'row' || q.columns?.respondent_id?.trim() === ROW_NUMBER;
  const values = [
    `${idSql(text('respondent_id'))} AS id`,
    `${text('wave')} AS wave`,
    `${text('date')} AS date`,
    ...q.segments.map((s, i) => `${text(s)} AS s${i}`),
    ...items.map((it, i) => `${num(`e_${it.id}`, scale)} AS ${col.e(i)}`),
    ...items.map((it, i) => `${num(`p_${it.id}`, scale)} AS ${col.p(i)}`),
    ...DIMENSIONS.map((d, i) => `${num(`w_${d}`, { min: 0, max: 100 })} AS ${col.w(i)}`),
    `${num('nps', { min: 0, max: 10, integer: true })} AS nps`,
    `${num('csat', { min: 1, max: 5, integer: true })} AS csat`,
    `${num('ces', { min: 1, max: 7, integer: true })} AS ces`,
    `${num('overall', { min: q.scale.min, max: q.scale.max })} AS overall`,
    ...(weighted ? [`${num('weight', { min: 0 })} AS ${WEIGHT}`] : []),
  ];
  const weights = DIMENSIONS.map((_, i) => col.w(i));
  const given = weights.map((w) => `(${w} IS NOT NULL)::INTEGER`).join(' + ');
  const allWeights = DIMENSIONS.every((d) => find(`w_${d}`));
  const rowBad = [
    'cellbad',
    'id IS NULL',
    'wave IS NULL',
    `(date IS NOT NULL AND (NOT regexp_full_match(date, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(date AS DATE) IS NULL))`,
    ...(allWeights ? [`((${given}) BETWEEN 1 AND 4 OR ((${given}) = 5 AND abs(${weights.join(' + ')} - 100) > 1))`] : []),
    ...(weighted ? [`(${WEIGHT} IS NULL OR ${WEIGHT} = 0)`] : []),
  ].map((b) => `(${b})::INTEGER`);
  const dims = layout.itemsByDim
    .map((idx, d) => [
      `${halfRuleSql(idx.map(col.e))} AS ${col.de(d)}`,
      `${halfRuleSql(idx.map(col.p))} AS ${col.dp(d)}`,
      `${halfRuleSql(idx.map((i) => `(${col.p(i)} - ${col.e(i)})`))} AS ${col.dg(d)}`,
    ])
    .flat();
  const acc = accSlots(layout, undefined, weighted);
  const slots = acc.slots;
  const none = { columns: [], slots: [] };
  const drivers = layout.outcome ? crossSlots(driverColumns(layout, layout.outcome), layout.shift, (a) => a.drivers, 'drv', undefined, weighted) : none;
  const side = new Map<string, ReturnType<typeof crossProducts>>();
  const sideCols = driverColumns(layout, 'nps');
  let sideKey = '';
  const nps = q.outcome ? none : crossSlots(sideCols, layout.shift, () => side.get(sideKey), 'nps', undefined, weighted);
  const segs = q.segments.map((_, i) => `s${i}`);
  // Declared weighting: every group also by the weighting variables' values (copies k0…, so GROUPING(segs) still tells the sets apart).
  const cellVars = weightingVariables(q) ?? [];
  const ks = cellVars.map((_, j) => `k${j}`);
  const crossColumns = [...acc.columns, ...drivers.columns, ...nps.columns, ...cellVars.map((s, j) => `${segs[s]} AS ${ks[j]}`)];
  const byCell = ks.map((k) => `, ${k}`).join('');
  const all = [...slots, ...drivers.slots, ...nps.slots];
  // The file's data rows (header rows skipped), numbered in file order when the ids are row numbers.
  const rawSql = () => {
    const rows = `SELECT * FROM ${file.from(doubles)}${ctx.headerRows ? ` OFFSET ${ctx.headerRows}` : ''}`;
    return rowIds ? `SELECT *, row_number() OVER () AS row_no FROM (${rows})` : rows;
  };
  const sql = `WITH raw AS (${rawSql()}),
    t AS (SELECT *, ${texts.join(',\n')} FROM raw),
    n AS (SELECT *${parsed.map((p) => `, ${p}`).join('')} FROM t),
    v AS (SELECT ${values.join(',\n')}, ${bads.length ? bads.map((b) => `(${b})::INTEGER`).join(' + ') : '0'} AS cellbad FROM n),
    s AS (SELECT *, ${dims.length ? `${dims.join(', ')}, ` : ''}${rowBad.join(' + ')} AS bad FROM v),
    d AS (SELECT *${crossColumns.map((c) => `, ${c}`).join('')} FROM s)
    SELECT ${segs.length ? `GROUPING(${segs.join(', ')})` : '0'} AS g, wave${segs.map((s) => `, ${s}`).join('')}${byCell},
      ${all.map((s, i) => `${s.sql} AS a${i}`).join(',\n')}, sum(bad) AS bad, max(date) AS latest,
      ${rowIds ? '0' : 'count(id) - count(DISTINCT id)'} AS dup
    FROM d GROUP BY GROUPING SETS ((wave${byCell})${segs.map((s) => `, (wave, ${s}${byCell})`).join('')})`;
  const rows = await runSql(sql);
  const full = (1 << segs.length) - 1;
  const waveRows = rows.filter((r) => Number(r.g) === full);
  // Any broken rule, or no data rows (header rows past the end are a problem to word): the stream engine reads it.
  if (waveRows.length === 0) return FALLBACK.noRows;
  const bad = waveRows.reduce((n, r) => n + Number(r.bad), 0);
  if (bad > 0) return FALLBACK.rows(bad);
  if (waveRows.some((r) => Number(r.dup) > 0)) return FALLBACK.duplicate;
  // Ids unique within each wave is not enough: check across waves too (rare to differ; one more scan).
  if (!rowIds && waveRows.length > 1) {
    const [d] = await runSql(
      `WITH raw AS (${rawSql()}) SELECT count(x) - count(DISTINCT x) AS dup FROM (SELECT ${idSql(textSql(rawOf(idSource), cells))} AS x FROM raw)`,
    );
    if (Number(d.dup) > 0) return FALLBACK.duplicate;
  }
  const fold: SurveyFoldResult = { accs: { ...surveyAccs(), weighted }, npsDrivers: side, hasOverall: false, hasNps: false };
  // The segment rules (segmentProblems) from the (wave, segment) groups: the values across waves and the rows that answered.
  const counts = q.segments.map((segment) => {
    const source = find(segment);
    return { segment, label: source ? labelOf(source, segment) : segment, values: new Set<string>(), answered: 0 };
  });
  for (const r of rows) {
    const wave = ks.length
      ? cellWave(
          String(r.wave),
          ks.map((k) => (r[k] === null ? undefined : String(r[k]))),
          ks.map((_, j) => j),
        )
      : String(r.wave);
    const g = Number(r.g);
    const seg = segs.findIndex((_, i) => (g & (1 << (segs.length - 1 - i))) === 0);
    const isWave = g === full;
    if (!isWave && (r[segs[seg]] === null || r[segs[seg]] === '')) continue;
    const acc = surveyAcc(layout, isWave);
    if (isWave && !q.outcome) side.set((sideKey = wave), crossProducts(sideCols.length, layout.shift));
    all.forEach((s, i) => (isWave || i < slots.length) && s.set(acc, Number(r[`a${i}`] ?? 0)));
    if (!weighted) {
      unitWeights(acc);
      if (isWave && !q.outcome) unit(side.get(wave)!);
    }
    if (isWave) {
      fold.accs.byWave.set(wave, acc);
      fold.hasOverall ||= acc.overall.n > 0;
      fold.hasNps ||= acc.nps[0] + acc.nps[1] + acc.nps[2] > 0;
      if (r.latest !== null && (fold.latest === undefined || String(r.latest) > fold.latest)) fold.latest = String(r.latest);
    } else {
      const bySeg = fold.accs.bySegment.get(wave) ?? new Map();
      fold.accs.bySegment.set(wave, bySeg);
      const values = bySeg.get(q.segments[seg]) ?? new Map();
      bySeg.set(q.segments[seg], values);
      values.set(String(r[segs[seg]]), acc);
      counts[seg].values.add(String(r[segs[seg]]));
      counts[seg].answered += acc.n;
    }
  }
  const rowsRead = waveRows.reduce((n, r) => n + Number(r.a0), 0);
  // Problems of the whole file, as the loader words them: no line to point at, so no stream read is needed.
  const problems = segmentCountProblems(
    counts.map((c) => ({ ...c, distinct: c.values.size })),
    q.entities,
  ).map((p) => ({ file: ctx.file, ...p }));
  return { problems, rows: rowsRead, latest: fold.latest, layout: settleOutcome(fold, layout, q), accs: fold.accs };
}
