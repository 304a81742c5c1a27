/**
 * Templated reports (issue 15): a `per:` report gets one set of figures per value of the
 * segment, all from the one pass over the data, withheld whole under min_base.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { chainFigures, FOUR_BRANCHES, many, QUESTIONNAIRE } from './chain-case';
import { holmAdjust } from '../../src/stats/multiple-comparison';
import { buildDataset } from '../../src/data/dataset';
import { formatProblem } from '../../src/schemas/problem';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const CHAIN = {
  ...FOUR_BRANCHES,
  // Respondents who left the branch empty: with Tiny they make a block of ≥ min_base, so no sibling must give way.
  '': many(
    '2026-Q2',
    10,
    (i) => i % 11,
    () => 3,
  ),
};

describe('entityFigures (per: <segment>)', () => {
  const f = chainFigures(CHAIN);
  const e = f.entities!;

  it('gives every value of the segment its figures, the report wave equal to the segment cell of the same pass', () => {
    expect(e.per).toBe('branch');
    expect(Object.keys(e.values)).toEqual(['Alpha', 'Beta', 'Gamma', 'Tiny']);
    const alpha = e.values.Alpha;
    if (alpha.withheld) throw new Error('Alpha is published');
    // The segment cell may carry more (its own tests against the rest); every figure of the entity is the cell's.
    expect(f.segments.branch.Alpha.nps).toMatchObject(alpha.nps!);
    expect(f.segments.branch.Alpha.servqual).toMatchObject(alpha.servqual!);
    expect(alpha.waves.map((w) => [w.wave, w.n])).toEqual([
      ['2026-Q1', 20],
      ['2026-Q2', 25],
    ]);
    expect(alpha.changes.map((c) => c.metric)).toContain('nps.score');
    expect(alpha.benchmarks).toEqual([]);
  });

  it('withholds an entity under min_base whole: its slug and base, no figure of any wave', () => {
    expect(e.values.Tiny).toEqual({ withheld: true, slug: 'tiny', n: 6 });
  });

  it('ranks and percentiles count only the published siblings, oriented best first', () => {
    const rank = (v: string) => {
      const x = e.values[v];
      return x.withheld ? undefined : [x.standing.rank.nps, x.standing.of.nps];
    };
    expect([rank('Alpha'), rank('Beta'), rank('Gamma')]).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(e.consistency.nps).toMatchObject({ entities: 3, best: 'Alpha', worst: 'Gamma' });
    const gamma = e.values.Gamma;
    if (gamma.withheld) throw new Error('Gamma is published');
    expect(gamma.standing.percentile.nps).toBeCloseTo((0.5 / 3) * 100, 9);
  });

  it('tests each entity against the rest of the wave with Holm-adjusted p, and lists the significantly worse', () => {
    const gamma = e.values.Gamma;
    if (gamma.withheld) throw new Error('Gamma is published');
    const t = gamma.standing.tests.nps;
    expect(t.rest).toBeCloseTo(((f.nps as { score: number }).score * f.nps!.n - t.value * gamma.nps!.n) / (f.nps!.n - gamma.nps!.n), 9);
    expect(t.p_holm).toBeGreaterThanOrEqual(t.p);
    expect(t).toMatchObject({ significant: true, direction: 'worse' });
    expect(e.consistency.nps.below).toEqual(['Gamma']);
    expect(e.consistency.nps.differ).toBeGreaterThanOrEqual(1);
  });

  it("adjusts each figure's p-values by Holm's method over the entities tested on it", () => {
    const tested = Object.values(e.values).flatMap((v) => (v.withheld || !v.standing.tests.nps ? [] : [v.standing.tests.nps]));
    expect(tested.length).toBe(3);
    expect(tested.map((t) => t.p_holm)).toEqual(holmAdjust(tested.map((t) => t.p)));
    expect(tested.some((t) => t.p_holm > t.p)).toBe(true);
  });

  it('states the spread: quartiles by interpolation, IQR, min–max, coefficient of variation', () => {
    const s = e.consistency.nps;
    const values = ['Alpha', 'Beta', 'Gamma'].map((v) => (e.values[v] as { nps: { score: number } }).nps.score).sort((a, b) => a - b);
    expect([s.min, s.median, s.max]).toEqual(values);
    expect(s.q1).toBeCloseTo((values[0] + values[1]) / 2, 9);
    expect(s.iqr).toBeCloseTo(s.q3 - s.q1, 12);
    expect(s.cv).toBeCloseTo(s.sd! / Math.abs(s.mean), 12);
  });

  it('does not rank or test a sibling withheld to protect the withheld entity (no blank respondents to pool with)', () => {
    const { '': _blank, ...noBlank } = CHAIN;
    const g = chainFigures(noBlank).entities!;
    const alpha = g.values.Alpha;
    if (alpha.withheld) throw new Error('Alpha reaches min_base');
    expect(alpha.nps).toEqual({ suppressed: true, secondary: true, n: 25 });
    expect(alpha.standing.rank.nps).toBeUndefined();
    expect(alpha.standing.tests.nps).toBeUndefined();
    expect(g.consistency.nps.entities).toBe(2);
  });

  it('computes no entities without per:', () => {
    expect(chainFigures(CHAIN, {}).entities).toBeUndefined();
  });

  it('names a per: that is no declared segment, with the closest one', () => {
    const loaded = buildDataset({
      name: 'case',
      texts: { 'questionnaire.yaml': QUESTIONNAIRE, 'responses.csv': 'respondent_id,wave,region,branch,nps\nR1,2026-Q1,North,A,9\n' },
    });
    const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({ per: 'brnach' }));
    expect(result.problems.map((p) => formatProblem({ ...p, file: 'content/reports/x.mdx' }))).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx: frontmatter "per": "brnach" is not a segment of questionnaire.yaml (segments: region, branch) nor benchmarks (the companies of benchmarks.csv). Did you mean branch?",
      ]
    `);
  });
});
