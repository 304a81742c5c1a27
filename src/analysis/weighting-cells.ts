/**
 * The wave key of a weighting cell (weighting.ts): with weighting declared in the
 * questionnaire, every engine folds each combination of the weighting variables' values
 * apart, under the wave followed by those values, so the cells can be weighed once counted.
 */
import type { Questionnaire } from '../schemas/questionnaire';

/** Between the wave and the cell's values in a wave key: NUL, which no cell can hold (a NUL byte stops a file). */
export const CELL = '\u0000';

/** Indexes (in segments: order) of the weighting variables, in targets: order; undefined without declared weighting. */
export function weightingVariables(q: Questionnaire | undefined): number[] | undefined {
  return q?.weighting ? Object.keys(q.weighting.targets).map((v) => q.segments.indexOf(v)) : undefined;
}

/** The wave key a respondent is folded under: the wave, then its values of the weighting variables (missing as ''). */
export function cellWave(wave: string, segmentValues: readonly (string | undefined)[], variables: readonly number[]): string {
  let key = wave;
  for (let i = 0; i < variables.length; i++) key += CELL + (segmentValues[variables[i]] ?? '');
  return key;
}
