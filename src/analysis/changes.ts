import { npsDifferenceTest, twoProportionTest, welchTest } from '../stats/tests';
import { meanEstimateFromMoments } from '../stats/descriptive';
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

  const [pa, sa, da] = from.acc.nps;
  const [pb, sb, db] = to.acc.nps;
  const na = pa + sa + da;
  const nb = pb + sb + db;
  if (ok(na, nb)) {
    const va = npsVariance(pa / na, da / na, na);
    const vb = npsVariance(pb / nb, db / nb, nb);
    const a = (100 * (pa - da)) / na;
    const b = (100 * (pb - db)) / nb;
    push('nps.score', a, b, 'higher', 'nps z-test', npsDifferenceTest({ score: a, variance: va }, { score: b, variance: vb }));
  }

  const topA = from.acc.csat[4] + from.acc.csat[5];
  const topB = to.acc.csat[4] + to.acc.csat[5];
  const ca = from.acc.csatMoments.n;
  const cb = to.acc.csatMoments.n;
  if (ok(ca, cb)) push('csat.top2box', (100 * topA) / ca, (100 * topB) / cb, 'higher', 'two-proportion z-test', twoProportionTest(topA, ca, topB, cb));

  const welch = (metric: string, a: Moments, b: Moments, dir: Dir) => {
    if (!ok(a.n, b.n)) return;
    const ea = meanEstimateFromMoments(a.n, a.sum, a.sumSq);
    const eb = meanEstimateFromMoments(b.n, b.sum, b.sumSq);
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
