/**
 * The 22 SERVQUAL items of the servqual-22 preset read in the edition's language: the French
 * and Vietnamese demo editions show every item in French / Vietnamese, the English one keeps
 * the English labels, and the figures (shared by every edition) carry the English text.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { localizedFigures } from '../../src/build/edition-fs';
import { makeFormat, servqualGaps } from '../../src/charts/index';
import { chartLabels } from '../../src/i18n/index';
import { ROOT, demoFigures } from '../site/demo-figures';

const DEMO = resolve(ROOT, 'data/demo');

describe('SERVQUAL item texts in the demo editions', () => {
  it('keeps the English labels in the figures and the English edition', async () => {
    const figures = await demoFigures();
    const en = await localizedFigures(figures, DEMO, 'en');
    expect(figures.servqual!.items).toHaveLength(22);
    expect(figures.servqual!.items.find((i) => i.item === 'rel3')!.text).toBe('Right the first time');
    expect(en.servqual!.items.map((i) => i.text)).toEqual(figures.servqual!.items.map((i) => i.text));
  });

  it.each([
    ['fr', 'Bon du premier coup'],
    ['vi', 'Làm đúng ngay từ lần đầu'],
  ] as const)('shows every item of the %s edition in its language (rel3: %s)', async (locale, rel3) => {
    const figures = await demoFigures();
    const english = new Map(figures.servqual!.items.map((i) => [i.item, i.text]));
    const items = (await localizedFigures(figures, DEMO, locale)).servqual!.items;
    expect(items.find((i) => i.item === 'rel3')!.text).toBe(rel3);
    expect(items.filter((i) => i.text === english.get(i.item)).map((i) => i.item)).toEqual([]);
    // French typography: the apostrophe is typographic (’), never a typewriter one.
    if (locale === 'fr') expect(items.filter((i) => i.text.includes("'"))).toEqual([]);
  });

  it('counts the items that fall short as a French reader says it (“dans 22 cas sur 22”, never “sur 22 sur 22”)', async () => {
    const figures = await localizedFigures(await demoFigures(), DEMO, 'fr');
    const chart = servqualGaps(
      { servqual: figures.servqual!, scale: figures.meta.scale! },
      { id: 's', mode: 'items', layout: 'wide', format: makeFormat('fr'), labels: chartLabels('fr').servqualGaps },
    );
    expect(chart.description).toContain('Les perceptions sont inférieures aux attentes dans 22 cas sur 22.');
    expect(chart.description).not.toMatch(/sur \d+ sur/);
  });
});
