/**
 * Segment significance (issue 14): each published value of a segment against the rest of that
 * segment in the report's wave — the other values whose same figure is published, pooled. NPS:
 * z-test of the difference with each side's NPS variance; CSAT top-2-box: pooled two-proportion
 * z-test; CES, overall, each SERVQUAL dimension gap and the SERVQUAL score: Welch's t-test. The
 * p-values of one segment and one figure are one family, adjusted by Holm (default) or
 * Benjamini–Hochberg. A suppressed cell (primary or secondary) is neither tested nor part of any
 * rest, so nothing published is a function of a withheld cell.
 */
import { adjustPValues, type Correction } from '../stats/multiple-comparison';
import { effectiveBase, effectiveSuccesses, weightedMeanEstimate, weightedNps } from '../stats/weights';
import { orient } from '../stats/kpi';
import { SIGNIFICANCE_LEVEL, npsDifferenceTest, twoProportionTest, welchTest } from '../stats/tests';
import type { GroupFigures, VsRest } from '../schemas/figures';
import { mergeMoments, moments, type Moments } from './moments';
import type { SurveyLayout } from './layout';
import type { SurveyAcc } from './survey-acc';

export interface SegmentTestSettings {
  correction: Correction;
  /** The direction of ces.mean (meta.statistics.ces_wording). */
  ces: 'higher' | 'lower';
}

type Raw = Omit<VsRest, 'p_adjusted' | 'significant'>;

/** One tested figure of a group: whether it is published, and its test against the pooled rest. */
interface Family {
  key: string;
  published: (g: GroupFigures) => boolean;
  test: (own: SurveyAcc, rest: SurveyAcc[]) => Raw | undefined;
  attach: (g: GroupFigures, result: VsRest) => GroupFigures;
}

const pooled = (accs: SurveyAcc[], pick: (a: SurveyAcc) => Moments): Moments => {
  const m = moments();
  for (const a of accs) mergeMoments(m, pick(a));
  return m;
};

const direction = (difference: number, dir: 'higher' | 'lower'): VsRest['direction'] => {
  const o = orient(difference, dir);
  return o > 0 ? 'better' : o < 0 ? 'worse' : 'same';
};

function welchFamily(key: string, pick: (a: SurveyAcc) => Moments, dir: () => 'higher' | 'lower'): Omit<Family, 'published' | 'attach'> {
  return {
    key,
    test: (own, rest) => {
      const a = pooled(rest, pick);
      const b = pick(own);
      // Weighted means, Welch on the effective bases (the unweighted estimate when every weight is 1).
      const ea = weightedMeanEstimate(a.n, a.w, a.w2, a.sum, a.sumSq);
      const eb = weightedMeanEstimate(b.n, b.w, b.w2, b.sum, b.sumSq);
      if (!ea || !eb || ea.sd === undefined || eb.sd === undefined) return undefined;
      const r = welchTest({ mean: ea.mean, sd: ea.sd, n: ea.n }, { mean: eb.mean, sd: eb.sd, n: eb.n });
      return r && { rest: ea.mean, difference: r.difference, test: 'welch t-test', statistic: r.t, p: r.p, direction: direction(r.difference, dir()) };
    },
  };
}

function families(layout: SurveyLayout, settings: SegmentTestSettings): Family[] {
  const live = <T>(f: T | { suppressed: true } | undefined): f is T & { suppressed: false } =>
    f !== undefined && (f as { suppressed: boolean }).suppressed === false;
  const out: Family[] = [
    {
      key: 'nps',
      published: (g) => live(g.nps),
      test: (own, rest) => {
        // Weighted shares, variances on the effective base (src/stats/weights.ts).
        const nps = (t: number[], w2: number) => weightedNps(t[0], t[1], t[2], effectiveBase(t[0] + t[1] + t[2], w2) ?? 0);
        const a = nps(
          rest.reduce((c, x) => c.map((v, i) => v + x.npsW[i]), [0, 0, 0]),
          rest.reduce((w2, x) => w2 + x.npsW2, 0),
        );
        const b = nps(own.npsW, own.npsW2);
        const r = a && b && npsDifferenceTest(a, b);
        return r && { rest: a.score, difference: r.difference, test: 'nps z-test', statistic: r.z, p: r.p, direction: direction(r.difference, 'higher') };
      },
      attach: (g, vs_rest) => (live(g.nps) ? { ...g, nps: { ...g.nps, vs_rest } } : g),
    },
    {
      key: 'csat',
      published: (g) => live(g.csat),
      test: (own, rest) => {
        // Weighted shares as effective counts out of the effective bases (the counts themselves when unweighted).
        const top = (a: SurveyAcc) => a.csatW[4] + a.csatW[5];
        const base = (a: SurveyAcc) => a.csatW.reduce((s, x) => s + x, 0);
        const x1 = rest.reduce((s, a) => s + top(a), 0);
        const n1 = rest.reduce((s, a) => s + base(a), 0);
        const e1 =
          effectiveBase(
            n1,
            rest.reduce((s, a) => s + a.csatMoments.w2, 0),
          ) ?? 0;
        const e2 = effectiveBase(base(own), own.csatMoments.w2) ?? 0;
        const r = twoProportionTest(effectiveSuccesses(x1, n1, e1), e1, effectiveSuccesses(top(own), base(own), e2), e2);
        return (
          r && {
            rest: (100 * x1) / n1,
            difference: 100 * r.difference,
            test: 'two-proportion z-test',
            statistic: r.z,
            p: r.p,
            direction: direction(r.difference, 'higher'),
          }
        );
      },
      attach: (g, vs_rest) => (live(g.csat) ? { ...g, csat: { ...g.csat, vs_rest } } : g),
    },
    {
      ...welchFamily(
        'ces',
        (a) => a.ces,
        () => settings.ces,
      ),
      published: (g) => live(g.ces),
      attach: (g, vs_rest) => (live(g.ces) ? { ...g, ces: { ...g.ces, vs_rest } } : g),
    },
    {
      ...welchFamily(
        'overall',
        (a) => a.overall,
        () => 'higher',
      ),
      published: (g) => live(g.overall),
      attach: (g, vs_rest) => (live(g.overall) ? { ...g, overall: { ...g.overall, vs_rest } } : g),
    },
    {
      ...welchFamily(
        'servqual.unweighted',
        (a) => a.servqual,
        () => 'higher',
      ),
      published: (g) => g.servqual?.unweighted !== undefined,
      attach: (g, vs_rest) => (g.servqual ? { ...g, servqual: { ...g.servqual, unweighted_vs_rest: vs_rest } } : g),
    },
  ];
  layout.dims.forEach((dim, d) => {
    const fig = (g: GroupFigures) => g.servqual?.dimensions[dim];
    out.push({
      ...welchFamily(
        `servqual.dimensions.${dim}.gap`,
        (a) => a.dims[d].g,
        () => 'higher',
      ),
      published: (g) => {
        const f = fig(g);
        return live(f) && f.gap !== undefined;
      },
      attach: (g, vs_rest) => {
        const f = fig(g);
        return live(f) && g.servqual ? { ...g, servqual: { ...g.servqual, dimensions: { ...g.servqual.dimensions, [dim]: { ...f, vs_rest } } } } : g;
      },
    });
  });
  return out;
}

/**
 * The segment's published figures with `vs_rest` added where a test ran. `accs` and `figures`
 * are keyed by the segment's values (the figures as groupFigures and the complementary
 * suppression left them).
 */
export function withSegmentTests(
  accs: ReadonlyMap<string, SurveyAcc>,
  figures: Record<string, GroupFigures>,
  layout: SurveyLayout,
  settings: SegmentTestSettings,
): Record<string, GroupFigures> {
  const out: Record<string, GroupFigures> = { ...figures };
  for (const family of families(layout, settings)) {
    const tested = Object.keys(figures).filter((v) => accs.has(v) && family.published(figures[v]));
    const results: [string, Raw][] = [];
    for (const v of tested) {
      const rest = tested.filter((o) => o !== v).map((o) => accs.get(o)!);
      const r = rest.length > 0 ? family.test(accs.get(v)!, rest) : undefined;
      if (r) results.push([v, r]);
    }
    const adjusted = adjustPValues(
      results.map(([, r]) => r.p),
      settings.correction,
    );
    results.forEach(([v, r], i) => {
      // In the schema's key order, so the JSON reads the same after a parse.
      const { rest, difference, test, statistic, p, direction } = r;
      out[v] = family.attach(out[v], {
        rest,
        difference,
        test,
        statistic,
        p,
        p_adjusted: adjusted[i],
        significant: adjusted[i] < SIGNIFICANCE_LEVEL,
        direction,
      });
    });
  }
  return out;
}
