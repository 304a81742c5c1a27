/**
 * An attacker's view of the published figures, written without the implementation: for
 * every segment of the report's wave and every published quantity, subtract the published
 * cells from the wave's own figure and see what is left. What is left is the pooled sums of
 * the unpublished respondents (suppressed cells plus those who left the segment empty). It
 * discloses when it rests on 1 … min_base − 1 respondents, or on a single suppressed cell.
 */
import type { Figures, GroupFigures } from '../../src/schemas/figures';

/** One published quantity of a group: its base and the sums it gives away, or undefined when withheld. */
type Reading = { n: number; sums: number[] } | undefined;
interface Quantity {
  id: string;
  /** Respondents of a group that does not publish the quantity: 0 when it has none to hide. */
  hiddenN: (g: GroupFigures) => number;
  /** hiddenN is the quantity's own base (else an upper bound: a suppressed SERVQUAL figure publishes max(n_e, n_p)). */
  exact: boolean;
  /** The group's figure is marked as withheld to protect another cell. */
  secondary: (g: GroupFigures) => boolean;
  read: (g: GroupFigures) => Reading;
}

type Fig = { suppressed: boolean; n: number; [k: string]: unknown } | undefined;
const sumsOfMean = (n: number, mean: number, sd: unknown) => (typeof sd === 'number' ? [n * mean, (n - 1) * sd * sd + n * mean * mean] : [n * mean]);
const whole = (fig: Fig) => (fig?.suppressed ? fig.n : 0);
const marked = (fig: Fig) => fig?.suppressed === true && fig.secondary === true;

function quantities(f: Figures): Quantity[] {
  const out: Quantity[] = [
    {
      id: 'nps',
      hiddenN: (g) => whole(g.nps),
      exact: true,
      secondary: (g) => marked(g.nps),
      read: (g) =>
        g.nps && !g.nps.suppressed ? { n: g.nps.n, sums: [g.nps.promoters, g.nps.passives, g.nps.detractors].map((s) => s * g.nps!.n) } : undefined,
    },
    {
      id: 'csat',
      hiddenN: (g) => whole(g.csat),
      exact: true,
      secondary: (g) => marked(g.csat),
      read: (g) =>
        g.csat && !g.csat.suppressed ? { n: g.csat.n, sums: [(g.csat.top2box / 100) * g.csat.n, ...sumsOfMean(g.csat.n, g.csat.mean, g.csat.sd)] } : undefined,
    },
  ];
  for (const key of ['ces', 'overall'] as const)
    out.push({
      id: key,
      hiddenN: (g) => whole(g[key]),
      exact: true,
      secondary: (g) => marked(g[key]),
      read: (g) => {
        const m = g[key];
        return m && !m.suppressed ? { n: m.n, sums: sumsOfMean(m.n, m.mean, m.sd) } : undefined;
      },
    });
  for (const dim of Object.keys(f.servqual?.dimensions ?? {}))
    for (const side of ['expectation', 'perception', 'gap'] as const)
      out.push({
        id: `servqual.${dim}.${side}`,
        exact: false,
        secondary: (g) => marked(g.servqual?.dimensions[dim as 'tangibles']),
        hiddenN: (g) => {
          const d = g.servqual?.dimensions[dim as 'tangibles'];
          return !d ? 0 : d.suppressed ? d.n : d[side] === undefined ? d[`n_${side}`] : 0;
        },
        read: (g) => {
          const d = g.servqual?.dimensions[dim as 'tangibles'];
          if (!d || d.suppressed || d[side] === undefined) return undefined;
          const n = d[`n_${side}`];
          return { n, sums: [n * d[side]!] };
        },
      });
  return out;
}

export interface Disclosure {
  segment: string;
  quantity: string;
  /** Respondents the leftover rests on, and the sums recovered for them. */
  n: number;
  sums: number[];
  /** Cells (suppressed ones, and "(no value)" for the remainder) pooled in the leftover. */
  members: string[];
}

/** Every leftover of the report's wave that rests on fewer than min_base respondents or on one suppressed cell. */
export function disclosures(f: Figures): Disclosure[] {
  const out: Disclosure[] = [];
  const minBase = f.meta.min_base;
  for (const [segment, cells] of Object.entries(f.segments)) {
    const groups = Object.entries(cells);
    const remainder = f.n - groups.reduce((a, [, g]) => a + g.n, 0);
    for (const q of quantities(f)) {
      const total = q.read(f);
      if (!total) continue;
      let n = total.n;
      const sums = [...total.sums];
      const members: string[] = [];
      let hidden = 0;
      const secondary = new Set<string>();
      for (const [value, g] of groups) {
        const r = q.read(g);
        if (r) {
          n -= r.n;
          r.sums.forEach((s, i) => (sums[i] -= s));
        } else if (q.hiddenN(g) > 0) {
          members.push(value);
          hidden += q.hiddenN(g);
          if (q.secondary(g)) secondary.add(value);
        }
      }
      // Those who left the segment empty but answered: exact when every hidden base is published.
      if (q.exact ? Math.round(n - hidden) > 0 : remainder > 0) members.push('(no value)');
      const rounded = Math.round(n);
      // A lone primarily suppressed cell is recovered whatever its size. A lone secondary one rests on ≥ min_base
      // respondents (it may give away one of a SERVQUAL figure's means, which the base rule allows), the lone
      // remainder of those without a value is no cell.
      const lone = members.length === 1 && members[0] !== '(no value)' && !secondary.has(members[0]);
      if (rounded > 0 && (rounded < minBase || lone))
        out.push({ segment, quantity: q.id, n: rounded, sums: sums.map((s) => Math.round(s * 1e6) / 1e6), members });
    }
  }
  return out;
}

/** Changes whose wave figure is suppressed in waves[] at either end: the delta plus one published value would reveal it. */
export function changesOnSuppressed(f: Figures): string[] {
  const suppressedIn = (wave: string, metric: string): boolean => {
    let x: unknown = f.waves.find((w) => w.wave === wave);
    if (x === undefined) return true;
    for (const p of metric.split('.')) {
      if ((x as { suppressed?: boolean }).suppressed === true) return true;
      x = x && typeof x === 'object' ? (x as Record<string, unknown>)[p] : undefined;
      if (x === undefined) return false;
    }
    return false;
  };
  return [...f.changes, ...f.trend_changes]
    .filter((c) => suppressedIn(c.from, c.metric) || suppressedIn(c.to, c.metric))
    .map((c) => `${c.metric} ${c.from}→${c.to}`);
}
