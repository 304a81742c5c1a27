/**
 * CSV text → records with their physical line numbers (SPEC §2: BOM, `,` or `;`,
 * CRLF/LF, quoted line breaks, extra header rows). papaparse runs with `header: false`
 * and hands each record to a callback, so no per-row objects are built (PERF-NOTES).
 */
import Papa from 'papaparse';
import { DEFAULT_LIMITS, formatBytes, type Limits } from './limits';
import type { ProblemSink } from './problems';

export type Delimiter = ',' | ';';

export interface CsvHeader {
  /** Header names as written (trimmed). */
  names: string[];
  /** The delimiter detected from the header line. */
  delimiter: Delimiter;
  /** The header rows below the names, as read (question texts, Qualtrics' ImportId row): what by_text: and the header checks read. */
  below?: string[][];
  /** The physical line of each row of `below`. */
  belowLines?: number[];
}

export interface CsvOptions {
  sink: ProblemSink;
  /** Extra header rows below the names, skipped. */
  headerRows?: number;
  limits?: Limits;
}

/** `,` or `;`, whichever occurs more often outside quotes on the first line (ties: `,`). */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') break;
    else if (c === ',') commas++;
    else if (c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Line breaks inside a record's quoted fields: each one moves the next record down a line. */
export function breaksIn(fields: string[]): number {
  let n = 0;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.indexOf('\n') < 0 && f.indexOf('\r') < 0) continue;
    n += f.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return n;
}

/**
 * Parses `text`, calling `handlers.record` for every data record whose field count
 * matches the header. Problems (ragged rows, unclosed quotes, oversize fields) go to the
 * sink. Returns undefined when there is no usable header.
 */
export interface CsvHandlers {
  /** Called once, with the header and the header rows below it, before any record. */
  header?: (header: CsvHeader) => void;
  /** Called per data record: its fields, first physical line, and 1-based data row number. */
  record: (fields: string[], line: number, row: number) => void;
  /** Called instead of `record` for a record read as spans (CsvRecords.stepSpans), when given: the same record, its fields not yet cut out. */
  spans?: (record: SpanRecord, line: number, row: number) => void;
}

/**
 * One record as spans of the text it was read from (the stream reader's regular records,
 * src/stream/fast-csv.ts): field i is text[starts[i], ends[i]), with `""` read as `"` where
 * `escaped[i]`. Fields become strings only when read as text (field, fields); numbers are
 * read from the characters (src/data/cells.ts). Reused from record to record: valid only
 * while its record is being handled.
 */
export class SpanRecord {
  text = '';
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  escaped = new Uint8Array(64);
  /** Whether some field needs `""` read as `"`. */
  anyEscaped = false;
  private cut: string[] | undefined;

  /** Starts a record over `text`. */
  reset(text: string): void {
    this.text = text;
    this.count = 0;
    this.anyEscaped = false;
    this.cut = undefined;
  }

  push(start: number, end: number, escaped: boolean): void {
    const i = this.count;
    if (i === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts, (n) => new Int32Array(n));
      this.ends = grow(this.ends, (n) => new Int32Array(n));
      this.escaped = grow(this.escaped, (n) => new Uint8Array(n));
    }
    this.starts[i] = start;
    this.ends[i] = end;
    this.escaped[i] = escaped ? 1 : 0;
    if (escaped) this.anyEscaped = true;
    this.count = i + 1;
  }

  /** Field i as the string papaparse would have given. */
  field(i: number): string {
    if (this.cut) return this.cut[i];
    const value = this.text.substring(this.starts[i], this.ends[i]);
    return this.escaped[i] ? value.replace(QUOTED_QUOTE, '"') : value;
  }

  /** Every field as strings (made once per record). */
  fields(): string[] {
    if (this.cut) return this.cut;
    const out: string[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.field(i);
    return (this.cut = out);
  }

  /** An upper bound of field i's length (its span; `""` reads as one character). */
  spanLength(i: number): number {
    return this.ends[i] - this.starts[i];
  }
}

const QUOTED_QUOTE = /""/g;
const NO_ERRORS: readonly { type: string; code: string; message: string }[] = Object.freeze([]);

/**
 * The record-by-record rules of readCsv, apart from where the records come from (a whole
 * text, or a stream over a byte range of a file — src/stream). `line` is the physical line
 * of the next record; a reader that starts mid-file is given the header and counts lines
 * from 1 (its caller adds the lines before it).
 */
export class CsvRecords {
  header: CsvHeader | undefined;
  line = 1;
  row = 0;
  stopped = false;
  /** Whether the last record read ended inside an unclosed quote. */
  openQuote = false;
  private toSkip: number;
  private readonly headerRows: number;
  /** Qualtrics' ImportId rows skipped after the header rows (they are never respondents). */
  private importRows = 0;
  /** Whether handlers.header has been called: deferred until the header rows below the names are read. */
  private announced = false;
  /** Non-blank records after the header, good or bad: header rows and data. */
  private below = 0;
  private readonly sink: ProblemSink;
  private readonly limits: Limits;

  constructor(readonly delimiter: Delimiter, options: CsvOptions, private readonly handlers: CsvHandlers, header?: CsvHeader) {
    this.sink = options.sink;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.headerRows = header ? 0 : (options.headerRows ?? 0);
    this.toSkip = this.headerRows;
    if (header) {
      this.header = header;
      this.announce();
    }
  }

  private announce(): void {
    if (this.announced || !this.header) return;
    this.announced = true;
    this.handlers.header?.(this.header);
  }

  /** Whether header rows below the names are still to come. */
  get skipping(): boolean {
    return this.toSkip > 0;
  }

  /**
   * One parsed record with papaparse's errors for it; false when reading must stop.
   * `breaks`: the line breaks inside its fields, when the caller knows (else counted).
   */
  step(fields: string[], errors: readonly { type: string; code: string; message: string }[], breaks?: number): boolean {
    if (this.stopped) return false;
    const { sink, limits } = this;
    const at = this.line;
    this.line += 1 + (breaks ?? breaksIn(fields));
    this.openQuote = false;
    if (fields.length === 1 && fields[0].trim() === '') return true; // a blank line (a lone CR or spaces too)
    if (this.header) this.below++;
    const quoteError = errors.length === 0 ? undefined : errors.find((e) => e.type === 'Quotes');
    if (quoteError) {
      sink.add({
        line: at,
        message: quoteError.code === 'MissingQuotes'
          ? 'an opening quote (") is never closed, so the rest of the file was read as one value.'
          : `a quoted value is malformed (${quoteError.message}).`,
        hint: 'Close the quote, and double any quote inside a quoted value ("").',
      });
      if (quoteError.code === 'MissingQuotes') {
        this.openQuote = true;
        return true;
      }
    }
    let long = -1;
    const maxChars = limits.maxFieldChars;
    for (let i = 0; i < fields.length; i++) {
      if (fields[i].length > maxChars) {
        long = i;
        break;
      }
    }
    if (long >= 0) {
      sink.add({ line: at, message: `field ${long + 1} is ${formatBytes(fields[long].length)} long; the limit is ${formatBytes(limits.maxFieldChars)}.`, hint: 'Check for an unclosed quote above this line.' });
      return true;
    }
    const header = this.header;
    if (!header) {
      if (fields.length === 1 && fields[0].includes('\t')) {
        sink.add({ line: at, message: 'is separated by tabs; gapreport reads files separated by "," or ";".', hint: 'Save it from the spreadsheet as "CSV UTF-8", or replace the tabs with commas.' });
        this.stopped = true;
        return false;
      }
      if (fields.length > limits.maxColumns) {
        sink.add({ line: at, message: `the header has ${fields.length} columns; the limit is ${limits.maxColumns}.`, hint: 'Is this the right file and delimiter?' });
        this.stopped = true;
        return false;
      }
      this.header = { names: fields.map((f) => f.trim()), delimiter: this.delimiter, below: [], belowLines: [] };
      return true;
    }
    if (this.toSkip > 0) {
      this.toSkip--;
      header.below?.push(fields);
      header.belowLines?.push(at);
      return true;
    }
    if (!this.announced) {
      // Qualtrics writes a third header row of JSON import ids; it is a header row whatever header_rows says.
      if (isImportIdRow(fields)) {
        this.importRows++;
        header.below?.push(fields);
        header.belowLines?.push(at);
        return true;
      }
      this.announce();
    }
    this.row++;
    if (fields.length !== header.names.length) {
      sink.add({ line: at, message: `this row has ${fields.length} values, but the header has ${header.names.length} columns.`, hint: `Check the delimiter ("${this.delimiter}") and quotes on this line.` });
      return true;
    }
    this.handlers.record(fields, at, this.row);
    return true;
  }

  /**
   * A record read as spans, with no line break inside its fields (`breaks` 0): what step
   * does with its fields, in the same order, without cutting them out — unless the header,
   * its rows or an oversize field are still to be read, which step reads from the strings.
   */
  stepSpans(record: SpanRecord): boolean {
    if (this.stopped) return false;
    const header = this.header;
    const handle = this.handlers.spans;
    if (!handle || !header || this.toSkip > 0 || !this.announced) return this.step(record.fields(), NO_ERRORS, 0);
    const count = record.count;
    const maxChars = this.limits.maxFieldChars;
    // No field is longer than its record: only a record longer than the limit has its fields measured.
    if (count > 0 && record.ends[count - 1] - record.starts[0] > maxChars) {
      for (let i = 0; i < count; i++) if (record.spanLength(i) > maxChars) return this.step(record.fields(), NO_ERRORS, 0);
    }
    const at = this.line;
    this.line += 1;
    this.openQuote = false;
    if (count === 1 && record.field(0).trim() === '') return true; // a blank line (a lone CR or spaces too)
    this.below++;
    this.row++;
    if (count !== header.names.length) {
      this.sink.add({ line: at, message: `this row has ${count} values, but the header has ${header.names.length} columns.`, hint: `Check the delimiter ("${this.delimiter}") and quotes on this line.` });
      return true;
    }
    handle(record, at, this.row);
    return true;
  }

  /** A header (and its header_rows, if any), but not one data record below it. */
  get headerOnly(): boolean {
    return this.header !== undefined && !this.stopped && (this.below === 0 || this.below === this.headerRows + this.importRows);
  }

  /** Records below the header and its header rows, good or bad (a ragged row, an oversize field). */
  get dataRecords(): number {
    return Math.max(0, this.below - this.headerRows - this.importRows);
  }

  /**
   * Reports a file without a header, or without data rows (call once, at the end of the
   * whole file). `rowsElsewhere`: the caller reads other parts of the file too (a stream
   * range), and checks headerOnly against all of them itself.
   */
  finish(rowsElsewhere = false): void {
    this.announce();
    if (!this.header && !this.stopped) this.sink.add({ message: 'is empty: it needs a header row.' });
    else if (this.headerOnly && !rowsElsewhere) this.sink.add(HEADER_ONLY);
    else if (this.header && this.below > 0 && this.below < this.headerRows) this.sink.add({ message: `has ${this.below} line${this.below === 1 ? '' : 's'} below the header, but header_rows: ${this.headerRows} (questionnaire.yaml) expects ${this.headerRows} extra header rows.`, hint: 'Check header_rows: against the file; it counts the extra header rows below the names.' });
  }
}

/** Qualtrics' import-id row: every non-empty cell a JSON object naming an ImportId. */
export function isImportIdRow(fields: string[]): boolean {
  let any = false;
  for (const f of fields) {
    const t = f.trim();
    if (t === '') continue;
    if (!t.startsWith('{"ImportId"')) return false;
    any = true;
  }
  return any;
}

/** A header-only file is a mistake (a template left in the dataset folder, an export cut short): it would read as "not measured". */
export const HEADER_ONLY = { message: 'has a header but no data rows.', hint: 'Add the data, or move the file out of the dataset folder (gapreport new keeps its templates in templates/).' };

export function readCsv(text: string, options: CsvOptions, handlers: CsvHandlers): CsvHeader | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records = new CsvRecords(detectDelimiter(text), options, handlers);
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: records.delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      if (!records.step(result.data, result.errors)) parser.abort();
    },
  });
  records.finish();
  return records.header;
}
