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
import { dotStrip } from '../../src/charts/dot-strip';
import { internalQuality } from '../../src/charts/internal-quality';
import { themeShares } from '../../src/charts/theme-shares';
import { themeDrivers } from '../../src/charts/theme-drivers';
import { themeSentiment } from '../../src/charts/theme-sentiment';
import { ENTITY_STRINGS } from '../../src/components/lib/entity-strings';
import { figures } from './fixtures';

const scale = figures.meta.scale!;
const e = ENTITY_STRINGS.en;

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
  // The same input as test/entities/dot-strip.test.ts, so both tests hold one golden file.
  'dot-strip': () =>
    dotStrip(
      {
        metric: 'NPS',
        per: 'outlet',
        dots: [
          { label: 'North <b>1</b>', n: 25, value: 40 },
          { label: 'South & Co', n: 30, value: -10 },
          { label: 'East', n: 20, value: 12 },
        ],
        q1: 1,
        median: 12,
        q3: 26,
        direction: 'higher',
        highlight: 'East',
      },
      {
        id: 'dispersion-nps',
        signed: true,
        decimals: 0,
        labels: {
          title: e.dispersionTitle,
          description: e.dispersionDescription,
          caption: e.dispersionCaption,
          columns: e.dispersionColumns,
          thisEntity: e.thisEntity,
        },
      },
    ),
  // The same input as test/internal/internal-quality-chart.test.ts.
  'internal-quality': () =>
    internalQuality(
      {
        segment: 'branch',
        pairs: [
          { value: 'North', internal: 5.25, external: 5.5, enps: 30, nps: 12 },
          { value: 'South', internal: 4.1, external: 4.2, enps: -50, nps: -40 },
          { value: 'Central and a very long branch name indeed', internal: 4.8, external: 5.0 },
          { value: 'East', internal: 5.6, external: 5.55, enps: 10, nps: 60 },
        ],
        correlation: { status: 'measured', r: 0.93, ci95: [0.25, 0.99], n: 4 },
      },
      { id: 'internal-branch' },
    ),
  'theme-shares': () =>
    themeShares(
      {
        wave: '2026-Q2',
        n: 240,
        rows: [
          { label: 'Waiting time', share: 0.42, ci95: [0.36, 0.48], mentions: 101 },
          { label: 'On hold too long', share: 0.3, ci95: [0.25, 0.36], mentions: 72, child: true },
          { label: 'Friendly and competent staff who know the product', share: 0.18, ci95: [0.14, 0.23], mentions: 43 },
        ],
      },
      { id: 'themes' },
    ),
  'theme-drivers': () =>
    themeDrivers(
      {
        outcome: 'likelihood to recommend',
        n: 212,
        r2: 0.41,
        rows: [
          { label: 'Reliability', kind: 'dimension', share: 0.31 },
          { label: 'Waiting time', kind: 'theme', share: 0.22 },
          { label: 'Responsiveness', kind: 'dimension', share: 0.17 },
          { label: 'Friendly and competent staff who know the product', kind: 'theme', share: 0.12 },
          { label: 'Billing <errors> & refunds', kind: 'theme', share: 0.1 },
          { label: 'Empathy', kind: 'dimension', share: 0.08 },
        ],
      },
      { id: 'theme-drivers' },
    ),
  'theme-sentiment': () =>
    themeSentiment(
      {
        wave: '2026-Q2',
        rows: [
          { label: 'All scored comments', n: 230, share_negative: 0.38, share_positive: 0.44, mean: 0.05, all: true },
          { label: 'Waiting time', n: 96, share_negative: 0.61, share_positive: 0.2, mean: -0.31 },
          { label: 'Friendly and competent staff who know the product', n: 41, share_negative: 0.12, share_positive: 0.78, mean: 0.52 },
          { label: 'Billing', n: 12, suppressed: true },
        ],
      },
      { id: 'theme-sentiment' },
    ),
};
