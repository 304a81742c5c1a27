import type { Locale } from '../schemas/questionnaire';
import { frenchSpacing } from './typography';

export { frenchSpacing, mapStrings } from './typography';

/** Number formats per figure key, through Intl so French and Vietnamese read naturally. */
export interface Formatters {
  locale: Locale;
  /** Plain number with fixed decimals. */
  number(x: number, decimals?: number): string;
  /** Signed number (+1.2, −0.8) with fixed decimals. */
  signed(x: number, decimals?: number): string;
  /** A value already in percent (0–100). */
  percent(x: number, decimals?: number): string;
  /** A fraction (0–1) as percent. */
  fraction(x: number, decimals?: number): string;
  integer(x: number): string;
  /** A percentile rank as an ordinal: 17th, 17e, 17. */
  ordinal(x: number): string;
  /** An ISO date (YYYY-MM-DD) in the locale's long form, in UTC (never the clock). */
  date(iso: string): string;
  /** A wave or period label as the reader writes it: 2026-Q3 (en), T3 2026 (fr), Quý 3/2026 (vi). Display only. */
  period(label: string): string;
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** Typographic minus for negative numbers, as reports print them. */
const minus = (s: string) => s.replace(/^-/, '\u2212');

/** The locale's spacing rules over a formatted number (only French has any). */
export const localSpacing = (locale: string, s: string) => (locale.startsWith('fr') ? frenchSpacing(s) : s);

export function formatters(locale: Locale): Formatters {
  const fixed = (d: number) => ({ minimumFractionDigits: d, maximumFractionDigits: d });
  return {
    locale,
    number: (x, d = 2) => minus(nf(locale, fixed(d)).format(x)),
    signed: (x, d = 2) => minus(nf(locale, { ...fixed(d), signDisplay: 'exceptZero' }).format(x)),
    percent: (x, d = 1) => localSpacing(locale, minus(nf(locale, { ...fixed(d), style: 'percent' }).format(x / 100))),
    fraction: (x, d = 0) => localSpacing(locale, minus(nf(locale, { ...fixed(d), style: 'percent' }).format(x))),
    integer: (x) => minus(nf(locale, { maximumFractionDigits: 0 }).format(x)),
    ordinal: (x) => ordinal(locale, x),
    date: (iso) => longDate(locale, iso),
    period: (label) => periodLabel(locale, label),
  };
}

/**
 * A quarter label (the data's "2026-Q3") as a reader of the locale writes it: French "T3 2026"
 * (trimestre), Vietnamese "Quý 3/2026"; English keeps "2026-Q3" so the golden SVGs stay byte-identical.
 * Figure ids, data keys and downloads keep the data's label; any other label is shown as written.
 */
export function periodLabel(locale: string, label: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) return label;
  const lang = locale.slice(0, 2);
  if (lang === 'fr') return `T${m[2]} ${m[1]}`;
  if (lang === 'vi') return `Quý ${m[2]}/${m[1]}`;
  return label;
}

/**
 * An ISO date in the locale's long form, in UTC. Vietnamese writes "ngày 30 tháng 9 năm 2026"
 * (Intl gives "30 tháng 9, 2026", which a Vietnamese reader finds foreign in running text).
 */
function longDate(locale: Locale, iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (locale.startsWith('vi')) return `ngày ${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

const EN_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
/** A percentile rank as an ordinal, rounded: 17th (en), 1er / 17e (fr), 17 (vi and others). Charts and report text share it. */
export function ordinal(locale: string, x: number): string {
  const i = Math.round(x);
  const lang = locale.slice(0, 2);
  if (lang === 'en') return `${i}${EN_SUFFIX[new Intl.PluralRules('en', { type: 'ordinal' }).select(i)] ?? 'th'}`;
  if (lang === 'fr') return i === 1 ? '1er' : `${i}e`;
  return String(i);
}

/** Replaces `{name}` placeholders in a UI string (strings are templates so editions can reorder words); unknown names stay as written. */
export function fillTemplate(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Figure keys whose string value is a wave or period label (changes.*.from / .to, meta.wave, meta.period). */
const PERIOD_KEYS = new Set(['from', 'to', 'wave', 'period']);

/** How each figure key reads (SPEC §4 keys; the last part of a figure id). */
export function formatFigure(key: string, value: number | string | boolean, f: Formatters, path: readonly string[] = []): string {
  if (typeof value === 'string' && PERIOD_KEYS.has(key)) return f.period(value);
  if (typeof value !== 'number') return String(value);
  const inGap = path[0] === 'gaps' || path[0] === 'changes';
  // An entity's standing (entity.rank.nps): the last key names the metric, the step before it the kind.
  if (path[0] === 'entity' && path.length === 3 && (path[1] === 'rank' || path[1] === 'of')) return f.integer(value);
  if (path[0] === 'entity' && path.length === 3 && path[1] === 'percentile') return f.ordinal(value);
  switch (key) {
    case 'score':
      return f.signed(value, 0);
    case 'moe95':
      return `±${f.number(value, 1)}`;
    case 'top2box':
      return f.percent(value, 1);
    case 'percentile':
      return f.ordinal(value);
    case 'promoters':
    case 'passives':
    case 'detractors':
    case 'share':
      return f.fraction(value, 0);
    case 'p':
    case 'p_holm':
      return value < 0.001 ? `< ${f.number(0.001, 3)}` : f.number(value, 3);
    case 'n':
    case 'peers':
    case 'shortfalls':
    case 'parts':
    case 'quartile':
      return f.integer(value);
    case 'gap':
    case 'unweighted':
    case 'weighted':
    case 'trend':
    case 'gap_to_median':
    case 'gap_to_top_quartile':
      return f.signed(value, 2);
    case 'difference':
      return f.signed(value, path.includes('nps.score') ? 1 : 2);
    case 'value':
      return inGap ? f.signed(value, 2) : f.number(value, Number.isInteger(value) ? 0 : 1);
    default:
      return f.number(value, 2);
  }
}
