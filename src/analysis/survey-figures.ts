import { npsFromCounts } from '../stats/nps';
import { csatFromCounts } from '../stats/proportion';
import { meanEstimateFromMoments } from '../stats/descriptive';
import { cronbachAlphaFromCovariance, ALPHA_FLAG } from '../stats/alpha';
import { DIMENSIONS } from '../schemas/questionnaire';
import type { GroupFigures, MeanFigure, Servqual, ServqualDimension } from '../schemas/figures';
import { covarianceOf, momentMean, type Moments } from './moments';
import { gate, type BaseRule } from './suppress';
import type { SurveyLayout } from './layout';
import type { SurveyAcc } from './survey-acc';
import { sourceItemText } from './labels';

export function meanFigure(m: Moments, rule: BaseRule, secondary = false): MeanFigure | undefined {
  return gate(
    m.n,
    rule,
    () => {
      const est = meanEstimateFromMoments(m.n, m.sum, m.sumSq);
      return est && { mean: est.mean, sd: est.sd, ci95: est.ci95 };
    },
    secondary,
  );
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The headline survey figures of one group (a wave or a segment value). `withheld`: figure
 * keys (`nps`, `servqual.dimensions.<dim>`, …) suppressed secondarily for this group.
 */
export function groupFigures(acc: SurveyAcc, layout: SurveyLayout, rule: BaseRule, withheld: ReadonlySet<string> = NONE): GroupFigures {
  const [promoters, passives, detractors] = acc.nps;
  const npsN = promoters + passives + detractors;
  const csatN = acc.csat.reduce((a, b) => a + b, 0);
  return {
    n: acc.n,
    nps: gate(
      npsN,
      rule,
      () => {
        const est = npsFromCounts(promoters, passives, detractors);
        return (
          est && {
            score: est.score,
            promoters: est.promoters,
            passives: est.passives,
            detractors: est.detractors,
            variance: est.variance,
            moe95: est.moe95,
            ci95: est.ci95,
          }
        );
      },
      withheld.has('nps'),
    ),
    csat: gate(
      csatN,
      rule,
      () => {
        const est = csatFromCounts(acc.csat);
        const m = meanEstimateFromMoments(acc.csatMoments.n, acc.csatMoments.sum, acc.csatMoments.sumSq);
        return est && { top2box: est.top2box, ci95: est.ci95, mean: est.mean, mean_ci95: m?.ci95, sd: m?.sd };
      },
      withheld.has('csat'),
    ),
    ces: meanFigure(acc.ces, rule, withheld.has('ces')),
    overall: meanFigure(acc.overall, rule, withheld.has('overall')),
    servqual: servqualFigures(acc, layout, rule, withheld),
  };
}

/** Expectation, perception and gap means with their Student-t intervals, each on its own base (withheld under min_base). */
function expectationsVsPerceptions(m: { e: Moments; p: Moments; g: Moments }, rule: BaseRule) {
  const mean = (x: Moments) => (x.n >= rule.min_base ? momentMean(x) : undefined);
  const interval = (x: Moments) => (x.n >= rule.min_base ? meanEstimateFromMoments(x.n, x.sum, x.sumSq)?.ci95 : undefined);
  return {
    expectation: mean(m.e),
    perception: mean(m.p),
    gap: mean(m.g),
    expectation_ci95: interval(m.e),
    perception_ci95: interval(m.p),
    gap_ci95: interval(m.g),
  };
}

function servqualFigures(acc: SurveyAcc, layout: SurveyLayout, rule: BaseRule, withheld: ReadonlySet<string>): Servqual | undefined {
  if (layout.items.length === 0) return undefined;
  // Student-t 95 % interval (n − 1 df) of a mean published on its own base; none under two answers.
  const dimensions: Record<string, ServqualDimension> = {};
  const gaps: number[] = [];
  const perceptions: number[] = [];
  let weighted: number | undefined = 0;
  layout.dims.forEach((dim, d) => {
    const m = acc.dims[d];
    const n = Math.max(m.p.n, m.e.n);
    const alphaAcc = acc.alpha?.[d];
    const cov = alphaAcc && covarianceOf(alphaAcc);
    const alpha = cov && alphaAcc ? cronbachAlphaFromCovariance(cov, alphaAcc.n)?.alpha : undefined;
    const weightIndex = DIMENSIONS.indexOf(dim);
    // Importance points are a mean on their own base: withheld under min_base like the others.
    const weight = acc.weights[weightIndex].n >= rule.min_base ? momentMean(acc.weights[weightIndex]) : undefined;
    const figure = gate(
      n,
      rule,
      () => ({
        ...expectationsVsPerceptions(m, rule),
        // A flag only where α was computed: `false` would tell the reader an unchecked scale is reliable.
        ...(alpha === undefined ? {} : { alpha, alpha_flag: alpha < ALPHA_FLAG }),
        weight,
        n_perception: m.p.n,
        n_expectation: m.e.n,
        n_gap: m.g.n,
      }),
      withheld.has(`servqual.dimensions.${dim}`),
    );
    if (!figure) return;
    dimensions[dim] = figure;
    if (figure.suppressed) return;
    if (figure.gap !== undefined) gaps.push(figure.gap);
    if (figure.perception !== undefined) perceptions.push(figure.perception);
    if (weighted !== undefined && figure.gap !== undefined && weight !== undefined) weighted += (weight / 100) * figure.gap;
    else weighted = undefined;
  });
  const complete = gaps.length === layout.dims.length && gaps.length > 0;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    dimensions,
    // Items nobody answered are left out rather than shown as 0.
    items: layout.items.flatMap((item, i) => {
      const m = acc.items[i];
      const figure = gate(Math.max(m.p.n, m.e.n), rule, () => expectationsVsPerceptions(m, rule), withheld.has(`servqual.items.${item.id}`));
      return figure ? [{ item: item.id, dimension: item.dimension, text: sourceItemText(item), figure }] : [];
    }),
    unweighted: complete ? mean(gaps) : undefined,
    weighted: complete && layout.dims.length === 5 ? weighted : undefined,
    perception: perceptions.length === layout.dims.length && perceptions.length > 0 ? mean(perceptions) : undefined,
  };
}
