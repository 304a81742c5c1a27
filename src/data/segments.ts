/**
 * What a segment may hold (responses.csv): at most MAX_SEGMENT_VALUES distinct values, or
 * MAX_ENTITY_VALUES for a segment declared under `entities:` (one a `per:` report expands
 * over, a page per value), and values that group respondents rather than name them. Counted
 * as rows are read, in bounded memory (at most limit + 1 values kept per segment), and
 * mergeable, so the streaming engine's byte ranges add up to what one pass over the file counts.
 */
import type { Problem } from '../schemas/problem';
import { closest } from '../schemas/did-you-mean';
import { IDENTIFYING_MIN_ANSWERS, IDENTIFYING_SHARE, MAX_ENTITY_VALUES, MAX_SEGMENT_VALUES } from './limits';

/** Per segment (in `segments:` order): its column as the file names it, the values seen, the answered rows and its limit. Plain data: it crosses threads. */
export interface SegmentTallyData {
  segments: string[];
  labels: string[];
  values: Set<string>[];
  answered: number[];
  /** Most distinct values each segment may have (segmentLimit). */
  limits: number[];
}

/** The limit of one segment: MAX_ENTITY_VALUES when questionnaire.yaml lists it under `entities:`, else MAX_SEGMENT_VALUES. */
export function segmentLimit(segment: string, entities: readonly string[] = []): number {
  return entities.includes(segment) ? MAX_ENTITY_VALUES : MAX_SEGMENT_VALUES;
}

export function segmentTally(segments: string[], labels: string[], entities: readonly string[] = []): SegmentTallyData {
  return {
    segments,
    labels,
    values: segments.map(() => new Set()),
    answered: segments.map(() => 0),
    limits: segments.map((s) => segmentLimit(s, entities)),
  };
}

/**
 * Counts one answered value of segment `i`; false once the segment is over its limit and
 * the value is new, so no fold grows a breakdown for it (the dataset is refused anyway).
 */
export function tallyValue(t: SegmentTallyData, i: number, value: string): boolean {
  t.answered[i]++;
  const seen = t.values[i];
  if (seen.size <= t.limits[i]) {
    seen.add(value);
    return true;
  }
  return seen.has(value);
}

/** Adds a later range's tally into an earlier one's (the union of values, still bounded). */
export function mergeTally(into: SegmentTallyData, from: SegmentTallyData): void {
  from.values.forEach((values, i) => {
    const seen = into.values[i];
    for (const v of values) {
      if (seen.size > into.limits[i]) break;
      seen.add(v);
    }
    into.answered[i] += from.answered[i];
  });
}

/** The problems of the tally once the whole file is read: too many values, or values that identify respondents. */
export function segmentProblems(t: SegmentTallyData): Omit<Problem, 'file'>[] {
  return segmentCountProblems(
    t.segments.map((segment, i) => ({ segment, label: t.labels[i], distinct: t.values[i].size, answered: t.answered[i] })),
    t.segments.filter((_, i) => t.limits[i] === MAX_ENTITY_VALUES),
  );
}

/** The same rules from counts alone (an SQL engine's COUNT(DISTINCT …) and COUNT(…) per segment column); `entities` as questionnaire.yaml declares them. */
export function segmentCountProblems(counts: { segment: string; label: string; distinct: number; answered: number }[], entities: readonly string[] = []): Omit<Problem, 'file'>[] {
  const out: Omit<Problem, 'file'>[] = [];
  counts.forEach(({ segment, label, distinct, answered }) => {
    const fix = `remove "${segment}" from segments: in questionnaire.yaml`;
    const limit = segmentLimit(segment, entities);
    if (distinct > limit && limit === MAX_ENTITY_VALUES) {
      out.push({
        column: label,
        message: `has more than ${limit} distinct values; a segment under entities: (one page per value) may have at most ${limit}.`,
        hint: `Split the dataset (e.g. one folder per region), or group the values into fewer in a new column, or ${fix}.`,
      });
    } else if (distinct > limit) {
      out.push({
        column: label,
        message: `has more than ${limit} distinct values; a segment may have at most ${limit}.`,
        hint: `Group the values into fewer (e.g. regions instead of towns) in a new column, or ${fix}. A segment a report expands over with per: (one page per outlet or branch) may have up to ${MAX_ENTITY_VALUES}: list it under entities: in questionnaire.yaml.`,
      });
    } else if (answered >= IDENTIFYING_MIN_ANSWERS && distinct > IDENTIFYING_SHARE * answered) {
      out.push({ column: label, message: `has ${distinct} distinct values in ${answered} answered rows, so its values identify respondents; a segment may have distinct values in at most ${IDENTIFYING_SHARE * 100} % of its rows.`, hint: `Segments group respondents: group the values into fewer, or ${fix}.` });
    }
  });
  return out;
}

/** `entities:` of questionnaire.yaml names segments: each one must be listed under segments: too. */
export function checkEntities(entities: readonly string[], segments: readonly string[], report: (path: (string | number)[], message: string, hint?: string) => void): void {
  entities.forEach((e, i) => {
    if (segments.includes(e)) return;
    // A typo of a declared segment (outlte → outlet) is named; otherwise the two ways to fix it.
    const near = closest(e, segments);
    report(
      ['entities', i],
      `"${e}" is not a segment.`,
      near !== undefined
        ? `Did you mean ${near}? entities: names segments declared under segments: (${segments.join(', ')}).`
        : `entities: lists segments a report expands over with per: (up to ${MAX_ENTITY_VALUES} values each): add "${e}" to segments:, or remove it from entities:.`,
    );
  });
}
