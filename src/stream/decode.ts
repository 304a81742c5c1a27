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
 * Bytes read at a time, into one buffer reused for the whole range (no new buffer, and no
 * fresh pages, per chunk); its text stays below V8's large-object size, so it dies young.
 * Read with await, not readSync: sync reads saved a little system time, but a worker that never
 * sleeps lost more wall time to the scheduler on a busy machine (3M responses, 9 of 10 pairs).
 */
const CHUNK = 64 * 1024;

export async function* decodedChunks(path: string, start: number, end: number, fatal: Fatal): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let offset = start;
  const tail = Buffer.alloc(3); // the last bytes of the previous chunk (an incomplete sequence may start there)
  let tailLength = 0;
  const size = Math.min(CHUNK, Math.max(1, end - start));
  // Two buffers: the next read is under way while this chunk is decoded and its records folded.
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  let which = 0;
  const fh = await open(path, 'r');
  const readAt = (at: number) => fh.read(buffers[which], 0, Math.min(size, end - at), at);
  let next: ReturnType<typeof readAt> | undefined = offset < end ? readAt(offset) : undefined;
  try {
    while (next) {
      const { bytesRead, buffer } = await next;
      next = undefined;
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      which ^= 1;
      if (offset + bytesRead < end) next = readAt(offset + bytesRead);
      const nul = chunk.indexOf(0);
      if (nul >= 0) {
        fatal.nul = offset + nul;
        return;
      }
      if (fatal.invalid === undefined) {
        try {
          const text = decoder.decode(chunk, { stream: true });
          if (text) yield text;
        } catch {
          const last = tail.subarray(0, tailLength);
          const joined = Buffer.concat([last, chunk]);
          const lead = [...last.keys()].reverse().find((i) => last[i] >= 0xc0);
          const from = lead ?? last.length;
          fatal.invalid = offset - last.length + from + (firstInvalidUtf8(joined.subarray(from)) ?? 0);
        }
      }
      tailLength = Math.min(3, bytesRead);
      chunk.copy(tail, 0, bytesRead - tailLength, bytesRead);
      offset += bytesRead;
    }
  } finally {
    // A read still under way (the consumer stopped early, or a NUL ended the range) finishes before the file closes.
    if (next) await next.catch(() => undefined);
    await fh.close();
  }
  if (fatal.invalid !== undefined) return;
  try {
    const text = decoder.decode();
    if (text) yield text;
  } catch {
    const last = tail.subarray(0, tailLength);
    fatal.invalid = end - last.length + (firstInvalidUtf8(last) ?? 0);
  }
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
