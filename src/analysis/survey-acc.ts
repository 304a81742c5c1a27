import { HALF_RULE_MIN_SHARE } from '../stats/servqual';
import { addMoment, addRow, crossProducts, mergeCross, mergeMoments, moments, type CrossProducts, type Moments } from './moments';
import type { SurveyLayout, SurveyRow } from './layout';

interface Epg {
  e: Moments;
  p: Moments;
  g: Moments;
}
const epg = (): Epg => ({ e: moments(), p: moments(), g: moments() });

/** Everything a group's survey figures need, in a form that merges exactly. */
export interface SurveyAcc {
  n: number;
  /** Promoters, passives, detractors. */
  nps: [number, number, number];
  /** Counts of CSAT answers, index = score (1–5). */
  csat: number[];
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
}

/** `full`: a wave's accumulator, which also keeps the drivers' cross-products (segments publish no drivers). */
export function surveyAcc(layout: SurveyLayout, full: boolean): SurveyAcc {
  const predictors = layout.drivers === 'items' ? layout.items.length : layout.dims.length;
  return {
    n: 0,
    nps: [0, 0, 0],
    csat: [0, 0, 0, 0, 0, 0],
    csatMoments: moments(),
    ces: moments(),
    overall: moments(),
    items: layout.items.map(epg),
    dims: layout.dims.map(epg),
    servqual: moments(),
    weights: Array.from({ length: 5 }, moments),
    alpha: layout.itemsByDim.map((idx) => crossProducts(idx.length, layout.shift)),
    drivers: full && layout.outcome ? crossProducts(predictors + 1, layout.shift) : undefined,
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

/** Counts the respondent and folds the headline answers (NPS class, CSAT, CES, overall). */
export function addHeadline(acc: SurveyAcc, row: SurveyRow): void {
  acc.n += 1;
  if (row.nps !== undefined) acc.nps[row.nps >= 9 ? 0 : row.nps >= 7 ? 1 : 2] += 1;
  if (row.csat !== undefined) {
    acc.csat[row.csat] += 1;
    addMoment(acc.csatMoments, row.csat);
  }
  addMoment(acc.ces, row.ces);
  addMoment(acc.overall, row.overall);
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

  constructor(private readonly layout: SurveyLayout) {
    const dims = layout.dims.length;
    this.gaps = new Array(layout.items.length);
    this.eScore = new Array(dims);
    this.pScore = new Array(dims);
    this.gScore = new Array(dims);
    this.alphaRows = layout.itemsByDim.map((idx) => new Array(idx.length));
    this.driverRow = new Array((layout.drivers === 'items' ? layout.items.length : dims) + 1);
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
  }

  /** Folds the row last scored into `acc`. */
  addTo(acc: SurveyAcc, row: SurveyRow): void {
    const { layout } = this;
    addHeadline(acc, row);
    const es = row.e;
    const ps = row.p;
    const gaps = this.gaps;
    const items = acc.items;
    for (let i = 0; i < layout.items.length; i++) {
      const item = items[i];
      addMoment(item.e, es[i]);
      addMoment(item.p, ps[i]);
      addMoment(item.g, gaps[i]);
    }
    const dims = acc.dims;
    for (let d = 0; d < layout.itemsByDim.length; d++) {
      const dim = dims[d];
      addMoment(dim.e, this.eScore[d]);
      addMoment(dim.p, this.pScore[d]);
      addMoment(dim.g, this.gScore[d]);
      if (acc.alpha) {
        const idx = layout.itemsByDim[d];
        const buf = this.alphaRows[d];
        for (let k = 0; k < idx.length; k++) buf[k] = ps[idx[k]];
        addRow(acc.alpha[d], buf);
      }
    }
    addMoment(acc.servqual, servqualScore(this.gScore));
    const ws = row.w;
    let anyWeight = false;
    for (let d = 0; d < ws.length; d++) if (ws[d] !== undefined) anyWeight = true;
    if (anyWeight) for (let d = 0; d < ws.length; d++) addMoment(acc.weights[d], ws[d]);
    if (acc.drivers && layout.outcome) {
      const predictors = layout.drivers === 'items' ? ps : this.pScore;
      const buf = this.driverRow;
      for (let k = 0; k < predictors.length; k++) buf[k] = predictors[k];
      buf[predictors.length] = row[layout.outcome];
      addRow(acc.drivers, buf);
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
  for (let i = 0; i < 3; i++) into.nps[i] += from.nps[i];
  for (let i = 0; i < into.csat.length; i++) into.csat[i] += from.csat[i];
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
}
