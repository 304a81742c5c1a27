/**
 * internal.* figures (src/analysis/internal.ts) on test/internal/fixture: eNPS, internal SERVQUAL
 * and the internal–external correlation match test/reference/internal_reference.py (numpy/scipy)
 * to 1e-9; small branches are withheld, primarily and complementarily; no employee row is published.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-fs';
import { analyzeDataset } from '../../src/analysis/analyze';
import { pearsonFisher } from '../../src/analysis/internal';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { FiguresSchema, type Figures } from '../../src/schemas/figures';

const FIXTURE = new URL('./fixture', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(new URL('../reference/internal_expected.json', import.meta.url), 'utf8'));
const close = (a: unknown, b: unknown) => {
  if (Array.isArray(b)) (b as unknown[]).forEach((x, i) => close((a as unknown[])[i], x));
  else expect(Math.abs((a as number) - (b as number))).toBeLessThan(1e-9);
};

let figures: Figures;
beforeAll(async () => {
  const loaded = await loadDataset(FIXTURE);
  expect(loaded.problems).toEqual([]);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({ min_base: 10, low_base: 30 }));
  expect(result.problems).toEqual([]);
  figures = result.figures!;
});

describe('internal service quality figures', () => {
  it('pass the figures schema', () => {
    expect(() => FiguresSchema.parse(figures)).not.toThrow();
  });

  it('match the independent numpy/scipy reference to 1e-9: eNPS, dimensions, per branch', () => {
    const groups = { total: figures.internal!, ...figures.internal!.segments.branch };
    const want: Record<string, Record<string, unknown>> = { total: expected.total, ...expected.branches };
    for (const [name, ref] of Object.entries(want)) {
      const got = groups[name as 'total'];
      expect(got.n, name).toBe(ref.n);
      if (ref.suppressed) {
        expect(got.enps?.suppressed, name).toBe(true);
        expect(
          Object.values(got.dimensions).every((d) => d.suppressed),
          name,
        ).toBe(true);
        continue;
      }
      const enps = ref.enps as { score: number; ci95: number[]; n: number };
      const g = got.enps as { score: number; ci95: number[]; n: number };
      expect(g.n).toBe(enps.n);
      close(g.score, enps.score);
      close(g.ci95, enps.ci95);
      for (const [dim, fig] of Object.entries(ref.dimensions as Record<string, Record<string, number | number[]>>)) {
        const d = got.dimensions[dim as 'empathy'] as unknown as Record<string, number | number[]>;
        for (const [key, value] of Object.entries(fig)) close(d[key], value);
      }
      close(got.perception, ref.perception);
    }
  });

  it('correlate internal with external quality over the branches published on both sides, with a Fisher-z interval', () => {
    const compare = figures.internal!.compare.branch;
    expect(compare.pairs.map((p) => p.value)).toEqual(expected.pairs.map((p: { value: string }) => p.value));
    compare.pairs.forEach((p, i) => {
      close(p.internal, expected.pairs[i].internal);
      close(p.external, expected.pairs[i].external);
      close(p.nps, expected.pairs[i].nps);
    });
    const c = compare.correlation;
    expect(c.status).toBe('measured');
    if (c.status !== 'measured') return;
    expect(c.n).toBe(expected.correlation.n);
    close(c.r, expected.correlation.r);
    close(c.ci95, expected.correlation.ci95);
  });

  it('set eNPS beside the customers’ NPS of the report’s wave', () => {
    close(figures.internal!.beside!.enps, expected.beside.enps);
    close(figures.internal!.beside!.nps, expected.beside.nps);
    close(figures.internal!.beside!.difference, expected.beside.enps - expected.beside.nps);
  });

  it('withhold a branch under min_base, and the smallest published one that would give it away', () => {
    const branch = figures.internal!.segments.branch;
    expect(branch.F.enps).toEqual({ suppressed: true, n: 4 });
    expect(branch.D.enps).toMatchObject({ suppressed: true, secondary: true });
    expect(branch.D.dimensions.reliability).toMatchObject({ suppressed: true, secondary: true });
    expect(branch.D.perception).toBeUndefined();
    expect(branch.A.enps?.suppressed).toBe(false);
  });

  it('publish no employee row: no id, no role, no single answer', () => {
    const text = JSON.stringify(figures.internal);
    expect(text).not.toMatch(/"E\d+"|advisor|lead/);
    expect(Object.keys(figures.internal!)).toEqual(['n', 'enps', 'dimensions', 'perception', 'segments', 'compare', 'beside']);
  });
});

describe('pearsonFisher', () => {
  it('is not measured on fewer than four values, nor when one side is constant', () => {
    expect(pearsonFisher([1, 2, 3], [2, 3, 5])).toEqual({ status: 'not measured', reason: 'fewer than 4 values published on both sides', n: 3 });
    expect(pearsonFisher([1, 2, 3, 4], [2, 2, 2, 2])).toEqual({ status: 'not measured', reason: 'one side does not vary across the values', n: 4 });
  });

  it('gives r = 1 without an interval for a perfect line', () => {
    expect(pearsonFisher([1, 2, 3, 4], [3, 5, 7, 9])).toEqual({ status: 'measured', r: 1, n: 4 });
  });
});

describe('internal figures on every engine', () => {
  it.each(['stream', 'duckdb'] as const)(
    'are the same on the %s engine as in memory',
    async (engine) => {
      const { analyzeWith } = await import('../../src/engines/run-fs');
      const result = await analyzeWith(engine, FIXTURE, AnalysisOptionsSchema.parse({ min_base: 10, low_base: 30 }));
      expect(result.problems).toEqual([]);
      expect(result.figures!.internal).toEqual(figures.internal);
    },
    60_000,
  );
});

describe('internal figure ids', () => {
  it('resolve for <Metric>: eNPS, the correlation, and a withheld branch as withheld', async () => {
    const { resolveMetric } = await import('../../src/analysis/metric-id');
    expect(resolveMetric(figures, 'internal.enps.score')).toMatchObject({ kind: 'value', value: expected.total.enps.score });
    expect(resolveMetric(figures, 'internal.compare.branch.correlation.r')).toMatchObject({
      kind: 'value',
      value: (figures.internal!.compare.branch.correlation as { r: number }).r,
    });
    expect(resolveMetric(figures, 'internal.segments.branch.F.enps.score')).toEqual({ kind: 'suppressed', n: 4 });
  });
});
