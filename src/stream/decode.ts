/**
 * A byte range → UTF-8 text chunks, with the in-memory loader's encoding rules
 * (src/data/encoding.ts): a NUL byte anywhere, or bytes that are not UTF-8, stop the file
 * with one problem. Decoding stops at the first bad byte; the range is still scanned for
 * NUL, which the in-memory check reports first. Ranges start after a line break, so no
 * UTF-8 sequence spans two ranges.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { decodeText, firstInvalidUtf8 } from '../data/encoding';
import type { Problem } from '../schemas/problem';

/** Absolute byte offsets of the first NUL and of the first byte that is not UTF-8, in a range. */
export interface Fatal {
  nul?: number;
  invalid?: number;
}

/**
 * Bytes read at a time, into two buffers reused for the whole range (no new buffer, and no
 * fresh pages, per chunk): the next read is under way while a chunk is decoded and folded. Its
 * text stays below V8's large-object size, so it dies young. Read with await, not readSync:
 * sync reads saved a little system time, but a worker that never sleeps lost more wall time to
 * the scheduler on a busy machine (3M responses, 9 of 10 pairs).
 */
const CHUNK = 64 * 1024;
/** The partial last line of a chunk is decoded with the next one, when at most this long. */
const MAX_CARRY = 4096;

/**
 * The range's text in chunks. From the second chunk on, a chunk ends after its last LF and
 * the partial line after it is decoded with the next chunk's bytes, so the reader (fast-csv.ts)
 * is handed whole lines and scans one flat string per chunk, not the rest of the last chunk
 * joined to this one (a string V8 reads character by character more slowly). The first chunk
 * is handed over as read: the line break is guessed from it.
 */
export async function* decodedChunks(path: string, start: number, end: number, fatal: Fatal): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The absolute offset of the next byte to read. */
  let offset = start;
  const tail = Buffer.alloc(3); // the last bytes decoded (an incomplete sequence may start there)
  let tailLength = 0;
  const size = Math.min(CHUNK, Math.max(1, end - start));
  // Each buffer holds a carried partial line (up to MAX_CARRY bytes) before the bytes read into it at MAX_CARRY.
  const buffers = [Buffer.allocUnsafe(size + MAX_CARRY), Buffer.allocUnsafe(size + MAX_CARRY)];
  let which = 0;
  const fh = await open(path, 'r');
  const readAt = (at: number) => fh.read(buffers[which], MAX_CARRY, Math.min(size, end - at), at);
  let next: ReturnType<typeof readAt> | undefined = offset < end ? readAt(offset) : undefined;
  /** The partial line carried over: the last `carry` bytes of `carryFrom`, the previous chunk's buffer. */
  let carry = 0;
  let carryFrom: Buffer | undefined;
  let first = true;
  /** Decodes bytes that start at absolute offset `at` (`last`: the decoder's end); undefined, with fatal.invalid set, where they are not UTF-8. */
  const decode = (bytes: Buffer, at: number, last: boolean): string | undefined => {
    try {
      return last ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      const before = tail.subarray(0, tailLength);
      if (last) {
        fatal.invalid = end - before.length + (firstInvalidUtf8(before) ?? 0);
        return undefined;
      }
      const joined = Buffer.concat([before, bytes]);
      const lead = [...before.keys()].reverse().find((i) => before[i] >= 0xc0);
      const from = lead ?? before.length;
      fatal.invalid = at - before.length + from + (firstInvalidUtf8(joined.subarray(from)) ?? 0);
      return undefined;
    } finally {
      const n = Math.min(3, bytes.length);
      if (n > 0) {
        // The last bytes decoded: fewer than 3 new ones keep the older ones before them.
        if (n < 3) tail.copyWithin(0, tailLength - Math.min(tailLength, 3 - n), tailLength);
        const keep = Math.min(tailLength, 3 - n);
        bytes.copy(tail, keep, bytes.length - n, bytes.length);
        tailLength = keep + n;
      }
    }
  };
  try {
    while (next) {
      const { bytesRead, buffer } = await next;
      next = undefined;
      if (bytesRead === 0) break;
      const fresh = buffer.subarray(MAX_CARRY, MAX_CARRY + bytesRead);
      // The carried partial line, copied in front of the fresh bytes before the next read reuses the buffer it lies in.
      if (carry > 0 && fatal.invalid === undefined) carryFrom!.copy(buffer, MAX_CARRY - carry, carryFrom!.length - carry);
      const from = MAX_CARRY - carry;
      which ^= 1;
      const at = offset;
      offset += bytesRead;
      if (offset < end) next = readAt(offset);
      const nul = fresh.indexOf(0);
      if (nul >= 0) {
        fatal.nul = at + nul;
        return;
      }
      if (fatal.invalid !== undefined) continue; // still scanned for NUL, which is reported first
      let cut = MAX_CARRY + bytesRead;
      carry = 0;
      if (!first && offset < end) {
        const lf = fresh.lastIndexOf(0x0a);
        if (lf >= 0 && bytesRead - lf - 1 <= MAX_CARRY) {
          cut = MAX_CARRY + lf + 1;
          carry = bytesRead - lf - 1;
          carryFrom = buffer.subarray(0, MAX_CARRY + bytesRead);
        }
      }
      first = false;
      const text = decode(buffer.subarray(from, cut), at - (MAX_CARRY - from), false);
      if (text) yield text;
    }
  } finally {
    // A read still under way (the consumer stopped early, or a NUL ended the range) finishes before the file closes.
    if (next) await next.catch(() => undefined);
    await fh.close();
  }
  if (fatal.invalid !== undefined) return;
  const text = decode(Buffer.alloc(0), end, true);
  if (text) yield text;
}

/** A UTF-16 byte-order mark or a zip signature at the start: the file's one problem, as decodeText words it. */
export function signatureProblem(head: Uint8Array): Omit<Problem, 'file'> | undefined {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  return utf16 || zip ? decodeText(head.subarray(0, 4)).problem : undefined;
}

/**
 * The problem for a bad byte at `at`, exactly as decodeText words it: its line and
 * column are counted from the file's start (error path: one more read up to it), and
 * decodeText is shown the same line, column and bytes.
 */
export async function encodingProblem(path: string, at: number): Promise<Omit<Problem, 'file'>> {
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  if (at > 0) {
    for await (const chunk of createReadStream(path, { start: 0, end: at - 1 }) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) {
        line++;
        lineStart = offset + i + 1;
      }
      offset += chunk.length;
    }
  }
  const fh = await open(path, 'r');
  const bad = Buffer.alloc(4);
  const { bytesRead } = await fh.read(bad, 0, 4, at).finally(() => fh.close());
  const bytes = bad.subarray(0, bytesRead);
  const nul = bytes.indexOf(0);
  const shown = bytes.subarray(0, nul > 0 ? nul : bytes.length);
  const synthetic = Buffer.concat([Buffer.alloc(line - 1, 0x0a), Buffer.alloc(at - lineStart, 0x61), nul === 0 ? Buffer.from([0]) : shown]);
  return decodeText(synthetic).problem ?? { message: 'could not be read as UTF-8 text.' };
}
