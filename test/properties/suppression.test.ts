/**
 * Property: whatever the segment sizes, no suppressed cell (nor the respondents who left a
 * segment empty) can be recovered by subtracting published cells from the wave's figure,
 * and no change between waves pairs a published value with an unpublished one. The checker
 * (disclosure-checker.ts) reads only the published figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import type { Dataset, Respondent } from '../../src/schemas/dataset';
import type { Figures } from '../../src/schemas/figures';
import { QuestionnaireSchema } from '../../src/schemas/questionnaire';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { changesOnSuppressed, disclosures } from './disclosure-checker';

const questionnaire = QuestionnaireSchema.parse({
  scale: { min: 1, max: 7 },
  items: [
    { id: 'r1', dimension: 'reliability', text: 'Keeps promises' },
    { id: 'r2', dimension: 'reliability', text: 'Right first time' },
    { id: 's1', dimension: 'responsiveness', text: 'Prompt' },
  ],
  segments: ['region', 'channel'],
});
const ITEMS = questionnaire.items.map((i) => i.id);
const maybe = <T>(a: fc.Arbitrary<T>, freq = 6) => fc.option(a, { nil: undefined, freq });
const perItem = fc.tuple(...ITEMS.map(() => maybe(fc.integer({ min: 1, max: 7 })))).map((v) => Object.fromEntries(ITEMS.map((id, i) => [id, v[i]])));
const answers = fc.record({
  e: perItem,
  p: perItem,
  nps: maybe(fc.integer({ min: 0, max: 10 })),
  csat: maybe(fc.integer({ min: 1, max: 5 })),
  ces: maybe(fc.integer({ min: 1, max: 7 })),
  overall: maybe(fc.integer({ min: 1, max: 7 })),
});

/** Region sizes drawn per value (0–30, so cells straddle min_base), plus respondents with no region; channel drawn per respondent. */
const dataset = fc
  .record({
    sizes: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }),
    noRegion: fc.integer({ min: 0, max: 12 }),
    wave2: fc.integer({ min: 0, max: 20 }),
  })
  .chain(({ sizes, noRegion, wave2 }) => {
    const regions = sizes.flatMap((size, i) => Array.from({ length: size }, () => `R${i}`));
    const rows = [...regions, ...Array.from({ length: noRegion }, () => undefined)];
    return fc
      .tuple(
        fc.array(fc.tuple(answers, maybe(fc.constantFrom('web', 'phone', 'store'), 4)), { minLength: rows.length, maxLength: rows.length }),
        fc.array(answers, { minLength: wave2, maxLength: wave2 }),
        fc.constantFrom(3, 5, 10),
      )
      .map(([now, before, minBase]) => {
        const respondent = (
          a: fc.Arbitrary<unknown> extends never ? never : (typeof now)[number][0],
          wave: string,
          region: string | undefined,
          channel: string | undefined,
          i: number,
        ): Respondent => ({
          id: `${wave}-${i}`,
          wave,
          segments: { region, channel },
          e: a.e,
          p: a.p,
          w: {},
          nps: a.nps,
          csat: a.csat,
          ces: a.ces,
          overall: a.overall,
          line: i + 2,
        });
        const responses = [
          ...before.map((a, i) => respondent(a, '2026-Q2', 'R0', undefined, i)),
          ...now.map(([a, channel], i) => respondent(a, '2026-Q3', rows[i], channel, i)),
        ];
        const data: Dataset = { name: 'prop', questionnaire, items: questionnaire.items, responses, files: ['questionnaire.yaml', 'responses.csv'] };
        return { data, minBase };
      });
  });

function figuresOf(data: Dataset, minBase: number): Figures {
  const result = analyzeDataset(data, AnalysisOptionsSchema.parse({ min_base: minBase, low_base: minBase }));
  if (!result.figures) throw new Error(JSON.stringify(result.problems));
  return result.figures;
}

describe('suppression: nothing withheld can be derived from what is published', () => {
  it('no segment leaves a recoverable block of 1 … min_base − 1 respondents or a single suppressed cell, for any segment sizes', () => {
    fc.assert(
      fc.property(dataset, ({ data, minBase }) => {
        const f = figuresOf(data, minBase);
        if (disclosures(f).length) console.log(JSON.stringify(disclosures(f)), JSON.stringify(f.segments));
        expect(disclosures(f)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 180_000); // 300 runs take ~25 s on an idle machine and went past 60 s under a shared load

  it('no change between waves rests on a wave figure suppressed in waves[] (a delta plus one value would reveal it)', () => {
    fc.assert(
      fc.property(dataset, ({ data, minBase }) => {
        expect(changesOnSuppressed(figuresOf(data, minBase))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the disclosure checker', () => {
  it('recovers 4 promoters and 0 detractors of a suppressed region of 8 when the other regions are all published', () => {
    const person = (i: number, region: string, nps: number): Respondent => ({
      id: `P${i}`,
      wave: '2026-Q3',
      segments: { region },
      e: {},
      p: {},
      w: {},
      nps,
      line: i + 2,
    });
    const groups: [string, number[]][] = [
      ['Islands', [10, 10, 9, 9, 8, 8, 7, 7]],
      ['North', Array.from({ length: 20 }, (_, i) => i % 11)],
      ['South', Array.from({ length: 30 }, (_, i) => (i * 7) % 11)],
    ];
    const all = groups.flatMap(([region, scores]) => scores.map((s) => [region, s] as const)).map(([region, s], i) => person(i, region, s));
    const f = figuresOf({ name: 'c', questionnaire, items: questionnaire.items, responses: all, files: [] }, 10);
    expect(f.segments.region.North.nps).toMatchObject({ suppressed: true, secondary: true });
    expect(disclosures(f)).toEqual([]);
    // What publishing every region ≥ min_base would show: North's figure computed on its own.
    const north = figuresOf(
      { name: 'c', questionnaire, items: questionnaire.items, responses: all.filter((r) => r.segments.region === 'North'), files: [] },
      10,
    );
    f.segments.region.North = { ...f.segments.region.North, nps: north.nps };
    expect(disclosures(f)).toEqual([{ segment: 'region', quantity: 'nps', n: 8, sums: [4, 4, 0], members: ['Islands'] }]);
  });
});
