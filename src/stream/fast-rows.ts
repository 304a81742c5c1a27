/**
 * A responses.csv row read whole from its spans (SpanRecord), in one pass over its cells,
 * when every cell is one the loader's rules accept as written: ids, waves, dates and segment
 * values of printable ASCII with nothing to trim, numbers of plain digits within their rule.
 * Such a row gives no problem but a duplicate id, so its values are exactly responsesSetup's
 * (src/data/responses.ts), and its side effects (the id check, the segment tally, the fold)
 * come in the same order. Any other row — an empty required cell, a value out of range, a
 * sign, a space, a quote doubled, a label — goes back to responsesSetup's own handler before
 * anything of it is kept, so its problems read as they always did. Texts are interned by
 * their characters (a survey repeats a few hundred waves, days and segment values a million
 * times), and the id is hashed from its span: no string is made per cell.
 */
import type { CellOptions, NumberRule } from '../data/cells';
import { EMPTY, OTHER, spanNumber } from '../data/cells';
import type { SpanRecord } from '../data/csv';
import { readDate } from '../data/dates';
import { checkWeights, type ResponseColumns, type ResponseValues } from '../data/responses';
import type { Source } from '../data/columns';
import { tallyValue } from '../data/segments';
import { smallWhole } from './flat-fold';
import type { HashedUnique } from './id-table';

/** Distinct texts interned at most (beyond, a text is cut out each time it is read). */
const MAX_INTERNED = 1 << 15;

/** Strings by their characters: the same string object for the same span text, found without making a string. */
export class Interner {
  private keys: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);
  private hashes = new Int32Array(1024);
  private size = 0;

  intern(text: string, start: number, end: number): string {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return this.found(text, start, end, h);
  }

  /**
   * intern(), when text[start, end) is plain (see plain()), else undefined: the check and the
   * hash in one pass over the characters, not two.
   */
  internPlain(text: string, start: number, end: number): string | undefined {
    if (start === end) return undefined;
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(end - 1);
    if (first <= 32 || first > 126 || last <= 32 || last > 126) return undefined;
    let h = 0x811c9dc5;
    let odd = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      odd |= c < 32 || c > 126 ? 1 : 0;
      h = Math.imul(h ^ c, 0x01000193);
    }
    return odd === 0 ? this.found(text, start, end, h) : undefined;
  }

  /** The interned string of text[start, end), whose hash is `h`. */
  private found(text: string, start: number, end: number, h: number): string {
    const keys = this.keys;
    const mask = keys.length - 1;
    const len = end - start;
    let i = h & mask;
    for (;;) {
      const k = keys[i];
      if (k === undefined) break;
      if (this.hashes[i] === h && k.length === len && sameChars(k, text, start)) return k;
      i = (i + 1) & mask;
    }
    const s = text.substring(start, end);
    if (this.size < MAX_INTERNED) {
      keys[i] = s;
      this.hashes[i] = h;
      if (++this.size * 2 > keys.length) this.grow();
    }
    return s;
  }

  private grow(): void {
    const old = this.keys;
    const oldHashes = this.hashes;
    this.keys = new Array<string | undefined>(old.length * 2).fill(undefined);
    this.hashes = new Int32Array(old.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < old.length; j++) {
      const k = old[j];
      if (k === undefined) continue;
      let i = oldHashes[j] & mask;
      while (this.keys[i] !== undefined) i = (i + 1) & mask;
      this.keys[i] = k;
      this.hashes[i] = oldHashes[j];
    }
  }
}

function sameChars(k: string, text: string, start: number): boolean {
  for (let j = 0; j < k.length; j++) if (k.charCodeAt(j) !== text.charCodeAt(start + j)) return false;
  return true;
}

/**
 * Whether text[start, end) reads as itself: not empty, printable ASCII (0x20–0x7E) with no
 * space at either end. So no bidi control to strip, nothing to trim, not the missing code ''
 * and, for an id, nothing normalizeId changes.
 */
function plain(text: string, start: number, end: number): boolean {
  if (start === end) return false;
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  if (first <= 32 || first > 126 || last <= 32 || last > 126) return false;
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

/** A number rule as bounds (an absent bound: ±∞), with not_applicable values. */
interface Bounds {
  min: number;
  max: number;
  integer: boolean;
  notApplicable?: number[];
}

const bounds = (rule: NumberRule): Bounds => ({
  min: rule.min ?? -Infinity,
  max: rule.max ?? Infinity,
  integer: rule.integer === true,
  notApplicable: rule.notApplicable?.length ? rule.notApplicable : undefined,
});

/** A header column's index, -1 when absent. */
const indexOf = (s: Source | undefined): number => (s === undefined ? -1 : s.kind === 'header' ? s.index : -2);

export class FastResponses {
  private readonly interner = new Interner();
  /** Days read so far (Cells.date's cache): raw text → calendar day. */
  private readonly days = new Map<string, string>();
  private readonly format: NonNullable<CellOptions['dates']>['format'];
  private readonly id: number;
  private readonly wave: number;
  private readonly date: number;
  private readonly weights: Int32Array;
  private readonly segments: Int32Array;
  private readonly e: Int32Array;
  private readonly p: Int32Array;
  private readonly nps: number;
  private readonly csat: number;
  private readonly ces: number;
  private readonly overall: number;
  private readonly rules: { scale: Bounds; weight: Bounds; nps: Bounds; csat: Bounds; ces: Bounds; overall: Bounds };
  private readonly values: ResponseValues;
  /** Set by a cell read that the loader's own handler must read instead. */
  private failed = false;
  /** Whether every E, P, weight, CSAT and CES answer of the row is a small whole number (FlatFold's exact sums: smallWhole). */
  private whole = true;

  private constructor(
    private readonly cols: ResponseColumns,
    options: CellOptions,
    private readonly unique: HashedUnique,
    private readonly emit: (v: ResponseValues, whole: boolean) => void,
  ) {
    this.format = options.dates?.format ?? 'iso';
    this.id = indexOf(cols.id);
    this.wave = indexOf(cols.wave);
    this.date = indexOf(cols.date);
    this.weights = Int32Array.from(cols.weights, indexOf);
    this.segments = Int32Array.from(cols.segments, indexOf);
    this.e = Int32Array.from(cols.e, indexOf);
    this.p = Int32Array.from(cols.p, indexOf);
    this.nps = indexOf(cols.nps);
    this.csat = indexOf(cols.csat);
    this.ces = indexOf(cols.ces);
    this.overall = indexOf(cols.overall);
    this.rules = {
      scale: bounds(cols.scale),
      weight: bounds(cols.weightRule),
      nps: bounds(cols.npsRule),
      csat: bounds(cols.csatRule),
      ces: bounds(cols.cesRule),
      overall: bounds(cols.overallRule),
    };
    this.values = {
      id: '',
      wave: '',
      date: undefined,
      segments: new Array<string | undefined>(cols.segments.length).fill(undefined),
      e: new Array<number | undefined>(cols.e.length).fill(undefined),
      p: new Array<number | undefined>(cols.p.length).fill(undefined),
      w: new Array<number | undefined>(cols.weights.length).fill(undefined),
      nps: undefined,
      csat: undefined,
      ces: undefined,
      overall: undefined,
      comment: undefined,
      weight: undefined,
      line: 0,
    };
  }

  /**
   * The reader, when the file's settings let a row be read as written: every column read from
   * the header (no constant, no row number), no survey weight, no keep: rule, no missing
   * codes, recode:, scales: or segment recodes (which the loader reads from the text).
   */
  static for(cols: ResponseColumns, options: CellOptions, unique: HashedUnique, emit: (v: ResponseValues, whole: boolean) => void): FastResponses | undefined {
    const sources = [cols.id, cols.wave, cols.date, ...cols.weights, ...cols.segments, ...cols.e, ...cols.p, cols.nps, cols.csat, cols.ces, cols.overall];
    if (sources.some((s) => s !== undefined && s.kind !== 'header') || cols.weight !== undefined) return undefined;
    if (cols.rows.exclusions() !== undefined) return undefined; // keep: rules read the row's text
    if ((options.missing ?? []).some((m) => String(m).trim() !== '') || Object.keys(options.recode ?? {}).length > 0) return undefined;
    const plan = options.plan;
    if (plan && (Object.keys(plan.scales).length > 0 || Object.keys(plan.segments).length > 0)) return undefined;
    return new FastResponses(cols, options, unique, emit);
  }

  /** A number cell under `rule`: undefined when empty or not applicable; sets `failed` for anything the loader reads otherwise; `whole`: clears `whole` for a value smallWhole refuses. */
  private number(record: SpanRecord, k: number, rule: Bounds, whole = false): number | undefined {
    if (k < 0) return undefined;
    if (record.escaped[k]) {
      this.failed = true;
      return undefined;
    }
    const start = record.starts[k];
    const end = record.ends[k];
    // Most cells are one digit: read at once (spanNumber reads it the same).
    const digit = end === start + 1 ? record.text.charCodeAt(start) - 48 : -1;
    const v = digit >= 0 && digit <= 9 ? digit : spanNumber(record.text, start, end);
    if (v === EMPTY) return undefined;
    if (v === OTHER || v < rule.min || v > rule.max || (rule.integer && !Number.isInteger(v))) {
      if (v !== OTHER && rule.notApplicable?.includes(v)) return undefined;
      this.failed = true;
      return undefined;
    }
    if (rule.notApplicable?.includes(v)) return undefined;
    if (whole && (digit < 0 || digit > 9) && !smallWhole(v)) this.whole = false;
    return v;
  }

  /** The cells of `columns` into `out`, read as number() reads each, in one loop; false for a cell the loader reads otherwise. */
  private numbers(record: SpanRecord, columns: Int32Array, out: (number | undefined)[], rule: Bounds): boolean {
    const { text, starts, ends, escaped } = record;
    const { min, max, integer, notApplicable } = rule;
    for (let i = 0; i < columns.length; i++) {
      const k = columns[i];
      if (k < 0) {
        out[i] = undefined;
        continue;
      }
      if (escaped[k]) return false;
      const start = starts[k];
      const end = ends[k];
      const digit = end === start + 1 ? text.charCodeAt(start) - 48 : -1;
      const v = digit >= 0 && digit <= 9 ? digit : spanNumber(text, start, end);
      if (v === EMPTY) {
        out[i] = undefined;
        continue;
      }
      if (v === OTHER) return false;
      if (notApplicable !== undefined && notApplicable.includes(v)) {
        out[i] = undefined;
        continue;
      }
      if (v < min || v > max || (integer && !Number.isInteger(v))) return false;
      if ((digit < 0 || digit > 9) && !smallWhole(v)) this.whole = false;
      out[i] = v;
    }
    return true;
  }

  /** A text cell that reads as written, interned; undefined when empty; sets `failed` otherwise. */
  private text(record: SpanRecord, k: number): string | undefined {
    if (k < 0) return undefined;
    const start = record.starts[k];
    const end = record.ends[k];
    if (start === end && !record.escaped[k]) return undefined;
    const s = record.escaped[k] ? undefined : this.interner.internPlain(record.text, start, end);
    if (s === undefined) this.failed = true;
    return s;
  }

  /** Reads and folds the row; false (nothing done) when the loader's handler must read it. */
  read(record: SpanRecord, line: number): boolean {
    const { cols, values, rules } = this;
    this.failed = false;
    this.whole = true;
    const text = record.text;
    const idStart = record.starts[this.id];
    const idEnd = record.ends[this.id];
    if (record.escaped[this.id] || !plain(text, idStart, idEnd)) return false;
    let day: string | undefined;
    const raw = this.text(record, this.date);
    if (raw !== undefined) {
      day = this.days.get(raw);
      if (day === undefined) {
        day = readDate(raw, this.format);
        if (day === undefined) return false;
        this.days.set(raw, day);
      }
    }
    const wave = cols.derived ? cols.rows.waveOf(day) : this.text(record, this.wave);
    if (wave === undefined || this.failed) return false;
    const w = values.w;
    for (let i = 0; i < w.length; i++) w[i] = this.number(record, this.weights[i], rules.weight, true);
    if (this.failed || checkWeights(w, cols.weightsPresent) !== undefined) return false;
    const segments = values.segments;
    for (let i = 0; i < segments.length; i++) segments[i] = this.text(record, this.segments[i]);
    const e = values.e;
    const p = values.p;
    if (!this.numbers(record, this.e, e, rules.scale) || !this.numbers(record, this.p, p, rules.scale)) return false;
    values.nps = this.number(record, this.nps, rules.nps);
    values.csat = this.number(record, this.csat, rules.csat, true);
    values.ces = this.number(record, this.ces, rules.ces, true);
    values.overall = this.number(record, this.overall, rules.overall);
    if (this.failed) return false;
    // Accepted: the loader's side effects, in its order.
    this.unique.addSpan(text, idStart, idEnd, line);
    const tally = cols.tally;
    for (let i = 0; i < segments.length; i++) {
      const value = segments[i];
      if (value !== undefined && !tallyValue(tally, i, value)) segments[i] = undefined;
    }
    values.id = '';
    values.wave = wave;
    values.date = day;
    values.line = line;
    this.emit(values, this.whole);
    return true;
  }
}
