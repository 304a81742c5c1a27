import { npsDifferenceTest, twoProportionTest, welchTest } from '../stats/tests';
import { effectiveBase, effectiveSuccesses } from '../stats/weights';
import { momentsEstimate } from './survey-figures';
import { orient } from '../stats/kpi';
import type { Change } from '../schemas/figures';
import type { Moments } from './moments';
import type { SurveyLayout } from './layout';
import type { SurveyAcc } from './survey-acc';
import type { BaseRule } from './suppress';

type Dir = 'higher' | 'lower';

/**
 * Changes between the report's wave and the one before it (SPEC §3): NPS difference
 * z-test with the summed variances, two-proportion z-test for CSAT top-2-box, Welch
 * t-tests for means (CES, overall, SERVQUAL dimension gaps and perceptions, and the
 * unweighted SERVQUAL score: Welch on each respondent's mean of their dimension gap scores,
 * respondents with every dimension — see servqualScore in survey-acc.ts).
 * A change is only computed when both waves' bases reach min_base.
 */
export function changeFigures(from: { wave: string; acc: SurveyAcc }, to: { wave: string; acc: SurveyAcc }, layout: SurveyLayout, rule: BaseRule): Change[] {
  const out: Change[] = [];
  const ok = (n1: number, n2: number) => n1 >= rule.min_base && n2 >= rule.min_base;
  const push = (
    metric: string,
    a: number,
    b: number,
    dir: Dir,
    test: Change['test'],
    result: { z?: number; t?: number; p: number; significant: boolean } | undefined,
  ) => {
    if (!result) return;
    const difference = b - a;
    const oriented = orient(difference, dir);
    out.push({
      metric,
      from: from.wave,
      to: to.wave,
      from_value: a,
      to_value: b,
      difference,
      test,
      statistic: result.z ?? result.t ?? 0,
      p: result.p,
      significant: result.significant,
      direction: oriented > 0 ? 'better' : oriented < 0 ? 'worse' : 'same',
    });
  };

  // Bases (min_base) count respondents; shares are weighted and variances on the effective base (Kish), as the wave figures.
  const [pa, sa, da] = from.acc.npsW;
  const [pb, sb, db] = to.acc.npsW;
  const na = pa + sa + da;
  const nb = pb + sb + db;
  if (ok(from.acc.nps[0] + from.acc.nps[1] + from.acc.nps[2], to.acc.nps[0] + to.acc.nps[1] + to.acc.nps[2])) {
    const va = npsVariance(pa / na, da / na, effectiveBase(na, from.acc.npsW2)!);
    const vb = npsVariance(pb / nb, db / nb, effectiveBase(nb, to.acc.npsW2)!);
    const a = (100 * (pa - da)) / na;
    const b = (100 * (pb - db)) / nb;
    push('nps.score', a, b, 'higher', 'nps z-test', npsDifferenceTest({ score: a, variance: va }, { score: b, variance: vb }));
  }

  const topA = from.acc.csatW[4] + from.acc.csatW[5];
  const topB = to.acc.csatW[4] + to.acc.csatW[5];
  const ca = from.acc.csatMoments;
  const cb = to.acc.csatMoments;
  if (ok(ca.n, cb.n)) {
    // The pooled z-test on effective counts: share·n_eff out of n_eff (the counts themselves when unweighted).
    const ea = effectiveBase(ca.w, ca.w2)!;
    const eb = effectiveBase(cb.w, cb.w2)!;
    const test = twoProportionTest(effectiveSuccesses(topA, ca.w, ea), ea, effectiveSuccesses(topB, cb.w, eb), eb);
    push('csat.top2box', (100 * topA) / ca.w, (100 * topB) / cb.w, 'higher', 'two-proportion z-test', test);
  }

  const welch = (metric: string, a: Moments, b: Moments, dir: Dir) => {
    if (!ok(a.n, b.n)) return;
    // n of the estimates is the effective base, so Welch's standard error and df use it.
    const ea = momentsEstimate(a);
    const eb = momentsEstimate(b);
    if (!ea || !eb || ea.sd === undefined || eb.sd === undefined) return;
    push(metric, ea.mean, eb.mean, dir, 'welch t-test', welchTest({ mean: ea.mean, sd: ea.sd, n: ea.n }, { mean: eb.mean, sd: eb.sd, n: eb.n }));
  };
  welch('csat.mean', from.acc.csatMoments, to.acc.csatMoments, 'higher');
  welch('ces.mean', from.acc.ces, to.acc.ces, 'lower');
  welch('overall.mean', from.acc.overall, to.acc.overall, 'higher');
  welch('servqual.unweighted', from.acc.servqual, to.acc.servqual, 'higher');
  layout.dims.forEach((dim, d) => {
    welch(`servqual.dimensions.${dim}.gap`, from.acc.dims[d].g, to.acc.dims[d].g, 'higher');
    welch(`servqual.dimensions.${dim}.perception`, from.acc.dims[d].p, to.acc.dims[d].p, 'higher');
  });
  return out;
}

/** SPEC §3: v = (pP + pD − (pP − pD)²)/n. */
const npsVariance = (pP: number, pD: number, n: number) => (pP + pD - (pP - pD) ** 2) / n;
