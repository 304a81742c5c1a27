/**
 * The marks of a segment value's test against the rest of its segment (figures' `vs_rest`):
 * ▲ significantly better, ▼ significantly worse, after the multiple-comparison correction.
 * Oriented by the figure's direction, so for effort-worded CES a lower value earns ▲.
 */
import type { VsRest } from '../schemas/figures';

export const SIGNIFICANCE_MARKS = { better: '▲', worse: '▼' } as const;

/** The mark a test earns: only a significant difference that goes one way. */
export function significanceMark(test: VsRest | undefined): 'better' | 'worse' | undefined {
  return test?.significant && test.direction !== 'same' ? test.direction : undefined;
}

/** " ▲", " ▼" or "" for a figure (a withheld figure carries no test). */
export function significanceSuffix(figure: { suppressed: boolean; vs_rest?: VsRest }): string {
  const mark = figure.suppressed ? undefined : significanceMark(figure.vs_rest);
  return mark ? ` ${SIGNIFICANCE_MARKS[mark]}` : '';
}
