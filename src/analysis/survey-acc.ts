import { halfRuleMean } from '../stats/servqual';
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
  /** Per entry of layout.dims: perception items, complete cases (Cronbach's α). */
  alpha?: CrossProducts[];
  /** Drivers then outcome, complete cases. */
  drivers?: CrossProducts;
}

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
    alpha: full ? layout.itemsByDim.map((idx) => crossProducts(idx.length, layout.shift)) : undefined,
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

const gapOf = (p: number | undefined, e: number | undefined) => (p === undefined || e === undefined ? undefined : p - e);

/** Counts the respondent and folds the headline answers (NPS class, CSAT, CES, overall); shared with the streaming fold. */
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

/** Folds one respondent in. SERVQUAL scores follow the half rule of SPEC §3. */
export function addRespondent(acc: SurveyAcc, layout: SurveyLayout, row: SurveyRow): void {
  addHeadline(acc, row);
  const gaps = row.p.map((p, i) => gapOf(p, row.e[i]));
  for (let i = 0; i < layout.items.length; i++) {
    addMoment(acc.items[i].e, row.e[i]);
    addMoment(acc.items[i].p, row.p[i]);
    addMoment(acc.items[i].g, gaps[i]);
  }
  const pScores: (number | undefined)[] = [];
  const gScores: (number | undefined)[] = [];
  layout.itemsByDim.forEach((idx, d) => {
    const pick = (xs: (number | undefined)[]) => idx.map((i) => xs[i]);
    const pScore = halfRuleMean(pick(row.p));
    const gScore = halfRuleMean(pick(gaps));
    pScores.push(pScore);
    gScores.push(gScore);
    addMoment(acc.dims[d].e, halfRuleMean(pick(row.e)));
    addMoment(acc.dims[d].p, pScore);
    addMoment(acc.dims[d].g, gScore);
    if (acc.alpha) addRow(acc.alpha[d], pick(row.p));
  });
  addMoment(acc.servqual, servqualScore(gScores));
  if (row.w.some((w) => w !== undefined)) row.w.forEach((w, d) => addMoment(acc.weights[d], w));
  if (acc.drivers && layout.outcome) {
    const predictors = layout.drivers === 'items' ? row.p : pScores;
    addRow(acc.drivers, [...predictors, row[layout.outcome]]);
  }
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
