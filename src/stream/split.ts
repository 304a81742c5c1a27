/**
 * Splits a CSV file into byte ranges for parallel parsing. A range ends just after a
 * line break; whether that break is really a record boundary (not inside a quoted
 * value with a line break in it) is not guessed here: the range before it is parsed by
 * the true parser from a true boundary, so it ends inside an open quote exactly when the
 * split was wrong — the caller then re-reads the whole file in one range (see engine.ts).
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import Papa from 'papaparse';
import { detectDelimiter, type CsvHeader, type Delimiter } from '../data/csv';

export interface RangePlan {
  /** Bytes of a UTF-8 BOM at the start (skipped). */
  bom: number;
  delimiter: Delimiter;
  /** The header as the first range will read it (for the other ranges); undefined → one range. */
  header?: CsvHeader;
  ranges: [number, number][];
}

const HEAD_BYTES = 1024 * 1024;

/** `cuts` (tests) forces the split points instead of cutting at the first line break after each 1/parts of the file. */
/** BOM, delimiter and header names from the first MiB (no header when its first record is not complete there). */
export async function readHead(fh: FileHandle, size: number): Promise<Omit<RangePlan, 'ranges'>> {
  const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
  await fh.read(head, 0, head.length, 0);
  const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const text = head.subarray(bom).toString('utf8');
  const delimiter = detectDelimiter(text);
  // The rows under the names too: a range after the first finds by_text: columns by the question texts there.
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter, preview: 4 });
  const names = parsed.data[0];
  if (!names || parsed.errors.some((e) => e.type === 'Quotes' && e.row === 0) || text.indexOf('\n') < 0) return { bom, delimiter };
  return { bom, delimiter, header: { names: names.map((f) => f.trim()), delimiter, below: parsed.data.slice(1) } };
}

export async function planRanges(path: string, size: number, parts: number, minBytesPerPart: number, forced?: number[]): Promise<RangePlan> {
  const fh = await open(path, 'r');
  try {
    const { bom, delimiter, header } = await readHead(fh, size);
    const one: RangePlan = { bom, delimiter, ranges: [[bom, size]] };
    const n = forced ? forced.length + 1 : Math.min(parts, Math.floor((size - bom) / Math.max(1, minBytesPerPart)));
    if (n < 2 || !header) return one;

    const cuts: number[] = forced ? forced.filter((c) => c > bom && c < size) : [];
    const window = Buffer.alloc(Math.min(HEAD_BYTES, size));
    for (let k = 1; k < n && !forced; k++) {
      const target = bom + Math.floor(((size - bom) * k) / n);
      const { bytesRead } = await fh.read(window, 0, window.length, target);
      const nl = window.subarray(0, bytesRead).indexOf(0x0a);
      if (nl < 0) continue;
      const cut = target + nl + 1;
      if (cut < size && cut > (cuts[cuts.length - 1] ?? bom)) cuts.push(cut);
    }
    if (cuts.length === 0) return one;
    const bounds = [bom, ...cuts, size];
    return { bom, delimiter, header, ranges: bounds.slice(1).map((end, i) => [bounds[i], end]) };
  } finally {
    await fh.close();
  }
}

/** A chunk of the file: bytes [start, end), ending just after a line break (or at the end of the file), and the SHA-256 of its bytes. */
export interface Chunk {
  start: number;
  end: number;
  hash: string;
}

/** Bytes of a line that decide whether a chunk ends after it. */
const LINE_PREFIX = 32;
const READ_BYTES = 4 * 1024 * 1024;

/**
 * Cuts [start, size) into chunks of about `target` bytes at content-defined line breaks, and
 * hashes each chunk as it goes (one read of the file). A chunk ends after a line when it holds at
 * least target/2 bytes and the hash of that line's first bytes is below a threshold proportional
 * to the line's length (so about target/2 more bytes on average, whatever the lines' lengths),
 * or when it reaches 4 × target. Whether a line ends a chunk depends only on that line and the
 * bytes since the last cut, so an edit moves only the cuts next to it: a changed row changes its
 * own chunk, rows inserted or appended change the chunks around them, and the cuts after them
 * fall on the same lines as before. Files below 2 × target are one chunk.
 */
export async function* contentChunks(path: string, start: number, size: number, target: number): AsyncGenerator<Chunk> {
  const one = size - start < 2 * target;
  const min = Math.max(1, Math.floor(target / 2));
  const max = 4 * target;
  /** Cut after a line of `length` bytes when its prefix hash is below length / (target / 2) of the 32-bit range. */
  const per = 0x1_0000_0000 / Math.max(1, target - min);
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(READ_BYTES, Math.max(1, size - start)));
    let hash = createHash('sha256');
    let chunkStart = start;
    let lineLength = 0;
    let lineHash = 0x811c9dc5;
    let pos = start;
    while (pos < size) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
      if (bytesRead === 0) break;
      let from = 0; // this block's bytes not hashed yet
      let i = 0;
      while (i < bytesRead) {
        const nl = buf.indexOf(0x0a, i);
        const stop = nl < 0 || nl >= bytesRead ? bytesRead : nl;
        for (let k = i; k < stop && lineLength + k - i < LINE_PREFIX; k++) lineHash = Math.imul(lineHash ^ buf[k], 0x01000193);
        lineLength += stop - i;
        if (stop === bytesRead) break;
        lineLength += 1;
        i = nl + 1;
        const end = pos + i;
        const bytes = end - chunkStart;
        const cut = !one && end < size && bytes >= min && (Math.imul(lineHash ^ lineLength, 0x9e3779b1) >>> 0 < lineLength * per || bytes >= max);
        lineLength = 0;
        lineHash = 0x811c9dc5;
        if (!cut) continue;
        hash.update(buf.subarray(from, i));
        from = i;
        yield { start: chunkStart, end, hash: hash.digest('hex') };
        hash = createHash('sha256');
        chunkStart = end;
      }
      hash.update(buf.subarray(from, bytesRead));
      pos += bytesRead;
    }
    if (pos > chunkStart || chunkStart === start) yield { start: chunkStart, end: pos, hash: hash.digest('hex') };
  } finally {
    await fh.close();
  }
}
