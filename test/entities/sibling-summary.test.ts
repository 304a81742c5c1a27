/**
 * An entity page among many siblings (issue 15, scale): <Dispersion>, <Consistency/> and
 * <LeagueTable/> select a constant amount of the siblings for it — a summary, this entity's
 * own row, a window of the league table — while the report's own page keeps every entity.
 */
import { describe, expect, it } from 'vitest';
import { entityPageFigures, parentPageFigures } from '../../src/build/entities';
import { DOT_LIMIT, dispersionInput } from '../../src/components/lib/dispersion';
import { entityConsistencyRows, leagueTable, publishedCount, type LeagueRow } from '../../src/components/lib/league';
import { formatters } from '../../src/i18n/format';
import { strings } from '../../src/i18n';
import { chainFigures, many } from './chain-case';

// 60 branches of 12 answers (their NPS spread by index), Low clearly below, Tiny withheld.
const groups: Record<string, [string, number, number][]> = {};
for (let b = 0; b < 60; b++)
  groups[`B${String(b).padStart(2, '0')}`] = many(
    '2026-Q2',
    12,
    (i) => (i + b) % 11,
    (i) => 3 + ((i + b) % 3),
  );
groups.Low = many(
  '2026-Q2',
  40,
  (i) => i % 4,
  () => 1,
);
groups.Tiny = many(
  '2026-Q2',
  4,
  () => 10,
  () => 5,
);
const f = chainFigures(groups);
const entities = f.entities!;
const fmt = formatters('en');
const t = strings('en');
const label = { metric: 'NPS' };

describe('an entity page among more than DOT_LIMIT siblings', () => {
  it('has that many published siblings (the case is what it claims)', () => {
    expect(publishedCount(entities)).toBe(61);
    expect(entities.consistency.nps.entities).toBeGreaterThan(DOT_LIMIT);
  });

  it('charts the siblings as a summary whose histogram counts every published value once, shared by every page', () => {
    const low = entityPageFigures(f, 'Low')!;
    const view = dispersionInput(entities, 'nps', label, low.entity);
    expect(view?.form).toBe('summary');
    if (view?.form !== 'summary') return;
    const spread = entities.consistency.nps;
    expect(view.input.bins.reduce((a, b) => a + b.count, 0)).toBe(spread.entities);
    expect(view.input.own).toEqual({ value: (entities.values.Low as { nps: { score: number } }).nps.score, rank: spread.entities, of: spread.entities });
    expect(view.input.lowest).toBe('Low');
    expect([view.input.min, view.input.q1, view.input.median, view.input.q3, view.input.max]).toEqual([
      spread.min,
      spread.q1,
      spread.median,
      spread.q3,
      spread.max,
    ]);
    // Computed once per report and figure: another page gets the same bins, not a new pass over the siblings.
    const other = dispersionInput(entities, 'nps', label, entityPageFigures(f, 'B07')!.entity);
    expect(other?.form === 'summary' && other.input.bins).toBe(view.input.bins);
  });

  it('keeps every sibling on the report’s own page', () => {
    const view = dispersionInput(entities, 'nps', label, parentPageFigures(f).entity);
    // Every entity whose NPS is published (Tiny is withheld, and one more NPS is withheld to protect it).
    const published = Object.entries(entities.values).filter(([, v]) => !v.withheld && v.nps && !v.nps.suppressed);
    expect(published).toHaveLength(entities.consistency.nps.entities);
    expect(view?.form === 'dots' && view.input.dots.map((d) => d.label).sort()).toEqual(published.map(([name]) => name).sort());
  });

  it('gives <Consistency/> this entity’s row per figure: value, rank, test against the rest, spread', () => {
    const low = entityPageFigures(f, 'Low')!;
    const rows = entityConsistencyRows(entities, low.entity!, fmt, t);
    expect(rows.map((r) => r.metric).sort()).toEqual(Object.keys(entities.consistency).sort());
    const nps = rows.find((r) => r.metric === 'nps')!;
    const score = (entities.values.Low as { nps: { score: number } }).nps.score;
    expect(nps).toMatchObject({
      value: fmt.number(score, 0),
      rank: `${entities.consistency.nps.entities} of ${entities.consistency.nps.entities}`,
      versus: 'below the rest',
      below: true,
    });
    expect(JSON.stringify(rows)).not.toMatch(/B\d\d/);
  });

  it('shows a window of the league table: the three first and last, two either side, and how many it leaves out', () => {
    const page = entityPageFigures(f, 'B30')!;
    const table = leagueTable(page, entities, 'nps', fmt, t, 'B30');
    expect(table.windowed).toBe(true);
    const rows = table.rows.filter((r): r is LeagueRow => !('gap' in r));
    const gaps = table.rows.filter((r) => 'gap' in r).map((r) => (r as { gap: string }).gap);
    const own = rows.findIndex((r) => r.name === 'B30');
    expect(rows.length).toBeLessThanOrEqual(11);
    expect(rows.map((r) => r.rank).slice(0, 3)).toEqual(
      leagueTable(f, entities, 'nps', fmt, t)
        .rows.slice(0, 3)
        .map((r) => (r as LeagueRow).rank),
    );
    expect(rows.slice(own - 2, own + 3)).toHaveLength(5);
    expect(rows.some((r) => r.withheld)).toBe(false);
    // Every entity is either shown or counted in a gap row: 62 in all (Tiny among the left-out ones).
    expect(rows.length + gaps.reduce((a, g) => a + Number(/… (\d+) more/.exec(g)![1]), 0)).toBe(62);
    expect(gaps.at(-1)).toMatch(/^… \d+ more branchs \(every one in the full table\)$/);
  });

  it('lists every entity on the report’s page and the index pages', () => {
    const table = leagueTable(parentPageFigures(f), entities, 'nps', fmt, t);
    expect(table.windowed).toBe(false);
    expect(table.rows).toHaveLength(62);
    expect(table.rows.some((r) => 'gap' in r)).toBe(false);
  });
});
