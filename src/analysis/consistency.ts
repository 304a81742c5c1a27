import { DIMENSIONS } from '../schemas/questionnaire';
import type { Direction } from '../stats/kpi';
import { orient } from '../stats/kpi';
import { percentileRank, quantile } from '../stats/percentile';
import { SIGNIFICANCE_LEVEL } from '../stats/tests';
import { holmAdjust } from '../stats/multiple-comparison';
import type { EntityStanding, GroupFigures, Spread } from '../schemas/figures';
import { changeFigures } from './changes';
import type { SurveyLayout } from './layout';
import type { BaseRule } from './suppress';
import type { SurveyAcc } from './survey-acc';

/**
 * Consistency across the entities of a `per:` report: per metric, each entity's rank and
 * percentile among its published siblings, the spread of their values, and a test of each
 * entity against the rest of the wave (every respondent not in it) with Holm's correction
 * over the entities tested on that metric. Only published figures take part: a withheld
 * entity is neither ranked, charted nor tested, so no statistic here carries its value.
 */

/** Metric keys as <Trend metric> takes them, with the figure id each one reads. */
export interface ConsistencyMetric<G = GroupFigures> {
  key: string;
  figure: string;
  direction: Direction;
  value: (g: G) => number | undefined;
}

const gated = (f: { suppressed: boolean } | undefined, pick: (f: never) => number | undefined): number | undefined =>
  f && !f.suppressed ? pick(f as never) : undefined;

export const CONSISTENCY_METRICS: readonly ConsistencyMetric[] = [
  { key: 'nps', figure: 'nps.score', direction: 'higher', value: (g) => gated(g.nps, (f: { score: number }) => f.score) },
  { key: 'csat', figure: 'csat.top2box', direction: 'higher', value: (g) => gated(g.csat, (f: { top2box: number }) => f.top2box) },
  { key: 'ces', figure: 'ces.mean', direction: 'lower', value: (g) => gated(g.ces, (f: { mean: number }) => f.mean) },
  { key: 'overall', figure: 'overall.mean', direction: 'higher', value: (g) => gated(g.overall, (f: { mean: number }) => f.mean) },
  { key: 'servqual', figure: 'servqual.unweighted', direction: 'higher', value: (g) => g.servqual?.unweighted },
  ...DIMENSIONS.map((dim): ConsistencyMetric => ({
    key: dim,
    figure: `servqual.dimensions.${dim}.gap`,
    direction: 'higher',
    value: (g) => gated(g.servqual?.dimensions[dim], (f: { gap?: number }) => f.gap),
  })),
];

/** Numeric leaves of a − b, recursively (every accumulator field is a count or a sum). */
function minus<T>(a: T, b: T): T {
  if (typeof a === 'number') return (a - (b as number)) as T;
  if (Array.isArray(a)) return a.map((x, i) => minus(x, (b as unknown[])[i])) as T;
  if (a && typeof a === 'object') return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, minus(v, (b as Record<string, unknown>)[k])])) as T;
  return a;
}

/** The wave minus one entity: everyone the entity is compared against. Cross-products are not needed by the tests. */
export function restOf(total: SurveyAcc, cell: SurveyAcc): SurveyAcc {
  const { alpha: _a, drivers: _d, ...t } = total;
  const { alpha: _b, drivers: _e, ...c } = cell;
  return minus(t, c) as SurveyAcc;
}

export type Standing = Omit<EntityStanding, 'per' | 'name' | 'slug'>;

/** Ranks, percentiles and Holm-corrected tests of every published entity, by entity. */
export function standings(
  heads: ReadonlyMap<string, GroupFigures>,
  cells: ReadonlyMap<string, SurveyAcc>,
  total: SurveyAcc,
  layout: SurveyLayout,
  rule: BaseRule,
): Map<string, Standing> {
  const out = new Map<string, Standing>([...heads.keys()].map((v) => [v, { rank: {}, percentile: {}, of: {}, tests: {} }]));
  const byFigure = new Map(CONSISTENCY_METRICS.map((m) => [m.figure, m]));
  const raw = new Map<string, { v: string; change: ReturnType<typeof changeFigures>[number] }[]>();
  for (const [v, head] of heads) {
    const changes = changeFigures({ wave: 'rest', acc: restOf(total, cells.get(v)!) }, { wave: v, acc: cells.get(v)! }, layout, rule);
    for (const change of changes) {
      const m = byFigure.get(change.metric);
      if (!m || m.value(head) === undefined) continue; // a withheld figure is never tested
      raw.set(m.key, [...(raw.get(m.key) ?? []), { v, change }]);
    }
  }
  rankAmong(heads, CONSISTENCY_METRICS, out);
  for (const m of CONSISTENCY_METRICS) {
    const tested = raw.get(m.key) ?? [];
    const adjusted = holmAdjust(tested.map((t) => t.change.p));
    tested.forEach(({ v, change }, i) => {
      out.get(v)!.tests[m.key] = {
        value: change.to_value,
        rest: change.from_value,
        difference: change.difference,
        test: change.test,
        statistic: change.statistic,
        p: change.p,
        p_holm: adjusted[i],
        significant: adjusted[i] < SIGNIFICANCE_LEVEL,
        direction: change.direction,
      };
    });
  }
  return out;
}

/** Each entity's rank (1 = best, oriented), mid-rank percentile and count of siblings ranked, per metric it has a value of. */
export function rankAmong<G>(heads: ReadonlyMap<string, G>, metrics: readonly ConsistencyMetric<G>[], out: Map<string, Standing>): void {
  for (const m of metrics) {
    const shown = [...heads].flatMap(([v, g]) => {
      const x = m.value(g);
      return x === undefined ? [] : [{ v, x }];
    });
    const xs = shown.map((s) => s.x);
    for (const { v, x } of shown) {
      const s = out.get(v)!;
      s.rank[m.key] = 1 + xs.filter((y) => orient(y, m.direction) > orient(x, m.direction)).length;
      s.percentile[m.key] = percentileRank(x, xs, m.direction)!;
      s.of[m.key] = xs.length;
    }
  }
}

/** The spread of each metric over the published entities; metrics no entity publishes are left out. */
export function consistencyOf<G = GroupFigures>(
  heads: ReadonlyMap<string, G>,
  ranked: ReadonlyMap<string, Standing>,
  metrics: readonly ConsistencyMetric<G>[] = CONSISTENCY_METRICS as unknown as readonly ConsistencyMetric<G>[],
): Record<string, Spread> {
  const out: Record<string, Spread> = {};
  for (const m of metrics) {
    const shown = [...heads].flatMap(([v, g]) => {
      const x = m.value(g);
      return x === undefined ? [] : [{ v, x }];
    });
    if (shown.length === 0) continue;
    // Best first: oriented value, then name, so ties read the same in every build.
    shown.sort((a, b) => orient(b.x, m.direction) - orient(a.x, m.direction) || (a.v < b.v ? -1 : a.v > b.v ? 1 : 0));
    const sorted = shown.map((s) => s.x).sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    const sd = sorted.length > 1 ? Math.sqrt(sorted.reduce((a, x) => a + (x - mean) ** 2, 0) / (sorted.length - 1)) : undefined;
    const [q1, median, q3] = [0.25, 0.5, 0.75].map((p) => quantile(sorted, p)!);
    const below = shown
      .filter(({ v }) => {
        const t = ranked.get(v)?.tests[m.key];
        return t !== undefined && t.significant && t.direction === 'worse';
      })
      .map((s) => s.v)
      .reverse();
    const differ = shown.filter(({ v }) => ranked.get(v)?.tests[m.key]?.significant === true).length;
    out[m.key] = {
      metric: m.key,
      figure: m.figure,
      direction: m.direction,
      entities: shown.length,
      min: sorted[0],
      max: sorted[sorted.length - 1],
      q1,
      median,
      q3,
      iqr: q3 - q1,
      mean,
      ...(sd === undefined ? {} : { sd }),
      ...(sd === undefined || mean === 0 ? {} : { cv: sd / Math.abs(mean) }),
      best: shown[0].v,
      worst: shown[shown.length - 1].v,
      below,
      differ,
    };
  }
  return out;
}
