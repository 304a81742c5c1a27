import { describe, expect, it } from 'vitest';
import {
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
  twoSidedPFromT,
  twoSidedPFromZ,
} from '../../src/stats/distributions';

// Textbook values (Abramowitz & Stegun tables; t tables). The reference test checks many more against scipy.
describe('normalCdf(x)', () => {
  it.each([
    [0, 0.5],
    [1.96, 0.9750021048517795],
    [-1.96, 0.024997895148220435],
    [-8, 6.220960574271785e-16],
    [-30, 4.906713927148187e-198], // mpmath, 30 digits
  ])('Φ(%d) = %d', (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 15);
    if (p > 0) expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-12);
  });
  it('returns NaN for NaN', () => expect(normalCdf(NaN)).toBeNaN());
});

describe('normalQuantile(p)', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.5, 0],
    [0.025, -1.959963984540054],
    [1e-10, -6.361340902404056],
    [0.999999, 4.753424308817087],
  ])('Φ⁻¹(%d) = %d', (p, x) => {
    expect(Math.abs(normalQuantile(p) - x)).toBeLessThan(1e-12 * Math.max(1, Math.abs(x)));
  });
  it('inverts normalCdf across the range', () => {
    // Lower tail only: above the median Φ(x) itself rounds to a multiple of 2⁻⁵³.
    for (const x of [-30, -7.5, -3, -0.1, -1e-3]) expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 12);
  });
  it('gives ±Infinity at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('logGamma(x)', () => {
  it.each([
    [1, 0],
    [2, 0],
    [0.5, 0.5 * Math.log(Math.PI)],
    [10, Math.log(362880)],
    [171.5, 709.1431630309282],
  ])('ln Γ(%d)', (x, v) => expect(Math.abs(logGamma(x) - v)).toBeLessThan(1e-12 * Math.max(1, Math.abs(v))));
  it('uses the reflection formula below ½: ln|Γ(−0.5)| = ln 2√π', () => {
    expect(logGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
  });
});

describe('regularizedIncompleteBeta(x, a, b)', () => {
  it('is x for a = b = 1', () => expect(regularizedIncompleteBeta(0.37, 1, 1)).toBeCloseTo(0.37, 14));
  it('is 1 − (1−x)^b for a = 1', () => expect(regularizedIncompleteBeta(0.2, 1, 3)).toBeCloseTo(1 - 0.8 ** 3, 15));
  it('is symmetric: I_x(a,b) = 1 − I_{1−x}(b,a)', () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 7)).toBeCloseTo(1 - regularizedIncompleteBeta(0.7, 7, 2.5), 14);
  });
  it('is 0 at 0, 1 at 1 and NaN outside', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(-0.1, 2, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
  });
});

describe('studentTCdf(t, df) and studentTQuantile(p, df)', () => {
  it.each([
    [1, 12.706204736174698],
    [2, 4.302652729749464],
    [9, 2.262157162798205],
    [29, 2.045229642132703],
    [1000, 1.9623390808264074],
  ])('t(0.975, %d) = %d', (df, t) => {
    expect(Math.abs(studentTQuantile(0.975, df) - t)).toBeLessThan(1e-12 * t);
    expect(studentTCdf(t, df)).toBeCloseTo(0.975, 14);
  });
  it('is the Cauchy distribution at df = 1', () => {
    expect(studentTCdf(-3, 1)).toBeCloseTo(0.5 + Math.atan(-3) / Math.PI, 15);
  });
  it('tends to the normal as df grows', () => expect(studentTCdf(1.5, Infinity)).toBe(normalCdf(1.5)));
  it('accepts fractional df (Welch)', () => {
    const t = studentTQuantile(0.9, 7.3);
    expect(studentTCdf(t, 7.3)).toBeCloseTo(0.9, 14);
  });
  it('is symmetric', () => expect(studentTQuantile(0.25, 5)).toBe(-studentTQuantile(0.75, 5)));
});

describe('twoSidedPFromZ(z) and twoSidedPFromT(t, df)', () => {
  it('gives 0.05 at the 97.5 % points', () => {
    expect(twoSidedPFromZ(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedPFromT(2.262157162798205, 9)).toBeCloseTo(0.05, 14);
  });
  it('gives 1 at 0 and keeps tiny p-values relative', () => {
    expect(twoSidedPFromZ(0)).toBe(1);
    expect(twoSidedPFromT(0, 4)).toBe(1);
    expect(twoSidedPFromZ(-10) / 1.5239706048321e-23).toBeCloseTo(1, 10);
  });
});
