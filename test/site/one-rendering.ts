/**
 * What a built report page says about each figure (issue 12 item 5, one rendering per figure):
 * the strings its `data-figure` elements print (cards, <Metric>, words, tables), and the
 * renderings of a figure's value at another precision anywhere in the page's text (chart
 * labels and captions, data tables, sentences). Pure: HTML text in, strings out.
 */
import { formatters } from '../../src/i18n/format';
import type { Locale } from '../../src/schemas/questionnaire';

/** A number as the three editions print it: sign, digits with grouping (",", ".", narrow or plain no-break space), decimals. */
const NUMBER = /[+\u2212-]?\d{1,3}(?:(?:,|\.|\u202f|\u00a0)\d{3})*(?:[.,]\d+)?/u;

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

/**
 * Where the page prints `value` at another precision than `printed` (the figure's rendering),
 * with one decimal or more ("4.30" beside "4.3", "9.44" beside "9.4"), with its own sign or
 * none. Whole-number forms are left out (a "2" or "+2" is too often another figure), as is any
 * form in `others`, the renderings of the other figures. Returns each rival with the text around it.
 */
export function rivalRenderings(text: string, value: number, printed: string, locale: Locale, others: ReadonlySet<string> = new Set()): string[] {
  const f = formatters(locale);
  const own = decimalsOf(printed, locale);
  const found: string[] = [];
  for (let d = 1; d <= 3; d++) {
    if (d === own) continue;
    const abs = f.number(Math.abs(value), d).replace(/^\u2212/, '');
    if (/^0([.,]0*)?$/.test(abs)) continue;
    // The value's own sign only: "+2.0" is a rival of +1.98, not of −1.98.
    const forms = [value < 0 ? `\u2212${abs}` : `+${abs}`, abs].filter((form) => !others.has(form) && !others.has(form.replace(/^[+\u2212]/, '')));
    for (const form of forms) {
      const re = new RegExp(`(?<![\\d.,+\\u2212\\u202f\\u00a0])${escape(form)}(?![\\d]|[.,]\\d)`, 'gu');
      for (const m of text.matchAll(re)) found.push(`${form} in "…${text.slice(Math.max(0, m.index - 60), m.index + form.length + 30)}…"`);
    }
  }
  return found;
}

/** The number of a figure's rendering ("−4.9" of "−4.9 pts", "72,9" of "72,9 %"). */
export function numberOf(rendering: string): string | undefined {
  return NUMBER.exec(rendering)?.[0];
}
