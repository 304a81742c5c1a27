/**
 * Folds responses.csv rows into SurveyAccs as they are read. Without `outcome:` in the
 * questionnaire, the outcome is `overall` when any row has it, else `nps` (SPEC §2.1,
 * chooseOutcome) — known only at the end of a single pass, so the drivers are accumulated
 * for `overall` in the accumulators and, beside them, for `nps`; settleOutcome settles it.
 */
import { addToAccs, surveyAccs, type SurveyAccs } from '../analysis/accumulate';
import { surveyLayout, type Outcome, type SurveyLayout } from '../analysis/layout';
import { addRow, crossProducts, mergeCross, type CrossProducts } from '../analysis/moments';
import type { ResponseValues } from '../data/responses';
import { RespondentFold } from '../analysis/survey-acc';
import { cellWave, weightingVariables } from '../analysis/weighting-cells';
import { FlatFold } from './flat-fold';
import type { Item, Questionnaire } from '../schemas/questionnaire';

export interface SurveyFoldResult {
  accs: SurveyAccs;
  npsDrivers: Map<string, CrossProducts>;
  hasOverall: boolean;
  hasNps: boolean;
  /** Latest response date (YYYY-MM-DD). */
  latest?: string;
}

/** The layout the fold accumulates with: the questionnaire's outcome, else `overall` provisionally. */
export function foldLayout(items: Item[], q: Questionnaire): SurveyLayout {
  return surveyLayout(items, q, q.outcome ?? 'overall');
}

export class SurveyFold {
  readonly layout: SurveyLayout;
  private readonly r: SurveyFoldResult = { accs: surveyAccs(), npsDrivers: new Map(), hasOverall: false, hasNps: false };
  private readonly segments: [string, string | undefined][];
  private readonly side: boolean;
  private readonly fold: RespondentFold;
  /** The flat fold (flat-fold.ts), for every layout without constructs; its accumulators join `r.accs` in result(). */
  private flat?: FlatFold;
  /** The nps drivers' row buffer (predictors, then nps). */
  private npsRow: (number | undefined)[] = [];
  /** Declared weighting: the weighting variables' segment indexes (each cell folded apart, src/analysis/weighting.ts). */
  private readonly cells?: number[];

  constructor(
    items: Item[],
    private readonly q: Questionnaire,
  ) {
    this.layout = foldLayout(items, q);
    this.fold = new RespondentFold(this.layout);
    this.segments = q.segments.map((s) => [s, undefined]);
    this.side = q.outcome === undefined;
    this.cells = weightingVariables(q);
    // Answers on the questionnaire's scale are counted by value while the fold is exact (others, rescaled by scales:, summed as they come).
    if (FlatFold.handles(this.layout)) this.flat = new FlatFold(this.layout, q.segments, undefined, q.scale);
  }

  /** Folds one row (`v` may be reused by the caller once this returns: nothing of it is kept); `whole` as for FlatFold.add. */
  add(v: ResponseValues, whole = false): void {
    const r = this.r;
    const wave = this.cells ? cellWave(v.wave, v.segments, this.cells) : v.wave;
    const flat = this.flat;
    if (flat) flat.add(wave, v.segments, v, whole);
    else {
      for (let i = 0; i < this.segments.length; i++) this.segments[i][1] = v.segments[i];
      addToAccs(r.accs, this.layout, wave, this.segments, v, this.fold);
    }
    if (v.overall !== undefined) r.hasOverall = true;
    if (v.nps !== undefined) r.hasNps = true;
    if (v.date !== undefined && (r.latest === undefined || v.date > r.latest)) r.latest = v.date;
    if (this.side) {
      let cross = r.npsDrivers.get(wave);
      const predictors = this.layout.drivers === 'items' ? v.p : flat ? flat.perceptionScores : this.fold.perceptionScores;
      if (!cross) r.npsDrivers.set(wave, (cross = crossProducts(predictors.length + 1, this.layout.shift)));
      const row = this.npsRow;
      row.length = predictors.length + 1;
      for (let k = 0; k < predictors.length; k++) row[k] = predictors[k];
      row[predictors.length] = v.nps;
      addRow(cross, row, v.weight ?? 1);
    }
  }

  /** The range's accumulators (call once, after the last row). */
  result(): SurveyFoldResult {
    if (this.flat) {
      this.flat.into(this.r.accs);
      this.flat = undefined;
    }
    return this.r;
  }
}

/** Merges a later range's fold into an earlier one's. */
export function mergeFold(into: SurveyFoldResult, from: SurveyFoldResult, merge: (a: SurveyAccs, b: SurveyAccs) => void): void {
  merge(into.accs, from.accs);
  for (const [wave, cross] of from.npsDrivers) {
    const mine = into.npsDrivers.get(wave);
    if (mine) mergeCross(mine, cross);
    else into.npsDrivers.set(wave, cross);
  }
  into.hasOverall ||= from.hasOverall;
  into.hasNps ||= from.hasNps;
  if (from.latest !== undefined && (into.latest === undefined || from.latest > into.latest)) into.latest = from.latest;
}

/** Settles the outcome (chooseOutcome's rule) and the drivers accumulated for it. */
export function settleOutcome(fold: SurveyFoldResult, layout: SurveyLayout, q: Questionnaire): SurveyLayout {
  if (q.outcome) return layout;
  const outcome: Outcome | undefined = fold.hasOverall ? 'overall' : fold.hasNps ? 'nps' : undefined;
  if (outcome === 'overall') return layout;
  for (const [wave, acc] of fold.accs.byWave) acc.drivers = outcome === 'nps' ? fold.npsDrivers.get(wave) : undefined;
  return { ...layout, outcome };
}
