import { CONSISTENCY_METRICS } from '../../analysis/consistency';
import { formatFigureId } from '../../analysis/figure-id';
import type { Entities, EntityStanding, Figures, Spread } from '../../schemas/figures';
import type { Formatters } from '../../i18n/format';
import { fillTemplate, type Strings } from '../../i18n';
import { metricText } from './metric-format';
import { entityStrings, metricLabel } from './entity-strings';
import { entityValue } from './dispersion';

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

export interface League {
  caption: string;
  /** `key`: the metric a column shows, so its header can link to the table sorted by it. */
  columns: { label: string; key?: string }[];
  rows: LeagueRow[];
  note: string;
}

function figurePath(key: string): string[] {
  return (CONSISTENCY_METRICS.find((m) => m.key === key)?.figure ?? key).split('.');
}

export function leagueTable(figures: Figures, entities: Entities, metric: string, fmt: Formatters, t: Strings): League {
  const e = entityStrings(fmt.locale);
  const per = entities.per;
  const keys = [...HEADLINE_KEYS.filter((k) => k in entities.consistency), ...(HEADLINE_KEYS.includes(metric as never) ? [] : [metric])];
  const names = Object.keys(entities.values);
  const rankOf = (name: string) => {
    const v = entities.values[name];
    return v.withheld ? undefined : v.standing.rank[metric];
  };
  const order = [...names].sort((a, b) => {
    const [ra, rb] = [rankOf(a), rankOf(b)];
    if (ra !== rb) return ra === undefined ? 1 : rb === undefined ? -1 : ra - rb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const withheldText = fillTemplate(e.withheldRow, { min: figures.meta.min_base });
  const rows = order.map((name): LeagueRow => {
    const v = entities.values[name];
    if (v.withheld) return { name, slug: v.slug, rank: '—', n: '', cells: [], versus: withheldText, withheld: true };
    const cells = keys.map((key) => {
      const id = formatFigureId(['entities', 'values', name, ...figurePath(key)]);
      const m = metricText(figures, id, fmt, t, false);
      return { id, text: m.kind === 'unknown' ? t.notMeasured : m.text, state: m.kind };
    });
    const test = v.standing.tests[metric];
    const versus = !test || !test.significant ? e.same : test.direction === 'better' ? e.better : test.direction === 'worse' ? e.worse : e.same;
    const rank = v.standing.rank[metric];
    return { name, slug: v.slug, rank: rank === undefined ? '—' : fmt.integer(rank), n: fmt.integer(v.n), cells, versus, withheld: false };
  });
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
