/**
 * The respondent fold is written once (RespondentFold, src/analysis/survey-acc.ts) and
 * every engine folds with it; its half rule (halfRuleAt) is the statistics' halfRuleMean
 * without the array. These tests hold the fast form to the definition on random rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { surveyLayout, type SurveyRow } from '../../src/analysis/layout';
import { addRespondent, halfRuleAt, RespondentFold, surveyAcc } from '../../src/analysis/survey-acc';
import { halfRuleMean } from '../../src/stats/servqual';
import type { Item } from '../../src/schemas/questionnaire';

const answer = fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined });

describe('the half rule', () => {
  it('keeps the same dimension scores as halfRuleMean, bit for bit, on random answers and item subsets', () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 12 }), (xs, picks) => {
        const idx = picks.map((k) => k % xs.length);
        expect(Object.is(halfRuleAt(xs, idx), halfRuleMean(idx.map((i) => xs[i])))).toBe(true);
      }),
    );
  });
});

const ITEMS: Item[] = [
  { id: 'a', dimension: 'reliability', text: 'A' },
  { id: 'b', dimension: 'reliability', text: 'B' },
  { id: 'c', dimension: 'reliability', text: 'C' },
  { id: 'd', dimension: 'empathy', text: 'D' },
  { id: 'e', dimension: 'tangibles', text: 'E' },
] as Item[];

const row = fc.record({
  e: fc.array(answer, { minLength: 5, maxLength: 5 }),
  p: fc.array(answer, { minLength: 5, maxLength: 5 }),
  w: fc.oneof(
    fc.constant([undefined, undefined, undefined, undefined, undefined]),
    fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), { minLength: 5, maxLength: 5 }),
  ),
  nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  overall: answer,
}) as fc.Arbitrary<SurveyRow>;

describe('the respondent fold', () => {
  it.each(['overall', 'nps'] as const)(
    'gives the same accumulators with one fold reused over many rows as with a fresh one per row (outcome %s, dimension and item drivers)',
    (outcome) => {
      fc.assert(
        fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (rows, byItems) => {
          const layout = { ...surveyLayout(ITEMS, undefined, outcome), ...(byItems ? { drivers: 'items' as const } : {}) };
          const reused = surveyAcc(layout, true);
          const fresh = surveyAcc(layout, true);
          const fold = new RespondentFold(layout);
          for (const r of rows) {
            fold.score(r);
            fold.addTo(reused, r);
            addRespondent(fresh, layout, r);
          }
          expect(reused).toEqual(fresh);
          expect(reused.n).toBe(rows.length);
        }),
      );
    },
  );
});
