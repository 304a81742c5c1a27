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
function breaksIn(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
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
  /** Called once, with the header, before any record. */
  header?: (header: CsvHeader) => void;
  /** Called per data record: its fields, first physical line, and 1-based data row number. */
  record: (fields: string[], line: number, row: number) => void;
}

export function readCsv(text: string, options: CsvOptions, handlers: CsvHandlers): CsvHeader | undefined {
  const { sink, headerRows = 0, limits = DEFAULT_LIMITS } = options;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = detectDelimiter(text);
  let header: CsvHeader | undefined;
  let line = 1;
  let toSkip = headerRows;
  let row = 0;
  /** Non-blank records after the header, good or bad: header rows and data. */
  let below = 0;
  let stop = false;

  Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      if (stop) return;
      const fields = result.data;
      const at = line;
      line += 1 + breaksIn(fields);
      if (fields.length === 1 && fields[0].trim() === '') return; // a blank line (a lone CR or spaces too)
      if (header) below++;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        sink.add({
          line: at,
          message: quoteError.code === 'MissingQuotes'
            ? 'an opening quote (") is never closed, so the rest of the file was read as one value.'
            : `a quoted value is malformed (${quoteError.message}).`,
          hint: 'Close the quote, and double any quote inside a quoted value ("").',
        });
        if (quoteError.code === 'MissingQuotes') return;
      }
      const long = fields.findIndex((f) => f.length > limits.maxFieldChars);
      if (long >= 0) {
        sink.add({ line: at, message: `field ${long + 1} is ${formatBytes(fields[long].length)} long; the limit is ${formatBytes(limits.maxFieldChars)}.`, hint: 'Check for an unclosed quote above this line.' });
        return;
      }
      if (!header) {
        if (fields.length === 1 && fields[0].includes('\t')) {
          sink.add({ line: at, message: 'is separated by tabs; gapreport reads files separated by "," or ";".', hint: 'Save it from the spreadsheet as "CSV UTF-8", or replace the tabs with commas.' });
          stop = true;
          parser.abort();
          return;
        }
        if (fields.length > limits.maxColumns) {
          sink.add({ line: at, message: `the header has ${fields.length} columns; the limit is ${limits.maxColumns}.`, hint: 'Is this the right file and delimiter?' });
          stop = true;
          parser.abort();
          return;
        }
        header = { names: fields.map((f) => f.trim()), delimiter };
        handlers.header?.(header);
        return;
      }
      if (toSkip > 0) {
        toSkip--;
        return;
      }
      row++;
      if (fields.length !== header.names.length) {
        sink.add({ line: at, message: `this row has ${fields.length} values, but the header has ${header.names.length} columns.`, hint: `Check the delimiter ("${delimiter}") and quotes on this line.` });
        return;
      }
      handlers.record(fields, at, row);
    },
  });
  if (!header && !stop) sink.add({ message: 'is empty: it needs a header row.' });
  else if (header && below > 0 && below < headerRows) sink.add({ message: `has ${below} line${below === 1 ? '' : 's'} below the header, but header_rows: ${headerRows} (questionnaire.yaml) expects ${headerRows} extra header rows.`, hint: 'Check header_rows: against the file; it counts the extra header rows below the names.' });
  return header;
}
