/** The questionnaire's `weighting:` checked against its own segments and shares (src/schemas/weighting.ts). */
import { SHARE_SUM_TOLERANCE } from '../schemas/weighting';
import type { Questionnaire } from '../schemas/questionnaire';

type Report = (path: (string | number)[], message: string, hint?: string) => void;

/** Weighting variables are segments, post-stratification has one, and each variable's shares sum to 1. */
export function checkWeighting(q: Questionnaire, report: Report): void {
  const weighting = q.weighting;
  if (!weighting) return;
  const variables = Object.keys(weighting.targets);
  if (variables.length === 0) return report(['weighting', 'targets'], 'setting "weighting.targets" names no variable to weight to.', 'Give each weighting variable (a segment) its population shares, e.g. targets: { region: { North: 0.4, South: 0.6 } }.');
  if (weighting.method === 'post-stratification' && variables.length > 1)
    report(['weighting', 'method'], `setting "weighting.method": post-stratification weights to one variable, but targets: names ${variables.length} (${variables.join(', ')}).`, 'Use method: raking to weight to several margins.');
  for (const v of variables) {
    if (!q.segments.includes(v)) report(['weighting', 'targets', v], `"${v}" is not a segment.`, `Weighting variables are segments: add "${v}" to segments:, or remove it from targets:.`);
    const sum = Object.values(weighting.targets[v]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE)
      report(['weighting', 'targets', v], `the population shares of "${v}" sum to ${+sum.toFixed(4)}, not 1.`, 'Give each value its share of the population as a fraction; the shares of a variable sum to 1.');
  }
}
