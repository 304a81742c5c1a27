/**
 * Northwind Telecom — standards, delivered operations, promises and the
 * telecom industry benchmark. Pure: returns CSV text, touches no disk.
 *
 * Story: service level climbs with the responsiveness work but is still just
 * under its 80 % target (at risk); first-contact resolution is stuck near 68 %
 * against 75 % (missed); the website promises 90 % within 30 s (over-sells);
 * NPS trails the peer median by about ten points; ASA is comfortably fine.
 */
import { REDACT_NAMES } from './comments.ts';
import { fixed, toCsv, type Cell } from './csv.ts';
import { Rng } from './random.ts';

export const PERIODS = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'] as const;

interface Standard {
  standard_id: string;
  metric: string;
  dimension?: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number;
  management_expectation?: number;
  tolerance: number;
}

export const STANDARDS: readonly Standard[] = [
  {
    standard_id: 'answer-30s',
    metric: 'service_level_30s',
    dimension: 'responsiveness',
    unit: 'percent',
    direction: 'higher',
    target: 80,
    management_expectation: 80,
    tolerance: 0.05,
  },
  {
    standard_id: 'average-wait',
    metric: 'asa_seconds',
    dimension: 'responsiveness',
    unit: 'seconds',
    direction: 'lower',
    target: 30,
    management_expectation: 45,
    tolerance: 0.05,
  },
  // Set below what management itself believes customers expect (85): Gap 2.
  {
    standard_id: 'first-contact-fix',
    metric: 'fcr_rate',
    dimension: 'reliability',
    unit: 'percent',
    direction: 'higher',
    target: 75,
    management_expectation: 85,
    tolerance: 0.05,
  },
  {
    standard_id: 'abandoned-calls',
    metric: 'abandonment_rate',
    dimension: 'responsiveness',
    unit: 'percent',
    direction: 'lower',
    target: 5,
    management_expectation: 6,
    tolerance: 0.1,
  },
  { standard_id: 'handle-time', metric: 'aht_seconds', unit: 'seconds', direction: 'lower', target: 360, tolerance: 0.05 },
  {
    standard_id: 'repairs-on-time',
    metric: 'repair_on_time',
    dimension: 'reliability',
    unit: 'percent',
    direction: 'higher',
    target: 90,
    management_expectation: 90,
    tolerance: 0.05,
  },
  {
    standard_id: 'complaints-closed',
    metric: 'complaint_resolution_days',
    dimension: 'empathy',
    unit: 'days',
    direction: 'lower',
    target: 5,
    management_expectation: 7,
    tolerance: 0.1,
  },
];

export function buildStandards(): string {
  return toCsv(
    ['standard_id', 'metric', 'dimension', 'unit', 'direction', 'target', 'management_expectation', 'tolerance'],
    STANDARDS.map((s) => [s.standard_id, s.metric, s.dimension, s.unit, s.direction, s.target, s.management_expectation, fixed(s.tolerance, 2)]),
  );
}

/** All-channel delivered values per period (index = PERIODS). */
const DELIVERED: Record<string, { values: readonly number[]; decimals: number }> = {
  service_level_30s: { values: [70.4, 72.1, 73.6, 75.9, 77.8], decimals: 1 },
  asa_seconds: { values: [41, 38, 35, 29, 26], decimals: 0 },
  fcr_rate: { values: [69.4, 68.7, 68.3, 68.6, 68.1], decimals: 1 },
  abandonment_rate: { values: [6.9, 6.2, 5.5, 4.8, 4.3], decimals: 1 },
  aht_seconds: { values: [371, 366, 359, 352, 346], decimals: 0 },
  repair_on_time: { values: [90.3, 91.1, 90.6, 91.7, 92.2], decimals: 1 },
  complaint_resolution_days: { values: [6.2, 5.8, 5.3, 4.9, 4.6], decimals: 1 },
};

/** Channel shares of contact volume, and channel offsets from the all-channel figure. */
const CONTACT_SHARE: Record<string, number> = { phone: 0.52, chat: 0.24, email: 0.12, store: 0.12 };
const CHANNEL_OFFSET: Record<string, Record<string, number>> = {
  // Service level only applies to queued, real-time channels.
  service_level_30s: { phone: -3.5, chat: 6 },
  fcr_rate: { phone: -1.5, chat: -3, email: -9, store: 9 },
};

export function buildOperations(rng: Rng): string {
  const or = rng.fork('operations');
  const rows: Cell[][] = [];
  PERIODS.forEach((period, pi) => {
    // Contact volume grows a little; repairs and complaints are counted separately.
    const contacts = Math.round(118000 * (1 + 0.015 * pi) * (1 + or.normal(0, 0.02)));
    const perChannel: Record<string, number> = {};
    for (const [ch, share] of Object.entries(CONTACT_SHARE)) perChannel[ch] = Math.round(contacts * share * (1 + or.normal(0, 0.03)));
    const repairs = Math.round(9400 * (1 + or.normal(0, 0.04)));
    const complaints = Math.round(2100 * (1 - 0.04 * pi) * (1 + or.normal(0, 0.05)));

    for (const [metric, { values, decimals }] of Object.entries(DELIVERED)) {
      const value = values[pi];
      const offsets = CHANNEL_OFFSET[metric];
      if (!offsets) {
        const n = metric === 'repair_on_time' ? repairs : metric === 'complaint_resolution_days' ? complaints : contacts;
        rows.push([period, metric, fixed(value, decimals), n, undefined]);
        continue;
      }
      // Channel values with a little noise, shifted so their volume-weighted mean is the total exactly.
      const channels = Object.keys(offsets);
      const raw = channels.map((ch) => value + offsets[ch] + or.normal(0, 0.6));
      const n = channels.map((ch) => perChannel[ch]);
      const nTotal = n.reduce((a, b) => a + b, 0);
      const mean = raw.reduce((a, x, i) => a + x * n[i], 0) / nTotal;
      const shifted = raw.map((x) => Number(fixed(x + value - mean, decimals)));
      const total = shifted.reduce((a, x, i) => a + x * n[i], 0) / nTotal;
      rows.push([period, metric, fixed(total, decimals), nTotal, undefined]);
      channels.forEach((ch, i) => rows.push([period, metric, fixed(shifted[i], decimals), n[i], ch]));
    }
  });
  return toCsv(['period', 'metric', 'value', 'n', 'channel'], rows);
}

export function buildCommunications(): string {
  return toCsv(
    ['claim_id', 'metric', 'promised', 'source'],
    [
      // Over-sells: delivered ~78 %.
      ['web-answer-30s', 'service_level_30s', 90, 'website'],
      // Kept: ASA is ~26 s.
      ['app-wait-1min', 'asa_seconds', 60, 'app'],
      // Kept: two out of three problems fixed on first contact (delivered ~68 %).
      ['tv-first-contact', 'fcr_rate', 65, 'tv-ad'],
      // Kept: repairs on time ~92 %.
      ['store-repairs-on-time', 'repair_on_time', 90, 'in-store leaflet'],
    ],
  );
}

const PEERS = [
  'Aurora Mobile',
  'Bluepeak Broadband',
  'Cobalt Connect',
  'Driftwood Telecom',
  'Ember Networks',
  'Fjord Fibre',
  'Granite Wireless',
  'Harbourline',
  'Ironbridge Telecom',
  'Juniper Mobile',
  'Kestrel Broadband',
  'Lumen Isles Telecom',
  'Meridian Connect',
  'Nimbus Mobile',
  'Orchard Fibre',
  'Pinecrest Wireless',
  'Quayside Telecom',
  'Riverbend Broadband',
  'Saltmarsh Mobile',
  'Tidewater Networks',
  'Upland Fibre',
  'Vantage Mobile',
  'Willowby Telecom',
  'Zephyr Connect',
];

const PEER_SOURCE = 'Telecom CX Panel, 2026';
const SUMMARY_SOURCE = 'Contact Centre Benchmark Consortium, 2026';

/** Peer distributions: median, spread, decimals, direction. */
const PEER_METRICS: readonly { metric: string; median: number; sd: number; decimals: number; direction: 'higher' | 'lower'; min: number; max: number }[] = [
  { metric: 'nps', median: 22, sd: 12, decimals: 0, direction: 'higher', min: -100, max: 100 },
  { metric: 'csat', median: 76, sd: 5, decimals: 1, direction: 'higher', min: 0, max: 100 },
  { metric: 'service_level_30s', median: 80, sd: 6, decimals: 1, direction: 'higher', min: 0, max: 100 },
  { metric: 'asa_seconds', median: 44, sd: 14, decimals: 0, direction: 'lower', min: 5, max: 600 },
  { metric: 'fcr_rate', median: 73, sd: 5, decimals: 1, direction: 'higher', min: 0, max: 100 },
];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Two companies outside the industry known for their service (fixed values: no draw, so the peers' stream is unchanged). */
const BEST_IN_CLASS: readonly { metric: string; company: string; value: number; decimals: number; direction: 'higher' | 'lower'; source: string }[] = [
  { metric: 'nps', company: 'Harbour & Pine Hotels', value: 71, decimals: 0, direction: 'higher', source: 'Service Excellence Index (hospitality), 2026' },
  { metric: 'fcr_rate', company: 'Lakeside Direct Bank', value: 88.5, decimals: 1, direction: 'higher', source: 'Retail Banking Service Awards, 2026' },
];

export function buildBenchmarks(rng: Rng): string {
  const br = rng.fork('benchmarks');
  const rows: Cell[][] = [];
  const period = '2026-Q3';
  // A peer's general quality, so a good NPS tends to go with a good CSAT.
  const quality = PEERS.map(() => br.normal());
  for (const m of PEER_METRICS) {
    const sign = m.direction === 'higher' ? 1 : -1;
    const raw = quality.map((q) => m.sd * (0.6 * sign * q + 0.8 * br.normal()));
    const shift = m.median - median(raw);
    for (let i = 0; i < PEERS.length; i++) {
      const v = Math.min(m.max, Math.max(m.min, raw[i] + shift));
      rows.push([m.metric, 'telecom', period, PEER_SOURCE, PEERS[i], undefined, fixed(v, m.decimals), m.direction]);
    }
  }
  const summaries: readonly { metric: string; direction: string; decimals: number; stats: Record<string, number> }[] = [
    { metric: 'nps', direction: 'higher', decimals: 0, stats: { p10: -6, p25: 9, median: 21, p75: 32, p90: 43, mean: 20 } },
    { metric: 'ces', direction: 'lower', decimals: 2, stats: { p10: 2.35, p25: 2.8, median: 3.2, p75: 3.65, p90: 4.1, mean: 3.24 } },
  ];
  for (const s of summaries) {
    for (const [stat, v] of Object.entries(s.stats)) {
      rows.push([s.metric, 'telecom', period, SUMMARY_SOURCE, undefined, stat, fixed(v, s.decimals), s.direction]);
    }
  }
  // Marks of outstanding service outside telecom, compared beside the industry and never mixed into it.
  for (const b of BEST_IN_CLASS) rows.push([b.metric, 'best-in-class', period, b.source, b.company, undefined, fixed(b.value, b.decimals), b.direction]);
  return toCsv(['metric', 'industry', 'period', 'source', 'company', 'statistic', 'value', 'direction'], rows);
}

export function buildQuestionnaire(): string {
  return [
    '# Northwind Telecom — customer service survey (mobile & broadband)',
    '# Generated by scripts/generate-demo.ts; edit the generator, not this file.',
    'scale: { min: 1, max: 7 }',
    'preset: servqual-22',
    'segments: [channel, region]',
    'outcome: overall',
    // Names customers write in comments (an agent, a signature): removed from every published excerpt.
    `redact: [${REDACT_NAMES.join(', ')}]`,
    // Northwind's customer base by region (billing addresses): the survey over-represents the
    // North and under-represents the East, so each wave is post-stratified to these shares.
    // Chosen so Kish's deff stays modest (about 1.05 to 1.11 per wave) and the story holds.
    'weighting:',
    '  method: post-stratification',
    '  targets:',
    `    region: { ${Object.entries(REGION_POPULATION)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')} }`,
    '',
  ].join('\n');
}

/** Population shares of the regions (sum 1), the weighting targets of the demo survey. */
export const REGION_POPULATION: Readonly<Record<string, number>> = { North: 0.22, South: 0.25, East: 0.31, West: 0.205, Islands: 0.015 };
