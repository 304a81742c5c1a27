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
  const found: { id: string; value: number }[] = [];
  walk(value, [], (path, x) => found.push({ id: path.reduce(appendStep, id), value: x }));
  return found;
}

/**
 * Calls `found` with the path of names to each non-finite number, depth first in key order.
 * The names are kept as a stack and an id is formatted only for a number found: the figures of
 * a big survey hold hundreds of thousands of numbers, and formatting every step's id cost the
 * main thread tens of milliseconds after the workers returned.
 */
function walk(value: unknown, path: string[], found: (path: readonly string[], value: number) => void): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) found(path, value);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const entry: unknown = value[i];
      if (entry === null || (typeof entry !== 'number' && typeof entry !== 'object')) continue;
      path.push(entryName(entry) ?? String(i));
      walk(entry, path, found);
      path.pop();
    }
    return;
  }
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v === null || (typeof v !== 'number' && typeof v !== 'object')) continue;
    path.push(k);
    walk(v, path, found);
    path.pop();
  }
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
