/**
 * Text chunks → CsvRecords.step, as papaparse (5.x, `header: false`, a given delimiter,
 * `"` quotes) would hand them over a stream, without its per-row result objects and
 * stream plumbing. The line break is guessed from the first chunk with papaparse's own
 * rule. Records are split here when they are regular: no quote at all, or quoted fields
 * that open at the field's start and close right before a delimiter or a line break.
 * At the first record that is anything else (a quote inside an unquoted value, text or
 * spaces after a closing quote, a quote still open after 4 MiB), or for a last line with
 * a quote, the rest — from that record's start — goes to papaparse itself, so odd files
 * read (and report) exactly as before. Between chunks papaparse keeps only the partial
 * record after the last complete one, so handing it over there changes nothing.
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { SpanRecord, type CsvRecords } from '../data/csv';

const NO_ERRORS: readonly { type: string; code: string; message: string }[] = Object.freeze([]);
/** An open quote kept waiting this long is handed to papaparse (which reports it). */
const MAX_PENDING = 4 * 1024 * 1024;

/** papaparse's guessLineEndings (quoteChar `"`). */
export function guessLineEndings(input: string): string {
  input = input.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  const nAppearsFirst = n.length > 1 && n[0].length < r[0].length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let numWithN = 0;
  for (let i = 0; i < r.length; i++) if (r[i][0] === '\n') numWithN++;
  return numWithN >= r.length / 2 ? '\r\n' : '\r';
}

/**
 * Feeds every record of `chunks` to `records` (stops when it returns false). `onChunk`
 * sees each chunk's length as it arrives.
 */
export async function feedRecords(chunks: AsyncIterable<string>, delimiter: string, records: CsvRecords, onChunk?: (chars: number) => void): Promise<void> {
  const it = chunks[Symbol.asyncIterator]();
  let newline: string | undefined;
  let pending = '';
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    const chunk = next.value;
    onChunk?.(chunk.length);
    if (newline === undefined) newline = guessLineEndings(chunk);
    const text = pending + chunk;
    const used = splitRecords(text, delimiter, newline, records);
    if (used === STOPPED) return void (await it.return?.());
    if (used === IRREGULAR || text.length - used > MAX_PENDING) {
      await viaPapa(text.slice(used === IRREGULAR ? irregularAt : used), it, delimiter, newline, records, onChunk);
      return;
    }
    pending = text.slice(used);
  }
  if (pending === '') return;
  if (pending.indexOf('"') < 0) {
    records.step(pending.split(delimiter), NO_ERRORS, pending.indexOf('\r') < 0 && pending.indexOf('\n') < 0 ? 0 : undefined);
    return;
  }
  await viaPapa(pending, undefined, delimiter, newline!, records);
}

const STOPPED = -1;
const IRREGULAR = -2;
/** Where the irregular record starts (set with IRREGULAR). */
let irregularAt = 0;

/** The record spans splitRecords fills (one per thread: records are handled before the next is read). */
const span = new SpanRecord();

/** Whether text[from, to) holds a CR or LF (a line break inside a field: step counts them). */
function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Hands a record read as spans on: as spans when no field holds a line break, else as strings (step counts the breaks). */
function stepSpan(records: CsvRecords, broken: boolean): boolean {
  return broken ? records.step(span.fields(), NO_ERRORS, undefined) : records.stepSpans(span);
}

/**
 * Steps the complete, regular records of `text` (which starts at a record's start) as
 * spans (SpanRecord: no string per field); returns where the unread rest starts, STOPPED,
 * or IRREGULAR (irregularAt = its start).
 */
function splitRecords(text: string, delim: string, newline: string, records: CsvRecords): number {
  if (delim.length !== 1) throw new Error(`splitRecords: the delimiter is one character, not ${JSON.stringify(delim)}`);
  const nlLen = newline.length;
  const len = text.length;
  const dLen = delim.length;
  const d0 = delim.charCodeAt(0);
  let pos = 0;
  let quote = text.indexOf('"');
  // The next CR and LF at or after pos (-1: none): a record holds a line break when one comes before its end.
  let cr = text.indexOf('\r');
  let lf = newline === '\n' ? -1 : text.indexOf('\n'); // with "\n" line breaks, the first LF is the record's end
  for (;;) {
    const nl = text.indexOf(newline, pos);
    if (nl < 0) return pos;
    if (quote < 0 || quote >= nl) {
      // No quote: fields end at each delimiter ("," or ";", one character).
      span.reset(text);
      let start = pos;
      if (cr >= 0 && cr < pos) cr = text.indexOf('\r', pos);
      if (lf >= 0 && lf < pos) lf = text.indexOf('\n', pos);
      const broken = (cr >= 0 && cr < nl) || (lf >= 0 && lf < nl);
      for (let i = pos; i < nl; i++) {
        if (text.charCodeAt(i) === d0) {
          span.push(start, i, false);
          start = i + 1;
        }
      }
      span.push(start, nl, false);
      if (!stepSpan(records, broken)) return STOPPED;
      pos = nl + nlLen;
      continue;
    }
    // A record with a quote: field by field.
    span.reset(text);
    let broken = false;
    let cur = pos;
    let end = -1;
    const before = quote - dLen;
    if (quote > pos && before >= pos && text.startsWith(delim, before)) {
      // The first quote opens a field: the fields before it hold no quote and no line
      // break, so they split at once (as the loop below would, field by field).
      let start = pos;
      for (let i = pos; i < before; i++) {
        const c = text.charCodeAt(i);
        if (c === d0) {
          span.push(start, i, false);
          start = i + 1;
        } else if (c === 10 || c === 13) broken = true;
      }
      span.push(start, before, false);
      cur = quote;
    }
    for (;;) {
      if (text.charCodeAt(cur) === 34) {
        let q = cur + 1;
        let escaped = false;
        for (;;) {
          q = text.indexOf('"', q);
          if (q < 0 || q >= len - 1) return pos; // not closed yet, or closed at the chunk's end: wait for more
          if (text.charCodeAt(q + 1) === 34) {
            q += 2;
            escaped = true;
            continue;
          }
          break;
        }
        if (!broken && hasBreak(text, cur + 1, q)) broken = true;
        const after = q + 1;
        if (text.startsWith(delim, after)) {
          span.push(cur + 1, q, escaped);
          cur = after + dLen;
          continue;
        }
        if (text.startsWith(newline, after)) {
          span.push(cur + 1, q, escaped);
          end = after + nlLen;
          break;
        }
        if (after + nlLen > len) return pos; // what follows is not here yet
        irregularAt = pos;
        return IRREGULAR;
      }
      const d = text.indexOf(delim, cur);
      const n = text.indexOf(newline, cur);
      if (n < 0) return pos;
      const stop = d >= 0 && d < n ? d : n;
      const q = text.indexOf('"', cur);
      if (q >= 0 && q < stop) {
        irregularAt = pos;
        return IRREGULAR;
      }
      if (!broken && hasBreak(text, cur, stop)) broken = true;
      span.push(cur, stop, false);
      if (stop === d) {
        cur = d + dLen;
        continue;
      }
      end = n + nlLen;
      break;
    }
    if (!stepSpan(records, broken)) return STOPPED;
    pos = end;
    quote = text.indexOf('"', pos);
  }
}

/** The rest through papaparse over a stream, as the reader did before (the line break as guessed from the first chunk). */
async function viaPapa(
  head: string,
  rest: AsyncIterator<string> | undefined,
  delimiter: string,
  newline: string,
  records: CsvRecords,
  onChunk?: (chars: number) => void,
): Promise<void> {
  async function* all(): AsyncGenerator<string> {
    if (head !== '') yield head;
    if (!rest) return;
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      onChunk?.(next.value.length);
      yield next.value;
    }
  }
  const stream = Readable.from(all());
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    Papa.parse<string[]>(stream as unknown as File, {
      header: false,
      delimiter,
      newline: newline as '\n',
      skipEmptyLines: false,
      step: (result, parser) => {
        if (!records.step(result.data, result.errors)) parser.abort();
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
}
