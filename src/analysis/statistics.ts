/**
 * The questionnaire's statistical choices applied to computed figures (src/schemas/statistics.ts):
 * the NPS interval method and the direction of CES in the wave-on-wave changes.
 */
import { npsInterval, type NpsIntervalMethod } from '../stats/nps-interval';
import { orient } from '../stats/kpi';
import type { Change, GroupFigures } from '../schemas/figures';

/**
 * The group with its NPS interval by `method`. Wald is what groupFigures computed; the adjusted
 * Wald interval (Rocks 2016) is computed from the published shares on the figure's base — the
 * effective base on weighted data — so it follows the same weights. moe95 stays the Wald
 * half-width, which the wave-on-wave tests use.
 */
export function withNpsInterval(g: GroupFigures, method: NpsIntervalMethod): GroupFigures {
  const f = g.nps;
  if (method === 'wald' || !f || f.suppressed) return g;
  const base = (f as { n_eff?: number }).n_eff ?? f.n;
  const ci95 = npsInterval(f.promoters * base, f.passives * base, f.detractors * base, method);
  return ci95 ? { ...g, nps: { ...f, ci95 } } : g;
}

/** Changes of ces.mean oriented by the questionnaire's CES wording (changes.ts orients it as effort: lower is better). */
export function orientCes(changes: Change[], ces: 'higher' | 'lower'): Change[] {
  return changes.map((c) => {
    if (c.metric !== 'ces.mean') return c;
    const o = orient(c.difference, ces);
    return { ...c, direction: o > 0 ? 'better' : o < 0 ? 'worse' : 'same' };
  });
}
