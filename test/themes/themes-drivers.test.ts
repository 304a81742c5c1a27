import { describe, expect, it } from 'vitest';
import { themeDrivers } from '../../src/analysis/themes-drivers';
import { parseThemes } from '../../src/data/themes-file';
import { CODEBOOK, ref, respondents } from './fixture';

const expected: { n: number; r2: number; shares: number[] } = ref('themes_drivers_expected.json');
const ITEMS = [
  { id: 'rel1', dimension: 'reliability' as const },
  { id: 'rel2', dimension: 'reliability' as const },
  { id: 'res1', dimension: 'responsiveness' as const },
  { id: 'res2', dimension: 'responsiveness' as const },
];
const codebook = parseThemes(CODEBOOK).codebook!;

describe('themeDrivers — leaf themes beside the dimensions, Shapley shares of R²', () => {
  const d = themeDrivers(respondents, codebook, ITEMS, '2026-Q2', { min_base: 30, low_base: 50 }, 'nps')!;

  it('matches the numpy all-subsets LMG decomposition to 1e-9, marked as an association', () => {
    expect(d.n).toBe(expected.n);
    expect(Math.abs(d.r2 - expected.r2)).toBeLessThanOrEqual(1e-9);
    d.drivers.forEach((x, i) => expect(Math.abs(x.share - expected.shares[i]), x.id).toBeLessThanOrEqual(1e-9));
    expect(d.drivers.map((x) => `${x.kind}:${x.id}`)).toEqual([
      'dimension:reliability',
      'dimension:responsiveness',
      'theme:waiting',
      'theme:staff',
      'theme:billing',
    ]);
    expect(d.association).toBe(true);
    expect(d.method).toBe('shapley');
  });

  it('is absent under min_base complete commenters', () => {
    expect(themeDrivers(respondents, codebook, ITEMS, '2026-Q2', { min_base: 500, low_base: 500 }, 'nps')).toBeUndefined();
  });
});
