/**
 * Small-base rule (SPEC §3): under `min_base` respondents a figure is withheld
 * (present as `{ suppressed: true, n }`, no value anywhere in dist/); under
 * `low_base` it is published with a low-base mark.
 */
import type { Gated } from '../schemas/figures';

export interface BaseRule {
  min_base: number;
  low_base: number;
}

/** The shape of a gated figure is the figures schema's (src/schemas/figures.ts). */
export type { Gated };

/**
 * Undefined when there is nothing to measure (n = 0 or no estimate). `secondary`: the figure
 * reaches min_base but is withheld to protect a smaller cell (see complementary.ts).
 */
export function gate<T extends object>(n: number, rule: BaseRule, estimate: () => T | undefined, secondary = false): Gated<T> | undefined {
  if (n === 0) return undefined;
  if (n < rule.min_base) return { suppressed: true, n };
  if (secondary) return { suppressed: true, secondary: true, n };
  const value = estimate();
  if (value === undefined) return undefined;
  return { suppressed: false, n, low_base: n < rule.low_base, ...value };
}

/** The value of a gated figure, or undefined when suppressed or absent. */
export function published<T extends object, K extends keyof T>(figure: Gated<T> | undefined, key: K): T[K] | undefined {
  return figure && !figure.suppressed ? (figure as T)[key] : undefined;
}
