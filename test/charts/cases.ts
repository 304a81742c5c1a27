/** One build per chart from the fixture figures: the golden files are these outputs. */
import type { ChartOutput } from '../../src/charts/svg';
import { gapModel } from '../../src/charts/gap-model';
import { servqualGaps } from '../../src/charts/servqual-gaps';
import { npsBreakdown } from '../../src/charts/nps-breakdown';
import { kpiScorecard } from '../../src/charts/kpi-scorecard';
import { benchmarkPosition } from '../../src/charts/benchmark-position';
import { driverMatrix } from '../../src/charts/driver-matrix';
import { trend } from '../../src/charts/trend';
import { segmentBarRows, segmentBars } from '../../src/charts/segment-bars';
import { figures } from './fixtures';

const scale = figures.meta.scale!;

export const CASES: Record<string, () => ChartOutput> = {
  'gap-model': () => gapModel(figures.gaps, { id: 'gap-model', scale }),
  'servqual-gaps': () => servqualGaps({ servqual: figures.servqual!, scale }, { id: 'servqual-gaps' }),
  'servqual-gaps-items': () => servqualGaps({ servqual: figures.servqual!, scale }, { id: 'servqual-items', mode: 'items' }),
  'nps-breakdown': () =>
    npsBreakdown(
      [
        { label: 'All customers', figure: figures.nps!, total: true },
        ...Object.entries(figures.segments.channel).map(([label, g]) => ({ label, figure: g.nps! })),
      ],
      { id: 'nps-breakdown' },
    ),
  'kpi-scorecard': () => kpiScorecard(figures.kpis, { id: 'kpi-scorecard' }),
  'benchmark-position': () => benchmarkPosition({ figure: figures.benchmarks[0], company: 'Northwind Telecom', metricLabel: 'NPS' }, { id: 'bench-nps' }),
  'driver-matrix': () => driverMatrix(figures.drivers, { id: 'driver-matrix' }),
  trend: () =>
    trend(
      {
        label: 'NPS',
        points: figures.waves.map((w) =>
          w.nps && !w.nps.suppressed ? { wave: w.wave, value: w.nps.score, ci95: w.nps.ci95, low_base: w.nps.low_base } : { wave: w.wave, suppressed: true },
        ),
        changes: figures.changes.filter((c) => c.metric === 'nps.score'),
      },
      { id: 'trend-nps', decimals: 0, signed: true, bounds: [-100, 100] },
    ),
  'segment-bars': () =>
    segmentBars(
      { label: 'NPS', by: 'channel', rows: segmentBarRows(figures.segments.channel, 'nps') },
      { id: 'segments-channel-nps', decimals: 0, signed: true },
    ),
  'benchmark-position-lower': () =>
    benchmarkPosition({ figure: figures.benchmarks[1], company: 'Northwind Telecom', metricLabel: 'Average speed of answer (s)' }, { id: 'bench-asa' }),
};
