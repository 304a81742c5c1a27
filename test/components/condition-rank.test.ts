/** `is lowest` / `is highest` in the condition language (src/analysis/condition.ts rankOf): a figure against the same figure of its siblings. */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCondition, rankOf, testCondition } from '../../src/analysis/condition';
import type { Figures } from '../../src/schemas/figures';
import { demoFigures } from '../site/demo-figures';

let demo: Figures;
beforeAll(async () => {
  demo = await demoFigures();
}, 300_000);

describe('is lowest / is highest', () => {
  it('parses as a ranking, not as the word "lowest"', () => {
    expect(parseCondition('segments.channel.email.nps.score is highest')).toEqual({
      ok: true,
      condition: { kind: 'rank', id: 'segments.channel.email.nps.score', pick: 'highest' },
    });
  });
  it('ranks a segment value among the other values of its segment', () => {
    const ranked = rankOf(demo, 'segments.channel.store.nps.score');
    expect(ranked?.siblings.map((s) => s.name)).toEqual(Object.keys(demo.segments.channel));
    expect(ranked?.first.id).toBe('segments.channel.email.nps.score');
  });
  it('leaves suppressed and withheld siblings out of the ranking', () => {
    const names = rankOf(demo, 'segments.region.South.nps.score')?.siblings.map((s) => s.name);
    expect(names).not.toContain('Islands');
    expect(names).toContain('South');
  });
  it('ranks KPIs (a list) by their entry, and dimensions by their name', () => {
    expect(rankOf(demo, 'kpis.first-contact-fix.value')?.siblings).toHaveLength(demo.kpis.length);
    expect(testCondition(demo, 'servqual.dimensions.reliability.gap is lowest')).toEqual({ ok: true, holds: true });
    expect(testCondition(demo, 'servqual.dimensions.reliability.gap is highest')).toEqual({ ok: true, holds: false });
  });
  it('holds in a <When> as in a <Claim>: the lowest channel is lowest, another is not', () => {
    expect(testCondition(demo, 'segments.channel.email.nps.score is lowest')).toEqual({ ok: true, holds: true });
    expect(testCondition(demo, 'segments.channel.store.nps.score is lowest')).toEqual({ ok: true, holds: false });
  });
  it('refuses to rank a word figure', () => {
    expect(testCondition(demo, 'kpis.first-contact-fix.status is lowest')).toEqual({
      ok: false,
      message: '"kpis.first-contact-fix.status is lowest" kpis.first-contact-fix.status is a word, not a number: test it with "is".',
    });
  });
});
