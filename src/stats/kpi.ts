/**
 * KPI status against a service standard and the trend of a KPI (SPEC §3).
 */
import { type Maybe, isPresent } from './missing';

/** Which way is better for a metric: the one list (DirectionSchema in src/schemas/dataset.ts is built from it). */
export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export type KpiStatus = 'met' | 'at risk' | 'missed';

/** Default share of |target| a shortfall may be and still count as "at risk" rather than "missed". */
export const DEFAULT_TOLERANCE = 0.05;
/**
 * Comparisons forgive this much, relative to the larger of |value| and |target|,
 * so figures equal on paper compare equal (0.9 − 0.855 is not exactly 0.045 in doubles).
 */
export const STATUS_EPSILON = 1e-9;

/** orient(x) = x where higher is better, −x where lower is better: positive always means "better". */
export function orient(x: number, direction: Direction): number {
  // 0 − x, not −x: a tie must read 0, never −0 (which JSON and tests show as a shortfall sign).
  return direction === 'lower' ? 0 - x : x;
}

/**
 * met if orient(value − target) ≥ 0; at risk if the shortfall is within
 * tolerance·|target|; else missed. Undefined when value or target is missing.
 */
export function kpiStatus(value: number, target: number, direction: Direction, tolerance?: number): KpiStatus;
export function kpiStatus(value: Maybe, target: Maybe, direction: Direction, tolerance?: number): KpiStatus | undefined;
export function kpiStatus(value: Maybe, target: Maybe, direction: Direction, tolerance = DEFAULT_TOLERANCE): KpiStatus | undefined {
  if (!isPresent(value) || !isPresent(target)) return undefined;
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be a non-negative fraction, got ${tolerance}`);
  const slack = STATUS_EPSILON * Math.max(Math.abs(value), Math.abs(target));
  const shortfall = -orient(value - target, direction);
  if (shortfall <= slack) return 'met';
  if (shortfall <= tolerance * Math.abs(target) + slack) return 'at risk';
  return 'missed';
}

/**
 * Least-squares slope per period, x = the index of the value (0, 1, 2, …) so a
 * skipped period keeps its place; missing values are skipped. Undefined with
 * fewer than 2 present values. In the metric's raw unit (not oriented).
 */
export function trendSlope(values: readonly Maybe[]): number | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  values.forEach((v, i) => {
    if (isPresent(v)) {
      xs.push(i);
      ys.push(v);
    }
  });
  const n = xs.length;
  if (n < 2) return undefined;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxy / sxx;
}
