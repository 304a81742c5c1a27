import { describe, expect, it } from 'vitest';
import { dimensionGapScore, halfRuleMean, itemGaps, unweightedServqual, weightedServqual } from '../../src/stats/servqual';

describe('halfRuleMean(values)', () => {
  it.each([
    { values: [5, 6, 7, 4], expected: 5.5, why: 'all answered' },
    { values: [5, undefined, 7, undefined], expected: 6, why: 'exactly half answered' },
    { values: [5, undefined, undefined, undefined], expected: undefined, why: 'fewer than half answered' },
    { values: [4, undefined, undefined, 6, 5], expected: 5, why: '3 of 5 answered' },
    { values: [4, undefined, undefined, NaN, 5], expected: undefined, why: '2 of 5 answered' },
    { values: [], expected: undefined, why: 'no items' },
    { values: [undefined, undefined], expected: undefined, why: 'nothing answered' },
  ])('is $expected when $why', ({ values, expected }) => expect(halfRuleMean(values)).toBe(expected));
});

describe('itemGaps(p, e)', () => {
  it('is P − E, undefined where either is missing', () => {
    expect(itemGaps([5, 6, undefined, 4], [6, undefined, 3, 4])).toEqual([-1, undefined, undefined, 0]);
  });
  it('rejects arrays of different length', () => expect(() => itemGaps([1], [1, 2])).toThrow(RangeError));
});

describe('dimensionGapScore(p, e)', () => {
  it('applies the half rule to item gaps, not to answers', () => {
    // Perceptions all answered, but only 1 of 4 gaps exists: dimension not kept.
    expect(dimensionGapScore([5, 5, 5, 5], [6, undefined, undefined, undefined])).toBeUndefined();
    expect(dimensionGapScore([5, 5, 5, 5], [6, 7, undefined, undefined])).toBe(-1.5);
  });
});

const gaps = { tangibles: -0.5, reliability: -1.2, responsiveness: -0.8, assurance: 0.2, empathy: -0.3 };

describe('weightedServqual(gaps, meanWeights)', () => {
  it('is Σ (w_d/100)·gap_d', () => {
    const w = { tangibles: 10, reliability: 30, responsiveness: 25, assurance: 20, empathy: 15 };
    expect(weightedServqual(gaps, w)).toBeCloseTo(-0.05 - 0.36 - 0.2 + 0.04 - 0.045, 14);
  });
  it('equals the unweighted score for equal weights', () => {
    const w = { tangibles: 20, reliability: 20, responsiveness: 20, assurance: 20, empathy: 20 };
    expect(weightedServqual(gaps, w)).toBeCloseTo(unweightedServqual(gaps)!, 14);
  });
  it('is undefined when a gap or a weight is missing', () => {
    const w = { tangibles: 20, reliability: 20, responsiveness: 20, assurance: 20, empathy: 20 };
    expect(weightedServqual({ ...gaps, empathy: undefined }, w)).toBeUndefined();
    expect(weightedServqual(gaps, { ...w, assurance: undefined })).toBeUndefined();
  });
});

describe('unweightedServqual(gaps)', () => {
  it('is the mean of the five dimension gaps', () => expect(unweightedServqual(gaps)).toBeCloseTo(-0.52, 14));
  it('is undefined when a dimension is not measured', () => {
    const { empathy: _, ...four } = gaps;
    expect(unweightedServqual(four)).toBeUndefined();
  });
});
