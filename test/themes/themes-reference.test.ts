/** Theme figures against the independent numpy/scipy computation (test/reference/themes_reference.py). */
import { describe, expect, it } from 'vitest';
import { themeFigures } from '../../src/analysis/themes';
import { parseThemes } from '../../src/data/themes-file';

import { CODEBOOK, ref, respondents } from './fixture';

const expected: Record<string, Record<string, unknown>> = ref('themes_expected.json');

/** Every number of `actual` within 1e-9 of `wanted`, keys of `wanted` only. */
function close(actual: unknown, wanted: unknown, path: string): void {
  if (typeof wanted === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - wanted), `${path}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(1e-9);
  } else if (Array.isArray(wanted)) wanted.forEach((w, i) => close((actual as unknown[])[i], w, `${path}[${i}]`));
  else if (wanted && typeof wanted === 'object')
    for (const [k, w] of Object.entries(wanted)) close((actual as Record<string, unknown>)?.[k], w, `${path}.${k}`);
  else expect(actual, path).toEqual(wanted);
}

describe('themeFigures against numpy/scipy', () => {
  const codebook = parseThemes(CODEBOOK).codebook!;
  const figures = themeFigures(respondents, codebook, '2026-Q2', { min_base: 30, low_base: 50 }, ['region'])!;

  it.each(Object.keys(expected))('matches theme %s to 1e-9: share, Wilson interval, waves, segments, change and outcome', (id) => {
    close(figures[id], expected[id], id);
  });

  it('counts a sub-theme mention for its parent', () => {
    expect(figures.service.mentions).toBeGreaterThan(figures.waiting.mentions);
    expect(figures.service.mentions).toBe(expected.service.mentions);
  });

  it('suppresses a segment value under min_base comments', () => {
    expect(figures.waiting.segments.region.east).toEqual({
      n: (expected.waiting.segments as { region: { east: { n: number } } }).region.east.n,
      suppressed: true,
    });
  });

  it('publishes no themes when the wave has fewer comments than min_base', () => {
    expect(themeFigures(respondents, codebook, '2026-Q2', { min_base: 500, low_base: 500 }, ['region'])).toBeUndefined();
  });
});
