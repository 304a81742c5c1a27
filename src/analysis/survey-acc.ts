import { HALF_RULE_MIN_SHARE } from '../stats/servqual';
import { addMoment, addRow, crossProducts, mergeCross, mergeMoments, moments, scaleCross, scaleMoments, type CrossProducts, type Moments } from './moments';
import type { SurveyLayout, SurveyRow } from './layout';
import { ConstructFold, constructAccs, mergeConstructs, predictorCount, scaleConstructs, type ConstructAcc } from './constructs';

interface Epg {
  e: Moments;
  p: Moments;
  g: Moments;
}
const epg = (): Epg => ({ e: moments(), p: moments(), g: moments() });

/**
 * Everything a group's survey figures need, in a form that merges exactly. Counts (`n`,
 * `nps`, `csat`, each Moments' n) are respondents — the minimum base and the secondary
 * suppression work on them; the `…W` totals and the Moments' sums carry the survey weights.
 */
export interface SurveyAcc {
  n: number;
  /** Σw and Σw² of the group's respondents (n, w, w2; sums 0). */
  base: Moments;
  /** Promoters, passives, detractors. */
  nps: [number, number, number];
  /** Weighted totals of promoters, passives, detractors. */
  npsW: [number, number, number];
  /** Σw² of the NPS answers' weights. */
  npsW2: number;
  /** Counts of CSAT answers, index = score (1–5). */
  csat: number[];
  /** Weighted totals of CSAT answers, index = score. */
  csatW: number[];
  csatMoments: Moments;
  ces: Moments;
  overall: Moments;
  items: Epg[];
  dims: Epg[];
  /** Per-respondent SERVQUAL score (servqualScore), for the wave-on-wave test of servqual.unweighted. */
  servqual: Moments;
  /** Importance points per DIMENSIONS entry. */
  weights: Moments[];
  /** Per entry of layout.dims: perception items, complete cases (Cronbach's α), for waves and segment values alike. */
  alpha?: CrossProducts[];
  /** Drivers then outcome, complete cases. */
  drivers?: CrossProducts;
  /** Per construct of layout.constructs: scores and items (constructs.ts). */
  constructs?: ConstructAcc[];
}

/** `full`: a wave's accumulator, which also keeps the drivers' cross-products (segments publish no drivers). */
export function surveyAcc(layout: SurveyLayout, full: boolean): SurveyAcc {
  const predictors = predictorCount(layout);
  return {
    n: 0,
    base: moments(),
    nps: [0, 0, 0],
    npsW: [0, 0, 0],
    npsW2: 0,
    csat: [0, 0, 0, 0, 0, 0],
    csatW: [0, 0, 0, 0, 0, 0],
    csatMoments: moments(),
    ces: moments(),
    overall: moments(),
    items: layout.items.map(epg),
    dims: layout.dims.map(epg),
    servqual: moments(),
    weights: Array.from({ length: 5 }, moments),
    alpha: layout.itemsByDim.map((idx) => crossProducts(idx.length, layout.shift)),
    drivers: full && layout.outcome ? crossProducts(predictors + 1, layout.shift) : undefined,
    constructs: constructAccs(layout.constructs, layout.shift),
  };
}

/**
 * A respondent's SERVQUAL score: the mean of their gap scores over every dimension of the
 * questionnaire, kept only when they have all of them. Over complete respondents its mean
 * is servqual.unweighted (the mean of the dimension gaps), so a Welch test on it tests
 * that figure's change. Dimension order as in layout.dims (the streaming fold sums alike).
 */
export function servqualScore(gScores: readonly (number | undefined)[]): number | undefined {
  if (gScores.length === 0) return undefined;
  let sum = 0;
  for (let d = 0; d < gScores.length; d++) {
    const g = gScores[d];
    if (g === undefined) return undefined;
    sum += g;
  }
  return sum / gScores.length;
}

type Maybe = number | undefined;

/** Counts the respondent and folds the headline answers (NPS class, CSAT, CES, overall), with the row's survey weight (1 when unweighted). */
export function addHeadline(acc: SurveyAcc, row: SurveyRow): void {
  const wt = row.weight ?? 1;
  acc.n += 1;
  addMoment(acc.base, 0, wt);
  if (row.nps !== undefined) {
    const c = row.nps >= 9 ? 0 : row.nps >= 7 ? 1 : 2;
    acc.nps[c] += 1;
    acc.npsW[c] += wt;
    acc.npsW2 += wt * wt;
  }
  if (row.csat !== undefined) {
    acc.csat[row.csat] += 1;
    acc.csatW[row.csat] += wt;
    addMoment(acc.csatMoments, row.csat, wt);
  }
  addMoment(acc.ces, row.ces, wt);
  addMoment(acc.overall, row.overall, wt);
}

/**
 * The half rule of SPEC §3 over the entries `idx` of `xs`: the mean of the answered
 * values, in order, kept when at least HALF_RULE_MIN_SHARE of them are answered. The
 * same arithmetic as halfRuleMean(idx.map((i) => xs[i])) without the array (test/stream
 * holds them equal on random rows).
 */
export function halfRuleAt(xs: readonly Maybe[], idx: readonly number[]): Maybe {
  let answered = 0;
  let sum = 0;
  for (let k = 0; k < idx.length; k++) {
    const v = xs[idx[k]];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    answered++;
    sum += v;
  }
  if (answered === 0 || answered < HALF_RULE_MIN_SHARE * idx.length) return undefined;
  return sum / answered;
}

/**
 * The respondent fold, written once for every engine: `score` works out a row's item gaps
 * and dimension scores (the half rule) once, `addTo` folds the row into an accumulator —
 * its wave's and each of its segment values'. Preallocated buffers, no per-row closures
 * or arrays: profiling put those, and the garbage they make, at half the stream engine's
 * time. Row order and summation order fix the bits: every engine folds alike.
 */
export class RespondentFold {
  private readonly gaps: Maybe[];
  private readonly eScore: Maybe[];
  private readonly pScore: Maybe[];
  private readonly gScore: Maybe[];
  private readonly alphaRows: Maybe[][];
  private readonly driverRow: Maybe[];
  private readonly constructs: ConstructFold;

  constructor(private readonly layout: SurveyLayout) {
    const dims = layout.dims.length;
    this.gaps = new Array(layout.items.length);
    this.eScore = new Array(dims);
    this.pScore = new Array(dims);
    this.gScore = new Array(dims);
    this.alphaRows = layout.itemsByDim.map((idx) => new Array(idx.length));
    this.driverRow = new Array(predictorCount(layout) + 1);
    this.constructs = new ConstructFold(layout.constructs);
  }

  /** The row's gaps and dimension scores, for the addTo calls that follow. */
  score(row: SurveyRow): void {
    const { layout } = this;
    for (let i = 0; i < layout.items.length; i++) {
      const p = row.p[i];
      const e = row.e[i];
      this.gaps[i] = p === undefined || e === undefined ? undefined : p - e;
    }
    for (let d = 0; d < layout.itemsByDim.length; d++) {
      const idx = layout.itemsByDim[d];
      this.pScore[d] = halfRuleAt(row.p, idx);
      this.eScore[d] = halfRuleAt(row.e, idx);
      this.gScore[d] = halfRuleAt(this.gaps, idx);
    }
    this.constructs.score(row.p);
  }

  /** Folds the row last scored into `acc`. */
  addTo(acc: SurveyAcc, row: SurveyRow): void {
    const { layout } = this;
    addHeadline(acc, row);
    const wt = row.weight ?? 1;
    const es = row.e;
    const ps = row.p;
    const gaps = this.gaps;
    const items = acc.items;
    for (let i = 0; i < layout.items.length; i++) {
      const item = items[i];
      addMoment(item.e, es[i], wt);
      addMoment(item.p, ps[i], wt);
      addMoment(item.g, gaps[i], wt);
    }
    const dims = acc.dims;
    for (let d = 0; d < layout.itemsByDim.length; d++) {
      const dim = dims[d];
      addMoment(dim.e, this.eScore[d], wt);
      addMoment(dim.p, this.pScore[d], wt);
      addMoment(dim.g, this.gScore[d], wt);
      if (acc.alpha) {
        const idx = layout.itemsByDim[d];
        const buf = this.alphaRows[d];
        for (let k = 0; k < idx.length; k++) buf[k] = ps[idx[k]];
        addRow(acc.alpha[d], buf, wt);
      }
    }
    addMoment(acc.servqual, servqualScore(this.gScore), wt);
    this.constructs.addTo(acc.constructs, wt);
    const ws = row.w;
    let anyWeight = false;
    for (let d = 0; d < ws.length; d++) if (ws[d] !== undefined) anyWeight = true;
    if (anyWeight) for (let d = 0; d < ws.length; d++) addMoment(acc.weights[d], ws[d], wt);
    if (acc.drivers && layout.outcome) {
      const predictors = layout.drivers === 'items' ? ps : layout.drivers === 'constructs' ? this.constructs.driverScores : this.pScore;
      const buf = this.driverRow;
      for (let k = 0; k < predictors.length; k++) buf[k] = predictors[k];
      buf[predictors.length] = row[layout.outcome];
      addRow(acc.drivers, buf, wt);
    }
  }

  /** The perception dimension scores of the row last scored (for the nps drivers kept aside). */
  get perceptionScores(): readonly Maybe[] {
    return this.pScore;
  }
}

/** Folds one respondent in (one accumulator; addToAccs scores a row once for all of its groups). */
export function addRespondent(acc: SurveyAcc, layout: SurveyLayout, row: SurveyRow): void {
  const fold = new RespondentFold(layout);
  fold.score(row);
  fold.addTo(acc, row);
}

export function mergeSurveyAcc(into: SurveyAcc, from: SurveyAcc): void {
  into.n += from.n;
  mergeMoments(into.base, from.base);
  for (let i = 0; i < 3; i++) into.nps[i] += from.nps[i];
  for (let i = 0; i < 3; i++) into.npsW[i] += from.npsW[i];
  into.npsW2 += from.npsW2;
  for (let i = 0; i < into.csat.length; i++) into.csat[i] += from.csat[i];
  for (let i = 0; i < into.csatW.length; i++) into.csatW[i] += from.csatW[i];
  mergeMoments(into.csatMoments, from.csatMoments);
  mergeMoments(into.ces, from.ces);
  mergeMoments(into.overall, from.overall);
  const mergeEpg = (a: Epg, b: Epg) => {
    mergeMoments(a.e, b.e);
    mergeMoments(a.p, b.p);
    mergeMoments(a.g, b.g);
  };
  into.items.forEach((x, i) => mergeEpg(x, from.items[i]));
  into.dims.forEach((x, i) => mergeEpg(x, from.dims[i]));
  mergeMoments(into.servqual, from.servqual);
  into.weights.forEach((x, i) => mergeMoments(x, from.weights[i]));
  if (into.alpha && from.alpha) into.alpha.forEach((x, i) => mergeCross(x, from.alpha![i]));
  if (into.drivers && from.drivers) mergeCross(into.drivers, from.drivers);
  mergeConstructs(into.constructs, from.constructs);
}

/** Multiplies the weight of every respondent behind `acc` by `f`: a weighting cell's factor (src/analysis/weighting.ts); counts stay. */
export function scaleSurveyAcc(acc: SurveyAcc, f: number): void {
  scaleMoments(acc.base, f);
  for (let i = 0; i < 3; i++) acc.npsW[i] *= f;
  acc.npsW2 *= f * f;
  for (let i = 0; i < acc.csatW.length; i++) acc.csatW[i] *= f;
  scaleMoments(acc.csatMoments, f);
  scaleMoments(acc.ces, f);
  scaleMoments(acc.overall, f);
  scaleConstructs(acc.constructs, f);
  const scaleEpg = (x: Epg) => {
    scaleMoments(x.e, f);
    scaleMoments(x.p, f);
    scaleMoments(x.g, f);
  };
  acc.items.forEach(scaleEpg);
  acc.dims.forEach(scaleEpg);
  scaleMoments(acc.servqual, f);
  acc.weights.forEach((m) => scaleMoments(m, f));
  acc.alpha?.forEach((c) => scaleCross(c, f));
  if (acc.drivers) scaleCross(acc.drivers, f);
}

/** Σw = Σw² = n: the weights of a Moments or CrossProducts filled with counts and plain sums. */
export const unit = (m: { n: number; w: number; w2: number }): void => {
  m.w = m.n;
  m.w2 = m.n;
};

/** Sets the weighted totals of an accumulator filled with counts and plain sums only (an SQL engine on unweighted data): every weight 1. */
export function unitWeights(acc: SurveyAcc): void {
  acc.base.n = acc.n;
  unit(acc.base);
  acc.npsW = [acc.nps[0], acc.nps[1], acc.nps[2]];
  acc.npsW2 = acc.nps[0] + acc.nps[1] + acc.nps[2];
  acc.csatW = [...acc.csat];
  [acc.csatMoments, acc.ces, acc.overall, acc.servqual, ...acc.weights].forEach(unit);
  for (const x of [...acc.items, ...acc.dims]) [x.e, x.p, x.g].forEach(unit);
  acc.alpha?.forEach(unit);
  if (acc.drivers) unit(acc.drivers);
}
