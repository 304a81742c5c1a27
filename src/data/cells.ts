/**
 * Cell text → typed values, one rule each, reporting the cell when it breaks the rule.
 * Missing codes (always the empty cell) read as undefined; a decimal comma is read only
 * in `;` files, where it cannot be a delimiter (SPEC §2).
 */
import { labelOf, rawOf, type Source } from './columns';
import type { ProblemSink } from './problems';
import { stripBidiControls } from '../schemas/text';
import { MAX_MAGNITUDE } from '../schemas/bounds';
import { applyScale, overallScaleHint, type ColumnPlan, type ColumnScale } from './scales';
import { dateProblem, readDate, type DateSetting } from './dates';
import type { SpanRecord } from './csv';

export interface CellOptions {
  /** Cell values read as missing, compared trimmed (numbers also numerically). */
  missing?: (string | number)[];
  decimalComma?: boolean;
  /** Contract column → lower-case trimmed label → number. */
  recode?: Record<string, Record<string, number>>;
  /** How to fix a cell that is not a number (e.g. point at recode:/missing:). */
  numberHint?: string;
  /** Column scales (reverse, rescale, own range) and segment recodes, resolved from questionnaire.yaml (src/data/scales.ts). */
  plan?: ColumnPlan;
  /** How `date` cells are written (`date_format:`, or the tool preset's), and where questionnaire.yaml says so (src/data/dates.ts). */
  dates?: DateSetting;
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  /** Values read as missing after parsing (`not_applicable:`). */
  notApplicable?: number[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Days already checked: a survey file repeats a few hundred dates a million times. */
const checkedDays = new Map<string, boolean>();

/** A real calendar day, e.g. not 2026-02-30. */
export function isIsoDate(s: string): boolean {
  const known = checkedDays.get(s);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(s);
  const d = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  const ok = !!m && !!d && d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  if (checkedDays.size < 100_000) checkedDays.set(s, ok);
  return ok;
}

/** Exact powers of ten (up to 10^22, the largest a double holds exactly). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** What spanNumber found: no character (an empty cell), or characters it does not read (the text path reads them). */
export const EMPTY = -1;
export const OTHER = -2;
/** Set by spanNumber: whether the number it read had a decimal point. */
let spanDecimal = false;

/**
 * The number written in text[start, end) when it is 1–15 plain digits with at most one
 * decimal point (and a digit): the same double as Number() — digits as an exact integer m,
 * then m / 10^k, one correctly rounded division of two exact doubles, as Number rounds the
 * decimal once. EMPTY for no characters; OTHER for anything else (signs, spaces, exponents,
 * commas, more digits), which the text path reads.
 */
export function spanNumber(text: string, start: number, end: number): number {
  if (start === end) return EMPTY;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const digit = c - 48;
    if (digit >= 0 && digit <= 9) {
      m = m * 10 + digit;
      digits++;
    } else if (c === 46 && point < 0) point = i;
    else return OTHER;
  }
  if (digits === 0 || digits > 15) return OTHER;
  spanDecimal = point >= 0;
  if (point < 0) return digits > 9 ? OTHER : m; // plainInteger's reach: longer ones take the text path, as before
  return m / POW10[end - point - 1];
}

/** The value of 1–9 plain digits, else undefined. */
function plainInteger(cell: string): number | undefined {
  const n = cell.length;
  if (n === 0 || n > 9) return undefined;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

function range(rule: NumberRule): string {
  const dash = `${rule.min}–${rule.max}`;
  return rule.integer ? `a whole number ${dash}` : `within ${dash}`;
}

export class Cells {
  private readonly missingText: Set<string>;
  private readonly missingNumbers: Set<number>;
  private readonly recode: Record<string, Record<string, number>>;
  /** Whether any recode: is given / any missing code is a plain whole number as text (the fast path's checks). */
  private readonly anyRecode: boolean;
  private readonly digitMissing: boolean;
  /** Some missing code is digits with a point (e.g. "9.9"): decimals then take the text path. */
  private readonly decimalMissing: boolean;
  /** The record being read as spans (CsvRecords.stepSpans), else undefined (`fields` holds it). */
  private record: SpanRecord | undefined;
  private cutFields: string[] = [];
  /** Dates read so far (a survey file repeats a few hundred days a million times), in this reader's format. */
  private readonly days = new Map<string, string>();
  /** Contract column → its declared scale, and segment → value recode (own keys only; undefined when none is declared, the fast path's check). */
  private readonly scales?: Record<string, ColumnScale>;
  private readonly segmentRecode?: Record<string, Record<string, string>>;
  line = 0;
  row = 0;

  constructor(private readonly sink: ProblemSink, private readonly options: CellOptions = {}) {
    const missing = options.missing ?? [];
    this.missingText = new Set(['', ...missing.map((m) => String(m).trim())]);
    this.missingNumbers = new Set(missing.map(Number).filter((n, i) => typeof missing[i] === 'number' || (String(missing[i]).trim() !== '' && Number.isFinite(n))));
    this.recode = Object.create(null) as Record<string, Record<string, number>>; // keyed by the analyst's column names
    for (const [column, labels] of Object.entries(options.recode ?? {})) {
      this.recode[column] = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k.trim().toLowerCase(), v]));
    }
    this.anyRecode = Object.keys(this.recode).length > 0;
    this.digitMissing = [...this.missingText].some((m) => plainInteger(m) !== undefined);
    this.decimalMissing = [...this.missingText].some((m) => /^[0-9]*\.[0-9]*$/.test(m));
    const plan = options.plan;
    if (plan && Object.keys(plan.scales).length) this.scales = plan.scales;
    if (plan && Object.keys(plan.segments).length) this.segmentRecode = plan.segments;
  }

  /** Moves to the next record. */
  at(fields: string[], line: number, row: number): void {
    this.cutFields = fields;
    this.record = undefined;
    this.line = line;
    this.row = row;
  }

  /** Moves to the next record, read as spans: fields are cut out only when read as text. */
  atSpans(record: SpanRecord, line: number, row: number): void {
    this.record = record;
    this.line = line;
    this.row = row;
  }

  /** The record being read as spans, if it is (src/stream/fast-rows.ts reads it whole). */
  get spans(): SpanRecord | undefined {
    return this.record;
  }

  /** The record's fields as strings. */
  get fields(): string[] {
    return this.record ? this.record.fields() : this.cutFields;
  }

  /** Field i as a string (one field cut out, not the record's). */
  private field(i: number): string {
    return this.record ? this.record.field(i) : this.cutFields[i];
  }

  private rawText(source: Source): string {
    return source.kind === 'header' ? this.field(source.index) : rawOf(source, this.cutFields, this.row);
  }

  private report(source: Source, contract: string, value: string, message: string, hint?: string): undefined {
    this.sink.add({ line: this.line, column: labelOf(source, contract), value, message, hint });
    return undefined;
  }

  /** Trimmed text, or undefined when missing; a segment's value after its recode: (e.g. "Eco Plus" → "Eco"). */
  text(source: Source | undefined, contract: string): string | undefined {
    if (!source) return undefined;
    const raw = stripBidiControls(this.rawText(source)).trim();
    if (this.missingText.has(raw)) return undefined;
    const recode = this.segmentRecode && Object.hasOwn(this.segmentRecode, contract) ? this.segmentRecode[contract] : undefined;
    if (recode === undefined) return raw;
    const key = raw.toLowerCase();
    return Object.hasOwn(recode, key) ? recode[key] : raw;
  }

  /** A number (after recode), checked against the rule — or against the column's declared scale, then reversed and rescaled as declared; undefined when missing or wrong. */
  number(source: Source | undefined, contract: string, rule: NumberRule = {}): number | undefined {
    const scale = this.scales && Object.hasOwn(this.scales, contract) ? this.scales[contract] : undefined;
    if (scale === undefined) return this.read(source, contract, rule);
    const value = this.read(source, contract, { ...rule, min: scale.from.min, max: scale.from.max, integer: scale.integer ?? rule.integer });
    return value === undefined ? undefined : applyScale(scale, value);
  }

  private read(source: Source | undefined, contract: string, rule: NumberRule): number | undefined {
    if (!source) return undefined;
    const labels = this.anyRecode && Object.hasOwn(this.recode, contract) ? this.recode[contract] : undefined;
    // Fast path for the bulk of survey cells, a short unsigned whole number ("5", "10") or
    // decimal ("5.3"): no bidi control, space or label can be in it, so trimming and the
    // regexes are skipped — and, read as spans, no string is made.
    const record = this.record;
    if (labels === undefined && record !== undefined && source.kind === 'header') {
      const k = source.index;
      const value = record.escaped[k] ? OTHER : spanNumber(record.text, record.starts[k], record.ends[k]);
      if (value === EMPTY) return undefined; // '' is always missing
      if (value !== OTHER) {
        if (!spanDecimal) {
          if (!this.digitMissing || !this.missingText.has(record.field(k))) return this.check(source, contract, undefined, value, rule);
        } else if (!this.decimalMissing && !(this.segmentRecode && Object.hasOwn(this.segmentRecode, contract))) return this.check(source, contract, undefined, value, rule);
      }
    }
    const cell = this.rawText(source);
    if (labels === undefined) {
      const plain = plainInteger(cell);
      if (plain !== undefined && (!this.digitMissing || !this.missingText.has(cell))) return this.check(source, contract, cell, plain, rule);
    }
    const raw = this.text(source, contract);
    if (raw === undefined) return undefined;
    const label = raw.toLowerCase();
    const recoded = labels !== undefined && Object.hasOwn(labels, label) ? labels[label] : undefined; // own labels only: a cell "constructor" is not Object's
    let value: number;
    if (recoded !== undefined) value = recoded;
    else {
      const text = this.options.decimalComma && DECIMAL_COMMA.test(raw) ? raw.replace(',', '.') : raw;
      if (!NUMBER.test(text)) {
        if (labels) return this.report(source, contract, raw, `is not one of the labels recode: lists for "${contract}" (${Object.keys(labels).join(', ')}).`, 'Add it to recode:, or list it under missing:.');
        const hint = DECIMAL_COMMA.test(raw) ? 'Use a decimal point: a decimal comma is read only in files separated by ";".' : this.options.numberHint;
        // Text where a number belongs: say it is not a number at all ("within 1–7" alone would read as a range problem).
        return this.report(source, contract, raw, rule.min !== undefined && rule.max !== undefined ? `is not ${rule.integer ? range(rule) : `a number ${range(rule)}`}.` : 'is not a number.', hint);
      }
      value = Number(text);
      if (!Number.isFinite(value)) return this.report(source, contract, raw, 'is too large to be a number.');
      // Beyond MAX_MAGNITUDE sums, gaps and medians overflow or lose every digit: refuse it here, with its cell.
      if (Math.abs(value) > MAX_MAGNITUDE) return this.report(source, contract, raw, `is too large to compute with (beyond ±${MAX_MAGNITUDE.toExponential()}).`, 'Check it for a typing error (an extra run of digits or an exponent).');
    }
    if (recoded !== undefined && contract === 'overall') return this.missingNumbers.has(value) || rule.notApplicable?.includes(value) ? undefined : value; // a recoded outcome (e.g. satisfied = 1) need not be on the item scale
    return this.check(source, contract, raw, value, rule);
  }

  /** Missing codes given as numbers, not-applicable values, then the rule's range (`raw` undefined: the cell as written). */
  private check(source: Source, contract: string, raw: string | undefined, value: number, rule: NumberRule): number | undefined {
    if ((this.missingNumbers.size !== 0 && this.missingNumbers.has(value)) || (rule.notApplicable !== undefined && rule.notApplicable.includes(value))) return undefined;
    const outside = (rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max);
    if (outside || (rule.integer && !Number.isInteger(value))) {
      // overall may be asked on another scale than the items: say how to declare it (src/data/scales.ts).
      const hint = contract === 'overall' && !this.scales?.overall && rule.min !== undefined && rule.max !== undefined ? overallScaleHint(rule) : undefined;
      return this.report(source, contract, raw ?? this.rawText(source), rule.min !== undefined && rule.max !== undefined ? `is not ${range(rule)}.` : rule.min !== undefined ? `is below ${rule.min}.` : 'is not a whole number.', hint);
    }
    return value;
  }

  /** A value from a fixed list (compared case-insensitively, returned lower case). */
  oneOf<T extends string>(source: Source | undefined, contract: string, allowed: readonly T[]): T | undefined {
    const raw = this.text(source, contract);
    if (raw === undefined || !source) return undefined;
    const value = raw.toLowerCase() as T;
    if (allowed.includes(value)) return value;
    return this.report(source, contract, raw, `is not one of ${allowed.join(', ')}.`);
  }

  /** A date in the declared format (ISO by default, a time of day allowed), as its calendar day YYYY-MM-DD. */
  date(source: Source | undefined, contract: string): string | undefined {
    const raw = this.text(source, contract);
    if (raw === undefined || !source) return undefined;
    const known = this.days.get(raw);
    if (known !== undefined) return known;
    const format = this.options.dates?.format ?? 'iso';
    const day = readDate(raw, format);
    if (day !== undefined) {
      if (this.days.size < 100_000) this.days.set(raw, day);
      return day;
    }
    const problem = dateProblem(raw, this.options.dates ?? { format });
    return this.report(source, contract, raw, problem.message, problem.hint);
  }

  /** An ISO date and time (`T` or a space between), returned as written. */
  datetime(source: Source | undefined, contract: string): string | undefined {
    const raw = this.text(source, contract);
    if (raw === undefined || !source) return undefined;
    const m = ISO_DATETIME.exec(raw);
    const clock = m && +m[2] < 24 && +m[3] < 60 && (m[4] === undefined || +m[4].slice(1, 3) < 60);
    return m && clock && isIsoDate(m[1]) ? raw : this.report(source, contract, raw, 'is not an ISO date and time (YYYY-MM-DDTHH:MM:SS).');
  }

  /** 0 or 1. */
  flag(source: Source | undefined, contract: string): 0 | 1 | undefined {
    const raw = this.text(source, contract);
    if (raw === undefined || !source) return undefined;
    if (raw === '0' || raw === '1') return raw === '1' ? 1 : 0;
    return this.report(source, contract, raw, 'is not 0 or 1.');
  }

  /** Reports a required cell that is empty. */
  required<T>(value: T | undefined, source: Source | undefined, contract: string): value is T {
    if (value !== undefined || !source) return value !== undefined;
    const raw = this.rawText(source).trim();
    // A wrong value was reported already; only an empty (or missing-coded) one is new.
    if (this.missingText.has(raw)) this.sink.add({ line: this.line, column: labelOf(source, contract), message: 'is empty, but a value is required.' });
    return false;
  }
}
