/**
 * Constructs (questionnaire `constructs:`, or a preset's such as `ecsi`): the dimension
 * machinery for instruments beyond SERVQUAL. A respondent's construct score is the half-rule
 * mean of the construct's perception items (SPEC §3, as for a dimension); each group
 * publishes per construct the mean score with its Student-t interval and Cronbach's α on
 * the items' complete cases, and `drivers: constructs` explains the outcome by the scores
 * of the constructs marked `driver`. Mergeable, like every accumulator of survey-acc.ts.
 */
import { cronbachAlphaFromCovariance, ALPHA_FLAG } from '../stats/alpha';
import { itemText } from './labels';
import type { Item, Questionnaire } from '../schemas/questionnaire';
import type { ConstructFigure } from '../schemas/figures';
import {
  addMoment,
  addRow,
  covarianceOf,
  crossProducts,
  mergeCross,
  mergeMoments,
  moments,
  scaleCross,
  scaleMoments,
  type CrossProducts,
  type Moments,
} from './moments';
import { weightedMeanEstimate } from '../stats/weights';
import { gate, type BaseRule } from './suppress';
import { halfRuleMean } from '../stats/servqual';

type Maybe = number | undefined;

/** One construct as the fold sees it: item indexes into the layout's items. */
export interface ConstructLayout {
  id: string;
  /** The questionnaire's label (English when it gives several); pages show the report's locale's. */
  label: string;
  items: number[];
  driver: boolean;
}

/** The questionnaire's constructs over the layout's items (an item id not among them was reported when the questionnaire was read). */
export function constructLayout(items: readonly Item[], q: Questionnaire | undefined): ConstructLayout[] {
  const index = new Map(items.map((item, i) => [item.id, i]));
  return (q?.constructs ?? []).map((c) => ({
    id: c.id,
    label: itemText({ id: c.id, text: c.label }, 'en'),
    items: c.items.flatMap((id) => (index.has(id) ? [index.get(id)!] : [])),
    driver: c.driver,
  }));
}

export interface ConstructAcc {
  /** Construct scores (half rule). */
  score: Moments;
  /** The construct's perception items, complete cases (Cronbach's α). */
  alpha: CrossProducts;
}

export function constructAccs(layout: readonly ConstructLayout[], shift: number): ConstructAcc[] {
  return layout.map((c) => ({ score: moments(), alpha: crossProducts(c.items.length, shift) }));
}

/** Folds one respondent's construct scores (from scoreConstructs) and items into the accumulators. */
/** Folds one respondent's construct scores and item rows (as ConstructFold.score left them) into the accumulators. */
function addConstructs(accs: ConstructAcc[], scores: readonly Maybe[], rows: readonly Maybe[][], weight: number): void {
  for (let c = 0; c < accs.length; c++) {
    addMoment(accs[c].score, scores[c], weight);
    addRow(accs[c].alpha, rows[c], weight);
  }
}

export function mergeConstructs(into: ConstructAcc[] | undefined, from: ConstructAcc[] | undefined): void {
  if (!into || !from) return;
  into.forEach((x, i) => {
    mergeMoments(x.score, from[i].score);
    mergeCross(x.alpha, from[i].alpha);
  });
}

/** Multiplies every weight behind the accumulators by `f` (a weighting cell's factor). */
export function scaleConstructs(accs: ConstructAcc[] | undefined, f: number): void {
  for (const x of accs ?? []) {
    scaleMoments(x.score, f);
    scaleCross(x.alpha, f);
  }
}

/** How many predictors the drivers regress on: items, constructs marked `driver`, or dimensions. */
export function predictorCount(layout: {
  drivers: string;
  items: readonly unknown[];
  dims: readonly unknown[];
  constructs: readonly ConstructLayout[];
}): number {
  if (layout.drivers === 'items') return layout.items.length;
  if (layout.drivers === 'constructs') return driverConstructs(layout.constructs).length;
  return layout.dims.length;
}

/**
 * A row's construct scores, worked out once (score) and folded into each of its groups'
 * accumulators (addTo), with preallocated buffers as RespondentFold keeps them.
 */
export class ConstructFold {
  private readonly scores: Maybe[];
  private readonly rows: Maybe[][];
  private readonly drivers: number[];
  /** The scores of the driver constructs, in layout order (the drivers' predictors under `drivers: constructs`). */
  readonly driverScores: Maybe[];

  constructor(private readonly layout: readonly ConstructLayout[]) {
    this.scores = new Array(layout.length);
    this.rows = layout.map((c) => new Array(c.items.length));
    this.drivers = layout.flatMap((c, i) => (c.driver ? [i] : []));
    this.driverScores = new Array(this.drivers.length);
  }

  score(ps: readonly Maybe[]): void {
    for (let c = 0; c < this.layout.length; c++) {
      const idx = this.layout[c].items;
      const row = this.rows[c];
      for (let k = 0; k < idx.length; k++) row[k] = ps[idx[k]];
      this.scores[c] = halfRuleMean(row);
    }
    for (let k = 0; k < this.drivers.length; k++) this.driverScores[k] = this.scores[this.drivers[k]];
  }

  addTo(accs: ConstructAcc[] | undefined, weight: number): void {
    if (accs && this.layout.length) addConstructs(accs, this.scores, this.rows, weight);
  }
}

/** The construct scores of the constructs that explain the outcome, in layout order (the drivers' columns). */
export function driverConstructs(layout: readonly ConstructLayout[]): ConstructLayout[] {
  return layout.filter((c) => c.driver);
}

/** Each construct's published figure, withheld under min_base like a dimension's. */
export function constructFigures(
  accs: ConstructAcc[] | undefined,
  layout: readonly ConstructLayout[],
  rule: BaseRule,
  withheld: ReadonlySet<string>,
): Record<string, ConstructFigure> | undefined {
  if (!accs || layout.length === 0) return undefined;
  const out: Record<string, ConstructFigure> = {};
  layout.forEach((c, i) => {
    const acc = accs[i];
    const cov = covarianceOf(acc.alpha);
    const alpha = cov ? cronbachAlphaFromCovariance(cov, acc.alpha.n)?.alpha : undefined;
    const m = acc.score;
    const figure = gate(
      m.n,
      rule,
      () => {
        const est = weightedMeanEstimate(m.n, m.w, m.w2, m.sum, m.sumSq);
        // A flag only where α was computed (a one-item construct has none), as for dimensions.
        return (
          est && {
            label: c.label,
            items: c.items.length,
            mean: est.mean,
            sd: est.sd,
            ci95: est.ci95,
            ...(alpha === undefined ? {} : { alpha, alpha_flag: alpha < ALPHA_FLAG, n_alpha: acc.alpha.n }),
          }
        );
      },
      withheld.has(`constructs.${c.id}`),
    );
    if (figure) out[c.id] = figure;
  });
  return out;
}
