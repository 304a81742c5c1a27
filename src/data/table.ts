/** One contract CSV file: CSV records → Columns + Cells for a file-specific row handler. */
import { readCsv, type CsvHandlers } from './csv';
import { Cells, type CellOptions } from './cells';
import { Columns, type Mapping } from './columns';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { ProblemSink } from './problems';
import type { Problem } from '../schemas/problem';
import type { ExportLayout } from './tool-presets';
import type { Exclusion } from './row-filter';

/** What every file parser is given besides its text. */
export interface TableContext {
  /** The name shown in messages (the contract name, or the mapped path). */
  file: string;
  mapping?: Mapping;
  cells?: Omit<CellOptions, 'decimalComma'>;
  headerRows?: number;
  limits?: Limits;
  /** How a survey tool's export is read (keep:, dates, waves, tool preset): src/data/tool-presets.ts. */
  layout?: ExportLayout;
}

export interface TableResult {
  problems: Problem[];
  /** Data records read (after header rows), for the summary line. */
  rows: number;
  /** Rows `keep:` excluded, per rule (responses.csv with row rules only). */
  excluded?: Exclusion[];
}

/** At the header: resolves the columns (reporting missing ones) and returns the per-record handler, or undefined to skip the records. */
export type TableSetup = (columns: Columns, cells: Cells, sink: ProblemSink) => ((cells: Cells) => void) | undefined;

/** The CSV handlers of one table (text or stream): header → Columns + Cells + setup, then each record. */
export function tableHandlers(ctx: TableContext, setup: TableSetup, sink: ProblemSink): CsvHandlers & { rows(): number } {
  let handle: ((cells: Cells) => void) | undefined;
  let cells: Cells | undefined;
  let rows = 0;
  return {
    header: (h) => {
      cells = new Cells(sink, { ...ctx.cells, decimalComma: h.delimiter === ';' });
      const columns = new Columns(h.names, ctx.mapping ?? { columns: {}, constants: {} }, sink, h.below, h.belowLines);
      handle = setup(columns, cells, sink);
    },
    record: (fields, line, row) => {
      rows = row;
      if (!handle || !cells) return;
      cells.at(fields, line, row);
      handle(cells);
    },
    spans: (record, line, row) => {
      rows = row;
      if (!handle || !cells) return;
      cells.atSpans(record, line, row);
      handle(cells);
    },
    rows: () => rows,
  };
}

/** Reads `text` through `setup` (see TableSetup). */
export function readTable(text: string, ctx: TableContext, setup: TableSetup, sink = new ProblemSink(ctx.file)): TableResult {
  const handlers = tableHandlers(ctx, setup, sink);
  readCsv(text, { sink, headerRows: ctx.headerRows, limits: ctx.limits ?? DEFAULT_LIMITS }, handlers);
  return { problems: sink.list(), rows: handlers.rows() };
}

/** The problem for a value used twice in a unique column. */
export function duplicateProblem(column: string, value: string, first: number, line: number): Omit<Problem, 'file'> {
  return { line, column, value, message: `is used twice, on lines ${first} and ${line}.`, hint: `Each ${column} must be unique.` };
}

/** What a unique column is checked with (UniqueCheck in memory; a compact hashed table when streaming). */
export interface Unique {
  add(value: string, line: number): boolean;
}

/** Reports a value used twice in a column that must be unique, naming both lines. */
export class UniqueCheck implements Unique {
  private readonly seen = new Map<string, number>();
  constructor(private readonly sink: ProblemSink, private readonly column: string) {}

  add(value: string, line: number): boolean {
    const first = this.seen.get(value);
    if (first === undefined) {
      this.seen.set(value, line);
      return true;
    }
    this.sink.add(duplicateProblem(this.column, value, first, line));
    return false;
  }
}
