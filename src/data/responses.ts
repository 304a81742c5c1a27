/** responses.csv (SPEC §2.2): one row per customer respondent. */
import { DIMENSIONS, type Item, type Questionnaire } from '../schemas/questionnaire';
import type { Respondent } from '../schemas/dataset';
import { ProblemSink } from './problems';
import { readTable, UniqueCheck, type TableContext, type TableResult, type TableSetup, type Unique } from './table';
import { reportUnknownItemColumns } from './items';
import type { SurveyRow } from '../schemas/survey-row';
import { labelOf, type Source } from './columns';
import type { Cells, NumberRule } from './cells';
import { segmentProblems, segmentTally, tallyValue, type SegmentTallyData } from './segments';
import { ExportRows } from './export-rows';
import { exportLayout, type ExportLayout } from './tool-presets';

/** Importance points of the five dimensions must sum to 100 within this tolerance. */
export const WEIGHT_SUM_TOLERANCE = 1;

export const RESPONSES_NUMBER_HINT = 'Map the text to a number with recode:, or list it under missing:.';

export interface ResponsesResult extends TableResult {
  respondents: Respondent[];
}

/** One respondent's values as arrays (items in `items` order, weights in DIMENSIONS order, segments in `segments:` order): a SurveyRow as it is. responsesSetup hands the same object (and arrays) for every row: read it in `emit`, keep copies. */
export interface ResponseValues extends SurveyRow {
  id: string;
  wave: string;
  date?: string;
  segments: (string | undefined)[];
  comment?: string;
  line: number;
}

/** Characters that do not show, so two ids differing only by them read as one: zero-width space, non-joiner, joiner, word joiner, BOM; LRM, RLM, ALM. (Bidi overrides are stripped from every cell already.) */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u200E\u200F\u061C]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The id a respondent_id is compared (and kept) as: NFC, without invisible characters, so
 * "R1" and "R\u200B1", or "é" composed and decomposed, are the same respondent — as a reader
 * of the published page would take them. ASCII ids (nearly all) are returned as they are.
 */
export function normalizeId(id: string): string {
  return NON_ASCII.test(id) ? id.normalize('NFC').replace(INVISIBLE, '') : id;
}

/** Holds the segment tally responsesSetup starts at the header, for the caller to check at the end (segmentProblems). */
export interface SegmentCount {
  tally?: SegmentTallyData;
  /** The export's row rules (keep:, header rows, waves from dates) as set up at the header: their exclusions, once read. */
  rows?: ExportRows;
  /** The columns and checks as resolved at the header, for a reader of its own that hands every other row back (src/stream/fast-rows.ts). */
  columns?: ResponseColumns;
}

/** What responsesSetup resolved at the header: the sources it reads each row from, in the order it reads them, and their rules. */
export interface ResponseColumns {
  id: Source;
  /** The wave comes from the date (the export's row rules). */
  derived: boolean;
  wave?: Source;
  date?: Source;
  weights: (Source | undefined)[];
  weightsPresent: boolean;
  segments: (Source | undefined)[];
  e: (Source | undefined)[];
  p: (Source | undefined)[];
  /** The items' rule: the questionnaire's scale and not_applicable. */
  scale: NumberRule;
  nps?: Source;
  csat?: Source;
  ces?: Source;
  overall?: Source;
  overallRule: NumberRule;
  /** The importance points', nps', csat's and ces' rules. */
  weightRule: NumberRule;
  npsRule: NumberRule;
  csatRule: NumberRule;
  cesRule: NumberRule;
  comment?: Source;
  weight?: Source;
  tally: SegmentTallyData;
  rows: ExportRows;
}

/**
 * The rules of responses.csv, per row: resolves the columns at the header and hands each
 * row's values to `emit`. Shared by the in-memory loader and the streaming engine
 * (src/stream), which passes its own `unique` check (a compact table that merges) and
 * merges the ranges' segment tallies.
 */
export function responsesSetup(q: Questionnaire, items: Item[], emit: (values: ResponseValues) => void, unique: (sink: ProblemSink, column: string) => Unique = (sink, column) => new UniqueCheck(sink, column), count: SegmentCount = {}, layout?: ExportLayout): TableSetup {
  const scale = { min: q.scale.min, max: q.scale.max, notApplicable: q.not_applicable };
  return (cols, _cells, sink) => {
    const derived = layout?.wavePeriod !== undefined || (!layout && exportLayout(q).wavePeriod !== undefined);
    const id = cols.find('respondent_id', true);
    const wave = derived ? undefined : cols.find('wave', true);
    const date = cols.find('date', derived);
    const segments = q.segments.map((s) => [s, cols.find(s)] as const);
    for (const [s, source] of segments) {
      if (!source) sink.add({ line: 1, message: `segment column "${s}" (declared in questionnaire.yaml) is missing.`, hint: `Add it, map it with columns: { ${s}: "<header>" }, or remove it from segments:.` });
    }
    const e = items.map((i) => [i.id, cols.find(`e_${i.id}`)] as const);
    const p = items.map((i) => [i.id, cols.find(`p_${i.id}`)] as const);
    const w = DIMENSIONS.map((d) => [d, cols.find(`w_${d}`)] as const);
    const found = w.filter(([, s]) => s).length;
    if (found > 0 && found < 5) {
      sink.add({ line: 1, message: `the header has importance columns for ${found} of the five dimensions; missing: ${w.filter(([, s]) => !s).map(([d]) => `w_${d}`).join(', ')}.`, hint: 'Give all five w_ columns, or none.' });
    }
    const nps = cols.find('nps');
    const csat = cols.find('csat');
    const ces = cols.find('ces');
    const overall = cols.find('overall');
    const comment = cols.find('comment');
    const weight = cols.find('weight');
    if (q.outcome && !{ overall, nps, csat, ces }[q.outcome]) {
      sink.add({ line: 1, message: `outcome column "${q.outcome}" (questionnaire.yaml outcome:) is missing.`, hint: `Add it, map it with columns: { ${q.outcome}: "<header>" }, or change outcome:.` });
    }
    reportUnknownItemColumns(cols, sink, items, ['e', 'p', 'w']);
    const rows = (count.rows = new ExportRows(q, layout, cols, [...e.map(([, s]) => s), ...p.map(([, s]) => s), nps, csat, ces, overall], sink));
    if (!id || (derived ? !date : !wave)) return undefined;
    for (const [s, source] of segments) {
      if (source && sameColumn(source, id)) sink.add({ line: 1, message: `segment "${s}" reads the respondent_id column ("${labelOf(id, 'respondent_id')}"), so its breakdown would publish every respondent's id.`, hint: `Remove "${s}" from segments:, or map it to another column with columns:.` });
    }
    const tally = (count.tally = segmentTally(segments.map(([s]) => s), segments.map(([s, src]) => (src ? labelOf(src, s) : s)), q.entities));
    const ids = unique(sink, cols.header[id.kind === 'header' ? id.index : -1] ?? 'respondent_id');
    const eNames = e.map(([k]) => `e_${k}`);
    const pNames = p.map(([k]) => `p_${k}`);
    const wNames = w.map(([d]) => `w_${d}`);
    const weightRule = { min: 0, max: 100 };

    const weightsPresent = found === 5;
    const eSources = e.map(([, s]) => s);
    const pSources = p.map(([, s]) => s);
    const wSources = w.map(([, s]) => s);
    const segmentSources = segments.map(([, src]) => src);
    const npsRule = { min: 0, max: 10, integer: true };
    const csatRule = { min: 1, max: 5, integer: true };
    const cesRule = { min: 1, max: 7, integer: true };
    const overallRule = { min: q.scale.min, max: q.scale.max };
    const surveyWeightRule = { min: 0 };
    count.columns = { id, derived, wave, date, weights: wSources, weightsPresent, segments: segmentSources, e: eSources, p: pSources, scale, nps, csat, ces, overall, overallRule, weightRule, npsRule, csatRule, cesRule, comment, weight, tally, rows };

    // One row's values, reused from row to row: emit reads them before the next row (parseResponses copies them).
    const weights: (number | undefined)[] = new Array(wSources.length);
    const segmentValues: (string | undefined)[] = new Array(segmentSources.length);
    const eValues: (number | undefined)[] = new Array(eSources.length);
    const pValues: (number | undefined)[] = new Array(pSources.length);
    const values: ResponseValues = { id: '', wave: '', date: undefined, segments: segmentValues, e: eValues, p: pValues, w: weights, nps: undefined, csat: undefined, ces: undefined, overall: undefined, comment: undefined, weight: undefined, line: 0 };

    return (c) => {
      if (!rows.admit(c)) return; // excluded by keep:, or a header row header_rows did not count (reported)
      const respondentId = c.text(id, 'respondent_id');
      const dateValue = c.date(date, 'date');
      const waveValue = derived ? rows.waveOf(dateValue) : c.text(wave, 'wave');
      const normalId = respondentId === undefined ? '' : normalizeId(respondentId);
      if (c.required(respondentId, id, 'respondent_id')) ids.add(normalId, c.line);
      if (derived) c.required(dateValue, date, 'date');
      else c.required(waveValue, wave, 'wave');
      for (let i = 0; i < wSources.length; i++) weights[i] = c.number(wSources[i], wNames[i], weightRule);
      const weightProblem = checkWeights(weights, weightsPresent);
      if (weightProblem !== undefined) sink.add({ line: c.line, message: weightProblem, hint: 'Importance points are shares of 100.' });
      for (let i = 0; i < segmentSources.length; i++) {
        const value = c.text(segmentSources[i], segments[i][0]);
        segmentValues[i] = value !== undefined && tallyValue(tally, i, value) ? value : undefined;
      }
      for (let i = 0; i < eSources.length; i++) eValues[i] = c.number(eSources[i], eNames[i], scale);
      for (let i = 0; i < pSources.length; i++) pValues[i] = c.number(pSources[i], pNames[i], scale);
      values.weight = weight ? surveyWeightOf(c, weight, surveyWeightRule, sink) : undefined;
      values.id = normalId;
      values.wave = waveValue ?? '';
      values.date = dateValue;
      values.nps = c.number(nps, 'nps', npsRule);
      values.csat = c.number(csat, 'csat', csatRule);
      values.ces = c.number(ces, 'ces', cesRule);
      values.overall = c.number(overall, 'overall', overallRule);
      values.comment = c.text(comment, 'comment');
      values.line = c.line;
      emit(values);
    };
  };
}

export function parseResponses(text: string, ctx: TableContext, q: Questionnaire, items: Item[]): ResponsesResult {
  const respondents: Respondent[] = [];
  const byId = <T>(keys: readonly string[], values: T[]) => Object.fromEntries(keys.map((k, i) => [k, values[i]]));
  const ids = items.map((i) => i.id);
  const count: SegmentCount = {};
  const sink = new ProblemSink(ctx.file);
  const result = readTable(text, ctx, responsesSetup(q, items, (v) => {
    respondents.push({
      id: v.id,
      wave: v.wave,
      date: v.date,
      segments: byId(q.segments, v.segments),
      e: byId(ids, v.e),
      p: byId(ids, v.p),
      w: byId(DIMENSIONS, v.w) as Respondent['w'],
      nps: v.nps,
      csat: v.csat,
      ces: v.ces,
      overall: v.overall,
      comment: v.comment,
      weight: v.weight,
      line: v.line,
    });
  }, undefined, count, ctx.layout), sink);
  const excluded = count.rows?.exclusions();
  if (!count.tally) return { ...result, excluded, respondents };
  // Once the whole file is read, as the streaming engine does after merging its ranges.
  for (const p of segmentProblems(count.tally)) sink.add(p);
  return { ...result, excluded, problems: sink.list(), respondents };
}

/** Every respondent of a weighted file has a weight, and a weight above 0 (a row weighted 0 would count in the base but in no figure). */
export const WEIGHT_HINT = 'Give every respondent a positive survey weight, or drop the weight column.';

/** The row's survey weight (the `weight` column): a number above 0; missing or 0 is a problem. */
function surveyWeightOf(c: Cells, source: Source, rule: NumberRule, sink: ProblemSink): number | undefined {
  const raw = c.text(source, 'weight');
  if (raw === undefined) {
    sink.add({ line: c.line, column: labelOf(source, 'weight'), value: '', message: 'has no survey weight.', hint: WEIGHT_HINT });
    return undefined;
  }
  const value = c.number(source, 'weight', rule);
  if (value === 0) sink.add({ line: c.line, column: labelOf(source, 'weight'), value: raw, message: 'is a survey weight of 0.', hint: WEIGHT_HINT });
  return value === 0 ? undefined : value;
}

/** Whether a segment and the respondent id are read from the same place. */
function sameColumn(a: Source, b: Source): boolean {
  return (a.kind === 'header' && b.kind === 'header' && a.index === b.index) || (a.kind === 'row' && b.kind === 'row');
}

/** All five weights or none; when given they sum to 100 ± WEIGHT_SUM_TOLERANCE. The problem's message, if any. */
export function checkWeights(w: (number | undefined)[], present: boolean): string | undefined {
  if (!present) return undefined;
  let given = 0;
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    if (x === undefined) continue;
    given++;
    sum += x;
  }
  if (given === 0) return undefined;
  if (given < 5) return `importance points are given for ${given} of the five dimensions; give all five or none.`;
  if (Math.abs(sum - 100) > WEIGHT_SUM_TOLERANCE) return `importance points w_… sum to ${+sum.toFixed(2)}, not 100 (±${WEIGHT_SUM_TOLERANCE}).`;
  return undefined;
}
