/**
 * Privacy per page (issue 15): whatever the entity sizes, subtracting the published entities
 * from the published wave figure never gives away a withheld entity — in the report's wave
 * (the parent's segment) nor in any earlier wave an entity page charts. The attacker is
 * test/properties/disclosure-checker.ts, which reads only published figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { analyzeDataset } from '../../src/analysis/analyze';
import { analyzeWith } from '../../src/engines/run-fs';
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

/**
 * Every published total, not only the wave's (issue 15): a chain's outlets nest in regions and
 * cross a channel segment. The attacker below knows which respondent is in which group (the
 * worst case) and reads only published figures: for every published total — the wave, each
 * region, each channel, each union of one segment's values — it subtracts every family of
 * pairwise disjoint published groups that lie inside it (entities, and other segments' values)
 * and looks at the respondents left.
 */
const crossing = QuestionnaireSchema.parse({
  scale: { min: 1, max: 5 },
  items: [{ id: 'r1', dimension: 'reliability', text: 'Keeps promises' }],
  segments: ['region', 'channel', 'branch'],
});

/** How an outlet's respondents use the channel segment: all Online, all in store, or mixed (some left empty). */
const CHANNEL_MODES = ['online', 'store', 'mixed'] as const;

const chain = fc
  .record({
    regions: fc.array(fc.array(fc.record({ size: fc.integer({ min: 0, max: 22 }), mode: fc.constantFrom(...CHANNEL_MODES) }), { minLength: 1, maxLength: 4 }), {
      minLength: 2,
      maxLength: 3,
    }),
    loose: fc.integer({ min: 0, max: 5 }),
    minBase: fc.constantFrom(5, 10),
  })
  .chain(({ regions, loose, minBase }) => {
    const people: { region?: string; branch?: string; mode: (typeof CHANNEL_MODES)[number] }[] = [
      ...regions.flatMap((outlets, r) =>
        outlets.flatMap((o, b) => Array.from({ length: o.size }, () => ({ region: `R${r}`, branch: `R${r} B${b}`, mode: o.mode }))),
      ),
      ...Array.from({ length: loose }, () => ({ mode: 'mixed' as const })),
    ];
    const person = fc.record({
      nps: maybe(fc.integer({ min: 0, max: 10 })),
      csat: maybe(fc.integer({ min: 1, max: 5 })),
      p: fc.integer({ min: 1, max: 5 }),
      channel: fc.constantFrom('Online', 'Store', 'Store', undefined),
      regionOfLoose: fc.constantFrom('R0', 'R1', undefined),
    });
    return fc.array(person, { minLength: people.length, maxLength: people.length }).map((answers) => {
      const responses: Respondent[] = answers.map((a, i) => {
        const who = people[i];
        const channel = who.mode === 'online' ? 'Online' : who.mode === 'store' ? 'Store' : a.channel;
        return {
          id: `R${i}`,
          wave: '2026-Q1',
          segments: { region: who.branch ? who.region : a.regionOfLoose, channel, branch: who.branch },
          e: { r1: 4 },
          p: { r1: a.p },
          w: {},
          nps: a.nps,
          csat: a.csat,
          line: i + 2,
        };
      });
      const data: Dataset = { name: 'chain', questionnaire: crossing, items: crossing.items, responses, files: ['questionnaire.yaml', 'responses.csv'] };
      return { data, minBase };
    });
  });

/** A published group of one quantity: what it is, the base it publishes, and (attacker's knowledge) its respondents as bits. */
interface Group {
  label: string;
  n: number;
  members: bigint;
}

const QUANTITIES: { id: string; answered: (r: Respondent) => boolean; n: (g: GroupFigures) => number | undefined }[] = [
  { id: 'nps', answered: (r) => r.nps !== undefined, n: (g) => (g.nps && !g.nps.suppressed ? g.nps.n : undefined) },
  { id: 'csat', answered: (r) => r.csat !== undefined, n: (g) => (g.csat && !g.csat.suppressed ? g.csat.n : undefined) },
  {
    id: 'servqual.reliability.perception',
    answered: (r) => r.p.r1 !== undefined,
    n: (g) => {
      const d = g.servqual?.dimensions.reliability;
      return d && !d.suppressed && d.perception !== undefined ? d.n_perception : undefined;
    },
  },
];

const popcount = (x: bigint) => {
  let c = 0;
  for (; x > 0n; x &= x - 1n) c++;
  return c;
};

/**
 * Every leftover of 1 … min_base − 1 respondents: a published total minus disjoint published
 * groups inside it — entities, other segments' values (channel Online minus region R2 when every
 * R2 respondent answered Online), or both.
 */
export function derivableSmallBlocks(totals: readonly Group[], groups: readonly Group[], minBase: number): string[] {
  const out: string[] = [];
  for (const t of totals) {
    const inside = groups.filter((g) => g.members !== t.members && (g.members & ~t.members) === 0n && g.members !== 0n);
    const seen = new Set<bigint>();
    const walk = (from: number, union: bigint, used: string[]) => {
      if (seen.has(union)) return;
      seen.add(union);
      const left = popcount(t.members & ~union);
      if (used.length > 0 && left > 0 && left < minBase) out.push(`${t.label} − ${used.join(' − ')}: ${left} respondents`);
      for (let i = from; i < inside.length; i++) if ((inside[i].members & union) === 0n) walk(i + 1, union | inside[i].members, [...used, inside[i].label]);
    };
    walk(0, 0n, []);
  }
  return out;
}

/** What a reader of the site sees of one quantity, as groups with the attacker's knowledge of their respondents. */
function publishedGroups(f: Figures, data: Dataset, q: (typeof QUANTITIES)[number]): { totals: Group[]; groups: Group[] } {
  const rs = data.responses!;
  const bits = (keep: (r: Respondent) => boolean) => rs.reduce((m, r, i) => (keep(r) && q.answered(r) ? m | (1n << BigInt(i)) : m), 0n);
  const groups: Group[] = [];
  const add = (label: string, g: GroupFigures | undefined, keep: (r: Respondent) => boolean) => {
    const n = g && q.n(g);
    if (n === undefined) return undefined;
    const group = { label, n, members: bits(keep) };
    expect([label, popcount(group.members)]).toEqual([label, n]); // the attacker's knowledge matches the published base
    groups.push(group);
    return group;
  };
  const wave = add('wave', f, () => true);
  const bySegment = new Map<string, Group[]>();
  for (const segment of ['region', 'channel'])
    bySegment.set(
      segment,
      Object.entries(f.segments[segment] ?? {}).flatMap(([v, g]) => add(`${segment}=${v}`, g, (r) => r.segments[segment] === v) ?? []),
    );
  for (const name of Object.keys(f.entities!.values)) {
    add(`page ${name}`, entityPageFigures(f, name), (r) => r.segments.branch === name);
    add(`breakdown ${name}`, f.segments.branch?.[name], (r) => r.segments.branch === name);
  }
  // Totals: the wave, and every union of two or more values of one segment (each value alone is a group, and a total).
  const totals = [...(wave ? [wave] : []), ...groups.filter((g) => g.label.startsWith('region=') || g.label.startsWith('channel='))];
  for (const values of bySegment.values())
    for (let mask = 1; mask < 1 << values.length; mask++) {
      const picked = values.filter((_, i) => mask & (1 << i));
      if (picked.length < 2) continue;
      totals.push({
        label: picked.map((g) => g.label).join(' + '),
        n: picked.reduce((a, g) => a + g.n, 0),
        members: picked.reduce((a, g) => a | g.members, 0n),
      });
    }
  return { totals, groups };
}

function crossingFigures(data: Dataset, minBase: number): Figures {
  const result = analyzeDataset(data, AnalysisOptionsSchema.parse({ min_base: minBase, low_base: minBase, per: 'branch' }));
  if (!result.figures) throw new Error(JSON.stringify(result.problems));
  return result.figures;
}

describe('entity pages: no total of another segment minus published entities reveals a withheld one', () => {
  it('on random chains (outlets nested in regions, crossing a channel), no published total minus published groups inside it leaves 1 … min_base − 1 respondents', () => {
    fc.assert(
      fc.property(chain, ({ data, minBase }) => {
        const f = crossingFigures(data, minBase);
        for (const q of QUANTITIES) {
          const { totals, groups } = publishedGroups(f, data, q);
          expect([q.id, derivableSmallBlocks(totals, groups, minBase)]).toEqual([q.id, []]);
        }
      }),
      { numRuns: 120, seed: 15 },
    );
  });

  it('the parent’s breakdown by the per segment publishes exactly the entities’ pages publish', () => {
    fc.assert(
      fc.property(chain, ({ data, minBase }) => {
        const f = crossingFigures(data, minBase);
        for (const name of Object.keys(f.entities!.values)) {
          const page = entityPageFigures(f, name);
          for (const q of QUANTITIES) expect([name, q.id, page && q.n(page)]).toEqual([name, q.id, q.n(f.segments.branch[name])]);
        }
      }),
      { numRuns: 60, seed: 16 },
    );
  });

  it('the attacker finds a region minus its published outlets when the outlets are complemented against the wave only (so the property can fail)', () => {
    const at = (i: number, region: string, branch: string, nps: number): Respondent => ({
      id: `Q${i}`,
      wave: '2026-Q1',
      segments: { region, branch },
      e: {},
      p: {},
      w: {},
      nps,
      line: i + 2,
    });
    // North: a 6-respondent outlet beside a 30; South: two outlets of 30. The wave minus every published outlet is 6 + 0.
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => at(i, 'North', 'North small', 10)),
      ...Array.from({ length: 30 }, (_, i) => at(10 + i, 'North', 'North big', i % 11)),
      ...Array.from({ length: 30 }, (_, i) => at(50 + i, 'South', 'South one', (i * 3) % 11)),
      ...Array.from({ length: 30 }, (_, i) => at(90 + i, 'South', 'South two', (i * 7) % 11)),
    ];
    const data: Dataset = { name: 'c', questionnaire: crossing, items: crossing.items, responses: rows, files: [] };
    const f = crossingFigures(data, 10);
    const nps = QUANTITIES[0];
    const seen = publishedGroups(f, data, nps);
    expect(derivableSmallBlocks(seen.totals, seen.groups, 10)).toEqual([]);
    expect(entityPageFigures(f, 'North big')?.nps).toMatchObject({ suppressed: true, secondary: true });
    // Published as the wave-only rule would (North big's own figures): North minus North big is North small's 6.
    const own = crossingFigures({ ...data, responses: rows.filter((r) => r.segments.branch === 'North big') }, 10);
    const leaked = { ...f, segments: { ...f.segments, branch: { ...f.segments.branch, 'North big': { ...f.segments.branch['North big'], nps: own.nps } } } };
    const leak = publishedGroups(leaked, data, nps);
    expect(derivableSmallBlocks(leak.totals, leak.groups, 10)).toContain('region=North − breakdown North big: 6 respondents');
  });
});

describe('the chain demo: North 23 (n = 8 in 2026-Q4) stays withheld against the North total', () => {
  it('region North minus its published outlets rests on ≥ min_base respondents in every figure, and the outlet that gives way is the smallest', async () => {
    const result = await analyzeWith('memory', resolve(import.meta.dirname, '../../data/chain'), AnalysisOptionsSchema.parse({ per: 'outlet' }));
    const f = result.figures!;
    const values = f.entities!.values;
    expect(values['North 23 — Darlington']).toEqual({ withheld: true, slug: values['North 23 — Darlington'].slug, n: 8 });
    const north = Object.keys(values).filter((v) => v.startsWith('North '));
    // Before the fix the North total minus the 39 other North outlets left North 23's 8 answers (NPS +12.5).
    for (const q of QUANTITIES) {
      const total = q.n(f.segments.region.North)!;
      const left = north.reduce((a, v) => a - (q.n(entityPageFigures(f, v) ?? { n: 0 }) ?? 0), total);
      expect([q.id, left === 0 || left >= f.meta.min_base]).toEqual([q.id, true]);
      expect([q.id, left > 8]).toEqual([q.id, true]);
    }
    const guard = north.filter((v) => !values[v].withheld && entityPageFigures(f, v)!.nps?.suppressed);
    expect(guard).toEqual(['North 19 — Lancaster']);
    expect(entityPageFigures(f, guard[0])!.nps).toEqual({ suppressed: true, secondary: true, n: expect.any(Number) });
    const published = north.filter((v) => !values[v].withheld && !entityPageFigures(f, v)!.nps?.suppressed);
    expect(Math.min(...[...published, ...guard].map((v) => values[v].n))).toBe(values[guard[0]].n);
    // And the parent's breakdown by outlet withholds it alike.
    expect(f.segments.outlet['North 19 — Lancaster'].nps).toMatchObject({ suppressed: true, secondary: true });
  }, 60_000);
});
