/**
 * Charts only draw (issue 11): the base gates and the benchmark bands come from analysis,
 * so a chart can never disagree with the figures it is given.
 */
import { describe, expect, it } from 'vitest';
import { benchmarkQuantiles } from '../../src/analysis/benchmarks';
import { npsBreakdown } from '../../src/charts/nps-breakdown';
import { segmentBars } from '../../src/charts/segment-bars';
import { LOW_BASE_MARK } from '../../src/charts/svg';
import type { BenchmarkFigure, NpsFigure } from '../../src/schemas/figures';
import { quantile } from '../../src/stats/percentile';
import { figures } from './fixtures';

describe('the low-base mark', () => {
  const published = figures.nps as Extract<NpsFigure, { suppressed: false }>;
  it('is drawn where analysis set low_base, whatever the chart is told the low base is', () => {
    const marked = npsBreakdown([{ label: 'North', figure: { ...published, n: 200, low_base: true } }], { id: 'n', lowBase: 30 });
    const unmarked = npsBreakdown([{ label: 'North', figure: { ...published, n: 12, low_base: false } }], { id: 'n', lowBase: 30 });
    expect(marked.svg).toContain(LOW_BASE_MARK);
    expect(unmarked.svg).not.toContain(LOW_BASE_MARK);
  });
  it('on segment bars follows the row, not a second test of n', () => {
    const out = segmentBars({ label: 'NPS', by: 'region', rows: [{ label: 'North', n: 12, value: 20, low_base: false }] }, { id: 's', lowBase: 30 });
    expect(out.svg).not.toContain(LOW_BASE_MARK);
  });
});

describe('benchmarkQuantiles(figure)', () => {
  const b = figures.benchmarks[0] as BenchmarkFigure;
  it("gives p0, p25, median, p75, p100 of the peers (type 7, as the position), the figure's own median and top quartile winning", () => {
    const values = b.peer_values.map((p) => p.value);
    const expected = new Map([0, 0.25, 0.5, 0.75, 1].map((p) => [p, quantile(values, p)!]));
    if (b.median !== undefined) expected.set(0.5, b.median);
    if (b.top_quartile !== undefined) expected.set(b.direction === 'lower' ? 0.25 : 0.75, b.top_quartile);
    expect(benchmarkQuantiles(b)).toEqual([...expected.entries()]);
  });
  it('uses the published quantiles when there are no peers', () => {
    const published: BenchmarkFigure = { ...b, peer_values: [], median: undefined, top_quartile: undefined, summary: { p25: 10, median: 20, p75: 30 } };
    expect(benchmarkQuantiles(published)).toEqual([
      [0.25, 10],
      [0.5, 20],
      [0.75, 30],
    ]);
  });
});
