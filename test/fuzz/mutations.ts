/** Seeded mutations of a dataset file's bytes, for the fuzz test: each returns the new bytes and what it did. */
import { random } from '../../scripts/bench/generate';

export type Files = Record<string, Buffer>;
export type Rand = () => number;

/** mulberry32, seeded, the same sequence on every machine (one definition: scripts/bench/generate.ts). */
export const prng = (seed: number): Rand => random(seed);

export function randomBytes(rand: Rand, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rand() * 256);
  return b;
}

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/** Values that have broken parsers: huge, tiny, not-quite numbers, invisible and reordering characters, YAML specials. */
const NASTY = [
  '1e999',
  '-1e999',
  '1e-400',
  '99999999999999999999',
  '-0',
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
  '١٢',
  '5,5',
  '  7  ',
  '+3',
  '.5',
  '5.',
  '"',
  '""',
  '"a""b"',
  '\uFEFF',
  '\u0000',
  '\u200B',
  '\u202E',
  '\u2028',
  '\r',
  '\r\n',
  '\t',
  ';',
  ',',
  '\u00e9',
  'e\u0301',
  '😀',
  '\uD800',
  '=cmd|"/c calc"!A1',
  '<script>',
  '*a',
  '&a',
  '!!binary',
  '? ',
  '- ',
  ': ',
  '{',
  '[',
  '}',
  ']',
  '#',
  '%YAML 1.1',
  '---',
  '...',
  'null',
  '~',
  'true',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
];

/** Splits on line breaks keeping the text of each line (CRLF stays CR-terminated, as files have it). */
const lines = (text: string) => text.split('\n');

export function mutate(rand: Rand, bytes: Buffer): [Buffer, string] {
  const text = bytes.toString('utf8');
  const at = (n: number) => Math.floor(rand() * (n + 1));
  const kind = Math.floor(rand() * 12);
  switch (kind) {
    case 0: {
      if (bytes.length === 0) return [Buffer.from([Math.floor(rand() * 256)]), 'one random byte'];
      const b = Buffer.from(bytes);
      const i = Math.floor(rand() * b.length);
      b[i] ^= 1 << Math.floor(rand() * 8);
      return [b, `flip a bit of byte ${i}`];
    }
    case 1: {
      const i = at(bytes.length);
      const ins = randomBytes(rand, 1 + Math.floor(rand() * 4));
      return [Buffer.concat([bytes.subarray(0, i), ins, bytes.subarray(i)]), `insert bytes ${ins.toString('hex')} at ${i}`];
    }
    case 2: {
      const i = at(bytes.length);
      const n = 1 + Math.floor(rand() * 20);
      return [Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + n)]), `delete ${n} bytes at ${i}`];
    }
    case 3: {
      const ls = lines(text);
      const i = Math.floor(rand() * ls.length);
      const times = rand() < 0.2 ? 200 : 1;
      ls.splice(i, 0, ...Array(times).fill(ls[i]));
      return [Buffer.from(ls.join('\n')), `duplicate line ${i + 1}${times > 1 ? ` ${times} times` : ''}`];
    }
    case 4: {
      const ls = lines(text);
      const i = Math.floor(rand() * ls.length);
      ls.splice(i, 1);
      return [Buffer.from(ls.join('\n')), `drop line ${i + 1}`];
    }
    case 5: {
      const ls = lines(text);
      const i = Math.floor(rand() * ls.length);
      const sep = ls[i].includes(';') ? ';' : ',';
      const cells = ls[i].split(sep);
      const a = Math.floor(rand() * cells.length);
      const b = Math.floor(rand() * cells.length);
      [cells[a], cells[b]] = [cells[b], cells[a]];
      ls[i] = cells.join(sep);
      return [Buffer.from(ls.join('\n')), `swap cells ${a + 1} and ${b + 1} of line ${i + 1}`];
    }
    case 6:
    case 7: {
      const ls = lines(text);
      const i = Math.floor(rand() * ls.length);
      const sep = ls[i].includes(';') ? ';' : ',';
      const cells = ls[i].split(sep);
      const c = Math.floor(rand() * cells.length);
      const value = pick(rand, NASTY);
      cells[c] = rand() < 0.5 ? value : `${cells[c]}${value}`;
      ls[i] = cells.join(sep);
      return [Buffer.from(ls.join('\n')), `cell ${c + 1} of line ${i + 1} := ${JSON.stringify(cells[c])}`];
    }
    case 8: {
      const i = at(text.length);
      const value = pick(rand, NASTY);
      return [Buffer.from(text.slice(0, i) + value + text.slice(i)), `insert ${JSON.stringify(value)} at character ${i}`];
    }
    case 9: {
      const i = at(bytes.length);
      return [bytes.subarray(0, i), `truncate to ${i} bytes`];
    }
    case 10: {
      const ls = lines(text);
      const a = Math.floor(rand() * ls.length);
      const b = Math.floor(rand() * ls.length);
      [ls[a], ls[b]] = [ls[b], ls[a]];
      return [Buffer.from(ls.join('\n')), `swap lines ${a + 1} and ${b + 1}`];
    }
    default: {
      const ls = lines(text);
      const i = Math.floor(rand() * ls.length);
      const sep = ls[i].includes(';') ? ';' : ',';
      const cells = ls[i].split(sep);
      const c = Math.floor(rand() * cells.length);
      const value = pick(rand, ['9'.repeat(400), 'x'.repeat(70_000), '"'.repeat(33), String(Number.MAX_VALUE), String(Number.MIN_VALUE), '1'.repeat(17)]);
      cells[c] = value;
      ls[i] = cells.join(sep);
      return [Buffer.from(ls.join('\n')), `cell ${c + 1} of line ${i + 1} := a long value (${value.length} characters)`];
    }
  }
}
