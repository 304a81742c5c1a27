/**
 * What a built report page says about each figure (issue 12 item 5, one rendering per figure):
 * the strings its `data-figure` elements print (cards, <Metric>, words, tables), and the
 * renderings of a figure's value at another precision anywhere in the page's text (chart
 * labels and captions, data tables, sentences). Pure: HTML text in, strings out.
 */
import { formatters } from '../../src/i18n/format';
import type { Locale } from '../../src/schemas/questionnaire';

/**
 * A number as the three editions print it: sign, digits with grouping (",", ".", narrow or plain
 * no-break space) or none ("1200" is one number, not "120"), decimals.
 */
const NUMBER = /[+\u2212-]?(?:\d{1,3}(?:(?:,|\.|\u202f|\u00a0)\d{3})+|\d+)(?:[.,]\d+)?/u;

/** The page's visible text (tags, styles and scripts out, entities decoded, spaces collapsed); SVG text included. */
export function pageText(html: string): string {
  return html
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ');
}

/** Each `data-figure` id with the number its elements print (the first number of the element's own text), in page order. */
export function figureStrings(html: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of html.matchAll(/data-figure="([^"]+)"[^>]*>([^<]*)/g)) {
    // A figure's text opens with its number; a stated absence ("suppressed (base under 10)") is not one.
    const number = new RegExp(`^\\s*${NUMBER.source}`, 'u').exec(pageText(m[2] ?? ''));
    if (!number) continue;
    const printed = number[0].trim();
    const id = (m[1] ?? '').replace(/&quot;/g, '"');
    out.set(id, [...(out.get(id) ?? []), printed]);
  }
  return out;
}

/** Decimals of a printed number (after its last decimal separator, grouping aside). */
function decimalsOf(printed: string, locale: Locale): number {
  const sep = formatters(locale).number(1.5, 1).charAt(1);
  const i = printed.lastIndexOf(sep);
  return i < 0 ? 0 : (/^\d*/.exec(printed.slice(i + 1))?.[0].length ?? 0);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The page's text without the charts' axis ticks (bare numbers in the muted small type): a tick is a scale, not a figure. */
export function textWithoutTicks(html: string): string {
  return pageText(html.replace(/<text [^>]*font-size="11" fill="var\(--gr-muted[^>]*>[+\u2212-]?[\d.,\u202f\u00a0]+<\/text>/gu, ' '));
}

/** The ways a number's thousands are grouped on some page: none, comma, point, a plain, a no-break and a narrow no-break space. */
const GROUPINGS = ['', ',', '.', ' ', '\u00a0', '\u202f'];

/** `digits` (an unsigned whole part, grouped or not) regrouped with `sep`. */
function regroup(digits: string, sep: string): string {
  const bare = digits.replace(/\D/g, '');
  return bare.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * The forms a rival rendering of `value` can take, given `printed`, the figure's own rendering:
 * - another precision, one to three decimals ("4.30" or "9.44" beside "4.3" and "9.4"), with the value's own sign or none;
 * - the whole number of a figure printed with decimals, signed ("−9" beside "−9.4"; unsigned only from 100 up, a bare
 *   "9" being too often another figure);
 * - the same digits with a sign the figure does not print ("+72" beside "72"; a signed figure written as its
 *   size, "9.4 points below", is words, not a rival);
 * - the same digits grouped otherwise, from 1,000 up ("1200", "1 200", "1\u202f200" beside "1,200").
 * Forms in `others` (the renderings of the other figures) are left out, and so is the printed form itself.
 */
export function rivalForms(value: number, printed: string, locale: Locale, others: ReadonlySet<string> = new Set()): string[] {
  const f = formatters(locale);
  const own = decimalsOf(printed, locale);
  const sign = value < 0 ? '\u2212' : '+';
  const printedSigned = /^[+\u2212-]/.test(printed);
  const bare = printed.replace(/^[+\u2212-]/, '');
  const forms = new Set<string>();
  for (let d = 0; d <= 3; d++) {
    if (d === own) continue;
    const abs = f.number(Math.abs(value), d).replace(/^\u2212/, '');
    if (/^0([.,]0*)?$/.test(abs)) continue;
    forms.add(`${sign}${abs}`);
    if (d > 0 || Math.round(Math.abs(value)) >= 100) forms.add(abs);
  }
  if (!printedSigned && value > 0 && !/^0([.,]0*)?$/.test(bare)) forms.add(`+${bare}`);
  const [whole, fraction] = splitDecimals(bare, locale);
  if (whole.replace(/\D/g, '').length >= 4)
    for (const sep of GROUPINGS) {
      const regrouped = regroup(whole, sep) + fraction;
      forms.add(printedSigned ? `${printed.charAt(0)}${regrouped}` : regrouped);
    }
  const unsigned = (form: string) => form.replace(/^[+\u2212]/, '');
  return [...forms].filter((form) => form !== printed && !others.has(form) && !others.has(unsigned(form)) && !(form === bare && printedSigned));
}

/** A rendering's whole part and its decimals (with their separator), by the locale's decimal separator. */
function splitDecimals(bare: string, locale: Locale): [string, string] {
  const sep = formatters(locale).number(1.5, 1).charAt(1);
  const at = bare.lastIndexOf(sep);
  // A separator followed by exactly three digits in a number that has no other could be grouping: treat it as decimals only when it is the locale's decimal sign.
  return at < 0 ? [bare, ''] : [bare.slice(0, at), bare.slice(at)];
}

/**
 * Where the page prints `value` in another form than `printed` (the figure's rendering): each
 * rival form of rivalForms, found as a whole number in the text (not inside a longer number).
 * Returns each rival with the text around it.
 */
export function rivalRenderings(text: string, value: number, printed: string, locale: Locale, others: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = [];
  for (const form of rivalForms(value, printed, locale, others)) {
    // Not inside a longer number: no digit, separator or sign glued before it, no digit or decimal after it.
    const re = new RegExp(`(?<![\\d.,+\\u2212\\u202f\\u00a0]|\\d )${escape(form)}(?![\\d]|[.,]\\d|[ \\u00a0\\u202f]\\d{3}(?!\\d))`, 'gu');
    for (const m of text.matchAll(re)) found.push(`${form} in "…${text.slice(Math.max(0, m.index - 60), m.index + form.length + 30)}…"`);
  }
  return found;
}

/** The number of a figure's rendering ("−4.9" of "−4.9 pts", "72,9" of "72,9 %"). */
export function numberOf(rendering: string): string | undefined {
  return NUMBER.exec(rendering)?.[0];
}
