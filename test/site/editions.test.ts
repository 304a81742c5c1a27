/**
 * A report and its translation (translation_of) share one computation: the demo built with
 * French item texts in its questionnaire has one figures cache entry for both editions, and
 * each page and download shows the item texts of its own locale, resolved in the page layer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFile, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { CACHE_DIR } from '../../src/build/figures-fs';
import { copyProject } from './project-copy';
import { formatters } from '../../src/i18n/format';

const FR = 'Juste dès la première fois';
const EN = 'Right the first time';
let project = '';
let log = '';
const page = (id: string) => readFile(join(project, 'out/reports', id, 'index.html'), 'utf8');
const download = (id: string, file: string) => readFile(join(project, 'out/reports', id, file), 'utf8');

beforeAll(async () => {
  project = await copyProject();
  await appendFile(join(project, 'data/demo/questionnaire.yaml'), `items:\n  - { id: rel3, text: { en: "${EN}", fr: "${FR}" } }\n`);
  const io = memoryIo(project);
  const code = await main(['build', '--out', join(project, 'out')], io);
  log = io.stderr.join('\n');
  if (code !== 0) throw new Error(`build failed:\n${log}`);
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('a translated report reuses its source figures', () => {
  it('computes the figures once for both editions, and caches them once', async () => {
    // The CLI computes for the first edition and reuses for the second: one computation.
    // Three editions (demo, demo-fr, demo-vi): one recomputes, the next says it reused (a repeated note is printed once).
    expect(log.match(/recomputed figures for data\/demo/g)).toHaveLength(1);
    expect(log).toMatch(/^demo(-fr|-vi)?: reused figures for data\/demo$/m);
    // One entry, not one per edition; and Astro's loader takes the CLI's figures in memory (pipeline-fs.ts), so it writes none.
    const entries = (await readdir(join(project, CACHE_DIR))).filter((f) => f.endsWith('.json') && f !== 'file-hashes.json');
    expect(entries).toHaveLength(1);
  });

  it('shows the French item texts on the French page, the English ones on the English page', async () => {
    const fr = await page('demo-fr');
    const en = await page('demo');
    expect(fr).toContain(FR);
    expect(fr).not.toContain(EN);
    expect(en).toContain(EN);
    expect(en).not.toContain(FR);
  });

  it("writes each edition's downloads with its own item texts and locale", async () => {
    const fr = JSON.parse(await download('demo-fr', 'figures.json'));
    expect(fr.meta.locale).toBe('fr');
    expect(fr.servqual.items.find((i: { item: string }) => i.item === 'rel3').text).toBe(FR);
    expect(JSON.parse(await download('demo', 'figures.json')).meta.locale).toBe('en');
    expect(await download('demo-fr', 'figures.csv')).toContain(`servqual.items.rel3.text,${FR}\r\n`);
  });
});

describe('the demo is weighted, and each edition says how', () => {
  // The sentence of each locale, pinned; the numbers are the figures' own (meta.weighting), in the edition's format.
  const BASES = {
    demo: {
      locale: 'en',
      text: (n: string, neff: string, deff: string) => `n = ${n}, effective n = ${neff}, design effect deff = 1 + CV² of the weights = ${deff}.`,
    },
    'demo-fr': {
      locale: 'fr',
      text: (n: string, neff: string, deff: string) => `n = ${n}, n effectif = ${neff}, effet de plan deff = 1 + CV² des poids = ${deff}.`,
    },
    'demo-vi': {
      locale: 'vi',
      text: (n: string, neff: string, deff: string) => `n = ${n}, n hiệu dụng = ${neff}, hệ số thiết kế deff = 1 + CV² của trọng số = ${deff}.`,
    },
  } as const;
  it.each(Object.entries(BASES))(
    '%s: the methodology gives the wave’s n, effective n and a modest Kish deff of the region post-stratification',
    async (id, { locale, text }) => {
      const figures = JSON.parse(await download(id, 'figures.json'));
      expect(figures.meta.weighting).toMatchObject({ method: 'post-stratification', variables: ['region'] });
      const wave = figures.meta.weighting.waves.find((w: { wave: string }) => w.wave === figures.meta.wave);
      expect(wave.deff).toBeGreaterThan(1.02);
      expect(wave.deff).toBeLessThan(1.2);
      const fmt = formatters(locale);
      expect(await page(id)).toContain(text(fmt.integer(wave.n), fmt.number(wave.n_eff, 0), fmt.number(wave.deff, 2)));
    },
  );
});
