/**
 * Entity pages render the report's MDX against figures composed from the parent's (issue 15):
 * every <Metric> id resolves against the entity, `parent.` ids against the report, `entity.`
 * ids against its standing among its siblings; what an entity has no data of reads "not measured".
 */
import { describe, expect, it } from 'vitest';
import { resolveMetric } from '../../src/analysis/metric-id';
import { entityPageFigures, entityPages, lintFigures, parentPageFigures } from '../../src/build/entities';
import { lintReport } from '../../src/build/lint-mdx';
import { chainFigures } from './chain-case';

const many = (wave: string, n: number, nps: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => [wave, nps(i), 3 + (i % 3)] as [string, number, number]);
const f = chainFigures({
  'North <b>1</b>': many('2026-Q2', 25, (i) => (i % 3) + 8),
  'South/../2': many('2026-Q2', 30, (i) => i % 11),
  Tiny: many('2026-Q2', 4, () => 10),
  '': many('2026-Q2', 8, (i) => i % 11),
});
const value = (id: string, figures = entityPageFigures(f, 'North <b>1</b>')!) => {
  const r = resolveMetric(figures, id);
  return r.kind === 'value' ? r.value : r.kind;
};

describe('entityPageFigures', () => {
  it('resolves headline ids against the entity and parent. ids against the report', () => {
    const north = f.entities!.values['North <b>1</b>'] as { nps: { score: number } };
    expect(value('nps.score')).toBe(north.nps.score);
    expect(value('parent.nps.score')).toBe((f.nps as { score: number }).score);
    expect(value('parent.n')).toBe(f.n);
  });

  it('resolves entity. ids to the standing among the siblings', () => {
    expect(value('entity.rank.nps')).toBe(1);
    expect(value('entity.of.nps')).toBe(2);
    expect(value('entity.name')).toBe('North <b>1</b>');
    expect(typeof value('entity.tests.nps.p_holm')).toBe('number');
  });

  it('says not measured for what an entity has no data of (drivers, KPIs, breakdowns), never the parent value', () => {
    expect(value('drivers.r2')).toBe('not measured');
    expect(value('gaps.gap3.value')).toBe('not measured');
    expect(entityPageFigures(f, 'North <b>1</b>')!.segments).toEqual({});
  });

  it('gives a withheld entity no page figures at all', () => {
    expect(entityPageFigures(f, 'Tiny')).toBeUndefined();
  });

  it('lists every entity with a URL-safe slug, withheld ones included', () => {
    expect(entityPages(f).map((p) => [p.name, p.slug, p.figures.withheld])).toEqual([
      ['North <b>1</b>', 'north-b-1-b', false],
      ['South/../2', 'south-2', false],
      ['Tiny', 'tiny', true],
    ]);
  });

  it('on the parent page, entity. ids are not measured and parent. ids read the report itself', () => {
    const parent = parentPageFigures(f);
    expect(value('entity.rank.nps', parent)).toBe('not measured');
    expect(value('parent.nps.score', parent)).toBe((f.nps as { score: number }).score);
  });

  it('lints a per: template against an entity page, so entity ids pass and an unknown one is named', () => {
    const text = '---\ntitle: x\n---\n\nRank <Metric id="entity.rank.nps" /> vs <Metric id="parent.nps.score" />, <Metric id="entity.rnak.nps" />\n';
    const problems = lintReport('content/reports/x.mdx', text, lintFigures(f));
    expect(problems.map((p) => `${p.line}: ${p.message} ${p.hint ?? ''}`)).toEqual([
      '5: is not a figure id: "entity.rnak.nps": "rnak" is not a figure of entity. Did you mean "entity.rank.nps"?',
    ]);
  });
});
