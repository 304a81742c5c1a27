/**
 * Intervals for the Net Promoter Score. `wald`: score ± 1.96·100·√v, v = (pP + pD − (pP − pD)²)/n
 * (SPEC §3). `adjusted-wald`: Rocks (2016, "Interval estimation for the net promoter score",
 * The American Statistician 70(4)) adds 3 to n and ¾ to the promoters and the detractors (so
 * 1.5 to the passives) before the Wald formula — the Agresti–Coull idea for a difference of
 * multinomial shares. On small bases the Wald interval is too narrow (at n = 10 with nine
 * promoters it reaches past +100 and its coverage falls well under 95 %); the adjusted one keeps
 * close to nominal coverage and centres on the adjusted score. Both are clamped to [−100, 100].
 */
import { Z95 } from './constants';

export const NPS_INTERVALS = ['wald', 'adjusted-wald'] as const;
export type NpsIntervalMethod = (typeof NPS_INTERVALS)[number];
/** Wald by default: its centre is the published score and its half-width the published moe95, which readers read as "±". */
export const DEFAULT_NPS_INTERVAL: NpsIntervalMethod = 'wald';

/** Added to n, and ¾ of it… to promoters and detractors (Rocks 2016). */
const ADD_N = 3;
const ADD_EACH = 0.75;

const clamp = (x: number) => Math.max(-100, Math.min(100, x));

/**
 * The 95 % interval of the NPS of `promoters`, `passives`, `detractors` (counts, or weighted
 * counts) by `method`, in points, clamped to [−100, 100]. Undefined when the counts sum to 0.
 */
export function npsInterval(promoters: number, passives: number, detractors: number, method: NpsIntervalMethod): [number, number] | undefined {
  const add = method === 'adjusted-wald';
  if (!(promoters + passives + detractors > 0)) return undefined;
  const n = promoters + passives + detractors + (add ? ADD_N : 0);
  const pP = (promoters + (add ? ADD_EACH : 0)) / n;
  const pD = (detractors + (add ? ADD_EACH : 0)) / n;
  const diff = pP - pD;
  const half = 100 * Z95 * Math.sqrt(Math.max(0, (pP + pD - diff * diff) / n));
  return [clamp(100 * diff - half), clamp(100 * diff + half)];
}
