/**
 * Dates as survey tools write them → the calendar day (YYYY-MM-DD), and the day → a wave.
 * Pure text arithmetic: no Date in local time, so a file reads the same on every machine
 * whatever its time zone. A time of day and a zone offset are checked and then dropped: the
 * day kept is the one written (the export's own clock), never shifted into UTC, so a
 * response at 23:30 on 30 September stays in September and in Q3.
 */
import { DATE_FORMATS, type DateFormat, type WavePeriod } from '../schemas/mapping';

export { DATE_FORMATS, WAVE_PERIODS, type DateFormat, type WavePeriod } from '../schemas/mapping';

/** What each format looks like, for messages. */
export const DATE_FORMAT_EXAMPLES: Record<DateFormat, string> = {
  iso: '2026-09-30 or 2026-09-30 10:11:12',
  'day-first': '30/09/2026 or 30.09.2026 22:11',
  'month-first': '09/30/2026 10:11:12 AM',
  'year-first': '2026/09/30 10:11:12 AM GMT+2',
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Hours 1–2 digits, seconds and fractions optional, AM/PM optional; then a zone: Z, ±HH[:MM], GMT/UTC[±H[:MM]].
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?$/i;
const ZONE = /^(?:z|(?:gmt|utc)(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}(?::?\d{2})?)$/i;
const SEPARATED = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/;

/** A real calendar day, e.g. not 2026-02-30, as YYYY-MM-DD; undefined otherwise. */
export function calendarDay(year: number, month: number, day: number): string | undefined {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether the text after the date is a valid time of day (with an optional zone). */
function validTime(rest: string): boolean {
  if (rest === '') return true;
  // The zone is the last word, or glued to the time as in 10:11:12+02:00 or 10:11Z.
  const glued = /^(.*?\d)(z|[+-]\d{2}(?::?\d{2})?)$/i.exec(rest);
  let time = rest;
  let zone: string | undefined;
  if (glued && !/\s/.test(glued[1].slice(-1))) [time, zone] = [glued[1], glued[2]];
  else {
    const words = rest.split(/\s+/);
    if (words.length > 1 && ZONE.test(words[words.length - 1])) [time, zone] = [words.slice(0, -1).join(' '), words[words.length - 1]];
  }
  if (zone !== undefined && !ZONE.test(zone)) return false;
  const m = TIME.exec(time.trim());
  if (!m) return false;
  const hour = +m[1];
  if (+m[2] > 59 || (m[3] !== undefined && +m[3] > 59)) return false;
  return m[4] ? hour >= 1 && hour <= 12 : hour <= 23;
}

/** Days already read per format: a survey file repeats a few hundred timestamps' days a million times. */
const cache = new Map<string, string | null>();

/** The calendar day of a date cell in `format`, or undefined when the cell is not such a date. */
export function readDate(raw: string, format: DateFormat = 'iso'): string | undefined {
  const key = `${format}\u0000${raw}`;
  const known = cache.get(key);
  if (known !== undefined) return known ?? undefined;
  const day = parse(raw.trim(), format);
  if (cache.size < 100_000) cache.set(key, day ?? null);
  return day;
}

function parse(text: string, format: DateFormat): string | undefined {
  // The date is the first word; in ISO a `T` may join it to the time.
  const split = format === 'iso' ? /^(\S+?)(?:[T ]\s*(.*))?$/.exec(text) : /^(\S+)(?:\s+(.*))?$/.exec(text);
  if (!split) return undefined;
  const [, date, rest = ''] = split;
  if (!validTime(rest.trim())) return undefined;
  if (format === 'iso') {
    const m = ISO_DAY.exec(date);
    return m ? calendarDay(+m[1], +m[2], +m[3]) : undefined;
  }
  const m = SEPARATED.exec(date);
  if (!m) return undefined;
  const [a, b, c] = [m[1], m[3], m[4]];
  if (format === 'year-first') return a.length === 4 ? calendarDay(+a, +b, +c) : undefined;
  if (c.length !== 4) return undefined; // two-digit years are ambiguous: 26 is 1926 or 2026
  return format === 'day-first' ? calendarDay(+c, +b, +a) : calendarDay(+c, +a, +b);
}

/** The formats a cell would read in, to suggest the right `date_format:`. */
export function formatsThatRead(raw: string): DateFormat[] {
  return DATE_FORMATS.filter((f) => readDate(raw, f) !== undefined);
}

/** Monday-based ISO 8601 week of a day: its year (which may differ from the calendar year near 1 January) and number. */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  // Days since 0001-01-01 by arithmetic (proleptic Gregorian), not Date: independent of the machine's zone.
  const ordinal = (y: number, m: number, d: number) => {
    const yy = m <= 2 ? y - 1 : y;
    const mm = m <= 2 ? m + 12 : m;
    return 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + Math.floor((153 * (mm - 3) + 2) / 5) + d;
  };
  const n = ordinal(year, month, day);
  const weekday = ((n + 1) % 7) + 1; // 1 = Monday … 7 = Sunday (0001-01-01 was a Monday)
  const thursday = n - weekday + 4; // the week belongs to the year of its Thursday
  const y = thursday >= ordinal(year + 1, 1, 1) ? year + 1 : thursday < ordinal(year, 1, 1) ? year - 1 : year;
  return { year: y, week: Math.floor((thursday - ordinal(y, 1, 1)) / 7) + 1 };
}

/** The wave a day (YYYY-MM-DD) falls in: `2026-09`, `2026-Q3`, `2026`, or the ISO week `2026-W40` — names that sort in time order. */
export function waveOf(day: string, period: WavePeriod): string {
  const [year, month, date] = day.split('-').map(Number);
  if (period === 'year') return day.slice(0, 4);
  if (period === 'month') return day.slice(0, 7);
  if (period === 'quarter') return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
  const w = isoWeek(year, month, date);
  return `${String(w.year).padStart(4, '0')}-W${String(w.week).padStart(2, '0')}`;
}

/** How a file's dates are read, and where questionnaire.yaml says so (for the hint). */
export interface DateSetting {
  format: DateFormat;
  /** The line of `date_format:` (or of `source:` when the tool preset chose the format); absent when neither is written. */
  line?: number;
  /** What set the format: `date_format:` itself, or the tool preset of `source:`. */
  from?: 'date_format' | 'source';
}

/** The problem for a date cell the format does not read: the format expected, and the line of questionnaire.yaml to change. */
export function dateProblem(raw: string, setting: DateSetting): { message: string; hint: string } {
  const { format, line } = setting;
  const message = `is not a date as date_format: ${format} reads them (like ${DATE_FORMAT_EXAMPLES[format]}).`;
  const where = line !== undefined ? ` (questionnaire.yaml line ${line}${setting.from === 'source' ? ', whose source: sets the format' : ''})` : ' in questionnaire.yaml';
  const all = formatsThatRead(raw).filter((f) => f !== format);
  // Formats that read the same day are one answer (2026-09-30 reads as iso and as year-first): offer the first.
  const fits = all.filter((f, i) => all.findIndex((g) => readDate(raw, g) === readDate(raw, f)) === i);
  if (fits.length === 1) return { message, hint: `It reads as ${fits[0]}: set date_format: ${fits[0]}${where}.` };
  if (fits.length > 1) return { message, hint: `It reads as ${fits.join(' or ')}: set date_format: to the export's order${where}.` };
  return { message, hint: `Correct the date, list the value under missing:, or set date_format: to the export's order (${DATE_FORMATS.join(', ')})${where}.` };
}
