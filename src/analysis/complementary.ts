import { DIMENSIONS } from '../schemas/questionnaire';
import type { BaseRule } from './suppress';
import type { SurveyLayout } from './layout';
import type { SurveyAcc } from './survey-acc';

/**
 * Complementary (secondary) suppression, the cell-suppression rule of statistical
 * disclosure control (Hundepool et al., *Statistical Disclosure Control*, 2012, §4.4).
 *
 * Within one segment of the report's wave the values partition the wave's respondents,
 * apart from those who left the segment empty. Every published figure gives away sums:
 * an NPS share × its n is a count of promoters, a mean × n a sum, an SD a sum of squares.
 * So the wave total minus the published cells gives the pooled sums of everything not
 * published — the suppressed cells plus the respondents without a value (their count is
 * derivable too, since every n is published). That pooled block must therefore hold 0 or
 * at least `min_base` respondents; while it does not, the published cell with the fewest
 * respondents (then the smallest base, then by name) is withheld as well. With every cell withheld the block is the whole
 * wave, which is published, so the loop always ends.
 *
 * It runs per figure family, because each has its own base (NPS and CSAT answered n
 * differ). A SERVQUAL dimension or item figure is one family but publishes several means,
 * each on its own base (expectations, perceptions, gaps, importance weights): every one of
 * them is checked, and a cell that must give way is withheld as a whole figure — gap ≈
 * perception − expectation, so hiding one mean of a figure while publishing the other two
 * would not hide it.
 */

/** One figure family: the base that gates the whole figure, and the base of each mean it publishes. */
interface Family {
  key: string;
  base: (acc: SurveyAcc) => number;
  parts: ((acc: SurveyAcc) => number)[];
}

const npsBase = (acc: SurveyAcc) => acc.nps[0] + acc.nps[1] + acc.nps[2];
const csatBase = (acc: SurveyAcc) => acc.csat.reduce((a, b) => a + b, 0);

/** Figure keys match the figure ids below a group: `nps`, `servqual.dimensions.<dim>`, `servqual.items.<item>`. */
function families(layout: SurveyLayout): Family[] {
  const one = (key: string, base: (acc: SurveyAcc) => number): Family => ({ key, base, parts: [base] });
  const out = [one('nps', npsBase), one('csat', csatBase), one('ces', (a) => a.ces.n), one('overall', (a) => a.overall.n)];
  layout.dims.forEach((dim, d) => {
    const w = DIMENSIONS.indexOf(dim);
    out.push({
      key: `servqual.dimensions.${dim}`,
      base: (a) => Math.max(a.dims[d].e.n, a.dims[d].p.n),
      parts: [(a) => a.dims[d].e.n, (a) => a.dims[d].p.n, (a) => a.dims[d].g.n, (a) => a.weights[w].n],
    });
  });
  layout.items.forEach((item, i) => {
    out.push({
      key: `servqual.items.${item.id}`,
      base: (a) => Math.max(a.items[i].e.n, a.items[i].p.n),
      parts: [(a) => a.items[i].e.n, (a) => a.items[i].p.n, (a) => a.items[i].g.n],
    });
  });
  return out;
}

/**
 * The figures of one segment's cells to withhold secondarily, by cell value → figure keys.
 * `total` is the wave the segment partitions; cells are the segment's values in that wave.
 * Only cells whose own base reaches min_base are listed (the others are suppressed anyway).
 */
export function secondarySuppression(total: SurveyAcc, cells: ReadonlyMap<string, SurveyAcc>, rule: BaseRule, layout: SurveyLayout): Map<string, Set<string>> {
  const out = new Map([...cells.keys()].map((v) => [v, new Set<string>()]));
  for (const family of families(layout)) {
    const hidden = new Set([...cells].filter(([, acc]) => family.base(acc) > 0 && family.base(acc) < rule.min_base).map(([v]) => v));
    let grew = true;
    while (grew) {
      grew = false;
      for (const part of family.parts) {
        if (part(total) < rule.min_base) continue; // the wave's own value is withheld: nothing to subtract from
        // Respondents only summable together: the wave minus every cell that publishes this mean.
        let block = part(total);
        const open: [string, number, number][] = [];
        for (const [v, acc] of cells) {
          const n = part(acc);
          if (n >= rule.min_base && !hidden.has(v)) ((block -= n), open.push([v, n, acc.n]));
        }
        // Smallest group of respondents first, so every family gives up the same cell where it can.
        open.sort((a, b) => a[2] - b[2] || a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        for (const [v, n] of open) {
          if (block === 0 || block >= rule.min_base) break;
          hidden.add(v);
          block += n;
          grew = true;
        }
      }
    }
    for (const v of hidden) if (family.base(cells.get(v)!) >= rule.min_base) out.get(v)!.add(family.key);
  }
  return out;
}
