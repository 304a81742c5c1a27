/**
 * addToAccs for a million rows: the same arithmetic as addRespondent (src/analysis/
 * survey-acc.ts), in the same order, so the accumulators are bit-identical — but each
 * row's gaps and dimension scores are worked out once for the wave and every segment
 * value, into preallocated buffers, without per-row closures or arrays (profiling put
 * those, and the garbage they make, at half the stream engine's time). test/perf holds
 * it equal to the in-memory path, which folds with addRespondent itself.
 */
import type { SurveyAccs } from '../analysis/accumulate';
import type { SurveyLayout, SurveyRow } from '../analysis/layout';
import { addMoment, addRow } from '../analysis/moments';
import { addHeadline, servqualScore, surveyAcc, type SurveyAcc } from '../analysis/survey-acc';
import { HALF_RULE_MIN_SHARE } from '../stats/servqual';

type Maybe = number | undefined;

/** halfRuleMean over the entries `idx` of `xs` (stats/servqual.ts): answered values, in order. */
function half(xs: readonly Maybe[], idx: readonly number[]): Maybe {
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

export class FastFold {
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

  /** addToAccs(accs, layout, wave, segments, row). */
  add(accs: SurveyAccs, wave: string, segments: readonly [string, string | undefined][], row: SurveyRow): void {
    const { layout } = this;
    for (let i = 0; i < layout.items.length; i++) {
      const p = row.p[i];
      const e = row.e[i];
      this.gaps[i] = p === undefined || e === undefined ? undefined : p - e;
    }
    for (let d = 0; d < layout.itemsByDim.length; d++) {
      const idx = layout.itemsByDim[d];
      this.pScore[d] = half(row.p, idx);
      this.eScore[d] = half(row.e, idx);
      this.gScore[d] = half(this.gaps, idx);
    }
    let acc = accs.byWave.get(wave);
    if (!acc) accs.byWave.set(wave, (acc = surveyAcc(layout, true)));
    this.fold(acc, row);
    let waveSegments = accs.bySegment.get(wave);
    if (!waveSegments) accs.bySegment.set(wave, (waveSegments = new Map()));
    for (let s = 0; s < segments.length; s++) {
      const [segment, value] = segments[s];
      if (value === undefined || value === '') continue;
      let values = waveSegments.get(segment);
      if (!values) waveSegments.set(segment, (values = new Map()));
      let segAcc = values.get(value);
      if (!segAcc) values.set(value, (segAcc = surveyAcc(layout, false)));
      this.fold(segAcc, row);
    }
  }

  private fold(acc: SurveyAcc, row: SurveyRow): void {
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
    const eScore = this.eScore;
    const pScore = this.pScore;
    const gScore = this.gScore;
    for (let d = 0; d < layout.itemsByDim.length; d++) {
      const dim = dims[d];
      addMoment(dim.e, eScore[d]);
      addMoment(dim.p, pScore[d]);
      addMoment(dim.g, gScore[d]);
      if (acc.alpha) {
        const idx = layout.itemsByDim[d];
        const buf = this.alphaRows[d];
        for (let k = 0; k < idx.length; k++) buf[k] = ps[idx[k]];
        addRow(acc.alpha[d], buf);
      }
    }
    addMoment(acc.servqual, servqualScore(gScore));
    const ws = row.w;
    let anyWeight = false;
    for (let d = 0; d < ws.length; d++) if (ws[d] !== undefined) anyWeight = true;
    if (anyWeight) for (let d = 0; d < ws.length; d++) addMoment(acc.weights[d], ws[d]);
    if (acc.drivers && layout.outcome) {
      const predictors = layout.drivers === 'items' ? ps : pScore;
      const buf = this.driverRow;
      for (let k = 0; k < predictors.length; k++) buf[k] = predictors[k];
      buf[predictors.length] = row[layout.outcome];
      addRow(acc.drivers, buf);
    }
  }

  /** The perception dimension scores of the last row (for the nps drivers kept aside). */
  get lastPerceptionScores(): readonly Maybe[] {
    return this.pScore;
  }
}
