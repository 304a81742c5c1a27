/**
 * The comparer behind the one-rendering site test (test/site/one-rendering.ts), on planted
 * text: it must find a rival rendering of a figure — another precision, the whole number of a
 * figure printed with decimals, a sign the figure does not carry, the same count grouped
 * otherwise ("1,200" / "1200" / "1 200" / French "1 200" with a narrow no-break space) — and
 * must not take the figure's own rendering, a longer number that contains it, its size in words
 * or another figure's rendering for one.
 */
import { describe, expect, it } from 'vitest';
import { figureStrings, numberOf, rivalForms, rivalRenderings } from './one-rendering';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const rivals = (text: string, value: number, printed: string, locale: 'en' | 'fr' | 'vi' = 'en', others: string[] = []) =>
  rivalRenderings(text, value, printed, locale, new Set(others)).map((r) => r.slice(0, r.indexOf(' in ')));

describe('a whole-number figure', () => {
  it('has a rival in the same number with a decimal ("72.0" beside "72")', () => {
    expect(rivals('Share 72% on the card; the chart says 72.0%.', 72, '72')).toEqual(['72.0']);
    expect(rivals('Part 72 % sur la carte ; le graphique dit 72,0 %.', 72, '72', 'fr')).toEqual(['72,0']);
  });
  it('has a rival in the same number with a sign it does not carry ("+72" beside "72")', () => {
    expect(rivals('The level is 72% here and +72% in the caption.', 72, '72')).toEqual(['+72']);
  });
  it('has a rival in the whole number of a figure printed with decimals ("−9" beside "−9.4")', () => {
    expect(rivals('9.4 points below the median (−9.4); the caption rounds it to −9.', -9.4, '−9.4')).toEqual(['−9']);
  });
  it('is not rivalled by its size in words, a longer number holding it, or another figure printed alike', () => {
    expect(rivals('NPS −9.4, which is 9.4 points below the median.', -9.4, '−9.4')).toEqual([]);
    expect(rivals('72% of 172 answers, 72.9% last year, 1,072 in all.', 72, '72')).toEqual([]);
    expect(rivals('The median is 72.0% and the level 72%.', 72, '72', 'en', ['72.0'])).toEqual([]);
  });
});

describe('a count', () => {
  it('has rivals in every other grouping of its digits (en "1,200")', () => {
    const text = `Base 1,200. In the table 1200, in the chart 1 200, in the caption 1${NNBSP}200, and 1${NBSP}200 in the PDF.`;
    expect(rivals(text, 1200, '1,200').sort()).toEqual(['1 200', `1${NBSP}200`, `1${NNBSP}200`, '1200'].sort());
  });
  it('has rivals in every other grouping in French, whose own is the narrow no-break space', () => {
    const text = `Base 1${NNBSP}200 ; tableau 1200 ; graphique 1 200 ; légende 1,200.`;
    expect(rivals(text, 1200, `1${NNBSP}200`, 'fr').sort()).toEqual(['1 200', '1,200', '1200'].sort());
  });
  it('is not rivalled by its own rendering or by a longer number', () => {
    expect(rivals('Base 1,200 of 11,200; 1,200.5 on average.', 1200, '1,200')).toEqual([]);
    expect(rivals(`Base 1${NNBSP}200, puis 21${NNBSP}200.`, 1200, `1${NNBSP}200`, 'fr')).toEqual([]);
  });
  it('keeps its sign in a regrouped rival ("+1200" beside "+1,200")', () => {
    expect(rivalForms(1200, '+1,200', 'en')).toContain('+1200');
  });
});

describe('the numbers a page prints for its figures', () => {
  it('reads an ungrouped count whole ("1200", not "120") and a grouped one with its grouping', () => {
    expect(numberOf('1200 respondents')).toBe('1200');
    expect(numberOf(`1${NNBSP}200 répondants`)).toBe(`1${NNBSP}200`);
    expect(numberOf('+1,200 more')).toBe('+1,200');
  });
  it('collects two renderings of one data-figure that differ only in grouping as two strings', () => {
    const html = '<span data-figure="n">1,200</span> … <td data-figure="n">1200</td>';
    expect(figureStrings(html).get('n')).toEqual(['1,200', '1200']);
  });
});
