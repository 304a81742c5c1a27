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
  for (let s = 0; s < segments.length; s++) {
    const [segment, value] = segments[s];
    if (value === undefined || value === '') continue;
    let values = waveSegments.get(segment);
    if (!values) waveSegments.set(segment, (values = new Map()));
    let segAcc = values.get(value);
    if (!segAcc) values.set(value, (segAcc = surveyAcc(layout, false)));
    fold.addTo(segAcc, row);
  }
}

export function mergeAccs(into: SurveyAccs, from: SurveyAccs): void {
  into.weighted ||= from.weighted;
  for (const [wave, acc] of from.byWave) {
    const target = into.byWave.get(wave);
    if (target) mergeSurveyAcc(target, acc);
    else into.byWave.set(wave, acc);
  }
  for (const [wave, segments] of from.bySegment) {
    const targetSegments = getOrCreate(into.bySegment, wave, () => new Map<string, Map<string, SurveyAcc>>());
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
