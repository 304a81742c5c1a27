import { CONSISTENCY_METRICS } from '../../analysis/consistency';
import { binValues, type DotStripBin, type DotStripInput, type DotStripSummaryInput } from '../../charts/dot-strip';
import type { Entities, EntityFigures, EntityStanding } from '../../schemas/figures';

/**
 * What <Dispersion metric/> draws (issue 15). The report's own page draws every published
 * entity (one page, once). An entity page draws them too while they are at most DOT_LIMIT;
 * beyond that it draws their summary (src/charts/dot-strip.ts's summary form: histogram, box,
 * this entity's value and rank) and links to the parent's league table, so an entity page's
 * size and render cost do not grow with its siblings. The histogram's bins are computed once
 * per report and figure, not once per page.
 */
export const DOT_LIMIT = 40;

type Published = Extract<EntityFigures, { withheld: false }>;

/** An entity's published value of a consistency metric (a benchmark company's value for per: benchmarks); undefined when withheld. */
export function entityValue(entities: Entities, metric: string, v: EntityFigures | undefined): number | undefined {
  if (!v || v.withheld) return undefined;
  if (entities.per === 'benchmarks') return (v as Published).benchmarks.find((b) => b.metric === metric)?.value;
  return CONSISTENCY_METRICS.find((m) => m.key === metric)?.value(v);
}

// The parent's entities object is shared by every page of a report: one histogram per report and figure.
const bins = new WeakMap<Entities, Map<string, DotStripBin[]>>();

function binsOf(entities: Entities, metric: string): DotStripBin[] {
  let byMetric = bins.get(entities);
  if (!byMetric) bins.set(entities, (byMetric = new Map()));
  let out = byMetric.get(metric);
  if (!out) {
    const values = Object.values(entities.values).flatMap((v) => {
      const x = entityValue(entities, metric, v);
      return x === undefined ? [] : [x];
    });
    byMetric.set(metric, (out = binValues(values)));
  }
  return out;
}

export type DispersionInput = { form: 'dots'; input: DotStripInput } | { form: 'summary'; input: DotStripSummaryInput };

/** The chart's input for `metric`, every entity or the summary (see DOT_LIMIT); undefined when no entity publishes it. */
export function dispersionInput(entities: Entities, metric: string, labels: { metric: string }, entity?: EntityStanding): DispersionInput | undefined {
  const spread = entities.consistency[metric];
  if (!spread) return undefined;
  const common = { metric: labels.metric, per: entities.per, direction: spread.direction };
  if (entity && spread.entities > DOT_LIMIT) {
    const value = entityValue(entities, metric, entities.values[entity.name]);
    const rank = entity.rank[metric];
    const of = entity.of[metric];
    const [lowest, highest] = spread.direction === 'higher' ? [spread.worst, spread.best] : [spread.best, spread.worst];
    return {
      form: 'summary',
      input: {
        ...common,
        count: spread.entities,
        min: spread.min,
        q1: spread.q1,
        median: spread.median,
        q3: spread.q3,
        max: spread.max,
        lowest,
        highest,
        bins: binsOf(entities, metric),
        ...(value !== undefined && rank !== undefined && of !== undefined ? { own: { value, rank, of } } : {}),
      },
    };
  }
  const dots = Object.entries(entities.values).flatMap(([label, v]) => {
    const value = entityValue(entities, metric, v);
    return value === undefined ? [] : [{ label, n: v.n, value }];
  });
  return { form: 'dots', input: { ...common, dots, q1: spread.q1, median: spread.median, q3: spread.q3, ...(entity ? { highlight: entity.name } : {}) } };
}
