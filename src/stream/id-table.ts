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
  /** Per slot, side by side (one probe reads one cache line): hash 1, hash 2, the id's first line (0 = empty slot). */
  slots: Uint32Array;
  size: number;
}

let ha = 0;
let hb = 0;

/** FNV-1a and a murmur-style mix over the UTF-16 code units of s[start, end), into `ha`, `hb`. */
function hash(s: string, start = 0, end = s.length): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  ha = a >>> 0;
  hb = (b ^ (b >>> 16)) >>> 0;
}

/** Slots of a new table. */
const FIRST_SLOTS = 1024;

export class IdTable {
  private d: IdTableData;

  constructor(data?: IdTableData) {
    this.d = data ?? { slots: new Uint32Array(3 * FIRST_SLOTS), size: 0 };
  }

  get data(): IdTableData {
    return this.d;
  }

  get size(): number {
    return this.d.size;
  }

  /** The slot's offset in `slots` holding these hashes, or the empty one where they would go. */
  private slot(a: number, b: number): number {
    const s = this.d.slots;
    const mask = s.length / 3 - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const at = 3 * i;
      if (s[at + 2] === 0 || (s[at] === a && s[at + 1] === b)) return at;
      i = (i + 1) & mask;
    }
  }

  /** The first line of the id with these hashes, if any. */
  get(a: number, b: number): number | undefined {
    const line = this.d.slots[this.slot(a, b) + 2];
    return line === 0 ? undefined : line;
  }

  /** The first line seen for the hashes, or undefined after recording `line` as the first. */
  firstOrAdd(a: number, b: number, line: number): number | undefined {
    const at = this.slot(a, b);
    const s = this.d.slots;
    if (s[at + 2] !== 0) return s[at + 2];
    s[at] = a;
    s[at + 1] = b;
    s[at + 2] = line;
    if (++this.d.size * 4 > s.length) this.grow(2 * (s.length / 3)); // at most ¾ full
    return undefined;
  }

  /**
   * Adds every id of `from` (its lines shifted by `offset`), calling `duplicate` for each one
   * already here. In an order unrelated to the slots': inserted in slot order, ids would arrive
   * as one sweep over this table's slots too, piling every displaced id into one cluster that
   * travels with the sweep (quadratic probing).
   */
  addAll(from: IdTable, offset: number, duplicate: (line: number, first: number, local: number) => void): void {
    this.reserve(this.d.size + from.size); // room for both at once, not doubled step by step
    const s = from.d.slots;
    const n = s.length / 3;
    const mask = n - 1;
    for (let k = 0; k < n; k++) {
      const at = 3 * (Math.imul(k, 0x9e3779b1 | 1) & mask); // an odd multiplier permutes the slots
      const local = s[at + 2];
      if (local === 0) continue;
      const first = this.firstOrAdd(s[at], s[at + 1], local + offset);
      if (first !== undefined) duplicate(local + offset, first, local);
    }
  }

  /** Room for `ids` ids in all without growing (a table is at most ¾ full). */
  reserve(ids: number): void {
    let slots = this.d.slots.length / 3;
    while (ids * 4 > 3 * slots) slots *= 2;
    if (slots > this.d.slots.length / 3) this.grow(slots);
  }

  private grow(slots: number): void {
    const old = this.d.slots;
    this.d = { slots: new Uint32Array(3 * slots), size: 0 };
    for (let at = 0; at < old.length; at += 3) if (old[at + 2] !== 0) this.firstOrAdd(old[at], old[at + 1], old[at + 2]);
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
    return this.added(value, line);
  }

  /** add(text.substring(start, end), line), the string made only for a duplicate's problem (the id as it is: fast-rows.ts passes ASCII ids, which normalizeId keeps). */
  addSpan(text: string, start: number, end: number, line: number): boolean {
    hash(text, start, end);
    return this.added(undefined, line, text, start, end);
  }

  private added(value: string | undefined, line: number, text = '', start = 0, end = 0): boolean {
    const first = this.table.firstOrAdd(ha, hb, line);
    if (first === undefined) return true;
    value ??= text.substring(start, end);
    const kept = this.sink.kept.length;
    this.sink.add(duplicateProblem(this.column, value, first, line));
    if (this.sink.kept.length > kept) this.refs.push({ index: kept, a: ha, b: hb });
    return false;
  }
}
