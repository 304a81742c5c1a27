/**
 * Northwind Telecom — the internal service survey (employees.csv). Pure: returns CSV text.
 *
 * 168 front-line employees rate the internal service they receive (IT, back office, the teams
 * they hand customers to) on the customers' 22 SERVQUAL items, with what they expect of it,
 * and give an employee NPS. Each works in a region and a channel team (the customers' own
 * segments, so the two sides meet). The service-profit chain is planted: the teams whose
 * internal service is best (stores) are those whose customers perceive the most, email the
 * least; internal reliability (tools, information that is right the first time) is the
 * weakest dimension, as it is for customers. Four Islands store staff are too few to publish.
 *
 * Draws come from the employees' own stream (`Rng.fork('employees')`), never the survey's.
 */
import { toCsv, type Cell } from './csv.ts';
import { Rng, clampRound } from './random.ts';
import { DIMENSIONS, ITEMS, REGIONS, SMALL_REGION, type Dimension } from './survey.ts';

/** Team → head count, the perceived internal quality level (1–7) and the latent eNPS level (0–10). */
const TEAMS: Record<string, { size: number; level: number; enps: number }> = {
  phone: { size: 62, level: 5.15, enps: 7.1 },
  chat: { size: 40, level: 5.0, enps: 7.3 },
  email: { size: 22, level: 4.55, enps: 6.2 },
  store: { size: 40, level: 5.55, enps: 8.0 },
};
/** Where the contact-centre teams sit; stores follow the customers' regions. */
const CENTRE_REGION_SHARE = [0.35, 0.2, 0.3, 0.15];
const STORE_REGION_SHARE = [0.28, 0.26, 0.24, 0.22];
const ISLANDS_STORE_STAFF = 4;
/** Internal dimension offsets: the information and tools employees get are least dependable. */
const DIMENSION_OFFSET: Record<Dimension, number> = { tangibles: 0.15, reliability: -0.35, responsiveness: -0.1, assurance: 0.25, empathy: 0.05 };
/** What employees expect of the internal service, per dimension. */
const EXPECTATION: Record<Dimension, number> = { tangibles: 5.6, reliability: 6.3, responsiveness: 6.1, assurance: 6.0, empathy: 5.7 };
const ROLES = ['agent', 'team lead', 'quality coach'] as const;
const ROLE_SHARE = [0.82, 0.12, 0.06];
const MISSING_ITEM = 0.02;

export function buildEmployees(rng: Rng): string {
  const er = rng.fork('employees');
  const staff: { region: string; team: string }[] = [];
  for (const [team, t] of Object.entries(TEAMS)) {
    for (let i = 0; i < t.size; i++) staff.push({ team, region: er.weighted(REGIONS, team === 'store' ? STORE_REGION_SHARE : CENTRE_REGION_SHARE) });
  }
  for (let i = 0; i < ISLANDS_STORE_STAFF; i++) staff.push({ team: 'store', region: SMALL_REGION });
  // Ids in no team's order (Fisher–Yates).
  for (let i = staff.length - 1; i > 0; i--) {
    const j = Math.floor(er.next() * (i + 1));
    [staff[i], staff[j]] = [staff[j], staff[i]];
  }
  const rows: Cell[][] = staff.map(({ region, team }, k) => {
    const t = TEAMS[team];
    const g = er.normal();
    const eg = er.normal();
    const e: Cell[] = [];
    const p: Cell[] = [];
    const u = Object.fromEntries(DIMENSIONS.map((d) => [d, er.normal()])) as Record<Dimension, number>;
    for (const it of ITEMS) {
      const pv = t.level + DIMENSION_OFFSET[it.dimension] + 0.6 * g + 0.45 * u[it.dimension] + er.normal(0, 0.7);
      const ev = EXPECTATION[it.dimension] + 0.4 * eg + er.normal(0, 0.5);
      e.push(er.chance(MISSING_ITEM) ? undefined : clampRound(ev, 1, 7));
      p.push(er.chance(MISSING_ITEM) ? undefined : clampRound(pv, 1, 7));
    }
    const enps = er.chance(0.01) ? undefined : clampRound(t.enps + 1.6 * g + er.normal(0, 1.4), 0, 10);
    const role = er.weighted(ROLES, ROLE_SHARE);
    return [`E${String(k + 1).padStart(3, '0')}`, region, team, role, enps, ...e, ...p];
  });
  return toCsv(['respondent_id', 'region', 'channel', 'role', 'enps', ...ITEMS.map((it) => `e_${it.id}`), ...ITEMS.map((it) => `p_${it.id}`)], rows);
}
