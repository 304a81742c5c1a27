/**
 * Seeded, deterministic benchmark data (bench/out/, gitignored): a survey of N responses
 * with every SPEC §2.2 column (22 items E and P, five weights, nps, csat, ces, overall,
 * channel, region, wave, date, comment — some quoted with commas, some cells empty) and
 * its questionnaire.yaml, and a contacts.csv of M rows with a standards.csv on the KPIs
 * contacts deliver (so KPI status and the trend over its four quarters are computed, as in
 * a real report). Written in 1 MiB batches; a stamp file skips the work when the same
 * sizes and seed are already there.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ITEMS = [
  'tan1',
  'tan2',
  'tan3',
  'tan4',
  'rel1',
  'rel2',
  'rel3',
  'rel4',
  'rel5',
  'res1',
  'res2',
  'res3',
  'res4',
  'ass1',
  'ass2',
  'ass3',
  'ass4',
  'emp1',
  'emp2',
  'emp3',
  'emp4',
  'emp5',
];
const DIMS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];
const WAVES = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
const CHANNELS = ['phone', 'chat', 'email', 'store'];
const REGIONS = ['North', 'South', 'East', 'West', 'Central'];
const COMMENTS = [
  '',
  '',
  '',
  '',
  '',
  '',
  'Quick and friendly.',
  '"Waited too long, then cut off."',
  'Fixed first time',
  '"Polite, but the bill was wrong, again."',
];

export const QUESTIONNAIRE = 'scale: { min: 1, max: 7 }\npreset: servqual-22\nsegments: [channel, region]\noutcome: overall\n';

async function writeLines(path: string, header: string, rows: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let batch = `${header}\n`;
  for (let i = 0; i < rows; i++) {
    batch += `${line(i)}\n`;
    if (batch.length >= 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}

const clamp = (x: number) => Math.max(1, Math.min(7, Math.round(x)));

/** The survey's questionnaire with an `outlet` segment of one page per value (`entities:`). */
export const entityQuestionnaire = (): string =>
  QUESTIONNAIRE.replace('segments: [channel, region]', 'segments: [channel, region, outlet]\nentities: [outlet]');

/** An outlet's name, sorted as numbered (Outlet 0001 …). */
export const outletName = (k: number): string => `Outlet ${String(k + 1).padStart(4, '0')}`;

/**
 * `outlets`: an `outlet` column after region with that many values (each outlet's perceptions
 * shifted by its own steady level, drawn from a second generator so every other column keeps
 * the bytes it has without outlets).
 */
export async function writeSurvey(dir: string, rows: number, seed: number, outlets?: number): Promise<void> {
  const rnd = random(seed);
  const pick = random(seed ^ 0x0a11e7);
  const levels = Array.from({ length: outlets ?? 0 }, () => pick() * 1.2 - 0.6);
  const header = [
    'respondent_id',
    'wave',
    'date',
    'channel',
    'region',
    ...(outlets ? ['outlet'] : []),
    ...ITEMS.map((i) => `e_${i}`),
    ...ITEMS.map((i) => `p_${i}`),
    ...DIMS.map((d) => `w_${d}`),
    'nps',
    'csat',
    'ces',
    'overall',
    'comment',
  ].join(',');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'questionnaire.yaml'), outlets ? entityQuestionnaire() : QUESTIONNAIRE);
  await writeLines(join(dir, 'responses.csv'), header, rows, (i) => {
    const k = outlets ? Math.floor(pick() * outlets) : -1;
    const shift = outlets ? levels[k] : 0;
    const wave = Math.floor((i * WAVES.length) / rows);
    const month = String(1 + ((wave * 3 + 9 + Math.floor(rnd() * 3)) % 12)).padStart(2, '0');
    const year = wave === 0 ? 2025 : 2026;
    const mood = rnd() * 2 - 1;
    const e = ITEMS.map(() => (rnd() < 0.03 ? '' : String(clamp(5.6 + rnd() * 2 - 0.8))));
    const p = ITEMS.map(() => (rnd() < 0.03 ? '' : String(clamp(4.8 + shift + mood * 1.5 + rnd() * 2 - 1))));
    const w = [20, 20, 20, 20, 20].map((x) => x + Math.floor(rnd() * 5) - 2);
    w[4] = 100 - w[0] - w[1] - w[2] - w[3];
    const nps = rnd() < 0.05 ? '' : String(Math.max(0, Math.min(10, Math.round(7 + mood * 3 + rnd() * 2 - 1))));
    const csat = rnd() < 0.05 ? '' : String(Math.max(1, Math.min(5, Math.round(3.8 + mood * 1.2))));
    const ces = String(Math.max(1, Math.min(7, Math.round(3 - mood * 2 + rnd()))));
    const overall = rnd() < 0.04 ? '' : Math.max(1, Math.min(7, 4.8 + mood * 1.8)).toFixed(1);
    const comment = COMMENTS[Math.floor(rnd() * COMMENTS.length)];
    return `R${String(i + 1).padStart(7, '0')},${WAVES[wave]},${year}-${month}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')},${CHANNELS[Math.floor(rnd() * 4)]},${REGIONS[Math.floor(rnd() * 5)]}${outlets ? `,${outletName(k)}` : ''},${e.join(',')},${p.join(',')},${w.join(',')},${nps},${csat},${ces},${overall},${comment}`;
  });
}

/** Standards on every KPI contacts.csv delivers, one with its own service-level threshold (45 s). */
export const CONTACT_STANDARDS = `standard_id,metric,dimension,unit,direction,target,management_expectation,tolerance
answer-30s,service_level_30s,responsiveness,percent,higher,80,80,0.05
answer-45s,service_level_45s,responsiveness,percent,higher,85,85,0.05
average-wait,asa_seconds,responsiveness,seconds,lower,30,45,0.05
first-contact-fix,fcr_rate,reliability,percent,higher,75,85,0.05
abandoned-calls,abandonment_rate,responsiveness,percent,lower,5,6,0.10
handle-time,aht_seconds,,seconds,lower,360,,0.05
`;

export async function writeContacts(dir: string, rows: number, seed: number): Promise<void> {
  const rnd = random(seed);
  await mkdir(dir, { recursive: true });
  await writeLines(join(dir, 'contacts.csv'), 'contact_id,opened_at,channel,wait_seconds,handle_seconds,abandoned,resolved_first_contact', rows, (i) => {
    const day = Math.floor((i * 365) / rows);
    const date = new Date(Date.UTC(2025, 9, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const abandoned = rnd() < 0.06 ? 1 : 0;
    const wait = Math.floor(-40 * Math.log(1 - rnd()));
    return `C${i + 1},${date}T${String(8 + Math.floor(rnd() * 10)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00,${CHANNELS[Math.floor(rnd() * 3)]},${wait},${abandoned ? '' : 120 + Math.floor(rnd() * 600)},${abandoned},${abandoned ? '' : rnd() < 0.72 ? 1 : 0}`;
  });
}

/** A survey of `rows` responses over `outlets` outlets in out/entity-pages-<outlets>/data/, unless its stamp says it is there already. */
export async function ensureEntityData(out: string, rows: number, outlets: number, seed: number, log: (s: string) => void): Promise<string> {
  const dir = join(out, `entity-pages-${outlets}`);
  const stamp = JSON.stringify({ rows, outlets, seed, version: 1 });
  const stampPath = join(dir, 'data.stamp');
  if ((await readFile(stampPath, 'utf8').catch(() => '')) !== stamp) {
    log(`generating ${rows.toLocaleString('en-US')} responses over ${outlets.toLocaleString('en-US')} outlets (seed ${seed}) into ${dir}/ …`);
    await writeSurvey(join(dir, 'data'), rows, seed, outlets);
    await writeFile(stampPath, stamp);
  }
  return join(dir, 'data');
}

/** Writes the survey and contacts datasets unless the stamp says they are there already. */
export async function ensureData(
  out: string,
  rows: number,
  contacts: number,
  seed: number,
  log: (s: string) => void,
): Promise<{ survey: string; contacts: string }> {
  const survey = join(out, 'survey');
  const calls = join(out, 'contacts');
  const stamp = JSON.stringify({ rows, contacts, seed, version: 1 });
  const stampPath = join(out, 'data.stamp');
  await mkdir(calls, { recursive: true });
  await writeFile(join(calls, 'standards.csv'), CONTACT_STANDARDS); // small: always current, whatever the stamp
  if ((await readFile(stampPath, 'utf8').catch(() => '')) !== stamp) {
    log(`generating ${rows.toLocaleString('en-US')} responses and ${contacts.toLocaleString('en-US')} contacts (seed ${seed}) into ${out}/ …`);
    await writeSurvey(survey, rows, seed);
    await writeContacts(calls, contacts, seed + 1);
    await writeFile(stampPath, stamp);
  }
  return { survey, contacts: calls };
}
