import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE, kpiStatus, orient, trendSlope } from '../../src/stats/kpi';

describe('orient(x, direction)', () => {
  it('keeps x where higher is better and negates it where lower is better', () => {
    expect(orient(3, 'higher')).toBe(3);
    expect(orient(3, 'lower')).toBe(-3);
  });
});

describe('kpiStatus(value, target, direction, tolerance)', () => {
  it.each([
    // higher is better: service level 80 % target
    { value: 82, target: 80, direction: 'higher', status: 'met' },
    { value: 80, target: 80, direction: 'higher', status: 'met' },
    { value: 77, target: 80, direction: 'higher', status: 'at risk' },
    { value: 76, target: 80, direction: 'higher', status: 'at risk' },
    { value: 75.9, target: 80, direction: 'higher', status: 'missed' },
    // lower is better: ASA 30 s target
    { value: 25, target: 30, direction: 'lower', status: 'met' },
    { value: 31.5, target: 30, direction: 'lower', status: 'at risk' },
    { value: 32, target: 30, direction: 'lower', status: 'missed' },
    // decimals equal on paper compare equal (0.9 − 0.855 > 0.045 in doubles)
    { value: 0.855, target: 0.9, direction: 'higher', status: 'at risk' },
    { value: 0.1 + 0.2, target: 0.3, direction: 'lower', status: 'met' },
  ] as const)('$value against $target ($direction is better) is $status', ({ value, target, direction, status }) => {
    expect(kpiStatus(value, target, direction)).toBe(status);
  });
  it(`defaults the tolerance to ${DEFAULT_TOLERANCE}`, () => {
    expect(kpiStatus(90, 100, 'higher', 0.1)).toBe('at risk');
    expect(kpiStatus(90, 100, 'higher')).toBe('missed');
  });
  it('counts a negative target’s tolerance on |target|', () => expect(kpiStatus(-10.4, -10, 'higher')).toBe('at risk'));
  it('returns undefined when the value or target is missing', () => {
    expect(kpiStatus(undefined, 80, 'higher')).toBeUndefined();
    expect(kpiStatus(70, NaN, 'higher')).toBeUndefined();
  });
  it('rejects a negative tolerance', () => expect(() => kpiStatus(1, 2, 'higher', -0.1)).toThrow(RangeError));
});

describe('trendSlope(values)', () => {
  it('is the least-squares slope per period', () => expect(trendSlope([1, 3, 2, 5])).toBeCloseTo(1.1, 14));
  it('keeps the place of a skipped period', () => expect(trendSlope([10, undefined, 14])).toBeCloseTo(2, 14));
  it('is raw, not oriented (a falling wait time has a negative slope)', () => expect(trendSlope([40, 35, 30])).toBeCloseTo(-5, 14));
  it('returns undefined with fewer than 2 points', () => {
    expect(trendSlope([])).toBeUndefined();
    expect(trendSlope([undefined, 4, NaN])).toBeUndefined();
  });
});
