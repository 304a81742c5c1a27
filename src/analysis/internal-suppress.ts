/**
 * Complementary suppression of the employee groups (teams, branches): the rule of
 * complementary.ts for customer segments, on counts alone. The groups of one segment partition
 * the employees (apart from those who left it empty), and the whole file's figures are
 * published, so the total minus the published groups gives the pooled sums of the rest. That
 * pooled block must hold 0 or at least min_base answers, for every mean a figure publishes;
 * while it does not, the published group with the fewest employees (then the smallest base,
 * then by name) is withheld as well. Withholding every group leaves the whole file, which is
 * published, so the loop ends.
 */

/** One figure family of a group: the base that gates it and the base of each mean it publishes. */
export interface FamilyCounts {
  base: number;
  parts: number[];
}

/** A group's (or the total's) employees and, per figure key, its counts. */
export interface GroupCounts {
  n: number;
  families: Record<string, FamilyCounts>;
}

/** Group value → figure keys to withhold secondarily (only figures whose own base reaches minBase are listed). */
export function internalSecondary(total: GroupCounts, groups: ReadonlyMap<string, GroupCounts>, minBase: number): Map<string, Set<string>> {
  const out = new Map([...groups.keys()].map((v) => [v, new Set<string>()]));
  for (const [key, family] of Object.entries(total.families)) {
    const of = (g: GroupCounts) => g.families[key] ?? { base: 0, parts: family.parts.map(() => 0) };
    const hidden = new Set([...groups].filter(([, g]) => of(g).base > 0 && of(g).base < minBase).map(([v]) => v));
    let grew = true;
    while (grew) {
      grew = false;
      family.parts.forEach((whole, p) => {
        if (whole < minBase) return; // the total's own mean is withheld: nothing to subtract from
        let block = whole;
        const open: [string, number, number][] = [];
        for (const [v, g] of groups) {
          const n = of(g).parts[p];
          if (n >= minBase && !hidden.has(v)) ((block -= n), open.push([v, n, g.n]));
        }
        open.sort((a, b) => a[2] - b[2] || a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        for (const [v, n] of open) {
          if (block === 0 || block >= minBase) break;
          hidden.add(v);
          block += n;
          grew = true;
        }
      });
    }
    for (const v of hidden) if (of(groups.get(v)!).base >= minBase) out.get(v)!.add(key);
  }
  return out;
}
