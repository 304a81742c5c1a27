/**
 * Figures are locale-free: the French and English analyses of one dataset are the same bytes,
 * items carry their id and the questionnaire's own text, and the page layer
 * (src/components/lib/item-labels.ts) gives each edition its locale's item texts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/commands/analyze';
import { memoryIo } from '../../scripts/commands/io';
import { analyzeDataset } from '../../src/analysis/analyze';
import { localizeComments, localizeItems, publishedFigures } from '../../src/components/lib/item-labels';
import { loadDataset } from '../../src/data/load-fs';
import { strings } from '../../src/i18n';
import type { Figures } from '../../src/schemas/figures';
import type { Item } from '../../src/schemas/questionnaire';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { FIXTURES } from '../perf/compare';

// rel1 is { en: "Keeps its word on timing", fr: "Tient parole sur les délais" }; web is one text.
const DIR = join(FIXTURES, 'valid', 'servqual-preset');
const out = mkdtempSync(join(tmpdir(), 'gapreport-locale-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let figures: Figures;
let items: Item[];
beforeAll(async () => {
  const loaded = await loadDataset(DIR);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({ min_base: 1, low_base: 1 }));
  figures = result.figures!;
  items = loaded.dataset!.items;
});

const rel1 = (f: Figures) => f.servqual!.items.find((i) => i.item === 'rel1')!.text;

describe('locale-free figures', () => {
  it("writes figures without a locale: the questionnaire's own item texts (English of a map), no meta.locale", async () => {
    const file = join(out, 'plain.json');
    expect(await run([DIR, '--no-cache', '--out', file], memoryIo(out))).toBe(0);
    const plain = readFileSync(file, 'utf8');
    expect(plain).toContain('"text": "Keeps its word on timing"');
    expect(plain).not.toContain('Tient parole');
    expect(JSON.parse(plain).meta).not.toHaveProperty('locale');
  });

  it('with --locale fr, writes the French edition as its figures.json download does (item texts, meta.locale)', async () => {
    const file = join(out, 'fr.json');
    expect(await run([DIR, '--no-cache', '--locale', 'fr', '--out', file], memoryIo(out))).toBe(0);
    const fr = JSON.parse(readFileSync(file, 'utf8')) as Figures;
    expect(rel1(fr)).toBe('Tient parole sur les délais');
    expect(fr.meta.locale).toBe('fr');
    const io = memoryIo(out);
    expect(await run([DIR, '--no-cache', '--locale', 'de'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('gapreport analyze: --locale must be one of en, fr, vi (got "de").');
  });

  it('carries item ids with the questionnaire text (English of a map) in every group', () => {
    expect(rel1(figures)).toBe('Keeps its word on timing');
    expect(figures.waves.every((w) => !w.servqual || w.servqual.items.every((i) => !i.text.includes('Tient')))).toBe(true);
  });
});

describe('item labels resolve in the page layer', () => {
  it("writes each item's label in the report's locale: headline, waves, segments and gap parts", () => {
    const fr = localizeItems(figures, items, 'fr');
    expect(rel1(fr)).toBe('Tient parole sur les délais');
    expect(fr.waves.map((w) => w.servqual?.items.find((i) => i.item === 'rel1')?.text).filter(Boolean)).toEqual(
      fr.waves.filter((w) => w.servqual?.items.some((i) => i.item === 'rel1')).map(() => 'Tient parole sur les délais'),
    );
    const segment = Object.values(Object.values(fr.segments)[0])[0];
    expect(segment.servqual!.items.find((i) => i.item === 'rel1')!.text).toBe('Tient parole sur les délais');
    // This fixture measures no gap model; one gap with an item part and a standard part stands in.
    const part = { earlier: 6, later: 5, gap: -1 };
    const gap1 = {
      status: 'measured' as const,
      items: [
        { id: 'rel1', kind: 'item' as const, label: 'Keeps its word on timing', ...part },
        { id: 'rel1', kind: 'standard' as const, label: 'rel1', ...part },
      ],
      parts: 2,
      sources: [],
    };
    const gaps = localizeItems({ ...figures, gaps: { ...figures.gaps, gap1 } }, items, 'fr').gaps.gap1;
    expect(gaps.status === 'measured' && gaps.items.map((p) => p.label)).toEqual(['Tient parole sur les délais', 'rel1']);
    // An item with one text, and a locale the map lacks (vi → English), keep the questionnaire's text.
    expect(fr.servqual!.items.find((i) => i.item === 'web')!.text).toBe('Clear website');
    expect(rel1(localizeItems(figures, items, 'vi'))).toBe('Keeps its word on timing');
  });

  it('resolves the labels of drivers by item', () => {
    const byItems: Figures = {
      ...figures,
      drivers: {
        status: 'measured',
        outcome: 'overall',
        n: 40,
        low_base: false,
        r2: 0.5,
        method: 'shapley',
        by: 'items',
        items: [{ driver: 'rel1', label: 'Keeps its word on timing', share: 1, raw: 0.5, performance: 5, quadrant: 'fix first' }],
      },
    };
    const fr = localizeItems(byItems, items, 'fr');
    expect(fr.drivers.status === 'measured' && fr.drivers.items[0].label).toBe('Tient parole sur les délais');
  });

  it('keeps the figures unchanged for the English edition', () => {
    expect(JSON.stringify(localizeItems(figures, items, 'en'))).toBe(JSON.stringify(figures));
  });

  it("writes the removed-detail tokens of comments in the report's locale", () => {
    const comments = { wave: 'W1', n: 2, items: [{ text: 'Call me at [phone number removed] or [e-mail removed]', count: 2 }] };
    expect(localizeComments(comments, strings('en').comments.removed, strings('fr').comments.removed)!.items[0].text).toBe(
      'Call me at [numéro de téléphone retiré] or [e-mail retiré]',
    );
  });

  it('names the edition locale in the figures.json download, where meta listed it', () => {
    const keys = Object.keys(publishedFigures(figures, 'fr').meta);
    expect(keys.indexOf('locale')).toBe(keys.indexOf('min_base') - 1);
    expect(publishedFigures(figures, 'fr').meta.locale).toBe('fr');
  });
});
