import { DIMENSIONS, type Dimension } from '../../schemas/questionnaire';
import type { Change, Figures, GroupFigures } from '../../schemas/figures';
import type { TrendInput, TrendOptions, TrendPoint } from '../../charts';
import { fillTemplate, type Strings } from '../../i18n';
import { FIGURE_KINDS } from '../../i18n/format';

export const TREND_METRICS = ['nps', 'csat', 'ces', 'overall', 'servqual', ...DIMENSIONS] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

interface Series {
  /** Figure id of the value inside a wave (and of its changes in figures.trend_changes). */
  changeId: string;
  point: (g: GroupFigures) => Omit<TrendPoint, 'wave'>;
  options: Pick<TrendOptions, 'decimals' | 'differenceDecimals' | 'signed' | 'bounds'>;
}

const absent = {};

function series(metric: TrendMetric): Series {
  switch (metric) {
    case 'nps':
      return {
        changeId: 'nps.score',
        options: { decimals: FIGURE_KINDS.score.decimals, differenceDecimals: FIGURE_KINDS.points.decimals, signed: true, bounds: [-100, 100] },
        point: (g) => (!g.nps ? absent : g.nps.suppressed ? { suppressed: true } : { value: g.nps.score, ci95: g.nps.ci95, low_base: g.nps.low_base }),
      };
    case 'csat':
      return {
        changeId: 'csat.top2box',
        options: { decimals: FIGURE_KINDS.percent.decimals, differenceDecimals: FIGURE_KINDS.points.decimals, bounds: [0, 100] },
        point: (g) => (!g.csat ? absent : g.csat.suppressed ? { suppressed: true } : { value: g.csat.top2box, ci95: g.csat.ci95, low_base: g.csat.low_base }),
      };
    case 'ces':
    case 'overall':
      return {
        changeId: `${metric}.mean`,
        options: { decimals: FIGURE_KINDS.mean.decimals, differenceDecimals: FIGURE_KINDS.gap.decimals },
        point: (g) => {
          const m = g[metric];
          return !m ? absent : m.suppressed ? { suppressed: true } : { value: m.mean, ci95: m.ci95, low_base: m.low_base };
        },
      };
    case 'servqual':
      return {
        changeId: 'servqual.unweighted',
        options: { decimals: FIGURE_KINDS.gap.decimals, differenceDecimals: FIGURE_KINDS.gap.decimals, signed: true },
        point: (g) => (g.servqual?.unweighted === undefined ? absent : { value: g.servqual.unweighted }),
      };
    default: {
      const dim: Dimension = metric;
      return {
        changeId: `servqual.dimensions.${dim}.gap`,
        options: { decimals: FIGURE_KINDS.gap.decimals, differenceDecimals: FIGURE_KINDS.gap.decimals, signed: true },
        point: (g) => {
          const d = g.servqual?.dimensions[dim];
          return !d ? absent : d.suppressed ? { suppressed: true } : d.gap === undefined ? absent : { value: d.gap, ci95: d.gap_ci95, low_base: d.low_base };
        },
      };
    }
  }
}

/** The label a trend of `metric` carries in the report's locale. */
export function trendLabel(metric: TrendMetric, t: Strings): string {
  if ((DIMENSIONS as readonly string[]).includes(metric)) return fillTemplate(t.dimensionGap, { dimension: t.dimension[metric as Dimension] });
  return t.metrics[metric as keyof Strings['metrics']];
}

/**
 * Selects one metric across figures.waves, with the tests figures.trend_changes holds for
 * it: one per pair of consecutive waves up to the report's wave, so every pair can carry a
 * marker. Figures written before trend_changes existed fall back to figures.changes (the
 * report's wave against the one before).
 */
export function trendInput(figures: Figures, metric: TrendMetric, t: Strings): { input: TrendInput; options: Series['options']; measured: boolean } {
  const s = series(metric);
  const points: TrendPoint[] = figures.waves.map((w) => ({ wave: w.wave, ...s.point(w) }));
  const pairs = (figures.trend_changes ?? []).filter((c) => c.metric === s.changeId);
  const changes: Change[] = pairs.length ? pairs : figures.changes.filter((c) => c.metric === s.changeId);
  const measured = points.some((p) => p.value !== undefined || p.suppressed);
  return { input: { label: trendLabel(metric, t), points, changes }, options: s.options, measured };
}
