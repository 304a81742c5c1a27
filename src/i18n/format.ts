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

/** The number formats by kind and decimals, made once per key: a page prints thousands of numbers (JSON.stringify of the options per call cost more than the format). */
type NumberKind = 'fixed' | 'signed' | 'percent' | 'integer';
const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, kind: NumberKind, d: number): Intl.NumberFormat {
  const key = `${locale}|${kind}|${d}`;
  let f = cache.get(key);
  if (!f) {
    const fixed = { minimumFractionDigits: d, maximumFractionDigits: d };
    const options: Intl.NumberFormatOptions =
      kind === 'fixed'
        ? fixed
        : kind === 'signed'
          ? { ...fixed, signDisplay: 'exceptZero' }
          : kind === 'percent'
            ? { ...fixed, style: 'percent' }
            : { maximumFractionDigits: 0 };
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
  return {
    locale,
    number: (x, d = 2) => minus(nf(locale, 'fixed', d).format(x)),
    signed: (x, d = 2) => minus(nf(locale, 'signed', d).format(x)),
    percent: (x, d = 1) => localSpacing(locale, minus(nf(locale, 'percent', d).format(x / 100))),
    fraction: (x, d = 0) => localSpacing(locale, minus(nf(locale, 'percent', d).format(x))),
    integer: (x) => minus(nf(locale, 'integer', 0).format(x)),
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

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO date in the locale's long form, in UTC. Vietnamese writes "ngày 30 tháng 9 năm 2026"
 * (Intl gives "30 tháng 9, 2026", which a Vietnamese reader finds foreign in running text).
 */
function longDate(locale: Locale, iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (locale.startsWith('vi')) return `ngày ${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}`;
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
  return f.format(d);
}

const EN_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
let enOrdinal: Intl.PluralRules | undefined;
/** A percentile rank as an ordinal, rounded: 17th (en), 1er / 17e (fr), 17 (vi and others). Charts and report text share it. */
export function ordinal(locale: string, x: number): string {
  const i = Math.round(x);
  const lang = locale.slice(0, 2);
  if (lang === 'en') return `${i}${EN_SUFFIX[(enOrdinal ??= new Intl.PluralRules('en', { type: 'ordinal' })).select(i)] ?? 'th'}`;
  if (lang === 'fr') return i === 1 ? '1er' : `${i}e`;
  return String(i);
}

/** Replaces `{name}` placeholders in a UI string (strings are templates so editions can reorder words); unknown names stay as written. */
export function fillTemplate(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/**
 * One rendering per figure (issue 12 item 5): the decimals and sign of each kind of figure,
 * read by every surface that prints one (cards, <Metric>, words, chart labels and captions,
 * tables, `gapreport check`), so the same figure reads the same everywhere. Downloads
 * (figures.csv, figures.json) keep the raw values; they are data, not display.
 */
export const FIGURE_KINDS = {
  /** An NPS score, −100…+100, signed: +13. */
  score: { decimals: 0, signed: true },
  /** A difference of an NPS score or of a percentage (change, gap to a benchmark), in points: +1.6, −9.4. */
  points: { decimals: 1, signed: true },
  /** A percentage 0–100: 72.9%. */
  percent: { decimals: 1, signed: false },
  /** A share of respondents (0–1) as a whole percent: 41%. */
  share: { decimals: 0, signed: false },
  /** A mean on a rating scale (CES, CSAT mean, perception, expectation): 3.16. */
  mean: { decimals: 2, signed: false },
  /** A SERVQUAL gap or a difference of means: −0.72. */
  gap: { decimals: 2, signed: true },
  /** A p-value: 0.626, < 0.001. */
  p: { decimals: 3, signed: false },
  /** A base or any count: 1,178. */
  count: { decimals: 0, signed: false },
  /** A margin of error in points: ±4.7. */
  moe: { decimals: 1, signed: false },
} as const;
export type FigureKind = keyof typeof FIGURE_KINDS;

/** The kind of a headline metric's value and of its differences (a change, a gap to a benchmark). */
export const METRIC_KINDS: Readonly<Record<string, { value: FigureKind; difference: FigureKind }>> = {
  nps: { value: 'score', difference: 'points' },
  csat: { value: 'percent', difference: 'points' },
  ces: { value: 'mean', difference: 'gap' },
  overall: { value: 'mean', difference: 'gap' },
  servqual: { value: 'gap', difference: 'gap' },
};

/** The kinds of a figure id's metric (`nps.score`, `csat.top2box`, `changes.nps.score` → nps); means and gaps otherwise. */
export function metricKinds(idOrMetric: string): { value: FigureKind; difference: FigureKind } {
  const parts = idOrMetric.split('.').filter((p) => p !== 'changes' && p !== 'benchmarks');
  if (parts[0] === 'csat' && parts[1] === 'mean') return METRIC_KINDS.ces;
  return METRIC_KINDS[parts[0] ?? ''] ?? METRIC_KINDS.ces;
}

/** A figure of a kind, as every surface prints it. */
export function formatKind(kind: FigureKind, value: number, f: Pick<Formatters, 'number' | 'signed' | 'percent' | 'fraction' | 'integer'>): string {
  const { decimals, signed } = FIGURE_KINDS[kind];
  if (kind === 'percent') return f.percent(value, decimals);
  if (kind === 'share') return f.fraction(value, decimals);
  if (kind === 'count') return f.integer(value);
  if (kind === 'moe') return `±${f.number(value, decimals)}`;
  if (kind === 'p') return value < 0.001 ? `< ${f.number(0.001, decimals)}` : f.number(value, decimals);
  return signed ? f.signed(value, decimals) : f.number(value, decimals);
}

/**
 * Decimals of a KPI number in its unit (src/components/lib/metric-format.ts and the KPI
 * scorecard share them): a level reads whole when it is whole ("80%", "5 days", "30 s"),
 * else with one decimal; a change reads in points (percent), seconds with the level's rule,
 * days and scores with two decimals.
 */
export function unitDecimals(unit: string, value: number, as: 'level' | 'change'): number {
  const whole = Math.abs(value - Math.round(value)) < 1e-9;
  if (unit === 'score') return 2;
  if (as === 'change' && unit === 'days') return 2;
  if (as === 'change' && (unit === 'percent' || unit === 'rate')) return FIGURE_KINDS.points.decimals;
  if (as === 'change' && unit !== 'seconds') return 2;
  return whole ? 0 : 1;
}

/** Figure keys whose string value is a wave or period label (changes.*.from / .to, meta.wave, meta.period). */
const PERIOD_KEYS = new Set(['from', 'to', 'wave', 'period']);

/** Sentiment keys that count comments (sentiment.overall.negative, sentiment.languages.fr.comments). */
const SENTIMENT_COUNTS = new Set(['n', 'negative', 'neutral', 'positive', 'comments', 'negation_window']);

/** How each figure key reads (SPEC §4 keys; the last part of a figure id). */
export function formatFigure(key: string, value: number | string | boolean, f: Formatters, path: readonly string[] = []): string {
  if (typeof value === 'string' && PERIOD_KEYS.has(key)) return f.period(value);
  if (typeof value !== 'number') return String(value);
  const inGap = path[0] === 'gaps' || path[0] === 'changes';
  // An entity's standing (entity.rank.nps): the last key names the metric, the step before it the kind.
  if (path[0] === 'entity' && path.length === 3 && (path[1] === 'rank' || path[1] === 'of')) return f.integer(value);
  if (path[0] === 'entity' && path.length === 3 && path[1] === 'percentile') return f.ordinal(value);
  // Comment sentiment (src/schemas/sentiment.ts): counts of comments, and shares of them as fractions 0–1 (as themes' shares read).
  if (path[0] === 'sentiment') {
    if (key === 'share_negative' || key === 'share_positive') return formatKind('share', value, f);
    if (SENTIMENT_COUNTS.has(key)) return formatKind('count', value, f);
  }
  // A theme's change between waves is a difference of two shares (fractions 0–1): in points, as a percentage's change reads.
  if (path[0] === 'themes' && path.at(-2) === 'change' && key === 'difference') return formatKind('points', 100 * value, f);
  // eNPS beside the customers' NPS: two NPS scores, and their difference in NPS points.
  if (path[0] === 'internal' && path[1] === 'beside' && path.length === 3) return formatKind(key === 'difference' ? 'points' : 'score', value, f);
  switch (key) {
    case 'score':
      return formatKind('score', value, f);
    case 'moe95':
      return formatKind('moe', value, f);
    case 'top2box':
      return formatKind('percent', value, f);
    case 'percentile':
      return f.ordinal(value);
    case 'promoters':
    case 'passives':
    case 'detractors':
    case 'share':
      return formatKind('share', value, f);
    case 'p':
    case 'p_holm':
      return formatKind('p', value, f);
    case 'n':
    case 'n_eff':
    case 'mentions':
    case 'n_mentioners':
    case 'n_others':
    case 'n_perception':
    case 'n_expectation':
    case 'n_gap':
    case 'peers':
    case 'shortfalls':
    case 'parts':
    case 'quartile':
      return formatKind('count', value, f);
    case 'gap':
    case 'unweighted':
    case 'weighted':
    case 'trend':
      return formatKind('gap', value, f);
    case 'gap_to_median':
    case 'gap_to_top_quartile':
    case 'difference':
      // A benchmark's or a change's difference reads in its metric's kind: NPS and percentages in points.
      return formatKind(metricKinds(path.join('.') || key).difference, value, f);
    case 'from_value':
    case 'to_value':
      // A change's two values read as the figure they are (changes.nps.score.to_value as nps.score: +13).
      return formatFigure(path.slice(1, -1).join('.').split('.').at(-1) ?? key, value, f);
    case 'value':
      return inGap ? formatKind('gap', value, f) : f.number(value, Number.isInteger(value) ? 0 : 1);
    default:
      return formatKind('mean', value, f);
  }
}
