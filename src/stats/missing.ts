/**
 * How the statistics treat missing data, in one place (the d3-array contract):
 * `undefined`, `null`, `NaN` and ±Infinity are missing and skipped; a function
 * with nothing left to measure returns `undefined`, never 0.
 */

/** A value as it arrives from a parsed column: a number, or missing. */
export type Maybe = number | null | undefined;

/** True for a finite number, i.e. a value that is not missing. */
export function isPresent(value: Maybe): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The present values, in order. */
export function present(values: Iterable<Maybe>): number[] {
  const out: number[] = [];
  for (const v of values) if (isPresent(v)) out.push(v);
  return out;
}
