import { CONSISTENCY_METRICS } from '../../analysis/consistency';
import { formatFigureId } from '../../analysis/figure-id';
import type { Entities, EntityStanding, Figures, Spread } from '../../schemas/figures';
import type { Formatters } from '../../i18n/format';
import { fillTemplate, type Strings } from '../../i18n';
import { metricText } from './metric-format';
import { entityStrings, metricLabel } from './entity-strings';
import { DOT_LIMIT, entityValue } from './dispersion';

/**
 * The rows of <LeagueTable/>, the entity index and <Consistency/>: every published entity
 * ranked on one figure, formatted through the same resolver as <Metric> (so a withheld cell
 * reads as withheld, never as a number), withheld entities after them with no value at all.
 */
export const HEADLINE_KEYS = ['nps', 'csat', 'ces', 'overall', 'servqual'] as const;

export interface LeagueRow {
  name: string;
  slug: string;
  rank: string;
  n: string;
  cells: { id: string; text: string; state: string }[];
  /** better / worse / same against the rest on the sorted figure, or '' when untested. */
  versus: string;
  withheld: boolean;
}

/** Entities an entity page's table leaves out between two of its rows ("… 37 more outlets"). */
export interface LeagueGap {
  gap: string;
}

export interface League {
  caption: string;
  /** `key`: the metric a column shows, so its header can link to the table sorted by it. */
  columns: { label: string; key?: string }[];
  rows: (LeagueRow | LeagueGap)[];
  note: string;
  /** The rows are an entity page's window, not every entity. */
  windowed: boolean;
}

function figurePath(key: string): string[] {
  return (CONSISTENCY_METRICS.find((m) => m.key === key)?.figure ?? key).split('.');
}

// The order of a report's entities on each figure, once per report (every page shares the entities object).
const orders = new WeakMap<Entities, Map<string, { order: string[]; position: Map<string, number> }>>();

/** Every entity, best first on `metric`, ties and withheld ones (last) by name, and each one's place in that order. */
function orderOf(entities: Entities, metric: string): { order: string[]; position: Map<string, number> } {
  let byMetric = orders.get(entities);
  if (!byMetric) orders.set(entities, (byMetric = new Map()));
  let order = byMetric.get(metric);
  if (!order) {
    const rankOf = (name: string) => {
      const v = entities.values[name];
      return v.withheld ? undefined : v.standing.rank[metric];
    };
    const names = Object.keys(entities.values).sort((a, b) => {
      const [ra, rb] = [rankOf(a), rankOf(b)];
      if (ra !== rb) return ra === undefined ? 1 : rb === undefined ? -1 : ra - rb;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    order = { order: names, position: new Map(names.map((n, i) => [n, i])) };
    byMetric.set(metric, order);
  }
  return order;
}

// Each entity's cells, once per report and locale: the parent's page and every index page (one a figure) list
// every entity with the same cells in another order, each resolved through the figures schema (<Metric>'s resolver).
const cellsOf = new WeakMap<Entities, Map<string, LeagueRow['cells'][number]>>();

/** On an entity page among more than DOT_LIMIT siblings: the ranks shown — the first and last three, and two either side of the entity. */
const WINDOW_ENDS = 3;
const WINDOW_AROUND = 2;

/**
 * The league table. `around`: an entity page's entity; among more than DOT_LIMIT ranked
 * entities the table keeps only its window (WINDOW_ENDS, WINDOW_AROUND) with a row saying how
 * many are left out, so an entity page does not grow with its siblings; the parent's page and
 * the index pages list every entity.
 */
export function leagueTable(figures: Figures, entities: Entities, metric: string, fmt: Formatters, t: Strings, around?: string): League {
  const e = entityStrings(fmt.locale);
  const per = entities.per;
  const keys = [...HEADLINE_KEYS.filter((k) => k in entities.consistency), ...(HEADLINE_KEYS.includes(metric as never) ? [] : [metric])];
  const { order: all, position } = orderOf(entities, metric);
  const ranked = entities.consistency[metric]?.entities ?? 0;
  const own = around === undefined ? undefined : position.get(around);
  const windowed = own !== undefined && own < ranked && ranked > DOT_LIMIT;
  // Places kept: the ranked entities' ends and the entity's neighbours (withheld ones only on the full table).
  const places = windowed
    ? [
        ...new Set([
          ...Array.from({ length: WINDOW_ENDS }, (_, i) => [i, ranked - 1 - i]).flat(),
          ...Array.from({ length: 2 * WINDOW_AROUND + 1 }, (_, i) => own + i - WINDOW_AROUND),
        ]),
      ]
        .filter((i) => i >= 0 && i < ranked)
        .sort((a, b) => a - b)
    : all.map((_, i) => i);
  const withheldText = fillTemplate(e.withheldRow, { min: figures.meta.min_base });
  let known = cellsOf.get(entities);
  if (!known) cellsOf.set(entities, (known = new Map()));
  const row = (name: string): LeagueRow => {
    const v = entities.values[name];
    if (v.withheld) return { name, slug: v.slug, rank: '—', n: '', cells: [], versus: withheldText, withheld: true };
    const cells = keys.map((key) => {
      const id = formatFigureId(['entities', 'values', name, ...figurePath(key)]);
      const memo = `${fmt.locale}\0${figures.meta.min_base}\0${id}`;
      let cell = known.get(memo);
      if (!cell) {
        const m = metricText(figures, id, fmt, t, false);
        known.set(memo, (cell = { id, text: m.kind === 'unknown' ? t.notMeasured : m.text, state: m.kind }));
      }
      return cell;
    });
    const test = v.standing.tests[metric];
    const versus = !test || !test.significant ? e.same : test.direction === 'better' ? e.better : test.direction === 'worse' ? e.worse : e.same;
    const rank = v.standing.rank[metric];
    return { name, slug: v.slug, rank: rank === undefined ? '—' : fmt.integer(rank), n: fmt.integer(v.n), cells, versus, withheld: false };
  };
  const rows: (LeagueRow | LeagueGap)[] = [];
  let next = 0;
  for (const at of places) {
    if (at > next) rows.push({ gap: fillTemplate(e.leagueGap, { count: fmt.integer(at - next), per }) });
    rows.push(row(all[at]));
    next = at + 1;
  }
  if (windowed && all.length > next) rows.push({ gap: fillTemplate(e.leagueGap, { count: fmt.integer(all.length - next), per }) });
  const label = metricLabel(fmt.locale, metric);
  return {
    caption: fillTemplate(e.leagueCaption, { per, metric: label, wave: figures.meta.wave ? fmt.period(figures.meta.wave) : '—' }),
    columns: [
      { label: e.rank },
      { label: per },
      { label: e.base },
      ...keys.map((k) => ({ label: metricLabel(fmt.locale, k), key: k })),
      { label: fillTemplate(e.vsRest, { metric: label }) },
    ],
    rows,
    note: e.leagueNote,
    windowed,
  };
}

export interface ConsistencyRow {
  metric: string;
  label: string;
  entities: string;
  median: string;
  iqr: string;
  range: string;
  best: string;
  below: string[];
  differ: number;
}

const decimals = (key: string) => (key === 'nps' ? 0 : key === 'csat' ? 1 : 2);

/** The spreads, most varied beyond chance (entities differing from the rest) first, then by CV. */
function byVariation(entities: Entities): Spread[] {
  return Object.values(entities.consistency).sort((a, b) => b.differ - a.differ || (b.cv ?? 0) - (a.cv ?? 0) || (a.metric < b.metric ? -1 : 1));
}

/** Figures ordered by how far they vary beyond chance (entities differing from the rest), then by CV. */
export function consistencyRows(entities: Entities, fmt: Formatters): ConsistencyRow[] {
  return byVariation(entities).map((s) => {
    const d = decimals(s.metric);
    const num = (x: number) => fmt.number(x, d);
    return {
      metric: s.metric,
      label: metricLabel(fmt.locale, s.metric),
      entities: fmt.integer(s.entities),
      median: num(s.median),
      iqr: `${num(s.q1)} – ${num(s.q3)}`,
      range: `${num(s.min)} – ${num(s.max)}`,
      best: s.best,
      below: s.below,
      differ: s.differ,
    };
  });
}

export interface EntityConsistencyRow {
  metric: string;
  label: string;
  /** This entity's value, or the page's words for a withheld one. */
  value: string;
  rank: string;
  /** Significantly below / above the rest, not significantly different, or not tested. */
  versus: string;
  below: boolean;
  median: string;
  iqr: string;
  range: string;
}

/**
 * <Consistency/> on an entity page: this entity's row per figure (its value, rank, test against
 * the rest) beside the spread of every entity's — the same order as the parent's table, and no
 * sibling by name, so the table's size does not grow with the siblings.
 */
export function entityConsistencyRows(entities: Entities, entity: EntityStanding, fmt: Formatters, t: Strings): EntityConsistencyRow[] {
  const e = entityStrings(fmt.locale);
  const own = entities.values[entity.name];
  return byVariation(entities).map((s) => {
    const d = decimals(s.metric);
    const num = (x: number) => fmt.number(x, d);
    const value = entityValue(entities, s.metric, own);
    const rank = entity.rank[s.metric];
    const of = entity.of[s.metric];
    const test = entity.tests[s.metric];
    const below = test?.significant === true && test.direction === 'worse';
    const versus = !test
      ? e.untested
      : !test.significant
        ? e.withinChance
        : test.direction === 'worse'
          ? e.worse
          : test.direction === 'better'
            ? e.better
            : e.withinChance;
    return {
      metric: s.metric,
      label: metricLabel(fmt.locale, s.metric),
      value: value === undefined ? t.withheld : num(value),
      rank: rank === undefined || of === undefined ? '—' : fillTemplate(e.rankOf, { rank: fmt.integer(rank), of: fmt.integer(of) }),
      versus,
      below,
      median: num(s.median),
      iqr: `${num(s.q1)} – ${num(s.q3)}`,
      range: `${num(s.min)} – ${num(s.max)}`,
    };
  });
}

// Published entities, once per report (every page of a report shares its entities object).
const publishedCounts = new WeakMap<Entities, number>();

/** How many entities are published (not withheld). */
export function publishedCount(entities: Entities): number {
  let n = publishedCounts.get(entities);
  if (n === undefined) publishedCounts.set(entities, (n = Object.values(entities.values).filter((v) => !v.withheld).length));
  return n;
}
