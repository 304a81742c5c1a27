import type { Dataset } from '../schemas/dataset';
import { surveyAcc, mergeSurveyAcc, RespondentFold, type SurveyAcc } from './survey-acc';
import { toSurveyRow, type SurveyLayout, type SurveyRow } from './layout';
import { cellWave, weightingVariables } from './weighting-cells';

/** Accumulators for every wave, and for every segment value within each wave. */
export interface SurveyAccs {
  byWave: Map<string, SurveyAcc>;
  /** wave → segment → value → accumulator. */
  bySegment: Map<string, Map<string, Map<string, SurveyAcc>>>;
  /** Some respondent carried a survey weight (responses.csv's weight column). */
  weighted: boolean;
  /**
   * wave → `a␟b` → `va␟vb` → accumulator, for every pair of declared segments a before b with both
   * values set: which entity of a `per:` report sits in which value of another segment, and how many
   * of each figure's respondents (complementary.ts). Filled by addToAccs (memory and stream engines);
   * absent where an engine does not count it (the SQL engines), which a `per:` report with other
   * segments then refuses (entities.ts).
   */
  cross?: Map<string, Map<string, Map<string, SurveyAcc>>>;
}

/** The separator of cross keys (U+241F, as no segment name or value is expected to hold it). */
export const CROSS = '\u241f';

/**
 * The cross cells of segments `a` and `b` in one wave as a value of a → value of b → accumulator
 * (either order of declaration), or undefined when the accumulators hold no cross counts.
 */
export function crossCells(accs: SurveyAccs, wave: string, a: string, b: string): Map<string, Map<string, SurveyAcc>> | undefined {
  if (!accs.cross) return undefined;
  const byPair = accs.cross.get(wave);
  const out = new Map<string, Map<string, SurveyAcc>>();
  const ab = byPair?.get(`${a}${CROSS}${b}`);
  const ba = byPair?.get(`${b}${CROSS}${a}`);
  for (const [key, acc] of ab ?? ba ?? []) {
    const [x, y] = key.split(CROSS);
    const [va, vb] = ab ? [x, y] : [y, x];
    getOrCreate(out, va, () => new Map<string, SurveyAcc>()).set(vb, acc);
  }
  return out;
}

export const surveyAccs = (): SurveyAccs => ({ byWave: new Map(), bySegment: new Map(), weighted: false });

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * Folds one respondent into its wave and its segment values (empty segment cells are left
 * out), scoring the row once for all of them. Every engine's fold: the in-memory path
 * here, the stream engine per range (survey-fold.ts); pass one `fold` for many rows.
 */
export function addToAccs(
  accs: SurveyAccs,
  layout: SurveyLayout,
  wave: string,
  segments: readonly [string, string | undefined][],
  row: SurveyRow,
  fold = new RespondentFold(layout),
): void {
  fold.score(row);
  if (row.weight !== undefined) accs.weighted = true;
  // Inline lookups, not getOrCreate: no closure per row on the stream engine's million rows.
  let acc = accs.byWave.get(wave);
  if (!acc) accs.byWave.set(wave, (acc = surveyAcc(layout, true)));
  fold.addTo(acc, row);
  let waveSegments = accs.bySegment.get(wave);
  if (!waveSegments) accs.bySegment.set(wave, (waveSegments = new Map()));
  const cross = (accs.cross ??= new Map());
  for (let s = 0; s < segments.length; s++) {
    const [segment, value] = segments[s];
    if (value === undefined || value === '') continue;
    let values = waveSegments.get(segment);
    if (!values) waveSegments.set(segment, (values = new Map()));
    let segAcc = values.get(value);
    if (!segAcc) values.set(value, (segAcc = surveyAcc(layout, false)));
    fold.addTo(segAcc, row);
    // Every later segment with a value: the pair's cross cell (one more fold per pair and row).
    for (let t = s + 1; t < segments.length; t++) {
      const [other, otherValue] = segments[t];
      if (otherValue === undefined || otherValue === '') continue;
      let pairs = cross.get(wave);
      if (!pairs) cross.set(wave, (pairs = new Map()));
      const pairKey = segment + CROSS + other;
      let cells = pairs.get(pairKey);
      if (!cells) pairs.set(pairKey, (cells = new Map()));
      const cellKey = value + CROSS + otherValue;
      let cellAcc = cells.get(cellKey);
      if (!cellAcc) cells.set(cellKey, (cellAcc = crossAcc(layout)));
      fold.addTo(cellAcc, row);
    }
  }
}

/** A cross cell: only its counts are read (complementary.ts), so no Cronbach's α cross-products (the costly part of a fold). */
function crossAcc(layout: SurveyLayout): SurveyAcc {
  const acc = surveyAcc(layout, false);
  acc.alpha = undefined;
  return acc;
}

/** Merges wave → key → value → accumulator maps (bySegment, cross). */
function mergeNested(into: Map<string, Map<string, Map<string, SurveyAcc>>>, from: Map<string, Map<string, Map<string, SurveyAcc>>>): void {
  for (const [wave, segments] of from) {
    const targetSegments = getOrCreate(into, wave, () => new Map<string, Map<string, SurveyAcc>>());
    for (const [segment, values] of segments) {
      const targetValues = getOrCreate(targetSegments, segment, () => new Map<string, SurveyAcc>());
      for (const [value, acc] of values) {
        const target = targetValues.get(value);
        if (target) mergeSurveyAcc(target, acc);
        else targetValues.set(value, acc);
      }
    }
  }
}

export function mergeAccs(into: SurveyAccs, from: SurveyAccs): void {
  into.weighted ||= from.weighted;
  for (const [wave, acc] of from.byWave) {
    const target = into.byWave.get(wave);
    if (target) mergeSurveyAcc(target, acc);
    else into.byWave.set(wave, acc);
  }
  mergeNested(into.bySegment, from.bySegment);
  if (from.cross) mergeNested((into.cross ??= new Map()), from.cross);
}

/** The in-memory path: every respondent of a loaded dataset. */
export function accumulateResponses(dataset: Dataset, layout: SurveyLayout): SurveyAccs {
  const accs = surveyAccs();
  const segmentNames = dataset.questionnaire?.segments ?? [];
  const fold = new RespondentFold(layout);
  // Declared weighting: each weighting cell folded apart, weighed once the wave is counted (weighting.ts).
  const variables = weightingVariables(dataset.questionnaire);
  for (const r of dataset.responses ?? []) {
    addToAccs(
      accs,
      layout,
      variables
        ? cellWave(
            r.wave,
            segmentNames.map((s) => r.segments[s]),
            variables,
          )
        : r.wave,
      segmentNames.map((s) => [s, r.segments[s]] as [string, string | undefined]),
      toSurveyRow(r, layout),
      fold,
    );
  }
  return accs;
}
