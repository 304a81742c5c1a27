/**
 * The warehouse engine: the survey responses are a ClickHouse table (questionnaire.yaml's
 * `warehouse:`), aggregated where they lie — a Distributed table's shards each sum their
 * rows — into the SurveyAccs the other engines fold, so figuresFrom finishes unchanged.
 * The table's columns are the header (the `columns:` mapping and the header rules apply);
 * a value that breaks a rule is counted by the query and reported per column, since a table
 * has no line to point at. Weighting as declared (post-stratification, raking) is summed per
 * weighting cell and weighed by analyze.ts as for every engine; a weight column is summed
 * weighted. keep: filters the rows (WHERE), counting each rule's exclusions; scales:, reverse:,
 * binary:, recode: (numbers and segment values) and constructs are the same arithmetic in SQL;
 * wave_from: date derives the wave from the day, read in date_format: as readDate reads it (any year
 * from 1, by arithmetic, not ClickHouse's Date); a survey tool's settings apply to the table as to its
 * export: source: (the tool's column names, completion rules and date format), by_position: (the
 * table's column order) and by_text: (question texts as the columns' comments). Cells read as
 * Cells.text reads them (bidi controls stripped, JavaScript's trim), ids compared after normalizeId
 * (NFC, client-side). contacts.csv and the small files stay the loader's and the stream
 * engine's (loadWith). Network and server failures are Problems naming the server by its
 * address: never a stack trace, never a user or password.
 */
import type { SurveySource } from '../analysis/analyze';
import { surveyAccs } from '../analysis/accumulate';
import { cellWave, weightingVariables } from '../analysis/weighting-cells';
import { crossProducts, type CrossProducts } from '../analysis/moments';
import { surveyAcc, unit, unitWeights } from '../analysis/survey-acc';
import { Cells } from '../data/cells';
import { Columns, labelOf } from '../data/columns';
import { ProblemSink } from '../data/problems';
import { normalizeId, responsesSetup } from '../data/responses';
import { describeCondition, type Exclusion } from '../data/row-filter';
import type { ExportLayout } from '../data/tool-presets';
import { segmentCountProblems } from '../data/segments';
import type { TableContext } from '../data/table';
import type { Warehouse } from '../schemas/engine';
import type { Problem } from '../schemas/problem';
import type { Item, Questionnaire } from '../schemas/questionnaire';
import { streamContacts, type StreamedResponses } from '../stream/engine';
import { foldLayout, settleOutcome, type SurveyFoldResult } from '../stream/survey-fold';
import { connectionFor, httpFetch, runClickhouse, type Answer, type ClickhouseConnection, type Env } from './clickhouse-http';
import {
  asciiIdsPresentQuery,
  duplicateQuery,
  exclusionQuery,
  FINE_GROUPS,
  groupCountQuery,
  nonAsciiIdsQuery,
  PREFIX,
  surveyQuery,
  type KeepRule,
  type SurveyQuery,
  type TableShape,
} from './clickhouse-sql';
import { driverColumns } from './duckdb-sql';
import type { Accumulated, Engine } from './engine';

/** The name problems give the table (a table has no file and no line). */
export const tableShown = (w: Warehouse) => `${w.source}:${w.table}`;

type Read = Pick<StreamedResponses, 'problems' | 'rows'> & Partial<StreamedResponses>;

const failed = (file: string, message: string, hint: string): Read => ({ problems: [{ file, message, hint }], rows: 0 });

/**
 * The engine with its environment passed in (tests give credentials and a fetch without touching
 * process.env); `fineGroups`: up to how many groups of wave × every segment × cell it asks for
 * in one grouping (more: one grouping per segment).
 */
export function clickhouseEngineWith(env: Env = process.env, fetchImpl: typeof fetch = httpFetch, fineGroups = FINE_GROUPS): Engine {
  return {
    name: 'clickhouse',
    files: ['responses.csv', 'contacts.csv'],
    async accumulate({ paths, parsedQ, contexts, thresholds, options }) {
      const q = parsedQ?.questionnaire;
      const streamed: Accumulated['streamed'] = {};
      let source: SurveySource | undefined;
      if (q && !q.warehouse) {
        streamed['responses.csv'] = failed(
          contexts.base('questionnaire.yaml').file,
          'names no warehouse table, so the clickhouse engine has nothing to read.',
          'Add warehouse: { source: clickhouse, table: <db.table>, url: <http://host:8123> }, or choose the memory, stream or duckdb engine for CSV files.',
        );
      } else if (q?.warehouse) {
        const r = await readWarehouse(q.warehouse, q, parsedQ!.items, contexts.survey('responses.csv'), env, fetchImpl, fineGroups);
        streamed['responses.csv'] = r;
        if (r.layout && r.accs) source = { layout: r.layout, accs: r.accs, engine: 'clickhouse' };
      }
      if (paths['contacts.csv']) streamed['contacts.csv'] = await streamContacts(paths['contacts.csv'], contexts.base('contacts.csv'), thresholds, options);
      return { streamed, source };
    },
  };
}

export const clickhouseEngine: Engine = clickhouseEngineWith();

/** The table's columns (names, types and comments) by DESCRIBE, or the problem that stops the read. */
async function describe(conn: ClickhouseConnection, w: Warehouse): Promise<{ names: string[]; types: string[]; comments: string[] } | Read> {
  const answer = await runClickhouse(conn, `DESCRIBE TABLE ${w.table}`);
  if ('error' in answer) return failed(tableShown(w), `cannot be read: ${answer.error}.`, HINT);
  return { names: answer.data.map((r) => String(r[0])), types: answer.data.map((r) => String(r[1])), comments: answer.data.map((r) => String(r[4] ?? '')) };
}

const HINT = 'Check warehouse: in questionnaire.yaml (url, table) and GAPREPORT_CLICKHOUSE_URL / _USER / _PASSWORD, and that the server answers.';

async function readWarehouse(
  w: Warehouse,
  q: Questionnaire,
  items: Item[],
  ctx: TableContext,
  env: Env,
  fetchImpl: typeof fetch,
  fineGroups: number,
): Promise<Read> {
  const file = tableShown(w);
  const conn = connectionFor(w, env, fetchImpl);
  if ('problem' in conn) return failed('questionnaire.yaml', conn.problem, conn.hint);
  const described = await describe(conn, w);
  if ('problems' in described) return described;
  const { names, types, comments } = described;
  const sink = new ProblemSink(file);
  const map = ctx.mapping ?? { columns: {}, constants: {} };
  // by_text: a table keeps the question texts of its export as its columns' comments.
  const byText = Object.keys(ctx.layout?.byText ?? {});
  const texts = comments.some((c) => c.trim() !== '') ? [comments] : [];
  if (byText.length && !texts.length)
    return failed(
      'questionnaire.yaml',
      `by_text: finds ${byText.map((c) => `"${c}"`).join(', ')} by question text, but no column of ${file} has a comment, where a table keeps the question texts.`,
      `Give the columns their question texts (ALTER TABLE … COMMENT COLUMN \`Q5_1\` 'How quickly …'), or map them by name with columns:.`,
    );
  const columns = new Columns(names, map, sink, texts);
  // "#row" numbers a file's data rows; a table's rows have no order (a Distributed table's shards answer in any).
  if (columns.find('respondent_id')?.kind === 'row')
    return failed(
      'questionnaire.yaml',
      `numbers the respondents by their row (respondent_id: "#row"${ctx.layout?.source === 'google-forms' ? ', as source: google-forms does' : ''}), but the rows of ${file} have no order to number them by.`,
      'Map respondent_id to the column of the table that identifies each response (columns: { respondent_id: <column> }).',
    );
  responsesSetup(q, items, () => {}, undefined, {}, ctx.layout)(columns, new Cells(sink), sink); // the header's own problems (a keep: column the table lacks too), as the loader words them
  const clash = names.find((c) => c.startsWith(PREFIX));
  if (clash)
    sink.add({
      column: clash,
      message: `starts with ${PREFIX}, which the warehouse query keeps for its own names.`,
      hint: 'Rename the column, or read it through a view.',
    });
  if (sink.count > 0) return { problems: sink.list().map(({ line: _line, ...p }) => p), rows: 0 };
  const find = (c: string) => new Columns(names, map, new ProblemSink(''), texts).find(c);
  const shape: TableShape = { table: w.table, names, types, find };
  const keep = activeKeep(ctx.layout, new Columns(names, map, new ProblemSink(''), texts), names);
  const layout = foldLayout(items, q);
  const side = new Map<string, CrossProducts>();
  let sideKey = '';
  // One grouping by every segment when its groups are few (one read of each row), else one per segment.
  const countSql = groupCountQuery(shape, q, ctx.layout?.wavePeriod !== undefined);
  const groups = countSql ? await runClickhouse(conn, countSql) : undefined;
  if (groups && 'error' in groups) return failed(file, `cannot be aggregated: ${groups.error}.`, HINT);
  const fine = groups !== undefined && Number(groups.data[0]?.[0] ?? Infinity) <= fineGroups;
  const query = surveyQuery(shape, q, items, layout, () => side.get(sideKey), ctx.cells?.recode ?? q.recode ?? {}, fine, {
    plan: ctx.cells?.plan,
    keep,
    wavePeriod: ctx.layout?.wavePeriod,
    dateFormat: ctx.layout?.dates.format,
  });
  const [answers, dups, exclusions] = await Promise.all([
    Promise.all(query.sqls.map((s) => runClickhouse(conn, s.sql))),
    duplicateIds(conn, shape, q, keep),
    keep.length ? runClickhouse(conn, exclusionQuery(shape, q, keep)) : undefined,
  ]);
  for (const a of [...answers, exclusions]) if (a && 'error' in a) return failed(file, `cannot be aggregated: ${a.error}.`, HINT);
  if (typeof dups === 'string') return failed(file, `cannot be aggregated: ${dups}.`, HINT);
  // keep: the rows read, and those each rule excluded (RowFilter.exclusions), for validate and the methodology.
  const counted = exclusions && !('error' in exclusions) ? exclusions.data[0].map(Number) : undefined;
  const excluded: Exclusion[] | undefined = counted && keep.map((r, i) => ({ rule: describeCondition(r.condition), rows: counted[i + 1] }));
  const joined = joinChunks(answers as Answer[], query);
  const rows = query.fine ? coarsen(joined, q) : joined;
  const waveRows = rows.filter((r) => Number(r[0]) === 0);
  if (waveRows.length === 0) return failed(file, 'has no rows.', 'Load the responses into the table, or point warehouse: table at the one that holds them.');
  const problems: Problem[] = [];
  const base = lead(query) + query.slots.length;
  query.breaches.forEach((b, i) => {
    const count = waveRows.reduce((s, r) => s + Number(r[base + i] ?? 0), 0);
    if (count > 0)
      problems.push({
        file,
        column: b.column,
        message: `${count.toLocaleString('en-US')} ${count === 1 ? 'row breaks' : 'rows break'} a rule of the data contract: ${b.rule}.`,
        hint: `Find ${count === 1 ? 'it' : 'them'} in the table, fix the values (or list a code under missing:), and run again.`,
      });
  });
  if (dups > 0)
    problems.push({
      file,
      column: 'respondent_id',
      message: `${dups.toLocaleString('en-US')} ${dups === 1 ? 'respondent id is' : 'respondent ids are'} used more than once.`,
      hint: 'Each respondent is one row: remove the repeated rows.',
    });
  if (problems.length) return { problems, rows: 0 };
  const folded = fold(rows, query, shape, layout, q, side, (k) => (sideKey = k));
  return { ...folded, ...(counted ? { rows: counted[0], excluded } : {}), problems: folded.problems.map((p) => ({ ...p, file })) };
}

/** The keep: rules that apply to the table (RowFilter): an analyst's always (its column missing was reported), a preset's where its column is. */
function activeKeep(layout: ExportLayout | undefined, columns: Columns, names: string[]): KeepRule[] {
  return (layout?.keep ?? []).flatMap((rule) => {
    const name = rule.condition.column;
    const peeked = columns.peek(name);
    const index = columns.indexOf(name) ?? (peeked?.kind === 'header' ? peeked.index : undefined);
    return index === undefined ? [] : [{ condition: rule.condition, source: { kind: 'header' as const, index, name: names[index] } }];
  });
}

/**
 * Rows whose id another kept row already has, as the loader counts them (UniqueCheck over normalizeId):
 * ASCII ids by the server; the few non-ASCII ones normalized here (NFC, invisible characters stripped),
 * since ClickHouse 18 has no NFC, then checked against the ASCII ids they may have become. A sentence on failure.
 */
async function duplicateIds(conn: ClickhouseConnection, shape: TableShape, q: Questionnaire, keep: KeepRule[]): Promise<number | string> {
  const sql = duplicateQuery(shape, q, keep);
  if (!sql) return 0;
  const first = await runClickhouse(conn, sql);
  if ('error' in first) return first.error;
  const [asciiDups, wide] = first.data[0].map(Number);
  if (wide === 0) return asciiDups;
  const listed = await runClickhouse(conn, nonAsciiIdsQuery(shape, q, keep)!);
  if ('error' in listed) return listed.error;
  const byId = new Map<string, number>();
  for (const [id, count] of listed.data) {
    const norm = normalizeId(String(id));
    byId.set(norm, (byId.get(norm) ?? 0) + Number(count));
  }
  // Normalized to ASCII ("R\u200B1" → "R1"): a repeat of every row if the ASCII id is in the table.
  const becameAscii = [...byId.keys()].filter((id) => !/[^\x00-\x7f]/.test(id));
  let present = new Set<string>();
  if (becameAscii.length) {
    const found = await runClickhouse(conn, asciiIdsPresentQuery(shape, q, becameAscii, keep)!);
    if ('error' in found) return found.error;
    present = new Set(found.data.map((r) => String(r[0])));
  }
  let dups = asciiDups;
  for (const [id, count] of byId) dups += present.has(id) ? count : count - 1;
  return dups;
}

/** The answer's columns before the aggregates: g, wave, segment value, then the weighting cell's values. */
const lead = (query: SurveyQuery) => 3 + query.cellColumns;

/**
 * The fine grouping's rows (wave × every segment's value) folded into the rows of the wave and of
 * each wave × segment value, with the cell's values after the segment value, as the UNION ALL
 * query answers them: counts and sums add, max(date) is the greatest; a segment's missing value
 * is in the wave's rows only (the UNION ALL query's WHERE seg IS NOT NULL).
 */
function coarsen(rows: unknown[][], q: Questionnaire): unknown[][] {
  const segments = q.segments.length;
  const cells = weightingVariables(q) ?? [];
  const from = 3 + segments;
  const width = rows[0]?.length ?? 0;
  const last = width - from - 1; // max(date)
  const out = new Map<string, unknown[]>();
  const add = (head: unknown[], r: unknown[]) => {
    const key = JSON.stringify(head);
    const row = out.get(key);
    if (!row) return void out.set(key, [...head, ...r.slice(from)]);
    for (let j = 0; j < last; j++) {
      const v = r[from + j];
      if (v !== null && v !== undefined) row[head.length + j] = Number(row[head.length + j] ?? 0) + Number(v);
    }
    const date = r[width - 1];
    const at = head.length + last;
    if (date !== null && date !== undefined && (row[at] === null || row[at] === undefined || String(date) > String(row[at]))) row[at] = date;
  };
  for (const r of rows) {
    const values = r.slice(3, from);
    const cell = cells.map((i) => values[i]);
    add([0, r[1], '', ...cell], r);
    values.forEach((v, i) => v !== null && v !== undefined && add([i + 1, r[1], v, ...cell], r));
  }
  return [...out.values()];
}

/** One row per grouping (g, wave, segment value, weighting cell; fine: g, wave, '', every segment's value) with every column, from the chunks' answers. */
function joinChunks(answers: Answer[], query: SurveyQuery): unknown[][] {
  const k = query.fine ? 3 + query.segmentKeys : lead(query);
  const width = k + query.slots.length + query.breaches.length + 1;
  const byKey = new Map<string, unknown[]>();
  answers.forEach((a, c) => {
    for (const r of a.data) {
      const key = JSON.stringify(r.slice(0, k));
      let row = byKey.get(key);
      if (!row) byKey.set(key, (row = [...r.slice(0, k), ...new Array<unknown>(width - k).fill(null)]));
      r.slice(k).forEach((v, j) => (row![k + query.sqls[c].from + j] = v));
    }
  });
  return [...byKey.values()];
}

/** The answer's rows into SurveyAccs, as duckdb-fs.ts folds its GROUPING SETS rows (g 0: the wave; g i: wave × segment i). */
function fold(
  rows: unknown[][],
  query: SurveyQuery,
  shape: TableShape,
  layout: ReturnType<typeof foldLayout>,
  q: Questionnaire,
  side: Map<string, CrossProducts>,
  setSide: (wave: string) => void,
): Omit<StreamedResponses, 'problems'> & { problems: Problem[] } {
  const result: SurveyFoldResult = { accs: { ...surveyAccs(), weighted: query.weighted }, npsDrivers: side, hasOverall: false, hasNps: false };
  const counts = q.segments.map((segment) => ({ segment, label: labelOf(shape.find(segment)!, segment), values: new Set<string>(), answered: 0 }));
  const k = lead(query);
  const latestAt = k + query.slots.length + query.breaches.length;
  const cellIndexes = Array.from({ length: query.cellColumns }, (_, j) => j);
  for (const r of rows) {
    const g = Number(r[0]);
    // Declared weighting: the wave key carries the cell (cellWave), as every engine folds it, and weighAccs weighs the cells.
    const wave = query.cellColumns
      ? cellWave(
          String(r[1]),
          cellIndexes.map((j) => (r[3 + j] === null ? undefined : String(r[3 + j]))),
          cellIndexes,
        )
      : String(r[1]);
    const isWave = g === 0;
    const acc = surveyAcc(layout, isWave);
    if (isWave && !q.outcome) {
      side.set(wave, crossProducts(driverColumns(layout, 'nps').length, layout.shift));
      setSide(wave);
    }
    query.slots.forEach((s, i) => (isWave || i < query.segmentSlots) && s.set(acc, Number(r[k + i] ?? 0)));
    // Unweighted sums: every weight 1, so Σw = Σw² = n (as duckdb-fs.ts sets them).
    if (!query.weighted) {
      unitWeights(acc);
      for (const c of acc.constructs ?? []) [c.score, c.alpha].forEach(unit); // unitWeights leaves the constructs
      if (isWave && !q.outcome) unit(side.get(wave)!);
    }
    if (isWave) {
      result.accs.byWave.set(wave, acc);
      result.hasOverall ||= acc.overall.n > 0;
      result.hasNps ||= acc.nps[0] + acc.nps[1] + acc.nps[2] > 0;
      const latest = r[latestAt];
      if (latest !== null && latest !== undefined && (result.latest === undefined || String(latest) > result.latest)) result.latest = String(latest);
    } else {
      const segment = q.segments[g - 1];
      const bySeg = result.accs.bySegment.get(wave) ?? new Map();
      result.accs.bySegment.set(wave, bySeg);
      const values = bySeg.get(segment) ?? new Map();
      bySeg.set(segment, values);
      values.set(String(r[2]), acc);
      counts[g - 1].values.add(String(r[2]));
      counts[g - 1].answered += acc.n;
    }
  }
  const rowsRead = [...result.accs.byWave.values()].reduce((s, a) => s + a.n, 0);
  const problems = segmentCountProblems(
    counts.map((c) => ({ ...c, distinct: c.values.size })),
    q.entities,
  ).map((p) => ({ file: '', ...p }));
  return { problems, rows: rowsRead, latest: result.latest, layout: settleOutcome(result, layout, q), accs: result.accs };
}
