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
import type { CsvRecords } from '../data/csv';

const NO_ERRORS: readonly { type: string; code: string; message: string }[] = Object.freeze([]);
const QUOTED_QUOTE = /""/g;
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

/**
 * Steps the complete, regular records of `text` (which starts at a record's start);
 * returns where the unread rest starts, STOPPED, or IRREGULAR (irregularAt = its start).
 */
function splitRecords(text: string, delim: string, newline: string, records: CsvRecords): number {
  const nlLen = newline.length;
  const len = text.length;
  // Unquoted records hold no line break when the file's break is \n and there is no \r here.
  const plainBreaks = newline === '\n' && text.indexOf('\r') < 0 ? 0 : undefined;
  let pos = 0;
  let quote = text.indexOf('"');
  for (;;) {
    const nl = text.indexOf(newline, pos);
    if (nl < 0) return pos;
    if (quote < 0 || quote >= nl) {
      if (!records.step(text.substring(pos, nl).split(delim), NO_ERRORS, plainBreaks)) return STOPPED;
      pos = nl + nlLen;
      continue;
    }
    // A record with a quote: field by field.
    let fields: string[];
    let cur = pos;
    let end = -1;
    const before = quote - delim.length;
    if (quote > pos && before >= pos && text.startsWith(delim, before)) {
      // The first quote opens a field: the fields before it hold no quote and no line
      // break, so they split at once (as the loop below would, field by field).
      fields = text.substring(pos, before).split(delim);
      cur = quote;
    } else fields = [];
    for (;;) {
      if (text.charCodeAt(cur) === 34) {
        let q = cur + 1;
        for (;;) {
          q = text.indexOf('"', q);
          if (q < 0 || q >= len - 1) return pos; // not closed yet, or closed at the chunk's end: wait for more
          if (text.charCodeAt(q + 1) === 34) {
            q += 2;
            continue;
          }
          break;
        }
        const inner = text.substring(cur + 1, q);
        const value = inner.indexOf('"') < 0 ? inner : inner.replace(QUOTED_QUOTE, '"');
        const after = q + 1;
        if (text.startsWith(delim, after)) {
          fields.push(value);
          cur = after + delim.length;
          continue;
        }
        if (text.startsWith(newline, after)) {
          fields.push(value);
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
      fields.push(text.substring(cur, stop));
      if (stop === d) {
        cur = d + delim.length;
        continue;
      }
      end = n + nlLen;
      break;
    }
    // No line break before the record's own: no quoted field holds one (breaksIn would count 0).
    const breaks = plainBreaks === 0 && text.indexOf('\n', pos) === end - 1 ? 0 : undefined;
    if (!records.step(fields, NO_ERRORS, breaks)) return STOPPED;
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
