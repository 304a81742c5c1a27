/**
 * One byte range of a big CSV file, parsed in chunks and folded straight into
 * accumulators: feedRecords (papaparse's splitting, done directly for regular records —
 * fast-csv.ts), the same record rules (CsvRecords) and row rules (responsesSetup,
 * contactsSetup) as the in-memory loader, the same accumulators (survey-fold.ts, and the
 * KPI accumulator src/analysis/kpi-acc.ts) as every engine. Runs in a worker thread, or in-thread.
 * Lines are counted from the range's first line; the merge adds the lines before it.
 */
import { CsvRecords, type CsvHeader, type Delimiter } from '../data/csv';
import { contactsSetup } from '../data/contacts';
import { ProblemSink } from '../data/problems';
import { responsesSetup, type SegmentCount } from '../data/responses';
import type { Exclusion } from '../data/row-filter';
import type { SegmentTallyData } from '../data/segments';
import { tableHandlers, type TableContext, type TableSetup } from '../data/table';
import type { Problem } from '../schemas/problem';
import type { Item, Questionnaire } from '../schemas/questionnaire';
import type { SurveyAccs } from '../analysis/accumulate';
import { KpiGroups } from '../analysis/kpi-acc';
import type { CrossProducts } from '../analysis/moments';
import { decodedChunks, type Fatal } from './decode';
import { feedRecords } from './fast-csv';
import { HashedUnique, type DuplicateRef, type IdTableData } from './id-table';
import { SurveyFold } from './survey-fold';
import { FastResponses } from './fast-rows';

/** The first data rows, which the export's row rules check for a header row header_rows did not count (src/data/export-rows.ts): always the loader's handler's. */
const TOP_ROWS = 3;
/** The row at which the id table is sized for the whole range. */
const RESERVE_AT = 16_384;

export interface RangeTask {
  kind: 'responses' | 'contacts';
  path: string;
  /** Bytes [start, end) of the file; the first range starts after a BOM. */
  start: number;
  end: number;
  /** The first range reads the header (and its problems); the others are given it. */
  first: boolean;
  /** The file's size in bytes: the first range's id table, which the merge adds the others' into, is sized for the whole file. */
  size?: number;
  header?: CsvHeader;
  delimiter: Delimiter;
  ctx: TableContext;
  questionnaire?: Questionnaire;
  items?: Item[];
  thresholds?: number[];
  /** Error path only: collect the respondent ids on these lines (relative to the range). */
  idLines?: number[];
}

export interface RangeResult {
  problems: Problem[];
  omitted: number;
  rows: number;
  /** Physical lines read (the next range's first line is this many lines further). */
  lines: number;
  /** Whether the range ended on a record boundary, past the header: otherwise the split was wrong. */
  clean: boolean;
  /** The first range: whether it held the header (and header rows) but no data record. */
  headerOnly?: boolean;
  /** Records below the header rows, good or bad (rows counts only those the row rules read). */
  records?: number;
  /** The header the first range read (the others were given the planned one: they must agree). */
  headerNames?: string[];
  /** Rows keep: excluded in this range, per rule. */
  excluded?: Exclusion[];
  survey?: {
    accs: SurveyAccs;
    npsDrivers: Map<string, CrossProducts>;
    hasOverall: boolean;
    hasNps: boolean;
    latest?: string;
    ids: IdTableData;
    refs: DuplicateRef[];
    idColumn?: string;
    segments?: SegmentTallyData;
  };
  /** The KPI accumulators (KpiGroups' fields: a worker posts them by structured clone; merge.ts rebuilds them). */
  contacts?: { groups: KpiGroups['groups']; latest?: string };
  idsAt?: [number, string][];
  /** Where the bytes stopped being text (the file then has that one problem). */
  fatal?: Fatal;
  /** Not text: `problems` holds the file's one problem, nothing was read. */
  unreadable?: boolean;
}

/** Bytes and rows read so far in a range (every few MiB). */
export type OnBytes = (bytes: number, rows: number) => void;

export async function readRange(task: RangeTask, onBytes?: OnBytes): Promise<RangeResult> {
  const sink = new ProblemSink(task.ctx.file);
  let setup: TableSetup;
  let fold: SurveyFold | undefined;
  let groups: KpiGroups | undefined;
  let unique: HashedUnique | undefined;
  const idsAt: [number, string][] = [];
  const count: SegmentCount = {};
  /** Characters decoded so far. */
  let chars = 0;
  if (task.kind === 'responses') {
    const q = task.questionnaire!;
    const wanted = task.idLines ? new Set(task.idLines) : undefined;
    fold = new SurveyFold(task.items!, q);
    const generic = responsesSetup(
      q,
      task.items!,
      wanted ? () => {} : (v) => fold!.add(v),
      (s, column) => {
        if (wanted) return { add: (value, line) => (wanted.has(line) && idsAt.push([line, value]), true) };
        return (unique = new HashedUnique(s, column));
      },
      count,
      task.ctx.layout,
    );
    // Rows read whole from their spans where the settings allow (fast-rows.ts); the first rows, and any other, by the loader's handler.
    setup = (columns, cells, s) => {
      const handle = generic(columns, cells, s);
      const fast =
        handle && !wanted && unique && count.columns
          ? FastResponses.for(count.columns, task.ctx.cells ?? {}, unique, (v, whole) => fold!.add(v, whole))
          : undefined;
      if (!handle || !fast) return handle;
      return (c) => {
        // Room for the range's ids, estimated from the characters its first rows took: one table, not one doubled step by step.
        if (c.row === RESERVE_AT && chars > 0)
          unique!.table.reserve(Math.ceil((RESERVE_AT * ((task.first ? task.size : undefined) ?? task.end - task.start)) / chars));
        const record = c.spans;
        if (record === undefined || c.row <= TOP_ROWS || !fast.read(record, c.line)) handle(c);
      };
    };
  } else {
    const kpis = (groups = new KpiGroups(task.thresholds ?? []));
    setup = contactsSetup((c) => kpis.add(c));
  }
  const handlers = tableHandlers(task.ctx, setup, sink);
  const records = new CsvRecords(
    task.delimiter,
    { sink, headerRows: task.ctx.headerRows, limits: task.ctx.limits },
    handlers,
    task.first ? undefined : task.header,
  );
  if (!task.first) sink.clear(); // the header's problems are the first range's to report

  const fatal: Fatal = {};
  if (task.end > task.start) {
    let bytes = 0;
    let reported = 0;
    const onChunk =
      onBytes &&
      ((chars: number) => {
        bytes += chars; // characters: close enough to bytes for progress
        if (bytes - reported >= 4 * 1024 * 1024) {
          onBytes(bytes, handlers.rows());
          reported = bytes;
        }
      });
    await feedRecords(decodedChunks(task.path, task.start, task.end, fatal), task.delimiter, records, (n) => {
      chars += n;
      onChunk?.(n);
    });
    onBytes?.(task.end - task.start, handlers.rows());
  }
  // Other ranges may hold the data rows: the engine checks headerOnly over all of them.
  if (task.first) records.finish(true);

  const kept = sink.kept;
  return {
    problems: kept,
    omitted: sink.omittedCount,
    rows: handlers.rows(),
    lines: records.line - 1,
    headerNames: task.first ? records.header?.names : undefined,
    excluded: count.rows?.exclusions(),
    headerOnly: task.first ? records.headerOnly : undefined,
    records: records.dataRecords,
    clean: !records.openQuote && !records.stopped && records.header !== undefined && !records.skipping,
    survey: fold && {
      ...fold.result(),
      ids: unique?.table.data ?? { slots: new Uint32Array(0), size: 0 },
      refs: unique?.refs ?? [],
      idColumn: unique?.column,
      segments: count.tally,
    },
    contacts: groups && { groups: groups.groups, latest: groups.latest },
    idsAt: task.idLines ? idsAt : undefined,
    fatal: fatal.nul !== undefined || fatal.invalid !== undefined ? fatal : undefined,
  };
}
