/**
 * The stream engine's flat fold (src/stream/flat-fold.ts) leaves the accumulators addToAccs
 * leaves, bit for bit and with the Maps in the same order, on random rows: whole and
 * fractional answers, missing cells, segment values missing or not, weighted rows arriving
 * mid-way (weight-only slots summed from then on), many combinations (its cells overflow).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToAccs, surveyAccs, type SurveyAccs } from '../../src/analysis/accumulate';
import { surveyLayout, type SurveyRow } from '../../src/analysis/layout';
import { RespondentFold } from '../../src/analysis/survey-acc';
import type { Item } from '../../src/schemas/questionnaire';
import { FlatFold } from '../../src/stream/flat-fold';

const ITEMS: Item[] = [
  { id: 'a', dimension: 'reliability', text: 'A' },
  { id: 'b', dimension: 'reliability', text: 'B' },
  { id: 'c', dimension: 'reliability', text: 'C' },
  { id: 'd', dimension: 'empathy', text: 'D' },
  { id: 'e', dimension: 'tangibles', text: 'E' },
  { id: 'f', dimension: 'tangibles', text: 'F' },
] as Item[];

const whole = fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined, freq: 6 });
const fractional = fc.option(fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constantFrom(1.5, 2.25, 6.1, 4.75)), { nil: undefined, freq: 6 });

const rowOf = (answer: fc.Arbitrary<number | undefined>, weighted: boolean) =>
  fc.record({
    e: fc.array(answer, { minLength: 6, maxLength: 6 }),
    p: fc.array(answer, { minLength: 6, maxLength: 6 }),
    w: fc.oneof(
      fc.constant([undefined, undefined, undefined, undefined, undefined]),
      fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), { minLength: 5, maxLength: 5 }),
    ),
    nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    ces: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    overall: fc.option(fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constantFrom(5.3, 2.9)), { nil: undefined }),
    weight: weighted ? fc.option(fc.constantFrom(0.5, 1, 1.75, 3.2), { nil: undefined }) : fc.constant(undefined),
  }) as fc.Arbitrary<SurveyRow>;

const value = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined, freq: 5 });
const keyed = (answer: fc.Arbitrary<number | undefined>, weighted: boolean, values = 3) =>
  fc.record({
    wave: fc.constantFrom('W1', 'W2', 'W2\u0000x'),
    segments: fc.tuple(value(['north', 'south', 'east'].slice(0, values)), value(Array.from({ length: values * 3 }, (_, i) => `o${i}`)), value(['a', 'b'])),
    row: rowOf(answer, weighted),
  });

/** Maps as ordered entry lists, so the comparison sees their order too. */
function ordered(x: unknown): unknown {
  if (x instanceof Map) return [...x].map(([k, v]) => [k, ordered(v)]);
  if (Array.isArray(x)) return x.map(ordered);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, ordered(v)]));
  return x;
}

const SEGMENTS = ['region', 'outlet', 'kind'];

function both(
  rows: { wave: string; segments: (string | undefined)[]; row: SurveyRow }[],
  outcome: 'overall' | 'nps' | undefined,
  byItems: boolean,
  shift?: number,
  maxCells?: number,
  scale?: { min: number; max: number },
) {
  const base = surveyLayout(ITEMS, undefined, outcome);
  const layout = { ...base, ...(byItems ? { drivers: 'items' as const } : {}), ...(shift !== undefined ? { shift } : {}) };
  const expected: SurveyAccs = surveyAccs();
  const fold = new RespondentFold(layout);
  const flat = new FlatFold(layout, SEGMENTS, maxCells, scale);
  for (const { wave, segments, row } of rows) {
    addToAccs(
      expected,
      layout,
      wave,
      SEGMENTS.map((s, i) => [s, segments[i]]),
      row,
      fold,
    );
    flat.add(wave, segments, row);
  }
  const actual = surveyAccs();
  flat.into(actual);
  return { actual: ordered(actual), expected: ordered(expected) };
}

describe('the flat fold', () => {
  it.each([
    ['whole answers, unweighted', whole, false],
    ['fractional answers among whole ones', fractional, false],
    ['weighted rows among unweighted ones', whole, true],
    ['fractional answers and weights', fractional, true],
  ] as const)('leaves the accumulators addToAccs leaves, bit for bit and in the same order (%s)', (_name, answer, weighted) => {
    fc.assert(
      fc.property(
        fc.array(keyed(answer, weighted), { maxLength: 60 }),
        fc.constantFrom('overall', 'nps', undefined),
        fc.boolean(),
        // Answers counted by value on the whole scale, on part of it (1 and 7 then summed as they come), or not at all.
        fc.constantFrom(undefined, { min: 1, max: 7 }, { min: 2, max: 6 }),
        (rows, outcome, byItems, scale) => {
          const { actual, expected } = both(rows, outcome, byItems, undefined, undefined, scale);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same bits around a shift that is not a multiple of ½ (no exact cells) and past the cells it keeps', () => {
    fc.assert(
      fc.property(fc.array(keyed(whole, false, 3), { maxLength: 40 }), (rows) => {
        const { actual, expected } = both(rows, 'overall', false, 4.3);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 100 },
    );
    // 50 cells kept at most (20,000 in the engine): 300 distinct outlets go past it mid-file.
    const many = Array.from({ length: 300 }, (_, i) => ({
      wave: i % 2 ? 'W1' : 'W2',
      segments: ['north', `o${i}`, i % 3 ? 'a' : undefined],
      row: {
        e: [1, 2, 3, 4, 5, 6],
        p: [7, 6, 5, 4, 3, (i % 7) + 1],
        w: [20, 20, 20, 20, 20],
        nps: i % 11,
        csat: (i % 5) + 1,
        ces: 3,
        overall: 4.5 + (i % 3) / 10,
      },
    }));
    const { actual, expected } = both(many, 'overall', false, undefined, 50);
    expect(actual).toEqual(expected);
    expect(ordered(both(many, 'overall', false, undefined, 50, { min: 1, max: 7 }).actual)).toEqual(expected);
  });

  it('tells +0 from -0 in the comparison (so the bit-for-bit claim can fail)', () => {
    expect(ordered({ a: new Map([['x', -0]]) })).not.toEqual(ordered({ a: new Map([['x', 0]]) }));
    expect(
      ordered(
        new Map([
          ['b', 1],
          ['a', 2],
        ]),
      ),
    ).not.toEqual(
      ordered(
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
      ),
    );
  });
});
