import type { Dataset } from '../schemas/dataset';
import { surveyAcc, addRespondent, mergeSurveyAcc, type SurveyAcc } from './survey-acc';
import { toSurveyRow, type SurveyLayout, type SurveyRow } from './layout';

/** Accumulators for every wave, and for every segment value within each wave. */
export interface SurveyAccs {
  byWave: Map<string, SurveyAcc>;
  /** wave → segment → value → accumulator. */
  bySegment: Map<string, Map<string, Map<string, SurveyAcc>>>;
}

export const surveyAccs = (): SurveyAccs => ({ byWave: new Map(), bySegment: new Map() });

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Folds one respondent into its wave and its segment values (empty segment cells are left out). */
export function addToAccs(accs: SurveyAccs, layout: SurveyLayout, wave: string, segments: readonly [string, string | undefined][], row: SurveyRow): void {
  addRespondent(getOrCreate(accs.byWave, wave, () => surveyAcc(layout, true)), layout, row);
  const waveSegments = getOrCreate(accs.bySegment, wave, () => new Map<string, Map<string, SurveyAcc>>());
  for (const [segment, value] of segments) {
    if (value === undefined || value === '') continue;
    const values = getOrCreate(waveSegments, segment, () => new Map<string, SurveyAcc>());
    addRespondent(getOrCreate(values, value, () => surveyAcc(layout, false)), layout, row);
  }
}

export function mergeAccs(into: SurveyAccs, from: SurveyAccs): void {
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
  for (const r of dataset.responses ?? []) {
    addToAccs(accs, layout, r.wave, segmentNames.map((s) => [s, r.segments[s]] as [string, string | undefined]), toSurveyRow(r, layout));
  }
  return accs;
}
