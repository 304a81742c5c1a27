import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adjustPValues, benjaminiHochbergAdjust, holmAdjust } from '../../src/stats/multiple-comparison';

const ref = JSON.parse(readFileSync(new URL('../reference/significance_expected.json', import.meta.url), 'utf8'));
const close = (a: number[], b: number[]) => a.forEach((x, i) => expect(Math.abs(x - b[i])).toBeLessThanOrEqual(1e-9));

describe('adjustPValues(p, method)', () => {
  it('matches Holm by its definition (the smallest level at which the step-down rejects) to 1e-9', () => {
    close(holmAdjust(ref.p_families.p), ref.p_families.holm);
  });
  it("matches scipy's false_discovery_control (Benjamini–Hochberg) to 1e-9", () => {
    close(benjaminiHochbergAdjust(ref.p_families.p), ref.p_families.bh);
  });
  it('keeps the raw p under none, and adjusts one test to itself', () => {
    expect(adjustPValues([0.2, 0.01], 'none')).toEqual([0.2, 0.01]);
    expect(adjustPValues([0.03], 'holm')).toEqual([0.03]);
    expect(adjustPValues([0.03], 'bh')).toEqual([0.03]);
  });
  it('never lowers a p, caps at 1 and keeps the order of the raw p', () => {
    const p = [0.5, 0.001, 0.3, 0.3, 0.9];
    for (const method of ['holm', 'bh'] as const) {
      const a = adjustPValues(p, method);
      a.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(p[i]));
      a.forEach((x) => expect(x).toBeLessThanOrEqual(1));
      expect(a[1]).toBeLessThanOrEqual(a[2]);
      expect(a[2]).toBeLessThanOrEqual(a[0]);
    }
  });
  it('refuses a p outside [0, 1] as a programmer mistake', () => {
    expect(() => adjustPValues([1.5], 'holm')).toThrow('p-values must lie in [0, 1], got 1.5');
  });
});
