/**
 * respondent_id must be unique across a file of any length. Keeping every id as a string
 * (≈ 60–80 bytes each in a Map) is what grows with the row count; this table keeps two
 * independent 32-bit hashes and the first line of each id in typed arrays (12 bytes a slot,
 * kept at most ¾ full: 16 bytes an id when full, 32 just after doubling), and its buffers move between threads without
 * copying. Two different ids collide only if both hashes match (≈ n²/2⁶⁵: 3·10⁻⁸ at 1M rows).
 */
import type { ProblemSink } from '../data/problems';
import { duplicateProblem, type Unique } from '../data/table';

export interface IdTableData {
  h1: Uint32Array;
  h2: Uint32Array;
  /** First line of the id in the slot; 0 = empty slot. */
  lines: Uint32Array;
  size: number;
}

let ha = 0;
let hb = 0;

/** FNV-1a and a murmur-style mix over the UTF-16 code units, into `ha`, `hb`. */
function hash(s: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  ha = a >>> 0;
  hb = (b ^ (b >>> 16)) >>> 0;
}

export class IdTable {
  private d: IdTableData;

  constructor(data?: IdTableData) {
    this.d = data ?? { h1: new Uint32Array(1024), h2: new Uint32Array(1024), lines: new Uint32Array(1024), size: 0 };
  }

  get data(): IdTableData {
    return this.d;
  }

  private slot(a: number, b: number): number {
    const mask = this.d.lines.length - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.d.lines[i] !== 0 && (this.d.h1[i] !== a || this.d.h2[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  /** The first line of the id with these hashes, if any. */
  get(a: number, b: number): number | undefined {
    const line = this.d.lines[this.slot(a, b)];
    return line === 0 ? undefined : line;
  }

  /** The first line seen for the hashes, or undefined after recording `line` as the first. */
  firstOrAdd(a: number, b: number, line: number): number | undefined {
    const i = this.slot(a, b);
    if (this.d.lines[i] !== 0) return this.d.lines[i];
    this.d.h1[i] = a;
    this.d.h2[i] = b;
    this.d.lines[i] = line;
    if (++this.d.size * 4 > this.d.lines.length * 3) this.grow(); // at most ¾ full
    return undefined;
  }

  /**
   * Every id's hashes and first line, in an order unrelated to the slots': inserted into another
   * table (the merge), ids in slot order would arrive as one sweep over that table's slots too,
   * piling every displaced id into one cluster that travels with the sweep (quadratic probing).
   */
  *entries(): Generator<[number, number, number]> {
    const { h1, h2, lines } = this.d;
    const mask = lines.length - 1;
    for (let k = 0; k < lines.length; k++) {
      const i = Math.imul(k, 0x9e3779b1 | 1) & mask; // an odd multiplier permutes the slots
      if (lines[i] !== 0) yield [h1[i], h2[i], lines[i]];
    }
  }

  private grow(): void {
    const old = this.d;
    const n = old.lines.length * 2;
    this.d = { h1: new Uint32Array(n), h2: new Uint32Array(n), lines: new Uint32Array(n), size: 0 };
    for (let i = 0; i < old.lines.length; i++) if (old.lines[i] !== 0) this.firstOrAdd(old.h1[i], old.h2[i], old.lines[i]);
  }
}

/** A duplicate reported within one byte range: where it sits in the sink, so the merge can name an earlier range's line instead. */
export interface DuplicateRef {
  index: number;
  a: number;
  b: number;
}

/** The Unique check of the streaming engine: within a range like UniqueCheck; across ranges at the merge. */
export class HashedUnique implements Unique {
  readonly table = new IdTable();
  readonly refs: DuplicateRef[] = [];

  constructor(
    private readonly sink: ProblemSink,
    readonly column: string,
  ) {}

  add(value: string, line: number): boolean {
    hash(value);
    const first = this.table.firstOrAdd(ha, hb, line);
    if (first === undefined) return true;
    const kept = this.sink.kept.length;
    this.sink.add(duplicateProblem(this.column, value, first, line));
    if (this.sink.kept.length > kept) this.refs.push({ index: kept, a: ha, b: hb });
    return false;
  }
}
