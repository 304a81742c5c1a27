import { beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/schemas/figures';
import { formatters } from '../../src/i18n/format';
import { chartLabels, strings } from '../../src/i18n';
import { methodology } from '../../src/components/lib/methodology';
import { demoFigures } from './demo-figures';

let figures: Figures;
beforeAll(async () => {
  figures = await demoFigures();
}, 120_000);

const rules = (f: Figures, locale: 'en' | 'fr' | 'vi' = 'en') => methodology(f, formatters(locale), strings(locale), chartLabels(locale)).rules[0];

describe('methodology: what the minimum base protects', () => {
  it('says the minimum base protects respondents and names the floor', () => {
    expect(rules(figures)).toBe(
      'Figures on fewer than 10 respondents are suppressed everywhere in this report and its downloads; figures on fewer than 30 carry the low-base mark †. The minimum base protects the respondents: a figure on a handful of people would let a reader who knows who they are read each one’s answers, so no report publishes with a minimum base under 5.',
    );
    expect(rules(figures, 'fr')).toContain('aucun rapport n’est donc publié avec une base minimale inférieure à 5.');
    expect(rules(figures, 'vi')).toContain('dưới 5.');
  });
  it('tells the reader when a report opted below the floor (allow_individual_answers)', () => {
    const opted = { ...figures, meta: { ...figures.meta, min_base: 2, low_base: 2 } };
    expect(rules(opted)).toContain(
      'This report publishes figures on as few as 2 respondents, by its authors’ explicit decision: individual answers may be recognisable.',
    );
  });
});
