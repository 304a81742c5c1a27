import { describe, expect, it } from 'vitest';
import { benchmarkPosition } from '../../src/stats/benchmark';
import { benchmarkPositionFromSummary, percentileFromSummary } from '../../src/stats/benchmark-summary';
import { percentileRank, quantile, quartileOf } from '../../src/stats/percentile';

describe('quantile(sortedValues, p) — type 7', () => {
  it.each([
    [0, 1],
    [0.25, 1.75],
    [0.5, 2.5],
    [0.75, 3.25],
    [1, 4],
  ])('p = %d of [1, 2, 3, 4] is %d', (p, q) => expect(quantile([1, 2, 3, 4], p)).toBe(q));
  it('returns undefined for no values', () => expect(quantile([], 0.5)).toBeUndefined());
  it('returns the value for one value', () => expect(quantile([7], 0.9)).toBe(7));
});

describe('percentileRank(value, peers, direction) — mid-ranks', () => {
  const peers = [10, 20, 20, 30, 40];
  it('counts half of the ties', () => expect(percentileRank(20, peers, 'higher')).toBe(40));
  it('is 0 below every peer and 100 above', () => {
    expect(percentileRank(5, peers, 'higher')).toBe(0);
    expect(percentileRank(50, peers, 'higher')).toBe(100);
  });
  it('counts higher raw values as below when lower is better', () => {
    expect(percentileRank(20, peers, 'lower')).toBe(60);
    expect(percentileRank(5, peers, 'lower')).toBe(100);
  });
  it('returns undefined with no peers', () => expect(percentileRank(5, [undefined], 'higher')).toBeUndefined());
});

describe('quartileOf(percentile)', () => {
  it.each([
    [0, 1],
    [24.9, 1],
    [25, 2],
    [50, 3],
    [74.99, 3],
    [75, 4],
    [100, 4],
  ])('%d → %d', (p, q) => expect(quartileOf(p)).toBe(q));
});

describe('benchmarkPosition(value, peers, direction)', () => {
  const peers = [20, 25, 30, 35, 40];
  it('gives percentile, quartile and oriented gaps where higher is better', () => {
    expect(benchmarkPosition(36, peers, 'higher')).toEqual({
      percentile: 80,
      quartile: 4,
      median: 30,
      top_quartile: 35,
      gap_to_median: 6,
      gap_to_top_quartile: 1,
      peers: 5,
    });
  });
  it('uses p25 as the top quartile and flips gaps where lower is better', () => {
    expect(benchmarkPosition(36, peers, 'lower')).toEqual({
      percentile: 20,
      quartile: 1,
      median: 30,
      top_quartile: 25,
      gap_to_median: -6,
      gap_to_top_quartile: -11,
      peers: 5,
    });
  });
  it('sorts unsorted peers and skips missing ones', () => {
    expect(benchmarkPosition(36, [40, undefined, 20, 35, 25, 30], 'higher')?.median).toBe(30);
  });
  it('returns undefined with no peers', () => expect(benchmarkPosition(1, [], 'higher')).toBeUndefined());
});

describe('percentileFromSummary(value, summary, direction)', () => {
  const summary = { p10: 60, p25: 70, median: 75, p75: 80, p90: 90 };
  it.each([
    { value: 75, direction: 'higher', expected: { percentile: 50 } },
    { value: 72.5, direction: 'higher', expected: { percentile: 37.5 } },
    { value: 85, direction: 'higher', expected: { percentile: 82.5 } },
    { value: 50, direction: 'higher', expected: { percentile: 10, censored: 'below' } },
    { value: 95, direction: 'higher', expected: { percentile: 90, censored: 'above' } },
    { value: 72.5, direction: 'lower', expected: { percentile: 62.5 } },
    { value: 95, direction: 'lower', expected: { percentile: 10, censored: 'below' } },
    { value: 50, direction: 'lower', expected: { percentile: 90, censored: 'above' } },
  ] as const)('$value ($direction is better) → $expected', ({ value, direction, expected }) => {
    expect(percentileFromSummary(value, summary, direction)).toEqual(expected);
  });
  it('works with any two points', () => expect(percentileFromSummary(30, { p25: 20, p75: 40 }, 'higher')).toEqual({ percentile: 50 }));
  it('gives tied points the middle of their levels', () => {
    expect(percentileFromSummary(5, { p25: 5, median: 5, p75: 8 }, 'higher')).toEqual({ percentile: 37.5 });
  });
  it('returns undefined with fewer than 2 points or decreasing quantiles (p25 above p75)', () => {
    expect(percentileFromSummary(30, { median: 20, mean: 25 }, 'higher')).toBeUndefined();
    expect(percentileFromSummary(30, { p25: 40, p75: 20 }, 'higher')).toBeUndefined();
  });
});

describe('benchmarkPositionFromSummary(value, summary, direction)', () => {
  it('gives gaps to the published median and top quartile, oriented', () => {
    // Lower is better: the raw p10 (15 s) is the 90th percentile of performance.
    expect(benchmarkPositionFromSummary(28, { p10: 15, p25: 22, median: 30, p75: 40, p90: 50 }, 'lower')).toEqual({
      percentile: 56.25,
      quartile: 3,
      median: 30,
      top_quartile: 22,
      gap_to_median: 2,
      gap_to_top_quartile: -6,
    });
  });
  it('omits gaps that cannot be measured and keeps the censoring', () => {
    expect(benchmarkPositionFromSummary(100, { p10: 10, p90: 90 }, 'higher')).toEqual({ percentile: 90, quartile: 4, censored: 'above' });
  });
});
