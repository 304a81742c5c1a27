import { DIMENSIONS } from '../schemas/questionnaire';
import type { BaseRule } from './suppress';
import type { SurveyLayout } from './layout';
import type { SurveyAcc } from './survey-acc';

/**
 * Complementary (secondary) suppression, the cell-suppression rule of statistical
 * disclosure control (Hundepool et al., *Statistical Disclosure Control*, 2012, §4.4).
 *
 * Within one segment of the report's wave the values partition the wave's respondents,
 * apart from those who left the segment empty. Every published figure gives away sums:
 * an NPS share × its n is a count of promoters, a mean × n a sum, an SD a sum of squares.
 * So the wave total minus the published cells gives the pooled sums of everything not
 * published — the suppressed cells plus the respondents without a value (their count is
 * derivable too, since every n is published). That pooled block must therefore hold 0 or
 * at least `min_base` respondents; while it does not, the published cell with the fewest
 * respondents (then the smallest base, then by name) is withheld as well. With every cell withheld the block is the whole
 * wave, which is published, so the loop always ends.
 *
 * It runs per figure family, because each has its own base (NPS and CSAT answered n
 * differ). A SERVQUAL dimension or item figure is one family but publishes several means,
 * each on its own base (expectations, perceptions, gaps, importance weights): every one of
 * them is checked, and a cell that must give way is withheld as a whole figure — gap ≈
 * perception − expectation, so hiding one mean of a figure while publishing the other two
 * would not hide it.
 *
 * Entities of a `per:` report (entitySuppression) face more totals than the wave: every
 * published value of another segment (a region, a channel) is a total too, and so is any
 * union of one segment's values (North + South is two published figures added) and the
 * segment's own unpublished rest (the wave minus its published values). Call such a
 * derivable total T over respondents S; every published entity whose respondents all lie
 * in S can be subtracted from it, and what is left — S minus those entities — must hold 0 or
 * at least `min_base` respondents, per figure family and per mean, as for the wave. Which
 * entity lies in which value is read from the cross cells entity × value the single pass
 * counts (accumulate.ts `cross`), for each mean on its own base: an outlet nested in its
 * region lies wholly in it; an outlet crossing a channel lies in no single channel, only in
 * the union of those it has respondents in, and the cross cells' counts are what a
 * subtraction there can reveal. The unions worth checking are the connected unions of the
 * published entities' spans (the values they have respondents in): a union that leaves out
 * part of no entity adds whole published values (each ≥ min_base) to the rest, and disjoint
 * parts add up remainders that are each 0 or ≥ min_base. Another segment's published value can
 * be subtracted as well where it lies wholly inside a union (channel = Online inside region
 * North, read from the segment × segment cross cells), and with it the entities sharing no
 * respondent with it; so the unions are joined by those values' spans too, and each union is
 * settled alone and less every subset of one other segment's values inside it (the first
 * INSIDE_VALUES of them). A remainder under min_base that no entity is subtracted from is the
 * segments' own breakdowns' doing, not the entities', and is left to them (segmentSuppression
 * settles those, against the wave and against each other). While a remainder is 1 … min_base − 1,
 * its published entity with the fewest respondents (then the smallest base, then by name)
 * is withheld as well, and every total is checked again until none changes (the hidden set
 * only grows, so this ends; with every member withheld a remainder is its total, published,
 * so ≥ min_base). Beyond CONNECTED_UNIONS connected unions for one segment, every entity
 * spanning more than one of its values is withheld for that family instead: what is left
 * nests, and nested remainders add up (another segment's value spanning several of them is
 * then subtracted from no union: a known limit, as is INSIDE_VALUES). Unions across two segments (North with Online, were
 * they disjoint) are not formed. The segments' own values are complemented first (against the
 * wave and each other: segmentSuppression); only entities give way here.
 */

/** One figure family: the base that gates the whole figure, and the base of each mean it publishes. */
interface Family {
  key: string;
  base: (acc: SurveyAcc) => number;
  parts: ((acc: SurveyAcc) => number)[];
}

const npsBase = (acc: SurveyAcc) => acc.nps[0] + acc.nps[1] + acc.nps[2];
const csatBase = (acc: SurveyAcc) => acc.csat.reduce((a, b) => a + b, 0);

/** Figure keys match the figure ids below a group: `nps`, `servqual.dimensions.<dim>`, `servqual.items.<item>`. */
function families(layout: SurveyLayout): Family[] {
  const one = (key: string, base: (acc: SurveyAcc) => number): Family => ({ key, base, parts: [base] });
  const out = [one('nps', npsBase), one('csat', csatBase), one('ces', (a) => a.ces.n), one('overall', (a) => a.overall.n)];
  layout.dims.forEach((dim, d) => {
    const w = DIMENSIONS.indexOf(dim);
    out.push({
      key: `servqual.dimensions.${dim}`,
      base: (a) => Math.max(a.dims[d].e.n, a.dims[d].p.n),
      parts: [(a) => a.dims[d].e.n, (a) => a.dims[d].p.n, (a) => a.dims[d].g.n, (a) => a.weights[w].n],
    });
  });
  layout.items.forEach((item, i) => {
    out.push({
      key: `servqual.items.${item.id}`,
      base: (a) => Math.max(a.items[i].e.n, a.items[i].p.n),
      parts: [(a) => a.items[i].e.n, (a) => a.items[i].p.n, (a) => a.items[i].g.n],
    });
  });
  return out;
}

/**
 * The same families, each mean read from a vector of every family's means per accumulator, made
 * the first time the accumulator is read. The search reads the same few thousand accumulators
 * (entities, cross cells) for every mean of every family and again in each round: reading all of
 * an accumulator's means at once keeps to one place in memory instead of three dependent loads
 * scattered over a 2 GB heap per mean (most of the search's time at 1,000 entities). Same numbers.
 */
function readOnce(list: Family[]): { families: Family[]; vector: (acc: SurveyAcc) => Float64Array; at: ReadonlyMap<Part, number> } {
  const all = list.flatMap((f) => f.parts);
  const vectors = new Map<SurveyAcc, Float64Array>();
  const vector = (acc: SurveyAcc) => {
    let v = vectors.get(acc);
    if (!v) vectors.set(acc, (v = Float64Array.from(all, (part) => part(acc))));
    return v;
  };
  const at = new Map<Part, number>();
  const families = list.map((f) => ({
    ...f,
    parts: f.parts.map(() => {
      const k = at.size;
      const part = (acc: SurveyAcc) => vector(acc)[k];
      at.set(part, k);
      return part;
    }),
  }));
  return { families, vector, at };
}

type Part = (acc: SurveyAcc) => number;

/**
 * Each grouping's cross cells (entity × value) as readOnce's vectors, looked up once per search:
 * the unions read them for every mean of every family. `row` is indexed by `col`.
 */
interface CrossVectors {
  /** A part's index in the vectors. */
  at: ReadonlyMap<Part, number>;
  row(g: Grouping, entity: string): readonly (Float64Array | undefined)[];
  col(g: Grouping, value: string): number;
}

function crossVectors(names: readonly string[], vector: (acc: SurveyAcc) => Float64Array, at: ReadonlyMap<Part, number>): CrossVectors {
  const tables = new Map<Grouping, { cols: Map<string, number>; rows: Map<string, (Float64Array | undefined)[]> }>();
  const table = (g: Grouping) => {
    let t = tables.get(g);
    if (!t) {
      const values = [...g.cells.keys()];
      const rows = new Map(
        names.map((v) => {
          const cells = g.cross.get(v);
          return [
            v,
            values.map((value) => {
              const acc = cells?.get(value);
              return acc && vector(acc);
            }),
          ];
        }),
      );
      tables.set(g, (t = { cols: new Map(values.map((v, j) => [v, j])), rows }));
    }
    return t;
  };
  return { at, row: (g, entity) => table(g).rows.get(entity) ?? [], col: (g, value) => table(g).cols.get(value) ?? -1 };
}

/**
 * The figures of one segment's cells to withhold secondarily, by cell value → figure keys.
 * `total` is the wave the segment partitions; cells are the segment's values in that wave.
 * Only cells whose own base reaches min_base are listed (the others are suppressed anyway).
 */
export function secondarySuppression(total: SurveyAcc, cells: ReadonlyMap<string, SurveyAcc>, rule: BaseRule, layout: SurveyLayout): Map<string, Set<string>> {
  return entitySuppression(total, cells, [], rule, layout);
}

/** Another published segment of the wave, as the totals it gives an attacker of the entities. */
export interface Grouping {
  segment: string;
  /** The segment's values in the wave. */
  cells: ReadonlyMap<string, SurveyAcc>;
  /** Figure keys each value withholds secondarily (secondarySuppression against the wave). */
  withheld: ReadonlyMap<string, ReadonlySet<string>>;
  /** Entity → value of this segment → the cross cell's accumulator (respondents with both). */
  cross: ReadonlyMap<string, ReadonlyMap<string, SurveyAcc>>;
  /** Other grouping's segment → value of this segment → value of that one → cross cell. */
  pairs: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, SurveyAcc>>>;
}

/** Connected unions of one segment's values checked per mean before entities spanning values give way (see above). */
export const CONNECTED_UNIONS = 4096;

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The figures of each entity to withhold secondarily (entity → figure keys), so that neither the
 * wave nor any total of another segment's values, minus the published entities it holds, leaves
 * 1 … min_base − 1 respondents. Deterministic: totals in a fixed order (the wave, then each
 * grouping's unions by their values), members given up smallest first.
 */
export function entitySuppression(
  total: SurveyAcc,
  entities: ReadonlyMap<string, SurveyAcc>,
  groupings: readonly Grouping[],
  rule: BaseRule,
  layout: SurveyLayout,
): Map<string, Set<string>> {
  const out = new Map([...entities.keys()].map((v) => [v, new Set<string>()]));
  const names = [...entities.keys()].sort(byName);
  const read = readOnce(families(layout));
  const cross = crossVectors(names, read.vector, read.at);
  for (const family of read.families) {
    const hidden = new Set(names.filter((v) => family.base(entities.get(v)!) > 0 && family.base(entities.get(v)!) < rule.min_base));
    const isOpen = (v: string, part: (acc: SurveyAcc) => number) => !hidden.has(v) && part(entities.get(v)!) >= rule.min_base;
    /** Withholds the smallest open members until `block` (the total minus the open members) is 0 or ≥ min_base. */
    const settle = (block: number, members: [string, number][], part: (acc: SurveyAcc) => number): boolean => {
      const open = members.filter(([v]) => isOpen(v, part)).map(([v, n]) => [v, n, entities.get(v)!.n] as const);
      for (const [, n] of open) block -= n;
      // Smallest group of respondents first, so every family gives up the same cell where it can.
      open.sort((a, b) => a[2] - b[2] || a[1] - b[1] || byName(a[0], b[0]));
      let grew = false;
      for (const [v, n] of open) {
        if (block === 0 || block >= rule.min_base) break;
        hidden.add(v);
        block += n;
        grew = true;
      }
      return grew;
    };
    let grew = true;
    while (grew) {
      grew = false;
      for (const part of family.parts) {
        if (part(total) < rule.min_base) continue; // the wave's own value is withheld: nothing to subtract from
        // Respondents only summable together: the wave minus every entity that publishes this mean.
        if (
          settle(
            part(total),
            names.map((v) => [v, part(entities.get(v)!)]),
            part,
          )
        )
          grew = true;
        for (const g of groupings) if (groupingSettles(g, groupings, family, part, total, names, entities, rule, isOpen, hidden, settle, cross)) grew = true;
      }
    }
    for (const v of hidden) if (family.base(entities.get(v)!) >= rule.min_base) out.get(v)!.add(family.key);
  }
  return out;
}

/** A grouping's values publishing this mean (each ≥ min_base, not withheld), by name. */
function publishedValues(g: Grouping, family: Family, part: (acc: SurveyAcc) => number, rule: BaseRule): string[] {
  return [...g.cells.keys()].sort(byName).filter((v) => {
    const acc = g.cells.get(v)!;
    return family.base(acc) >= rule.min_base && part(acc) >= rule.min_base && !g.withheld.get(v)?.has(family.key);
  });
}

/** Most published values of another segment tried together inside one union (all their subsets). */
const INSIDE_VALUES = 8;

/**
 * One grouping's totals for one mean: its published values and its unpublished rest as atoms,
 * each entity's span over them, every connected union of the spans settled in turn — alone, and
 * less any family of another segment's published values that lie wholly inside it (channel =
 * Online inside region North), with the entities that share no respondent with them. True when
 * an entity was withheld.
 */
function groupingSettles(
  g: Grouping,
  groupings: readonly Grouping[],
  family: Family,
  part: (acc: SurveyAcc) => number,
  total: SurveyAcc,
  names: readonly string[],
  entities: ReadonlyMap<string, SurveyAcc>,
  rule: BaseRule,
  isOpen: (v: string, part: (acc: SurveyAcc) => number) => boolean,
  hidden: Set<string>,
  settle: (block: number, members: [string, number][], part: (acc: SurveyAcc) => number) => boolean,
  cross: CrossVectors,
): boolean {
  const values = publishedValues(g, family, part, rule);
  const at = cross.at.get(part)!;
  // Atoms: each published value, then the rest (the wave minus them: withheld values and the segment left empty).
  const atomN = values.map((v) => part(g.cells.get(v)!));
  const rest = part(total) - atomN.reduce((a, b) => a + b, 0);
  if (rest > 0) atomN.push(rest);
  if (atomN.length < 2) return false; // one atom is the wave itself, settled already
  /** A group's respondents of this mean per atom, from its counts in each published value. */
  const perAtom = (own: number, inValue: (value: string) => SurveyAcc | undefined) => {
    const share = values.map((value) => {
      const acc = inValue(value);
      return acc ? part(acc) : 0;
    });
    if (rest > 0) share.push(own - share.reduce((a, b) => a + b, 0));
    return share;
  };
  const shares = new Map<string, number[]>();
  const cols = values.map((value) => cross.col(g, value));
  for (const v of names) {
    const own = part(entities.get(v)!);
    if (!(own > 0)) continue;
    const row = cross.row(g, v);
    // perAtom's sums from the cross cells' vectors, in the same order.
    const share = cols.map((j) => {
      const x = row[j];
      return x ? x[at] : 0;
    });
    if (rest > 0) share.push(own - share.reduce((a, b) => a + b, 0));
    shares.set(v, share);
  }
  const spanOf = (share: readonly number[]) => share.flatMap((n, a) => (n > 0 ? [a] : []));
  // Other segments' published values, each with its respondents per atom of this grouping.
  const others = groupings
    .filter((h) => h !== g)
    .flatMap((h) =>
      publishedValues(h, family, part, rule).map((hv) => ({
        h,
        hv,
        n: part(h.cells.get(hv)!),
        share: perAtom(part(h.cells.get(hv)!), (value) => g.pairs.get(h.segment)?.get(value)?.get(hv)),
      })),
    );
  // Unions joined by an open entity or by another segment's value (Online across North and South).
  let unions = connectedUnions([...[...shares].filter(([v]) => isOpen(v, part)).map(([, share]) => spanOf(share)), ...others.map((o) => spanOf(o.share))]);
  let grew = false;
  if (unions === undefined) {
    // Too many to check: what spans several values gives way, and the rest nests (singletons suffice).
    for (const [v, share] of shares)
      if (isOpen(v, part) && spanOf(share).length > 1) {
        hidden.add(v);
        grew = true;
      }
    unions = atomN.map((_, a) => [a]);
  }
  for (const union of unions) {
    const inUnion = new Set(union);
    const within = (share: readonly number[]) => share.every((n, a) => n === 0 || inUnion.has(a));
    const block = union.reduce((a, at) => a + atomN[at], 0);
    const members: [string, number][] = [];
    for (const [v, share] of shares) if (within(share)) members.push([v, part(entities.get(v)!)]);
    if (settle(block, members, part)) grew = true;
    // Less other segments' values inside the union (at most INSIDE_VALUES of them, every subset).
    const inside = others.filter((o) => o.n > 0 && within(o.share)).slice(0, INSIDE_VALUES);
    // Which of them each member shares respondents with (bit i: inside[i]), read once per union rather than once per subset.
    const insideCols = inside.map((o) => cross.col(o.h, o.hv));
    const meets = members.map(([v]) =>
      inside.reduce((bits, o, i) => {
        const x = cross.row(o.h, v)[insideCols[i]];
        return x && x[at] > 0 ? bits | (1 << i) : bits;
      }, 0),
    );
    for (let mask = 1; mask < 1 << inside.length; mask++) {
      const picked = inside.filter((_, i) => mask & (1 << i));
      // Values of one segment are disjoint; of two segments they may overlap, and then cannot both be subtracted.
      if (new Set(picked.map((o) => o.h.segment)).size > 1) continue;
      const left = block - picked.reduce((a, o) => a + o.n, 0);
      // Left under min_base with no entity subtracted: the segments' own breakdowns give it away, not the entities.
      if (left > 0 && left < rule.min_base) continue;
      const apart = members.filter((_, m) => (meets[m] & mask) === 0);
      if (settle(left, apart, part)) grew = true;
    }
  }
  return grew;
}

/**
 * Every connected union of the spans (sets of atom indexes): the spans themselves, and any
 * union grown by a span that meets it; sorted by their atoms. Undefined past CONNECTED_UNIONS.
 */
function connectedUnions(spans: readonly number[][]): number[][] | undefined {
  const keyOf = (u: readonly number[]) => u.join(',');
  const distinct = new Map<string, number[]>();
  for (const s of spans) if (s.length > 0) distinct.set(keyOf(s), s);
  const seen = new Map(distinct);
  const queue = [...distinct.values()];
  while (queue.length > 0) {
    const u = queue.pop()!;
    const inU = new Set(u);
    for (const s of distinct.values()) {
      if (!s.some((a) => inU.has(a)) || s.every((a) => inU.has(a))) continue;
      const w = [...new Set([...u, ...s])].sort((a, b) => a - b);
      const key = keyOf(w);
      if (seen.has(key)) continue;
      seen.set(key, w);
      if (seen.size > CONNECTED_UNIONS) return undefined;
      queue.push(w);
    }
  }
  return [...seen.values()].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  });
}

/**
 * Complementary suppression between the ordinary segments of the report's wave (not a `per:`
 * report's entities, which entitySuppression settles against these results).
 *
 * Threat model. The reader sees every published figure of the wave and of each segment value,
 * and — the worst case — knows the structure of the data: which published groups share no
 * respondent and which lie wholly inside another (an outlet in its region, a region whose
 * outlets all answer Online). The cross cells' counts are not published, so that is all the
 * reader can know of two segments together: a difference of published figures is a block of
 * respondents only when everything subtracted provably lies inside the total and the parts
 * subtracted are pairwise disjoint. Channel = Online minus region = R2 is such a block when
 * every R2 respondent answered Online; when R2 crosses the channels, Online − R2 is no group of
 * respondents (only a bound) and discloses nothing by itself.
 *
 * Algorithm. For each pair of segments A, B, per figure family and per mean (each on its own
 * base), the published values of A (rows) and of B (columns) are groups; a row and a column
 * overlap where their cross cell holds respondents of that mean; a column lies inside a set of
 * rows where its cross cells there add up to its base (the respondents without a published A
 * value form one more atom, the rest). The totals are the wave, each published value (less the
 * other segment's values nested in it), and every connected union of one segment's values
 * (joined by the other segment's values spanning them; a union that falls apart adds up
 * remainders that are checked alone). Inside a total, what the reader can subtract is any
 * family of pairwise disjoint groups; only the maximal families matter (a family that one more
 * published group extends leaves that group's ≥ min_base respondents on top). Rows and columns
 * of one segment never overlap, so the overlaps form a bipartite graph, and each maximal
 * family is a subset X of the smaller side with every group of the other side that meets no
 * member of X (and X maximal too). Each family's remainder must be 0 or ≥ min_base; while one is
 * 1 … min_base − 1, its member with the fewest respondents (then the smallest base, then by
 * segment and name) is withheld as a whole figure, and every check runs again until none
 * withholds (the hidden set only grows). Each segment is complemented against the wave first
 * (secondarySuppression), as before, so a pair check only adds.
 *
 * Limits: past 2^MAX_SIDE subsets of the smaller side, only the families X = ∅, each single
 * member and the whole side are checked; families mixing values of three or more ordinary
 * segments are not formed; without cross cells (the SQL engines) only the wave is checked.
 */
export function segmentSuppression(
  total: SurveyAcc,
  segments: ReadonlyMap<string, ReadonlyMap<string, SurveyAcc>>,
  crossOf: (a: string, b: string) => ReadonlyMap<string, ReadonlyMap<string, SurveyAcc>> | undefined,
  rule: BaseRule,
  layout: SurveyLayout,
): Map<string, Map<string, Set<string>>> {
  const out = new Map([...segments].map(([s, cells]) => [s, secondarySuppression(total, cells, rule, layout)]));
  const names = [...segments.keys()];
  const pairs: [string, string, ReadonlyMap<string, ReadonlyMap<string, SurveyAcc>>][] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const cross = crossOf(names[i], names[j]);
      if (cross) pairs.push([names[i], names[j], cross]);
    }
  if (pairs.length === 0) return out;
  for (const family of families(layout)) {
    const hidden = new Set<string>();
    const keyOf = (segment: string, value: string) => `${segment}${KEY}${value}`;
    for (const [segment, cells] of segments)
      for (const [value, acc] of cells)
        if (family.base(acc) < rule.min_base || out.get(segment)!.get(value)?.has(family.key)) hidden.add(keyOf(segment, value));
    let grew = true;
    while (grew) {
      grew = false;
      for (const part of family.parts) {
        if (part(total) < rule.min_base) continue; // the wave's own value is withheld: nothing to subtract from
        for (const [a, b, cross] of pairs) {
          const withhold = pairSettles(
            total,
            segments.get(a)!,
            segments.get(b)!,
            cross,
            part,
            rule,
            (v) => !hidden.has(keyOf(a, v)),
            (v) => !hidden.has(keyOf(b, v)),
          );
          if (withhold) {
            hidden.add(keyOf(withhold.side === 'row' ? a : b, withhold.value));
            grew = true;
          }
        }
      }
    }
    for (const [segment, cells] of segments)
      for (const [value, acc] of cells)
        if (hidden.has(keyOf(segment, value)) && family.base(acc) >= rule.min_base) getOrAdd(out.get(segment)!, value).add(family.key);
  }
  return out;
}

const KEY = '\u241f';
const getOrAdd = (m: Map<string, Set<string>>, k: string) => {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  return s;
};

/** Most members of the smaller side whose every subset is tried as a family (see segmentSuppression). */
export const MAX_SIDE = 12;

interface Member {
  side: 'row' | 'col';
  value: string;
  /** Respondents of this mean. */
  n: number;
  /** All respondents of the group (the first tie-break). */
  size: number;
}

/**
 * One pair of segments for one mean: the first published group to withhold (smallest member of
 * the first family, in a fixed order of totals, whose remainder is 1 … min_base − 1), or undefined.
 */
function pairSettles(
  total: SurveyAcc,
  rowsAll: ReadonlyMap<string, SurveyAcc>,
  colsAll: ReadonlyMap<string, SurveyAcc>,
  cross: ReadonlyMap<string, ReadonlyMap<string, SurveyAcc>>,
  part: (acc: SurveyAcc) => number,
  rule: BaseRule,
  rowOpen: (v: string) => boolean,
  colOpen: (v: string) => boolean,
): Member | undefined {
  const open = (cells: ReadonlyMap<string, SurveyAcc>, isOpen: (v: string) => boolean, side: Member['side']): Member[] =>
    [...cells.keys()]
      .sort(byName)
      .filter((v) => isOpen(v) && part(cells.get(v)!) >= rule.min_base)
      .map((v) => ({ side, value: v, n: part(cells.get(v)!), size: cells.get(v)!.n }));
  const rows = open(rowsAll, rowOpen, 'row');
  const cols = open(colsAll, colOpen, 'col');
  if (rows.length === 0 || cols.length === 0) return undefined;
  const cell = (r: string, c: string) => {
    const acc = cross.get(r)?.get(c);
    return acc ? part(acc) : 0;
  };
  // A column's span over the atoms: the published rows it has respondents in, and the rest (index rows.length).
  const REST = rows.length;
  const spanOfCol = (c: Member) => {
    const span = rows.flatMap((r, i) => (cell(r.value, c.value) > 0 ? [i] : []));
    if (c.n - rows.reduce((s, r) => s + cell(r.value, c.value), 0) > 0) span.push(REST);
    return span;
  };
  const spanOfRow = (r: Member) => {
    const span = cols.flatMap((c, i) => (cell(r.value, c.value) > 0 ? [i] : []));
    if (r.n - cols.reduce((s, c) => s + cell(r.value, c.value), 0) > 0) span.push(cols.length);
    return span;
  };
  const colSpans = cols.map(spanOfCol);
  const rowSpans = rows.map(spanOfRow);
  const overlap = (ri: number, ci: number) => colSpans[ci].includes(ri);
  const bad = (left: number) => left > 0 && left < rule.min_base;
  const smallest = (family: Member[]) =>
    [...family].sort((x, y) => x.size - y.size || x.n - y.n || (x.side === y.side ? byName(x.value, y.value) : x.side === 'row' ? -1 : 1))[0];
  /** Maximal disjoint families inside a total of `n` holding rows `ri` and columns `ci` (indexes); the first family leaving too few. */
  const families = (n: number, ri: number[], ci: number[]): Member[] | undefined => {
    const [small, big, meets] = ri.length <= ci.length ? [ri, ci, (s: number, b: number) => overlap(s, b)] : [ci, ri, (s: number, b: number) => overlap(b, s)];
    const pick = (s: number) => (small === ri ? rows[s] : cols[s]);
    const pickBig = (b: number) => (small === ri ? cols[b] : rows[b]);
    const subsets: number[][] = [];
    if (small.length <= MAX_SIDE) for (let mask = 0; mask < 1 << small.length; mask++) subsets.push(small.filter((_, i) => mask & (1 << i)));
    else subsets.push([], small, ...small.map((s) => [s]));
    for (const x of subsets) {
      const y = big.filter((b) => x.every((s) => !meets(s, b)));
      // Maximal: every small-side group left out meets a chosen one (else a larger family is checked).
      if (small.some((s) => !x.includes(s) && y.every((b) => !meets(s, b)))) continue;
      const members = [...x.map(pick), ...y.map(pickBig)];
      if (members.length > 0 && bad(n - members.reduce((a, m) => a + m.n, 0))) return members;
    }
    return undefined;
  };
  const all = (k: number) => Array.from({ length: k }, (_, i) => i);
  // The wave.
  let found = families(part(total), all(rows.length), all(cols.length));
  // Each published value less the other segment's values nested in it.
  for (let i = 0; !found && i < rows.length; i++)
    found = families(
      rows[i].n,
      [],
      cols.flatMap((_, c) => (colSpans[c].length === 1 && colSpans[c][0] === i ? [c] : [])),
    );
  for (let c = 0; !found && c < cols.length; c++)
    found = families(
      cols[c].n,
      rows.flatMap((_, i) => (rowSpans[i].length === 1 && rowSpans[i][0] === c ? [i] : [])),
      [],
    );
  // Connected unions of one segment's published values, joined by the other's values spanning them.
  const unionsOf = (spans: number[][], restAt: number) => connectedUnions(spans.filter((s) => s.length > 1 && !s.includes(restAt))) ?? [];
  for (const u of found ? [] : unionsOf(colSpans, REST)) {
    if (u.length < 2) continue;
    const inside = cols.flatMap((_, c) => (colSpans[c].every((a) => u.includes(a)) ? [c] : []));
    found = families(
      u.reduce((a, i) => a + rows[i].n, 0),
      u,
      inside,
    );
    if (found) break;
  }
  for (const u of found ? [] : unionsOf(rowSpans, cols.length)) {
    if (u.length < 2) continue;
    const inside = rows.flatMap((_, i) => (rowSpans[i].every((a) => u.includes(a)) ? [i] : []));
    found = families(
      u.reduce((a, c) => a + cols[c].n, 0),
      inside,
      u,
    );
    if (found) break;
  }
  return found ? smallest(found) : undefined;
}
