import { effectiveBase, weightedCsat, weightedMeanEstimate, weightedNps } from '../stats/weights';
import { cronbachAlphaFromCovariance, ALPHA_FLAG } from '../stats/alpha';
import { DIMENSIONS, type Dimension } from '../schemas/questionnaire';
import type { GroupFigures, MeanFigure, Servqual, ServqualDimension } from '../schemas/figures';
import { covarianceOf, momentMean, type Moments } from './moments';
import { gate, type BaseRule } from './suppress';
import type { SurveyLayout } from './layout';
import type { SurveyAcc } from './survey-acc';
import { sourceItemText } from './labels';
import { binaryShare } from './binary-share';
import { constructFigures } from './constructs';

/** The weighted mean estimate of a Moments (Kish's effective base; the unweighted estimate when every weight is 1). */
export const momentsEstimate = (m: Moments) => weightedMeanEstimate(m.n, m.w, m.w2, m.sum, m.sumSq);

/** `{ n_eff }` on a figure of weighted data (the base its interval uses), nothing on unweighted data. */
const effective = (layout: SurveyLayout, w: number, w2: number) => (layout.weighted ? { n_eff: effectiveBase(w, w2) } : {});

export function meanFigure(m: Moments, rule: BaseRule, secondary = false, layout?: SurveyLayout): MeanFigure | undefined {
  return gate(
    m.n,
    rule,
    () => {
      const est = momentsEstimate(m);
      return est && { mean: est.mean, sd: est.sd, ci95: est.ci95, ...(layout ? effective(layout, m.w, m.w2) : {}) };
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
  const npsN = acc.nps[0] + acc.nps[1] + acc.nps[2];
  const csatN = acc.csat.reduce((a, b) => a + b, 0);
  const [promotersW, passivesW, detractorsW] = acc.npsW;
  const npsW = promotersW + passivesW + detractorsW;
  return {
    n: acc.n,
    // The group's weighted base, effective base and Kish deff (weighting.ts), on weighted data only; withheld with the group's figures under min_base.
    ...(layout.weighted && acc.n >= rule.min_base ? groupBase(acc) : {}),
    nps: gate(
      npsN,
      rule,
      () => {
        const est = weightedNps(promotersW, passivesW, detractorsW, effectiveBase(npsW, acc.npsW2) ?? 0);
        return (
          est && {
            score: est.score,
            promoters: est.promoters,
            passives: est.passives,
            detractors: est.detractors,
            variance: est.variance,
            moe95: est.moe95,
            ci95: est.ci95,
            ...effective(layout, npsW, acc.npsW2),
          }
        );
      },
      withheld.has('nps'),
    ),
    csat: gate(
      csatN,
      rule,
      () => {
        const est = weightedCsat(acc.csatW, acc.csatMoments.w2);
        const m = momentsEstimate(acc.csatMoments);
        return (
          est && {
            top2box: est.top2box,
            ci95: est.ci95,
            mean: est.mean,
            mean_ci95: m?.ci95,
            sd: m?.sd,
            ...effective(layout, acc.csatMoments.w, acc.csatMoments.w2),
          }
        );
      },
      withheld.has('csat'),
    ),
    ces: meanFigure(acc.ces, rule, withheld.has('ces'), layout),
    overall: withShare(meanFigure(acc.overall, rule, withheld.has('overall'), layout), layout.binaryOverall ? acc.overall : undefined),
    servqual: servqualFigures(acc, layout, rule, withheld),
    constructs: constructFigures(acc.constructs, layout.constructs, rule, withheld),
  };
}

/** A binary overall's figure also states the share of 1s with its Wilson interval (binary-share.ts). */
function withShare(figure: MeanFigure | undefined, binary: Moments | undefined): MeanFigure | undefined {
  if (!figure || figure.suppressed || !binary) return figure;
  return { ...figure, ...binaryShare(binary) };
}

/** Σw, n_eff = (Σw)²/Σw² and Kish deff = n/n_eff of a group's respondents. */
function groupBase(acc: SurveyAcc): { weighted_n: number; n_eff?: number; deff?: number } {
  const nEff = effectiveBase(acc.base.w, acc.base.w2);
  return { weighted_n: acc.base.w, n_eff: nEff, deff: nEff === undefined ? undefined : acc.n / nEff };
}

/** Expectation, perception and gap means with their Student-t intervals, each on its own base (withheld under min_base). */
function expectationsVsPerceptions(m: { e: Moments; p: Moments; g: Moments }, rule: BaseRule, layout: SurveyLayout) {
  const mean = (x: Moments) => (x.n >= rule.min_base ? momentMean(x) : undefined);
  const interval = (x: Moments) => (x.n >= rule.min_base ? momentsEstimate(x)?.ci95 : undefined);
  return {
    // The perception base's effective n stands for the three (they differ only by who skipped).
    ...effective(layout, m.p.w, m.p.w2),
    expectation: mean(m.e),
    perception: mean(m.p),
    gap: mean(m.g),
    expectation_ci95: interval(m.e),
    perception_ci95: interval(m.p),
    gap_ci95: interval(m.g),
  };
}

function servqualFigures(acc: SurveyAcc, layout: SurveyLayout, rule: BaseRule, withheld: ReadonlySet<string>): Servqual | undefined {
  // No SERVQUAL dimension (no items, or constructs only): the gap model's survey gaps are not measured.
  if (layout.dims.length === 0) return undefined;
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
        ...expectationsVsPerceptions(m, rule, layout),
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
      // An item of a construct only (no SERVQUAL dimension) is reported under constructs.
      if (item.dimension === undefined) return [];
      const figure = gate(Math.max(m.p.n, m.e.n), rule, () => expectationsVsPerceptions(m, rule, layout), withheld.has(`servqual.items.${item.id}`));
      return figure ? [{ item: item.id, dimension: item.dimension as Dimension, text: sourceItemText(item), figure }] : [];
    }),
    unweighted: complete ? mean(gaps) : undefined,
    weighted: complete && layout.dims.length === 5 ? weighted : undefined,
    perception: perceptions.length === layout.dims.length && perceptions.length > 0 ? mean(perceptions) : undefined,
  };
}
