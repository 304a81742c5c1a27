/**
 * A small, realistic figures object (one telecom report, wave 2026-Q3) for chart
 * tests, validated by FiguresSchema so the charts are built from what `analyze` emits.
 */
import { FiguresSchema, type Figures, type NpsFigure } from '../../src/schemas/figures';

/** NPS figure from shares, with SPEC §3 variance and margin of error. */
/** Wave drivers are not drawn by these charts; the schema requires them on every wave. */
const WAVE_DRIVERS = { status: 'not measured' as const, reason: 'not drawn by these charts' };

export function nps(n: number, promoters: number, detractors: number, lowBase = 30): NpsFigure {
  if (n < 10) return { suppressed: true, n };
  const v = (promoters + detractors - (promoters - detractors) ** 2) / n;
  const score = Math.round(1000 * (promoters - detractors)) / 10;
  const moe95 = Math.round(1000 * 1.96 * Math.sqrt(v)) / 10;
  return {
    suppressed: false,
    n,
    low_base: n < lowBase,
    score,
    promoters,
    passives: Math.round((1 - promoters - detractors) * 1000) / 1000,
    detractors,
    variance: v,
    moe95,
    ci95: [score - moe95, score + moe95],
  };
}

const dim = (expectation: number, perception: number, n: number, alpha = 0.82) => ({
  suppressed: false as const,
  n,
  low_base: false,
  expectation,
  perception,
  gap: Math.round((perception - expectation) * 100) / 100,
  alpha,
  alpha_flag: alpha < 0.7,
  n_perception: n,
  n_expectation: n,
  n_gap: n,
});

const item = (id: string, dimension: string, text: string, e: number, p: number) => ({
  item: id,
  dimension,
  text,
  figure: { suppressed: false, n: 380, low_base: false, expectation: e, perception: p, gap: Math.round((p - e) * 100) / 100 },
});

const raw = {
  meta: {
    dataset: 'demo',
    wave: '2026-Q3',
    waves: ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'],
    period: '2026-Q3',
    industry: 'telecom',
    locale: 'en',
    min_base: 10,
    low_base: 30,
    outcome: 'overall',
    scale: { min: 1, max: 7 },
    files: ['questionnaire.yaml', 'responses.csv', 'standards.csv', 'operations.csv', 'benchmarks.csv'],
    as_of: '2026-09-30',
    engine: 'memory',
  },
  n: 412,
  nps: nps(412, 0.46, 0.17),
  servqual: {
    dimensions: {
      tangibles: dim(5.62, 5.51, 398),
      reliability: dim(6.31, 5.09, 402, 0.88),
      responsiveness: dim(6.04, 5.21, 401),
      assurance: dim(6.12, 5.83, 400, 0.66),
      empathy: dim(5.48, 5.31, 396),
    },
    items: [
      item('tan1', 'tangibles', 'up-to-date equipment', 5.7, 5.6),
      item('rel1', 'reliability', 'keeps its promises about timing', 6.4, 4.9),
      item('rel3', 'reliability', 'right the first time', 6.3, 5.2),
      item('res2', 'responsiveness', 'prompt service', 6.1, 5.0),
      item('ass3', 'assurance', 'staff consistently courteous', 6.0, 5.9),
      { item: 'emp2', dimension: 'empathy', text: 'convenient opening hours', figure: { suppressed: true, n: 7 } },
    ],
    unweighted: -0.52,
    weighted: -0.61,
    perception: 5.39,
  },
  gaps: {
    gap1: {
      status: 'measured',
      value: -0.35,
      items: [{ id: 'reliability', kind: 'dimension', label: 'reliability', earlier: 6.31, later: 5.9, gap: -0.41 }],
      parts: 5,
      sources: ['management.csv', 'responses.csv'],
    },
    gap2: {
      status: 'measured',
      items: [
        {
          id: 'sl30',
          kind: 'standard',
          label: 'Service level 30 s',
          metric: 'service_level_30s',
          unit: 'percent',
          direction: 'higher',
          earlier: 85,
          later: 80,
          gap: -5,
        },
      ],
      shortfalls: 1,
      parts: 3,
      sources: ['standards.csv'],
    },
    gap3: {
      status: 'measured',
      items: [
        {
          id: 'asa',
          kind: 'standard',
          label: 'Average speed of answer',
          metric: 'asa_seconds',
          unit: 'seconds',
          direction: 'lower',
          earlier: 30,
          later: 34,
          gap: -4,
        },
      ],
      shortfalls: 2,
      parts: 4,
      sources: ['standards.csv', 'operations.csv'],
    },
    gap4: { status: 'not measured', reason: 'no communications.csv in data/demo' },
    gap5: {
      status: 'measured',
      value: -0.52,
      items: [{ id: 'reliability', kind: 'dimension', label: 'reliability', earlier: 6.31, later: 5.09, gap: -1.22 }],
      parts: 5,
      sources: ['responses.csv'],
    },
  },
  kpis: [
    kpi('sl30', 'service_level_30s', 'Service level (30 s)', 'percent', 'higher', 76.5, 80, 'at risk', -0.8, [81, 79.2, 78, 76.5]),
    kpi('asa', 'asa_seconds', 'Average speed of answer', 'seconds', 'lower', 34, 30, 'missed', 1.9, [28, 31, 32.5, 34]),
    kpi('fcr', 'fcr_rate', 'First-contact resolution', 'rate', 'higher', 0.74, 0.7, 'met', 0.01, [0.71, 0.72, 0.73, 0.74]),
    kpi('abn', 'abandonment_rate', 'Abandonment', 'rate', 'lower', 0.042, 0.05, 'met', -0.003, [0.051, 0.047, 0.045, 0.042]),
    kpi('aht', 'aht_seconds', 'Average handling time', 'seconds', 'lower', undefined, 360, 'not measured', undefined, []),
  ],
  benchmarks: [
    {
      metric: 'nps',
      industry: 'telecom',
      period: '2026',
      direction: 'higher',
      value: 29,
      percentile: 70.8,
      quartile: 3,
      median: 21.5,
      top_quartile: 31.5,
      gap_to_median: 7.5,
      gap_to_top_quartile: -2.5,
      method: 'peers',
      peers: 12,
      peer_values: [-8, 3, 9, 14, 18, 21, 22, 24, 28, 31, 33, 45].map((value, i) => ({ company: `Peer ${String.fromCharCode(65 + i)}`, value })),
      source: 'Telecom CX Index, 2026',
    },
    {
      metric: 'asa_seconds',
      industry: 'telecom',
      period: '2026',
      direction: 'lower',
      value: 34,
      percentile: 56.3,
      quartile: 3,
      median: 38,
      top_quartile: 27,
      gap_to_median: 4,
      gap_to_top_quartile: -7,
      method: 'published quantiles',
      peers: 0,
      peer_values: [],
      summary: { p10: 18, p25: 27, median: 38, p75: 55, p90: 80 },
      source: 'Contact Centre Benchmark Report, 2026',
    },
  ],
  drivers: {
    status: 'measured',
    outcome: 'overall',
    n: 371,
    low_base: false,
    r2: 0.46,
    method: 'shapley',
    by: 'dimensions',
    items: [
      { driver: 'tangibles', label: 'Tangibles', share: 0.08, raw: 0.0368, performance: 5.51, quadrant: 'possible overkill' },
      { driver: 'reliability', label: 'Reliability', share: 0.34, raw: 0.1564, performance: 5.09, quadrant: 'fix first' },
      { driver: 'responsiveness', label: 'Responsiveness', share: 0.27, raw: 0.1242, performance: 5.21, quadrant: 'fix first' },
      { driver: 'assurance', label: 'Assurance', share: 0.21, raw: 0.0966, performance: 5.83, quadrant: 'keep up' },
      { driver: 'empathy', label: 'Empathy', share: 0.1, raw: 0.046, performance: 5.31, quadrant: 'low priority' },
    ],
  },
  waves: [
    { wave: '2025-Q4', n: 365, nps: nps(365, 0.41, 0.2), drivers: WAVE_DRIVERS },
    { wave: '2026-Q1', n: 8, nps: nps(8, 0.5, 0.25), drivers: WAVE_DRIVERS },
    { wave: '2026-Q2', n: 388, nps: nps(388, 0.42, 0.19), drivers: WAVE_DRIVERS },
    { wave: '2026-Q3', n: 412, nps: nps(412, 0.46, 0.17), drivers: WAVE_DRIVERS },
  ],
  segments: {
    channel: {
      phone: { n: 221, nps: nps(221, 0.49, 0.14) },
      chat: { n: 139, nps: nps(139, 0.4, 0.23) },
      store: { n: 25, nps: nps(25, 0.52, 0.12) },
      email: { n: 7, nps: nps(7, 0.3, 0.3) },
    },
  },
  changes: [
    {
      metric: 'nps.score',
      from: '2026-Q2',
      to: '2026-Q3',
      from_value: 23,
      to_value: 29,
      difference: 6,
      test: 'nps z-test',
      statistic: 2.1,
      p: 0.036,
      significant: true,
      direction: 'better',
    },
  ],
};

function kpi(
  standard_id: string,
  metric: string,
  label: string,
  unit: string,
  direction: string,
  value: number | undefined,
  target: number,
  status: string,
  trend: number | undefined,
  values: number[],
) {
  const periods = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
  return {
    standard_id,
    metric,
    label,
    unit,
    direction,
    period: '2026-Q3',
    value,
    target,
    tolerance: 0.05,
    status,
    trend,
    history: values.map((v, i) => ({ period: periods[i], value: v })),
    source: 'operations.csv',
  };
}

export const figures: Figures = FiguresSchema.parse(raw);

/** A label that must come out as text, never as markup. */
export const HOSTILE = `<script>alert("x")</script> & 'Co'`;
