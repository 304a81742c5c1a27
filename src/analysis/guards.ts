import type { Figures } from '../schemas/figures';
import type { Problem } from '../schemas/problem';
import { RESERVED_NAME, RESERVED_NAME_HINT } from '../schemas/bounds';
import type { SurveyAccs } from './accumulate';
import { appendStep, entryName } from './figure-id';

/**
 * Last checks on the way out of the analysis: a figure is finite or absent (with a
 * reason), and every data name that becomes a key of the figures JSON survives JSON readers.
 */

/**
 * Segment values become keys of `figures.segments`; "__proto__" is the one key that zod
 * drops and Astro's content store refuses, so it is a problem rather than a silent loss.
 */
export function reservedSegmentValues(accs: SurveyAccs): Problem[] {
  const segments = new Set<string>();
  for (const bySegment of accs.bySegment.values()) for (const [segment, values] of bySegment) if (values.has(RESERVED_NAME)) segments.add(segment);
  return [...segments].sort().map((segment) => ({
    file: 'responses.csv',
    column: segment,
    value: RESERVED_NAME,
    message: 'cannot be a segment value: the figures JSON cannot hold this name.',
    hint: RESERVED_NAME_HINT,
  }));
}

/** Every number of the figures that is NaN or ±Infinity, by figure id (JSON would publish it as null). */
export function nonFiniteFigures(value: unknown, id = ''): { id: string; value: number }[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [{ id, value }];
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((entry, i) => nonFiniteFigures(entry, appendStep(id, entryName(entry) ?? String(i))));
  return Object.entries(value).flatMap(([k, v]) => nonFiniteFigures(v, appendStep(id, k)));
}

/**
 * The final guard: a non-finite figure is a problem naming its id, never NaN, Infinity or
 * null in the figures. The loader already refuses magnitudes beyond MAX_MAGNITUDE, so this
 * fires only when a computation still overflows.
 */
export function nonFiniteProblems(figures: Figures): Problem[] {
  return nonFiniteFigures(figures).map(({ id, value }) => ({
    file: 'figures',
    message: `${id} came out as ${String(value)}, not a finite number.`,
    hint: 'The values it rests on are too large to compute with: check them for a typing error (an extra run of digits or an exponent).',
  }));
}
