import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { resolveMetric } from '../../src/analysis/metric-id';
import { loadDataset } from '../../src/data/load-fs';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { Figures } from '../../src/schemas/figures';

const DIR = new URL('../fixtures/analysis/reference-company/', import.meta.url).pathname;
const all: Record<string, number> = JSON.parse(readFileSync(new URL('../reference/figures_expected.json', import.meta.url), 'utf8'));
/** `weighted.<id>`: the same figure with the rows post-stratified by channel (figures_reference.py's WEIGHT_SHARES). */
const WEIGHTED = 'weighted.';
const expected = Object.fromEntries(Object.entries(all).filter(([id]) => !id.startsWith(WEIGHTED)));
const expectedWeighted = Object.fromEntries(Object.entries(all).flatMap(([id, v]) => (id.startsWith(WEIGHTED) ? [[id.slice(WEIGHTED.length), v]] : [])));

/** |actual − expected| ≤ 1e-9 · max(1, |expected|): absolute below 1, relative above. */
const close = (actual: number, want: number) => Math.abs(actual - want) <= 1e-9 * Math.max(1, Math.abs(want));

function lookup(figures: Figures, id: string): number | undefined {
  const ci = /^(.*)\.ci95\.(0|1)$/.exec(id);
  if (ci) {
    const parent = ci[1].split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], figures) as { ci95?: number[] };
    return parent?.ci95?.[Number(ci[2])];
  }
  const item = /^servqual\.items\.(\w+)\.(\w+)$/.exec(id);
  if (item) {
    const f = figures.servqual?.items.find((x) => x.item === item[1])?.figure;
    return f && !f.suppressed ? ((f as Record<string, unknown>)[item[2]] as number) : undefined;
  }
  const g1 = /^gaps\.gap1\.(\w+)$/.exec(id);
  if (g1 && g1[1] !== 'value') {
    const gap = figures.gaps.gap1;
    return gap.status === 'measured' ? gap.items.find((p) => p.kind === 'dimension' && p.id === g1[1])?.gap : undefined;
  }
  const r = resolveMetric(figures, id);
  return r.kind === 'value' && typeof r.value === 'number' ? r.value : undefined;
}

describe('analyze on test/fixtures/analysis/reference-company, against numpy/scipy (test/reference/figures_reference.py)', async () => {
  const loaded = await loadDataset(DIR);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({}));
  const figures = result.figures!;

  it('loads and analyzes without problems', () => {
    expect(loaded.problems).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it.each(Object.entries(expected))('%s matches the reference to 1e-9', (id, want) => {
    const actual = lookup(figures, id);
    expect(actual, `${id} is missing from the figures`).toBeTypeOf('number');
    expect(close(actual as number, want), `${id}: ${actual} vs reference ${want}`).toBe(true);
  });

  it('suppresses the store channel (6 respondents, under min_base 10) and keeps only its base', () => {
    expect(figures.segments.channel.store.nps).toEqual({ suppressed: true, n: 6 });
    expect(figures.segments.channel.store.servqual?.dimensions.reliability).toMatchObject({ suppressed: true });
  });
});

describe('analyze on reference-company post-stratified by channel, against numpy/scipy (weighted.* in figures_expected.json)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'gapreport-weighted-ref-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  cpSync(DIR, root, { recursive: true });
  const yaml = readFileSync(join(DIR, 'questionnaire.yaml'), 'utf8');
  // The same shares as WEIGHT_SHARES in test/reference/figures_reference.py.
  writeFileSync(
    join(root, 'questionnaire.yaml'),
    `${yaml}weighting:\n  method: post-stratification\n  targets:\n    channel: { phone: 0.4, chat: 0.3, web: 0.22, store: 0.08 }\n`,
  );
  const loaded = await loadDataset(root);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({}));
  const figures = result.figures!;

  it('loads and analyzes the weighted copy without problems, and the weights are not all 1', () => {
    expect(loaded.problems).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(figures.meta.weighting?.method).toBe('post-stratification');
    expect(figures.meta.weighting!.waves.every((w) => (w.deff ?? 1) > 1.01)).toBe(true);
  });

  it('has more than 200 weighted reference figures', () => expect(Object.keys(expectedWeighted).length).toBeGreaterThan(200));

  it.each(Object.entries(expectedWeighted))('weighted %s matches the reference to 1e-9', (id, want) => {
    const actual = lookup(figures, id);
    expect(actual, `${id} is missing from the weighted figures`).toBeTypeOf('number');
    expect(close(actual as number, want), `${id}: ${actual} vs reference ${want}`).toBe(true);
  });
});
