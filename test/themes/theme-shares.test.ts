import { describe, expect, it } from 'vitest';
import { themeShares } from '../../src/charts/theme-shares';
import { themeRows } from '../../src/charts/theme-shares';
import { themeFigures } from '../../src/analysis/themes';
import { parseThemes } from '../../src/data/themes-file';
import { makeFormat } from '../../src/charts/format';
import { fr } from '../../src/i18n/locales/fr';
import { CODEBOOK, respondents } from './fixture';

const figures = themeFigures(respondents, parseThemes(CODEBOOK).codebook!, '2026-Q2', { min_base: 30, low_base: 50 }, ['region'])!;

describe('themeRows(themes, locale)', () => {
  it('puts top-level themes by share, each followed by its sub-themes, named in the locale or else in English', () => {
    const rows = themeRows(figures, 'fr');
    expect(rows.map((r) => [r.label, r.child])).toEqual([
      ['Service', false],
      ["Temps d'attente", true],
      ['Staff', true],
      ['Billing', false],
    ]);
  });
});

describe('themeShares chart', () => {
  const input = { wave: '2026-Q2', n: figures.service.n, rows: themeRows(figures, 'en') };
  it('has a title, a description naming the base and the most mentioned theme, and a data table of every theme', () => {
    const out = themeShares(input, { id: 'themes' });
    expect(out.title).toBe('Themes in comments, 2026-Q2');
    expect(out.description).toBe(
      `Of ${figures.service.n} comments in 2026-Q2, the share mentioning each theme of the codebook, with its 95 % interval; a comment can mention several. Mentioned most: Service (50%).`,
    );
    expect(out.table.rows[0]).toEqual([
      'Service',
      '50%',
      `${Math.round(figures.service.ci95[0] * 100)}%–${Math.round(figures.service.ci95[1] * 100)}%`,
      String(figures.service.mentions),
    ]);
    expect(out.table.rows[1][0]).toBe('– Waiting times');
    expect(out.svg).toContain('role="img"');
    expect(out.narrow).toContain('themes-narrow');
  });

  it('escapes a theme name from the codebook and reads in French', () => {
    const out = themeShares(
      { ...input, rows: [{ label: '<script>x</script>', share: 0.2, ci95: [0.1, 0.3], mentions: 4 }] },
      { id: 't', layout: 'wide', labels: fr.charts.themeShares, format: makeFormat('fr') },
    );
    expect(out.svg).not.toContain('<script>');
    expect(out.title).toBe('Thèmes des commentaires, 2026-Q2');
  });
});
