/**
 * decodedChunks reads a byte range in fixed-size chunks into one reused buffer. Whatever
 * the chunk boundaries cut (a multi-byte character, the bad byte itself), the text is the
 * range's bytes decoded whole, and a bad byte or NUL is found at the offset a whole-file
 * scan finds (firstInvalidUtf8, indexOf(0)).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../src/data/encoding';
import { decodedChunks, type Fatal } from '../../src/stream/decode';

const dir = mkdtempSync(join(tmpdir(), 'gapreport-decode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(bytes: Buffer): string {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, bytes);
  return path;
}

async function read(path: string, start: number, end: number): Promise<{ text: string; fatal: Fatal; chunks: number }> {
  const fatal: Fatal = {};
  let text = '';
  let chunks = 0;
  for await (const chunk of decodedChunks(path, start, end, fatal)) {
    text += chunk;
    chunks++;
  }
  return { text, fatal, chunks };
}

/** ~1.3 MB of lines with 2-, 3- and 4-byte characters, so chunk boundaries fall inside them. */
function multiByteText(): Buffer {
  const lines: string[] = [];
  // The joined text's length kept as lines are added (joining them again at every line made this a minute of the run).
  for (let i = 0, length = 0; length < 1_300_000; i++) {
    const line = `R${i},é,€${'x'.repeat(i % 7)},𝄞,Nguyễn ${i}`;
    length += (lines.length ? 1 : 0) + line.length;
    lines.push(line);
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

describe('decodedChunks', () => {
  const bytes = multiByteText();
  const path = file(bytes);

  it('decodes a range of several chunks to the same text as decoding it whole', async () => {
    const whole = await read(path, 0, bytes.length);
    expect(whole.chunks).toBeGreaterThan(3);
    expect(whole.fatal).toEqual({});
    expect(whole.text).toBe(bytes.toString('utf8'));
  });

  it('decodes a range that starts and ends inside the file to that slice of it', async () => {
    const start = bytes.indexOf(0x0a, 300_000) + 1;
    const end = bytes.indexOf(0x0a, 900_000) + 1;
    const part = await read(path, start, end);
    expect(part.fatal).toEqual({});
    expect(part.text).toBe(bytes.subarray(start, end).toString('utf8'));
  });

  it.each([262_143, 262_144, 262_145, 600_001])('finds a bad byte at %i where a whole-file scan finds it', async (at) => {
    const bad = Buffer.from(bytes);
    // Cut a 3-byte character short at `at`: its lead byte stays, the next byte is ASCII.
    bad[at] = 0xe2;
    bad[at + 1] = 0x41;
    const expected = firstInvalidUtf8(bad);
    expect(expected).toBeDefined();
    const got = await read(file(bad), 0, bad.length);
    expect(got.fatal.nul).toBeUndefined();
    expect(got.fatal.invalid).toBe(expected);
  });

  it('finds a NUL after a bad byte first, at its own offset', async () => {
    const bad = Buffer.from(bytes);
    bad[100_000] = 0xff;
    bad[700_000] = 0;
    const got = await read(file(bad), 0, bad.length);
    expect(got.fatal.nul).toBe(700_000);
  });

  it('finds a bad byte cut off at the very end of the range', async () => {
    const bad = Buffer.concat([bytes, Buffer.from([0xe2, 0x82])]);
    const got = await read(file(bad), 0, bad.length);
    expect(got.fatal.invalid).toBe(firstInvalidUtf8(bad));
  });
});
