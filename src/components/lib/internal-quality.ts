import type { Figures } from '../../schemas/figures';
import type { InternalQualityInput } from '../../charts/internal-quality';
import type { Strings } from '../../i18n';
import { segmentName, segmentValueLabels } from './segment-table';

/**
 * The <InternalQuality by="…"/> chart's input from the figures: the pairs published on both
 * sides for that segment, each value shown as the other segment components show it. Undefined
 * when there is nothing to draw — no employees.csv, `by` not a column of it, or no value of it
 * published for both employees and customers — so the component says so in one sentence.
 */
export function internalQualityInput(figures: Figures, by: string, t: Strings): InternalQualityInput | undefined {
  const compare = figures.internal && Object.hasOwn(figures.internal.compare, by) ? figures.internal.compare[by] : undefined;
  if (!compare || compare.pairs.length === 0) return undefined;
  const labels = segmentValueLabels(figures, by, t);
  return {
    segment: segmentName(t, by).toLowerCase(),
    pairs: compare.pairs.map((p) => ({ ...p, value: labels[p.value] ?? p.value })),
    correlation: compare.correlation,
  };
}
