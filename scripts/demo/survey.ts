/**
 * Northwind Telecom — the customer survey (responses.csv) and the management
 * survey (management.csv). Pure: returns CSV text, touches no disk.
 *
 * Model: every respondent has a general service impression G and five latent
 * dimension factors F_d = √0.65·G + √0.35·U_d (so dimension scores correlate
 * ~0.5 once item noise is added). Perception items are F_d plus item noise
 * around a dimension level; expectations come from a separate, high, latent
 * level. `overall` leans mostly on reliability, then responsiveness.
 */
import { composeComment, languageOf, PII_KINDS, toneOf, withPersonalData } from './comments.ts';
import { toCsv, type Cell } from './csv.ts';
import { Rng, clampRound } from './random.ts';

export const DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const ITEMS: readonly { id: string; dimension: Dimension }[] = [
  ...['tan1', 'tan2', 'tan3', 'tan4'].map((id) => ({ id, dimension: 'tangibles' as const })),
  ...['rel1', 'rel2', 'rel3', 'rel4', 'rel5'].map((id) => ({ id, dimension: 'reliability' as const })),
  ...['res1', 'res2', 'res3', 'res4'].map((id) => ({ id, dimension: 'responsiveness' as const })),
  ...['ass1', 'ass2', 'ass3', 'ass4'].map((id) => ({ id, dimension: 'assurance' as const })),
  ...['emp1', 'emp2', 'emp3', 'emp4', 'emp5'].map((id) => ({ id, dimension: 'empathy' as const })),
];

export const WAVES = [
  { wave: '2026-Q1', start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 2, 31) },
  { wave: '2026-Q2', start: Date.UTC(2026, 3, 1), end: Date.UTC(2026, 5, 30) },
  { wave: '2026-Q3', start: Date.UTC(2026, 6, 1), end: Date.UTC(2026, 8, 30) },
] as const;

export const CHANNELS = ['phone', 'chat', 'email', 'store'] as const;
const CHANNEL_SHARE = [0.4, 0.26, 0.14, 0.2];
export const REGIONS = ['North', 'South', 'East', 'West'] as const;
const REGION_SHARE = [0.3, 0.24, 0.22, 0.24];
/** Too small to publish (below min_base 10) in every wave. */
export const SMALL_REGION = 'Islands';

const SCALE = { min: 1, max: 7 };

/** Expectation level per dimension (before rounding/clipping at 7). */
const EXPECTATION: Record<Dimension, number> = {
  tangibles: 5.75,
  reliability: 6.45,
  responsiveness: 6.3,
  assurance: 6.35,
  empathy: 6.0,
};
/** Perception level per dimension and wave: responsiveness improves wave on wave. */
const PERCEPTION: Record<Dimension, readonly [number, number, number]> = {
  tangibles: [5.5, 5.5, 5.52],
  reliability: [5.1, 5.08, 5.1],
  responsiveness: [5.26, 5.64, 6.0],
  assurance: [5.6, 5.62, 5.6],
  empathy: [5.25, 5.25, 5.28],
};
/** Item noise SD: tangibles items hang together least. */
const ITEM_NOISE: Record<Dimension, number> = {
  tangibles: 1.05,
  reliability: 0.8,
  responsiveness: 0.8,
  assurance: 0.85,
  empathy: 0.85,
};
/** Small fixed item offsets (perception), so items within a dimension differ a little. */
const ITEM_OFFSET_P: Record<string, number> = {
  tan1: 0.15,
  tan2: -0.1,
  tan3: 0.2,
  tan4: -0.25,
  rel1: -0.05,
  rel2: 0.25,
  rel3: -0.3,
  rel4: -0.15,
  rel5: 0.25,
  res1: -0.2,
  res2: -0.1,
  res3: 0.3,
  res4: 0,
  ass1: 0,
  ass2: 0.2,
  ass3: 0.15,
  ass4: -0.35,
  emp1: -0.1,
  emp2: 0.2,
  emp3: 0,
  emp4: -0.25,
  emp5: 0.15,
};
const ITEM_OFFSET_E: Record<string, number> = {
  tan1: 0.1,
  tan2: -0.25,
  tan3: 0,
  tan4: 0.15,
  rel1: 0,
  rel2: -0.1,
  rel3: 0.1,
  rel4: 0.05,
  rel5: -0.05,
  res1: -0.1,
  res2: 0.15,
  res3: 0,
  res4: -0.05,
  ass1: 0,
  ass2: 0.1,
  ass3: -0.05,
  ass4: -0.05,
  emp1: 0,
  emp2: 0.1,
  emp3: -0.1,
  emp4: 0.05,
  emp5: -0.05,
};
/** Channel effects on the latent factors (chat and store feel quicker, email slow). */
const CHANNEL_EFFECT: Record<(typeof CHANNELS)[number], Partial<Record<Dimension, number>>> = {
  phone: { responsiveness: -0.1 },
  chat: { responsiveness: 0.15, empathy: -0.1 },
  email: { responsiveness: -0.35, empathy: -0.15 },
  store: { tangibles: 0.15, empathy: 0.2, responsiveness: 0.1 },
};
const REGION_EFFECT: Record<string, number> = { North: 0.05, South: -0.05, East: 0, West: 0.03, Islands: -0.2 };

/** Weights of the latent factors in overall satisfaction: reliability leads. */
const DRIVER: Record<Dimension, number> = {
  tangibles: 0.05,
  reliability: 0.55,
  responsiveness: 0.22,
  assurance: 0.1,
  empathy: 0.12,
};
/** Mean importance points (w_*) before individual variation. */
const IMPORTANCE: Record<Dimension, number> = {
  tangibles: 11,
  reliability: 32,
  responsiveness: 23,
  assurance: 18,
  empathy: 16,
};
/** NPS intercept per wave (keeps the Q2→Q3 change small). */
const NPS_LEVEL = [7.72, 7.68, 7.64];

const MISSING_ITEM = 0.03;

const COMMENTS = {
  negative: [
    'Waited 25 minutes on hold, then the call dropped.',
    'Told me an engineer would come on Tuesday, nobody showed up.',
    'My bill was wrong again, third month in a row.',
    'The agent said "it\'s fixed" but the broadband still cuts out every evening.',
    'Had to explain the problem three times, to three different people.',
    'The chat bot kept sending me in circles; I just wanted a person.',
    'Promised a call back within 24 hours, still waiting.',
    'Router replaced twice, same fault. Nobody checks the line.',
    '"We\'ll look into it" is not an answer.',
    "The email reply took 5 days, and didn't answer my question.",
    'Charged for a bundle I cancelled, took weeks to get a refund.',
  ],
  mixed: [
    "Friendly staff, but the fix didn't last.",
    'Got there in the end, though it took two calls.',
    'Chat was quick; the follow-up email was not.',
    'OK overall. The app\'s "track my repair" page is never up to date.',
    'Store staff were helpful, phone support less so.',
    'Fine once I got through, but getting through is the hard part.',
    'Polite, knowledgeable, slow.',
  ],
  positive: [
    'Quick answer, sorted on the first call. Thanks!',
    'The chat agent was patient, clear and actually solved it.',
    'Engineer arrived on time, explained everything, tidy work.',
    'Much faster to get through than last year.',
    'Staff in the store were great, a real "no problem at all" attitude.',
    'Easy switch to the new plan, no fuss.',
    'Answered in under a minute. Impressed.',
  ],
} as const;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Integer points summing to exactly `total`, largest-remainder rounding to multiples of `unit`. */
function apportion(raw: readonly number[], total: number, unit: number): number[] {
  const sum = raw.reduce((a, b) => a + b, 0);
  const units = total / unit;
  const exact = raw.map((x) => (x / sum) * units);
  const floors = exact.map(Math.floor);
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors.map((x) => x * unit);
}

export const RESPONSE_COLUMNS = [
  'respondent_id',
  'wave',
  'date',
  'channel',
  'region',
  ...ITEMS.map((it) => `e_${it.id}`),
  ...ITEMS.map((it) => `p_${it.id}`),
  ...DIMENSIONS.map((d) => `w_${d}`),
  'nps',
  'csat',
  'ces',
  'overall',
  'comment',
];

interface Row {
  date: string;
  order: number;
  cells: Cell[];
  /** The language of the comment, when there is one. */
  lang?: 'en' | 'fr';
}

/** One respondent: `rng` is the survey's stream, `cr` the comments' own (so comments move no figure). */
function respondent(rng: Rng, cr: Rng, waveIndex: number, region: string): Row {
  const w = WAVES[waveIndex];
  const days = Math.round((w.end - w.start) / 86400000);
  const dayMs = w.start + rng.int(0, days) * 86400000;
  const channel = rng.weighted(CHANNELS, CHANNEL_SHARE);

  // Latent perception factors.
  const g = rng.normal();
  const factor = {} as Record<Dimension, number>;
  for (const d of DIMENSIONS) {
    factor[d] = Math.sqrt(0.65) * g + Math.sqrt(0.35) * rng.normal() + (CHANNEL_EFFECT[channel][d] ?? 0) + (REGION_EFFECT[region] ?? 0);
  }
  // Latent expectation level and a shared response style (acquiescence).
  const eg = rng.normal();
  const style = rng.normal(0, 0.25);
  const ed = {} as Record<Dimension, number>;
  for (const d of DIMENSIONS) ed[d] = rng.normal();

  const e: Cell[] = [];
  const p: Cell[] = [];
  for (const it of ITEMS) {
    const ev = EXPECTATION[it.dimension] + ITEM_OFFSET_E[it.id] + 0.45 * eg + 0.25 * ed[it.dimension] + style + rng.normal(0, 0.55);
    const pv = PERCEPTION[it.dimension][waveIndex] + ITEM_OFFSET_P[it.id] + factor[it.dimension] + style + rng.normal(0, ITEM_NOISE[it.dimension]);
    e.push(rng.chance(MISSING_ITEM) ? undefined : clampRound(ev, SCALE.min, SCALE.max));
    p.push(rng.chance(MISSING_ITEM) ? undefined : clampRound(pv, SCALE.min, SCALE.max));
  }

  // Importance points: ~5 % skip the question (all five empty together).
  let weights: Cell[];
  if (rng.chance(0.05)) {
    weights = DIMENSIONS.map(() => undefined);
  } else {
    const raw = DIMENSIONS.map((d) => IMPORTANCE[d] * Math.exp(rng.normal(0, 0.35)));
    weights = apportion(raw, 100, rng.chance(0.6) ? 5 : 1);
  }

  // Outcomes from one satisfaction latent; responsiveness gains lift it a little.
  let lat = rng.normal(0, 0.5);
  for (const d of DIMENSIONS) lat += DRIVER[d] * (factor[d] + PERCEPTION[d][waveIndex] - PERCEPTION[d][0]);
  const overall = rng.chance(0.01) ? undefined : clampRound(4.95 + lat, SCALE.min, SCALE.max);
  const nps = rng.chance(0.02) ? undefined : clampRound(NPS_LEVEL[waveIndex] + 1.9 * lat + rng.normal(0, 1.3), 0, 10);
  const csat = rng.chance(0.03) ? undefined : clampRound(4.0 + 0.75 * lat + rng.normal(0, 0.6), 1, 5);
  const effortLatent = -0.5 * (factor.responsiveness + PERCEPTION.responsiveness[waveIndex] - PERCEPTION.responsiveness[0]) - 0.3 * factor.reliability;
  const ces = rng.chance(0.04) ? undefined : clampRound(3.5 + effortLatent + rng.normal(0, 1.0), 1, 7);

  // The survey stream's two comment draws stay as they were, so every later draw (and every
  // figure) is unchanged; whether others write and what anyone writes come from `cr`.
  const short = rng.chance(0.2) ? rng.pick(COMMENTS[toneOf(overall)]) : undefined;
  let comment: string | undefined;
  let lang: Row['lang'];
  if (short !== undefined || cr.chance(overall !== undefined && overall <= 4 ? 0.3 : 0.2)) {
    lang = languageOf(cr, region);
    // Some write one short line (the survey's first comment bank); most write about what happened.
    comment =
      lang === 'en' && short !== undefined && cr.chance(0.2)
        ? short
        : composeComment(cr, { waveIndex, channel, region, overall, reliability: factor.reliability }, lang);
  }

  return {
    date: isoDate(dayMs),
    order: 0,
    cells: [channel, region, ...e, ...p, ...weights, nps, csat, ces, overall, comment],
    lang,
  };
}

/**
 * Adds a contact detail or a redacted name to a few comments of the wave, `count[lang]` in each
 * language (every kind once in the report's wave), so the published comments show the scrubber at work.
 */
function plantPersonalData(cr: Rng, rows: Row[], count: Record<'en' | 'fr', number>): void {
  for (const lang of ['en', 'fr'] as const) {
    const commented = rows.filter((r) => r.lang === lang);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count[lang], commented.length)) chosen.add(cr.int(0, commented.length - 1));
    [...chosen]
      .sort((a, b) => a - b)
      .forEach((i, k) => {
        const cells = commented[i].cells;
        cells[cells.length - 1] = withPersonalData(
          cells[cells.length - 1] as string,
          lang,
          k + (count[lang] < PII_KINDS[lang] ? cr.int(0, PII_KINDS[lang] - 1) : 0),
        );
      });
  }
}

export function buildResponses(rng: Rng, respondentsPerWave: number): string {
  const rows: Cell[][] = [];
  WAVES.forEach((w, wi) => {
    const wr = rng.fork(`responses:${w.wave}`);
    const islands = wr.int(5, 8);
    const regions: string[] = [];
    for (let i = 0; i < respondentsPerWave; i++) {
      regions.push(i < islands ? SMALL_REGION : wr.weighted(REGIONS, REGION_SHARE));
    }
    // Shuffle so the Islands respondents are spread over the quarter (Fisher–Yates).
    for (let i = regions.length - 1; i > 0; i--) {
      const j = Math.floor(wr.next() * (i + 1));
      [regions[i], regions[j]] = [regions[j], regions[i]];
    }
    const cr = rng.fork(`comments:${w.wave}`);
    const waveRows = regions.map((region, i) => ({ ...respondent(wr, cr, wi, region), order: i }));
    waveRows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
    plantPersonalData(cr, waveRows, wi === WAVES.length - 1 ? PII_KINDS : { en: 2, fr: 0 });
    const prefix = `R${w.wave.slice(2, 4)}${w.wave.slice(5)}`;
    waveRows.forEach((r, i) => {
      rows.push([`${prefix}-${String(i + 1).padStart(5, '0')}`, w.wave, r.date, ...r.cells]);
    });
  });
  return toCsv(RESPONSE_COLUMNS, rows);
}

/** Managers' view of what customers expect: close, except they underrate reliability (Gap 1). */
const MANAGEMENT_BIAS: Record<Dimension, number> = {
  tangibles: 0.1,
  reliability: -0.6,
  responsiveness: -0.15,
  assurance: 0,
  empathy: -0.1,
};

export function buildManagement(rng: Rng, managers = 25): string {
  const mr = rng.fork('management');
  const rows: Cell[][] = [];
  // Manager-level leniency, centred so the panel as a whole carries only the intended bias.
  const levels = Array.from({ length: managers }, () => mr.normal(0, 0.35));
  const centre = levels.reduce((a, b) => a + b, 0) / managers;
  for (let m = 1; m <= managers; m++) {
    const level = levels[m - 1] - centre;
    const dim = {} as Record<Dimension, number>;
    for (const d of DIMENSIONS) dim[d] = mr.normal(0, 0.15);
    const cells: Cell[] = [`M${String(m).padStart(3, '0')}`];
    for (const it of ITEMS) {
      // Customers' observed expectation means sit ~0.1 below the latent level (rounding and the ceiling at 7).
      const v = EXPECTATION[it.dimension] - 0.1 + ITEM_OFFSET_E[it.id] + MANAGEMENT_BIAS[it.dimension] + level + dim[it.dimension] + mr.normal(0, 0.45);
      cells.push(clampRound(v, SCALE.min, SCALE.max));
    }
    rows.push(cells);
  }
  return toCsv(['respondent_id', ...ITEMS.map((it) => `m_${it.id}`)], rows);
}
