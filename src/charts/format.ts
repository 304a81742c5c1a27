import { fillTemplate, localSpacing, ordinal, periodLabel } from '../i18n/format';

/**
 * Number formatting for charts. The caller passes locale formatters (the report's
 * locale); the defaults are English. Every formatter is pure and deterministic.
 */
export interface ChartFormat {
  /** A plain number with a fixed count of decimals (default 1): `5.1`, `−0.4`. */
  number: (value: number, decimals?: number) => string;
  /** A number with its sign, zero unsigned (default 1 decimal): `+0.3`, `−1.2`, `0.0`. */
  signed: (value: number, decimals?: number) => string;
  /** A fraction 0–1 as a percent (default 0 decimals): `0.48` → `48%` (named as Formatters.fraction; Formatters.percent takes 0–100). */
  fraction: (fraction: number, decimals?: number) => string;
  /** An ordinal for a percentile rank: `72` → `72nd`. */
  ordinal: (n: number) => string;
  /** A wave or period label for display: `2026-Q3` (en), `T3 2026` (fr), `Quý 3/2026` (vi). */
  period: (label: string) => string;
}

/** Typographic minus (U+2212) for negatives, as the report text prints them (src/i18n/format.ts). */
const minus = (s: string) => (s.includes('-') ? s.replace(/-/g, '\u2212') : s);

// Pure and deterministic: one set per locale, shared by every chart of every page (each used to build its own Intl objects).
const byLocale = new Map<string, ChartFormat>();

/** Formatters built on `Intl.NumberFormat(locale)`; ordinals are src/i18n/format.ts's. */
export function makeFormat(locale = 'en'): ChartFormat {
  let format = byLocale.get(locale);
  if (!format) byLocale.set(locale, (format = Object.freeze(formatFor(locale))));
  return format;
}

function formatFor(locale: string): ChartFormat {
  // One Intl.NumberFormat per kind and count of decimals, looked up before any options object is built:
  // a chart formats every tick, value and table cell (a thousand entity pages, several charts each).
  const made: Record<'n' | 's' | 'p', Intl.NumberFormat[]> = { n: [], s: [], p: [] };
  const nf = (kind: 'n' | 's' | 'p', d: number, options: () => Intl.NumberFormatOptions): Intl.NumberFormat =>
    (made[kind][d] ??= new Intl.NumberFormat(locale, options()));
  const digits = (d: number) => ({ minimumFractionDigits: d, maximumFractionDigits: d });
  return {
    // 'negative' keeps "-0.0" from appearing for tiny negative values.
    number: (v, d = 1) => minus(nf('n', d, () => ({ ...digits(d), signDisplay: 'negative' })).format(v)),
    signed: (v, d = 1) => minus(nf('s', d, () => ({ ...digits(d), signDisplay: 'exceptZero' })).format(v)),
    fraction: (v, d = 0) => localSpacing(locale, minus(nf('p', d, () => ({ ...digits(d), style: 'percent', signDisplay: 'negative' })).format(v))),
    ordinal: (n) => ordinal(locale, n),
    period: (label) => periodLabel(locale, label),
  };
}

/** English defaults (`Intl.NumberFormat('en')`). */
export const EN_FORMAT: ChartFormat = makeFormat('en');

/** The caller's formatters over the English defaults. */
export function resolveFormat(partial?: Partial<ChartFormat>): ChartFormat {
  return { ...EN_FORMAT, ...partial };
}

/** The one formatting policy (decimals and sign per kind of figure), under the charts' roof. */
export { FIGURE_KINDS, METRIC_KINDS, metricKinds, unitDecimals, type FigureKind } from '../i18n/format';

/** The one template filler (src/i18n/format.ts), under the name the chart builders use. */
export { fillTemplate as fill };
