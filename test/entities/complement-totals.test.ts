/**
 * Complementing entities against other segments' totals (complementary.ts entitySuppression):
 * an engine that counts no entity × segment cells refuses such a report, and a segment whose
 * values entities cross in too many ways to enumerate falls back to withholding the crossers.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { perProblems } from '../../src/analysis/entities';
import { CONNECTED_UNIONS } from '../../src/analysis/complementary';
import type { Dataset, Respondent } from '../../src/schemas/dataset';
import { QuestionnaireSchema } from '../../src/schemas/questionnaire';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

describe('per: against other segments’ totals', () => {
  it('is refused, worded, where the engine counted no entity × segment cells and other segments publish totals', () => {
    expect(perProblems('outlet', ['region', 'outlet'], false)).toEqual([
      {
        file: 'report settings',
        column: 'per',
        value: 'outlet',
        message:
          'needs the counts of each outlet within region, which this engine does not compute, to keep a withheld outlet from being derived from those totals.',
        hint: 'Build this report with --engine memory or --engine stream.',
      },
    ]);
    expect(perProblems('outlet', ['outlet'], false)).toEqual([]);
    expect(perProblems('outlet', ['region', 'outlet'], true)).toEqual([]);
  });

  it('complements weighted data too: the weighting cells’ cross counts reach the report, and North minus its outlets stays ≥ min_base', () => {
    const questionnaire = QuestionnaireSchema.parse({
      scale: { min: 1, max: 5 },
      items: [],
      segments: ['region', 'branch'],
      weighting: { method: 'raking', targets: { region: { North: 0.5, South: 0.5 } } },
    });
    const sizes: [string, string, number][] = [
      ['North', 'N small', 6],
      ['North', 'N big', 30],
      ['South', 'S one', 30],
      ['South', 'S two', 30],
      ['South', 'S small', 5],
    ];
    const responses: Respondent[] = sizes.flatMap(([region, branch, size], s) =>
      Array.from({ length: size }, (_, i) => ({
        id: `R${s}-${i}`,
        wave: '2026-Q1',
        segments: { region, branch },
        e: {},
        p: {},
        w: {},
        nps: (i * (s + 3)) % 11,
        line: s * 100 + i + 2,
      })),
    );
    const result = analyzeDataset(
      { name: 'w', questionnaire, items: [], responses, files: [] },
      AnalysisOptionsSchema.parse({ min_base: 10, low_base: 10, per: 'branch' }),
    );
    expect(result.problems).toEqual([]);
    const f = result.figures!;
    expect(f.entities!.values['N small']).toMatchObject({ withheld: true, n: 6 });
    // The wave minus every published branch leaves 6 + 5 ≥ 10, but North minus N big is N small and South minus S one and S two is S small.
    for (const guard of ['N big', 'S one'])
      expect(f.entities!.values[guard].withheld === false && f.entities!.values[guard].nps).toMatchObject({ suppressed: true, secondary: true });
    expect(f.entities!.values['S two'].withheld === false && f.entities!.values['S two'].nps).toMatchObject({ suppressed: false });
    expect(f.segments.region.North.nps).toMatchObject({ suppressed: false, n: 36 });
  });

  it('withholds every entity spanning several values of a segment crossed in more ways than it enumerates', () => {
    const questionnaire = QuestionnaireSchema.parse({ scale: { min: 1, max: 5 }, items: [], segments: ['zone', 'branch'] });
    const ZONES = 16;
    const responses: Respondent[] = [];
    // 60 branches of 12, each split over two zones (a fixed pseudo-random pair), every zone well over min_base.
    for (let b = 0; b < 60; b++) {
      const pair = [(b * 7) % ZONES, (b * 7 + 1 + ((b * 5) % (ZONES - 1))) % ZONES];
      for (let i = 0; i < 12; i++)
        responses.push({
          id: `R${responses.length}`,
          wave: '2026-Q1',
          segments: { zone: `Z${String(pair[i % 2]).padStart(2, '0')}`, branch: `B${String(b).padStart(2, '0')}` },
          e: {},
          p: {},
          w: {},
          nps: (b + i) % 11,
          line: responses.length + 2,
        });
    }
    const data: Dataset = { name: 'zones', questionnaire, items: [], responses, files: [] };
    const f = analyzeDataset(data, AnalysisOptionsSchema.parse({ min_base: 5, low_base: 5, per: 'branch' })).figures!;
    const values = Object.values(f.entities!.values);
    expect(values).toHaveLength(60);
    // Every branch spans two zones, and the zones' connected unions run past CONNECTED_UNIONS: none is published.
    expect(CONNECTED_UNIONS).toBeLessThan(2 ** ZONES);
    for (const e of values) expect(e.withheld === false && e.nps).toMatchObject({ suppressed: true, secondary: true });
    for (const z of Object.values(f.segments.zone)) expect(z.nps?.suppressed).toBe(false);
  });
});
