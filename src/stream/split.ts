/**
 * Splits a CSV file into byte ranges for parallel parsing. A range ends just after a
 * line break; whether that break is really a record boundary (not inside a quoted
 * value with a line break in it) is not guessed here: the range before it is parsed by
 * the true parser from a true boundary, so it ends inside an open quote exactly when the
 * split was wrong — the caller then re-reads the whole file in one range (see engine.ts).
 */
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
