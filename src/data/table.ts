/** One contract CSV file: CSV records → Columns + Cells for a file-specific row handler. */
import { readCsv } from './csv';
import { Cells, type CellOptions } from './cells';
import { Columns, type Mapping } from './columns';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { ProblemSink } from './problems';
import type { Problem } from '../schemas/problem';

/** What every file parser is given besides its text. */
export interface TableContext {
  /** The name shown in messages (the contract name, or the mapped path). */
  file: string;
  mapping?: Mapping;
  cells?: Omit<CellOptions, 'decimalComma'>;
  headerRows?: number;
  limits?: Limits;
}

export interface TableResult {
  problems: Problem[];
  /** Data records read (after header rows), for the summary line. */
  rows: number;
}

/**
 * Reads `text`; at the header `setup` resolves its columns (reporting missing ones) and
 * returns the handler for each record, or undefined to skip the records.
 */
export function readTable(
  text: string,
  ctx: TableContext,
  setup: (columns: Columns, cells: Cells, sink: ProblemSink) => ((cells: Cells) => void) | undefined,
  sink = new ProblemSink(ctx.file),
): TableResult {
  let handle: ((cells: Cells) => void) | undefined;
  let cells: Cells | undefined;
  let rows = 0;
  readCsv(text, { sink, headerRows: ctx.headerRows, limits: ctx.limits ?? DEFAULT_LIMITS }, {
    header: (h) => {
      cells = new Cells(sink, { ...ctx.cells, decimalComma: h.delimiter === ';' });
      const columns = new Columns(h.names, ctx.mapping ?? { columns: {}, constants: {} }, sink);
      handle = setup(columns, cells, sink);
    },
    record: (fields, line, row) => {
      rows = row;
      if (!handle || !cells) return;
      cells.at(fields, line, row);
      handle(cells);
    },
  });
  return { problems: sink.list(), rows };
}

/** Reports a value used twice in a column that must be unique, naming both lines. */
export class UniqueCheck {
  private readonly seen = new Map<string, number>();
  constructor(private readonly sink: ProblemSink, private readonly column: string) {}

  add(value: string, line: number): boolean {
    const first = this.seen.get(value);
    if (first === undefined) {
      this.seen.set(value, line);
      return true;
    }
    this.sink.add({ line, column: this.column, value, message: `is used twice, on lines ${first} and ${line}.`, hint: `Each ${this.column} must be unique.` });
    return false;
  }
}
