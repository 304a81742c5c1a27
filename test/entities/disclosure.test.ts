/**
 * Privacy per page (issue 15): whatever the entity sizes, subtracting the published entities
 * from the published wave figure never gives away a withheld entity — in the report's wave
 * (the parent's segment) nor in any earlier wave an entity page charts. The attacker is
 * test/properties/disclosure-checker.ts, which reads only published figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { entityPageFigures } from '../../src/build/entities';
import type { Dataset, Respondent } from '../../src/schemas/dataset';
import type { Figures, GroupFigures } from '../../src/schemas/figures';
import { QuestionnaireSchema } from '../../src/schemas/questionnaire';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { disclosures } from '../properties/disclosure-checker';

const questionnaire = QuestionnaireSchema.parse({
  scale: { min: 1, max: 5 },
  items: [
    { id: 'r1', dimension: 'reliability', text: 'Keeps promises' },
    { id: 's1', dimension: 'responsiveness', text: 'Prompt' },
  ],
  segments: ['branch'],
});
const WAVES = ['2026-Q1', '2026-Q2'];
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 6 });
const answer = fc.record({
  r1: maybe(fc.integer({ min: 1, max: 5 })),
  s1: maybe(fc.integer({ min: 1, max: 5 })),
  nps: maybe(fc.integer({ min: 0, max: 10 })),
  csat: maybe(fc.integer({ min: 1, max: 5 })),
});

/** Entity sizes per wave straddling min_base, a few respondents without a branch. */
const dataset = fc
  .record({
    sizes: fc.array(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 })), { minLength: 2, maxLength: 6 }),
    blank: fc.integer({ min: 0, max: 6 }),
    minBase: fc.constantFrom(5, 10),
  })
  .chain(({ sizes, blank, minBase }) => {
    const cells = WAVES.flatMap((wave, w) => [
      ...sizes.flatMap((s, b) => Array.from({ length: s[w] }, () => [wave, `B${b}`] as const)),
      ...Array.from({ length: blank }, () => [wave, undefined] as const),
    ]);
    return fc.array(answer, { minLength: cells.length, maxLength: cells.length }).map((answers) => {
      const responses: Respondent[] = answers.map((a, i) => ({
        id: `R${i}`,
        wave: cells[i][0],
        segments: { branch: cells[i][1] },
        e: { r1: 4, s1: 4 },
        p: { r1: a.r1, s1: a.s1 },
        w: {},
        nps: a.nps,
        csat: a.csat,
        line: i + 2,
      }));
      const data: Dataset = { name: 'prop', questionnaire, items: questionnaire.items, responses, files: ['questionnaire.yaml', 'responses.csv'] };
      return { data, minBase };
    });
  });

function figuresOf(data: Dataset, minBase: number): Figures {
  const result = analyzeDataset(data, AnalysisOptionsSchema.parse({ min_base: minBase, low_base: minBase, per: 'branch' }));
  if (!result.figures) throw new Error(JSON.stringify(result.problems));
  return result.figures;
}

/** What a reader sees of one wave: the wave's figure, and each entity's figure of that wave as its page publishes it. */
function publishedWave(f: Figures, wave: string): Figures {
  const head = f.waves.find((w) => w.wave === wave)!;
  const cells: Record<string, GroupFigures> = {};
  for (const name of Object.keys(f.entities!.values)) {
    const page = entityPageFigures(f, name);
    const cell = page?.waves.find((w) => w.wave === wave);
    if (cell) cells[name] = cell;
  }
  return { ...f, ...head, segments: { branch: cells } };
}

describe('entity pages: no withheld entity can be derived by subtraction', () => {
  it('in every wave, the wave minus the published entities rests on 0 or ≥ min_base respondents, never one withheld entity', () => {
    fc.assert(
      fc.property(dataset, ({ data, minBase }) => {
        const f = figuresOf(data, minBase);
        for (const wave of f.meta.waves) expect(disclosures(publishedWave(f, wave))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('an entity under min_base in the report wave publishes nothing: no page figures, no standing, no place in the spread', () => {
    fc.assert(
      fc.property(dataset, ({ data, minBase }) => {
        const f = figuresOf(data, minBase);
        for (const [name, e] of Object.entries(f.entities!.values)) {
          if (!e.withheld) continue;
          expect(Object.keys(e).sort()).toEqual(['n', 'slug', 'withheld']);
          expect(entityPageFigures(f, name)).toBeUndefined();
          for (const s of Object.values(f.entities!.consistency)) expect([s.best, s.worst, ...s.below]).not.toContain(name);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the checker finds the withheld entity when every sibling of an earlier wave is published (so the property can fail)', () => {
    const person = (i: number, wave: string, branch: string, nps: number): Respondent => ({
      id: `P${i}`,
      wave,
      segments: { branch },
      e: {},
      p: {},
      w: {},
      nps,
      line: i + 2,
    });
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => person(i, '2026-Q1', 'Small', 10)),
      ...Array.from({ length: 30 }, (_, i) => person(100 + i, '2026-Q1', 'Big', i % 11)),
      ...Array.from({ length: 30 }, (_, i) => person(200 + i, '2026-Q1', 'Other', (i * 7) % 11)),
      ...Array.from({ length: 6 }, (_, i) => person(300 + i, '2026-Q2', 'Small', 9)),
      ...Array.from({ length: 30 }, (_, i) => person(400 + i, '2026-Q2', 'Big', i % 11)),
      ...Array.from({ length: 30 }, (_, i) => person(500 + i, '2026-Q2', 'Other', (i * 3) % 11)),
    ];
    const f = figuresOf({ name: 'c', questionnaire, items: questionnaire.items, responses: rows, files: [] }, 10);
    const q1 = publishedWave(f, '2026-Q1');
    expect(disclosures(q1)).toEqual([]);
    // Publish the sibling withheld to protect Small as a page without complementary suppression would: Small's 6 promoters fall out.
    const [guard] = Object.entries(q1.segments.branch).filter(([, g]) => g.nps?.suppressed && (g.nps as { secondary?: true }).secondary);
    expect(guard?.[0]).toBe('Big');
    const own = figuresOf(
      { name: 'c', questionnaire, items: questionnaire.items, responses: rows.filter((r) => r.segments.branch === 'Big' && r.wave === '2026-Q1'), files: [] },
      10,
    );
    q1.segments.branch.Big = { ...q1.segments.branch.Big, nps: own.nps };
    expect(disclosures(q1).map((d) => [d.quantity, d.n])).toContainEqual(['nps', 6]);
  });
});
