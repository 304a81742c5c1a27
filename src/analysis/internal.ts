/**
 * Internal service quality (employees.csv): employees rate the internal service they receive on
 * the customers' SERVQUAL items, and give an employee NPS. Per the service-profit chain
 * (Heskett et al. 1994), internal quality goes with external quality: so the figures set each
 * team or branch's internal perception index beside its customers' and correlate the two across
 * the branches published on both sides (Pearson r, Fisher-z 95 % interval). Every group figure is
 * gated by min_base and complementarily suppressed (internal-suppress.ts); no employee row leaves.
 */
import { DIMENSIONS, type Dimension, type Item } from '../schemas/questionnaire';
import type { Employee } from '../schemas/dataset';
import type { GroupFigures, Internal, InternalGroup, NpsFigure } from '../schemas/figures';
import { meanEstimate } from '../stats/descriptive';
import { npsFromCounts, PROMOTER_MIN, DETRACTOR_MAX } from '../stats/nps';
import { npsInterval, type NpsIntervalMethod } from '../stats/nps-interval';
import { dimensionGapScore, halfRuleMean } from '../stats/servqual';
import { Z95 } from '../stats/constants';
import { gate, published, type BaseRule } from './suppress';
import { internalSecondary, type GroupCounts } from './internal-suppress';

/** Fisher's z interval needs n − 3 > 0 degrees of freedom: fewer branches give no correlation. */
export const MIN_BRANCHES = 4;

interface Scores {
  n: number;
  enps: [number, number, number];
  /** Per dimension (questionnaire order): each employee's half-rule perception, expectation and gap scores. */
  dims: { dim: Dimension; p: number[]; e: number[]; g: number[] }[];
}

function scoresOf(rows: readonly Employee[], items: readonly Item[]): Scores {
  const dims = DIMENSIONS.filter((d) => items.some((i) => i.dimension === d)).map((dim) => ({
    dim,
    ids: items.filter((i) => i.dimension === dim).map((i) => i.id),
    p: [] as number[],
    e: [] as number[],
    g: [] as number[],
  }));
  const enps: [number, number, number] = [0, 0, 0];
  for (const r of rows) {
    if (r.enps !== undefined) enps[r.enps >= PROMOTER_MIN ? 0 : r.enps <= DETRACTOR_MAX ? 2 : 1]++;
    for (const d of dims) {
      const p = d.ids.map((id) => r.p[id]);
      const e = d.ids.map((id) => r.e[id]);
      const push = (xs: number[], x: number | undefined) => x !== undefined && xs.push(x);
      push(d.p, halfRuleMean(p));
      push(d.e, halfRuleMean(e));
      push(d.g, dimensionGapScore(p, e));
    }
  }
  return { n: rows.length, enps, dims: dims.map(({ dim, p, e, g }) => ({ dim, p, e, g })) };
}

function countsOf(s: Scores): GroupCounts {
  const families: GroupCounts['families'] = { enps: { base: s.enps[0] + s.enps[1] + s.enps[2], parts: [s.enps[0] + s.enps[1] + s.enps[2]] } };
  for (const d of s.dims) families[`dimensions.${d.dim}`] = { base: Math.max(d.p.length, d.e.length), parts: [d.p.length, d.e.length, d.g.length] };
  return { n: s.n, families };
}

function groupFigures(s: Scores, rule: BaseRule, method: NpsIntervalMethod, withheld: ReadonlySet<string> = new Set()): InternalGroup {
  const [pro, pas, det] = s.enps;
  const enps = gate(
    pro + pas + det,
    rule,
    () => {
      const e = npsFromCounts(pro, pas, det);
      if (!e) return undefined;
      const { score, promoters, passives, detractors, variance, moe95 } = e;
      return { score, promoters, passives, detractors, variance, moe95, ci95: npsInterval(pro, pas, det, method) ?? e.ci95 };
    },
    withheld.has('enps'),
  ) as NpsFigure | undefined;
  const dimensions: InternalGroup['dimensions'] = {};
  const perceptions: number[] = [];
  for (const d of s.dims) {
    // Each mean on its own base, withheld under min_base, as the customers' dimensions are.
    const est = (xs: number[]) => (xs.length >= rule.min_base ? meanEstimate(xs) : undefined);
    const figure = gate(
      Math.max(d.p.length, d.e.length),
      rule,
      () => {
        const [p, e, g] = [est(d.p), est(d.e), est(d.g)];
        return {
          perception: p?.mean,
          expectation: e?.mean,
          gap: g?.mean,
          perception_ci95: p?.ci95,
          expectation_ci95: e?.ci95,
          gap_ci95: g?.ci95,
          n_perception: d.p.length,
          n_expectation: d.e.length,
          n_gap: d.g.length,
        };
      },
      withheld.has(`dimensions.${d.dim}`),
    );
    if (!figure) continue;
    dimensions[d.dim] = figure;
    const p = published(figure, 'perception');
    if (p !== undefined) perceptions.push(p);
  }
  const complete = perceptions.length > 0 && perceptions.length === s.dims.length;
  return { n: s.n, ...(enps ? { enps } : {}), dimensions, perception: complete ? perceptions.reduce((a, b) => a + b, 0) / perceptions.length : undefined };
}

/** Pearson r of paired values with its Fisher-z 95 % interval (tanh(atanh r ± 1.96/√(n−3))); none at |r| = 1. */
export function pearsonFisher(x: readonly number[], y: readonly number[]): Internal['compare'][string]['correlation'] {
  const n = x.length;
  if (n < MIN_BRANCHES) return { status: 'not measured', reason: `fewer than ${MIN_BRANCHES} values published on both sides`, n };
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) ((sxy += (x[i] - mx) * (y[i] - my)), (sxx += (x[i] - mx) ** 2), (syy += (y[i] - my) ** 2));
  if (sxx === 0 || syy === 0) return { status: 'not measured', reason: 'one side does not vary across the values', n };
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  if (Math.abs(r) === 1) return { status: 'measured', r, n };
  const z = Math.atanh(r);
  const half = Z95 / Math.sqrt(n - 3);
  return { status: 'measured', r, ci95: [Math.tanh(z - half), Math.tanh(z + half)], n };
}

export interface InternalInput {
  employees: readonly Employee[];
  items: readonly Item[];
  rule: BaseRule;
  method: NpsIntervalMethod;
  /** The customers' figures of the report's wave: headline and segments. */
  head: GroupFigures;
  segments: Record<string, Record<string, GroupFigures>>;
}

export function internalFigures({ employees, items, rule, method, head, segments }: InternalInput): Internal {
  const all = scoresOf(employees, items);
  const total = groupFigures(all, rule, method);
  const totalCounts = countsOf(all);
  const out: Internal = { ...total, segments: {}, compare: {} };
  const enps = published(total.enps, 'score');
  const nps = published(head.nps, 'score');
  if (enps !== undefined && nps !== undefined) out.beside = { enps, nps, difference: enps - nps };
  const names = [...new Set(employees.flatMap((e) => Object.keys(e.segments)))].sort();
  for (const segment of names) {
    const byValue = new Map<string, Employee[]>();
    for (const e of employees) {
      const v = e.segments[segment];
      if (v !== undefined) byValue.set(v, [...(byValue.get(v) ?? []), e]);
    }
    const scores = new Map([...byValue].map(([v, rows]) => [v, scoresOf(rows, items)]));
    const withheld = internalSecondary(totalCounts, new Map([...scores].map(([v, s]) => [v, countsOf(s)])), rule.min_base);
    const groups: Record<string, InternalGroup> = {};
    for (const v of [...scores.keys()].sort()) groups[v] = groupFigures(scores.get(v)!, rule, method, withheld.get(v));
    out.segments[segment] = groups;
    const pairs = Object.entries(groups).flatMap(([value, g]) => {
      const external = segments[segment]?.[value];
      const x = external?.servqual?.perception;
      if (g.perception === undefined || x === undefined) return [];
      return [{ value, internal: g.perception, external: x, enps: published(g.enps, 'score'), nps: published(external.nps, 'score') }];
    });
    out.compare[segment] = {
      pairs,
      correlation: pearsonFisher(
        pairs.map((p) => p.internal),
        pairs.map((p) => p.external),
      ),
    };
  }
  return out;
}
