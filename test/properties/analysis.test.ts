/**
 * Properties of dataset → figures: the order of respondents does not matter, and
 * accumulators built over any split of the respondents merge into exactly the whole
 * (what the streaming engine relies on). Figures are compared to 1e-9.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateResponses, addToAccs, mergeAccs, surveyAccs } from '../../src/analysis/accumulate';
import { analyzeDataset, figuresFrom } from '../../src/analysis/analyze';
import { chooseOutcome, surveyLayout, toSurveyRow } from '../../src/analysis/layout';
import type { Dataset, Respondent } from '../../src/schemas/dataset';
import { QuestionnaireSchema } from '../../src/schemas/questionnaire';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const questionnaire = QuestionnaireSchema.parse({
  scale: { min: 1, max: 7 },
  items: [
    { id: 'r1', dimension: 'reliability', text: 'Keeps promises' },
    { id: 'r2', dimension: 'reliability', text: 'Right first time' },
    { id: 's1', dimension: 'responsiveness', text: 'Prompt' },
    { id: 's2', dimension: 'responsiveness', text: 'Willing' },
    { id: 'e1', dimension: 'empathy', text: 'Cares' },
  ],
  segments: ['channel'],
});
const ITEMS = questionnaire.items.map((i) => i.id);
const OPTIONS = AnalysisOptionsSchema.parse({ min_base: 3, low_base: 5 });

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 5 });
const score = maybe(fc.integer({ min: 1, max: 7 }));
const perItem = fc.tuple(...ITEMS.map(() => score)).map((v) => Object.fromEntries(ITEMS.map((id, i) => [id, v[i]])));

const respondent = fc.record({
  wave: fc.constantFrom('2026-Q2', '2026-Q3'),
  channel: maybe(fc.constantFrom('web', 'phone', 'store')),
  e: perItem,
  p: perItem,
  nps: maybe(fc.integer({ min: 0, max: 10 })),
  csat: maybe(fc.integer({ min: 1, max: 5 })),
  ces: maybe(fc.integer({ min: 1, max: 7 })),
  overall: maybe(fc.double({ min: 1, max: 7, noNaN: true })),
});

const respondents = fc.array(respondent, { minLength: 0, maxLength: 60 }).map((rs) =>
  rs.map((r, i): Respondent => ({
    id: `R${i}`,
    wave: r.wave,
    segments: { channel: r.channel },
    e: r.e,
    p: r.p,
    w: {},
    nps: r.nps,
    csat: r.csat,
    ces: r.ces,
    overall: r.overall,
    line: i + 2,
  })),
);

const dataset = (responses: Respondent[]): Dataset => ({
  name: 'prop',
  questionnaire,
  items: questionnaire.items,
  responses,
  files: ['questionnaire.yaml', 'responses.csv'],
});

/** Deep equality with numbers equal to 1e-9 (relative to their size). */
function expectClose(a: unknown, b: unknown, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return void expect(Number.isNaN(a) && Number.isNaN(b), path).toBe(true);
    return void expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a)
      .filter((k) => (a as Record<string, unknown>)[k] !== undefined)
      .sort();
    const kb = Object.keys(b)
      .filter((k) => (b as Record<string, unknown>)[k] !== undefined)
      .sort();
    expect(ka, path).toEqual(kb);
    for (const k of ka) expectClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(a, path).toEqual(b);
}

/** A permutation of 0…n−1 from random sort keys. */
const permuted = <T>(xs: T[], keys: number[]) =>
  xs
    .map((x, i) => [keys[i] ?? 0, i, x] as const)
    .sort((p, q) => p[0] - q[0] || p[1] - q[1])
    .map((t) => t[2]);

describe('analyzeDataset(dataset) under respondent order', () => {
  it('gives the same figures for any permutation of the respondents (1e-9)', () => {
    fc.assert(
      fc.property(respondents, fc.array(fc.integer(), { maxLength: 60 }), (rs, keys) => {
        const whole = analyzeDataset(dataset(rs), OPTIONS);
        const shuffled = analyzeDataset(dataset(permuted(rs, keys)), OPTIONS);
        expectClose(shuffled, whole);
      }),
      { numRuns: 150 },
    );
  });
});

describe('mergeAccs(into, from)', () => {
  it('merged accumulators of any split give the figures of the whole (1e-9)', () => {
    fc.assert(
      fc.property(respondents, fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }), (rs, part) => {
        const data = dataset(rs);
        const layout = surveyLayout(data.items, questionnaire, chooseOutcome(questionnaire, rs));
        const parts = [surveyAccs(), surveyAccs(), surveyAccs(), surveyAccs()];
        rs.forEach((r, i) => addToAccs(parts[part[i] ?? 0], layout, r.wave, [['channel', r.segments.channel]], toSurveyRow(r, layout)));
        const merged = surveyAccs();
        for (const p of parts) mergeAccs(merged, p);
        const whole = figuresFrom(data, { layout, accs: accumulateResponses(data, layout), engine: 'memory' }, OPTIONS);
        expectClose(figuresFrom(data, { layout, accs: merged, engine: 'memory' }, OPTIONS), whole);
      }),
      { numRuns: 150 },
    );
  });
});
