/**
 * The axis policy of trend charts (src/charts/axis.ts, content/docs/reading-charts.mdx): zero on
 * a signed metric's axis, a level metric's axis at least MIN_SPAN_INTERVALS intervals tall and
 * marked when cut, never outside the metric's bounds.
 */
import { describe, expect, it } from 'vitest';
import { MIN_SPAN_INTERVALS, axisIsCut, trendExtent } from '../../src/charts/axis';
import { trend, type TrendPoint } from '../../src/charts/trend';
import { trendInput } from '../../src/charts/trend';
import { strings } from '../../src/i18n/index';
import { demoFigures } from '../site/demo-figures';

/** The plotted y of each labelled value and the plot's height, read from a wide trend SVG. */
function geometry(svg: string): { plot: number; ticks: string[] } {
  const grid = [...svg.matchAll(/<line x1="56" x2="650" y1="([\d.]+)"/g)].map((m) => Number(m[1]));
  const ticks = [...svg.matchAll(/<text x="50" y="[\d.]+"[^>]*text-anchor="end">([^<]+)<\/text>/g)].map((m) => m[1]);
  return { plot: Math.max(...grid) - Math.min(...grid), ticks };
}
const point = (wave: string, value: number, half: number): TrendPoint => ({ wave, value, ci95: [value - half, value + half] });

describe('trendExtent(axis)', () => {
  it('keeps zero on a signed metric’s axis, and pads only away from zero', () => {
    const [lo, hi] = trendExtent({
      values: [-1.22, -1.27],
      intervals: [
        [-1.32, -1.12],
        [-1.37, -1.17],
      ],
      zero: true,
      decimals: 2,
    });
    expect(lo).toBeLessThan(-1.37);
    expect(hi).toBe(0);
  });

  it(`spans a level metric's axis at least ${MIN_SPAN_INTERVALS} times its widest interval`, () => {
    const [lo, hi] = trendExtent({
      values: [5.1, 5.12],
      intervals: [
        [4.9, 5.3],
        [4.95, 5.29],
      ],
      zero: false,
      decimals: 2,
    });
    expect(hi - lo).toBeGreaterThanOrEqual(MIN_SPAN_INTERVALS * 0.4);
    expect(lo).toBeGreaterThan(0);
  });

  it('never leaves the bounds, shifting the window back inside', () => {
    const [lo, hi] = trendExtent({
      values: [97, 98],
      intervals: [
        [94, 100],
        [95, 100],
      ],
      zero: false,
      bounds: [0, 100],
      decimals: 1,
    });
    expect(hi).toBe(100);
    expect(hi - lo).toBeGreaterThanOrEqual(MIN_SPAN_INTERVALS * 6 - 1e-9);
  });

  it('calls an axis cut when it leaves zero out', () => {
    expect(axisIsCut([4, 6])).toBe(true);
    expect(axisIsCut([-2, -1])).toBe(true);
    expect(axisIsCut([-1.4, 0])).toBe(false);
  });
});

describe('trend(…) under the axis policy', () => {
  it('draws the demo’s reliability gap from zero: its non-significant change spans under a tenth of the plot', async () => {
    const figures = await demoFigures();
    const { input, options } = trendInput(figures, 'reliability', strings('en'));
    const change = input.changes[input.changes.length - 1];
    expect(change.significant).toBe(false);
    const { svg } = trend(input, { id: 't', layout: 'wide', ...options });
    const { plot, ticks } = geometry(svg);
    expect(ticks).toContain('0.0');
    const [lo, hi] = [Number(ticks[0].replace('−', '-')), Number(ticks[ticks.length - 1].replace('−', '-'))];
    expect((Math.abs(change.difference) / (hi - lo)) * plot).toBeLessThan(plot / 10);
  });

  it('marks a cut axis with a break, and draws none when zero is on the axis', () => {
    const level = trend(
      { label: 'Overall', points: [point('2026-Q2', 5.1, 0.2), point('2026-Q3', 5.15, 0.2)], changes: [] },
      { id: 'l', layout: 'wide', decimals: 2 },
    );
    expect(level.svg).toContain('class="gr-axis-break"');
    const gap = trend(
      { label: 'Gap', points: [point('2026-Q2', -1.2, 0.1), point('2026-Q3', -1.25, 0.1)], changes: [] },
      { id: 'g', layout: 'wide', decimals: 2, signed: true },
    );
    expect(gap.svg).not.toContain('gr-axis-break');
  });
});
