/**
 * What a segment may hold (responses.csv): at most MAX_SEGMENT_VALUES distinct values,
 * and values that group respondents rather than name them. Counted as rows are read, in
 * bounded memory (at most MAX_SEGMENT_VALUES + 1 values kept per segment), and mergeable,
 * so the streaming engine's byte ranges add up to what one pass over the file counts.
 */
import type { Problem } from '../schemas/problem';
import { IDENTIFYING_MIN_ANSWERS, IDENTIFYING_SHARE, MAX_SEGMENT_VALUES } from './limits';

/** Per segment (in `segments:` order): its column as the file names it, the values seen and the answered rows. Plain data: it crosses threads. */
export interface SegmentTallyData {
  segments: string[];
  labels: string[];
  values: Set<string>[];
  answered: number[];
}

export function segmentTally(segments: string[], labels: string[]): SegmentTallyData {
  return { segments, labels, values: segments.map(() => new Set()), answered: segments.map(() => 0) };
}

/**
 * Counts one answered value of segment `i`; false once the segment is over the limit and
 * the value is new, so no fold grows a breakdown for it (the dataset is refused anyway).
 */
export function tallyValue(t: SegmentTallyData, i: number, value: string): boolean {
  t.answered[i]++;
  const seen = t.values[i];
  if (seen.size <= MAX_SEGMENT_VALUES) {
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
      if (seen.size > MAX_SEGMENT_VALUES) break;
      seen.add(v);
    }
    into.answered[i] += from.answered[i];
  });
}

/** The problems of the tally once the whole file is read: too many values, or values that identify respondents. */
export function segmentProblems(t: SegmentTallyData): Omit<Problem, 'file'>[] {
  return segmentCountProblems(t.segments.map((segment, i) => ({ segment, label: t.labels[i], distinct: t.values[i].size, answered: t.answered[i] })));
}

/** The same rules from counts alone (an SQL engine's COUNT(DISTINCT …) and COUNT(…) per segment column). */
export function segmentCountProblems(counts: { segment: string; label: string; distinct: number; answered: number }[]): Omit<Problem, 'file'>[] {
  const out: Omit<Problem, 'file'>[] = [];
  counts.forEach(({ segment, label, distinct, answered }) => {
    const fix = `remove "${segment}" from segments: in questionnaire.yaml`;
    if (distinct > MAX_SEGMENT_VALUES) {
      out.push({ column: label, message: `has more than ${MAX_SEGMENT_VALUES} distinct values; a segment may have at most ${MAX_SEGMENT_VALUES}.`, hint: `Group the values into fewer (e.g. regions instead of towns) in a new column, or ${fix}.` });
    } else if (answered >= IDENTIFYING_MIN_ANSWERS && distinct > IDENTIFYING_SHARE * answered) {
      out.push({ column: label, message: `has ${distinct} distinct values in ${answered} answered rows, so its values identify respondents; a segment may have distinct values in at most ${IDENTIFYING_SHARE * 100} % of its rows.`, hint: `Segments group respondents: group the values into fewer, or ${fix}.` });
    }
  });
  return out;
}
