/**
 * Every figure of test/reference/expected.json — written by an independent
 * Python implementation (test/reference/reference.py, numpy/scipy) from the
 * fixtures in test/reference/inputs.json — is recomputed here with src/stats.
 * Tolerance: |actual − expected| ≤ 1e-9·max(1, |expected|), i.e. absolute below
 * 1 and relative above. null in the JSON means undefined.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as s from '../../src/stats';

const TOLERANCE = 1e-9;
const load = (name: string) => JSON.parse(readFileSync(new URL(`../reference/${name}`, import.meta.url), 'utf8'));
const inputs = load('inputs.json');
const expected = load('expected.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Compares recursively; returns the paths that differ. Absent, undefined and null are the same. */
function differences(actual: unknown, want: Json, path: string, out: string[] = []): string[] {
  if (want === null) {
    if (actual !== undefined && actual !== null) out.push(`${path}: expected undefined, got ${JSON.stringify(actual)}`);
  } else if (typeof want === 'number') {
    const ok = typeof actual === 'number' && Math.abs(actual - want) <= TOLERANCE * Math.max(1, Math.abs(want));
    if (!ok) out.push(`${path}: expected ${want}, got ${actual}`);
  } else if (Array.isArray(want)) {
    if (!Array.isArray(actual) || actual.length !== want.length) out.push(`${path}: expected ${want.length} values, got ${JSON.stringify(actual)}`);
    else want.forEach((w, i) => differences(actual[i], w, `${path}[${i}]`, out));
  } else if (typeof want === 'object') {
    if (typeof actual !== 'object' || actual === null) {
      out.push(`${path}: expected an object, got ${JSON.stringify(actual)}`);
    } else {
      const rec = actual as Record<string, unknown>;
      for (const key of Object.keys(want)) differences(rec[key], want[key], `${path}.${key}`, out);
      for (const key of Object.keys(rec)) if (!(key in want) && rec[key] !== undefined) out.push(`${path}.${key}: unexpected ${JSON.stringify(rec[key])}`);
    }
  } else if (actual !== want) {
    out.push(`${path}: expected ${JSON.stringify(want)}, got ${JSON.stringify(actual)}`);
  }
  return out;
}

const mapValues = <T, U>(o: Record<string, T>, fn: (v: T) => U) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fn(v)]));

function servqual(input: { dimensions: Record<string, string[]>; items: string[]; p: (number | null)[][]; e: (number | null)[][]; w: (number[] | null)[] }) {
  const dims = Object.keys(input.dimensions);
  const pick = (row: (number | null)[], dim: string) => input.dimensions[dim].map((id) => row[input.items.indexOf(id)]);
  const dimensions = Object.fromEntries(
    dims.map((d) => {
      const gaps = input.p.map((p, r) => s.dimensionGapScore(pick(p, d), pick(input.e[r], d)));
      return [
        d,
        {
          expectation: s.mean(input.e.map((row) => s.halfRuleMean(pick(row, d)))),
          perception: s.mean(input.p.map((row) => s.halfRuleMean(pick(row, d)))),
          gap: s.mean(gaps),
          n: s.count(gaps),
        },
      ];
    }),
  );
  const meanWeights = Object.fromEntries(dims.map((d, j) => [d, s.mean(input.w.map((w) => w?.[j]))]));
  const gaps = mapValues(dimensions, (x) => x.gap);
  return { dimensions, mean_weights: meanWeights, unweighted: s.unweightedServqual(gaps), weighted: s.weightedServqual(gaps, meanWeights) };
}

function drivers(input: { x: (number | null)[][]; y: (number | null)[] }) {
  const rows = input.x.flatMap((x, i) => (x.every(s.isPresent) && s.isPresent(input.y[i]) ? [[...(x as number[]), input.y[i] as number]] : []));
  const d = s.keyDrivers(input.x, input.y);
  const corr = s.correlationFromCovariance(s.covarianceMatrix(rows));
  return { n: rows.length, ...d, relative_weights: s.relativeWeightsFromCorrelation(corr) };
}

function peerPosition(b: { value: number; direction: s.Direction; peers: (number | null)[] }, ps: number[]) {
  const sorted = s.present(b.peers).sort((x, y) => x - y);
  return { quantiles: ps.map((p) => s.quantile(sorted, p)), position: s.benchmarkPosition(b.value, b.peers, b.direction) };
}

const actual = {
  distributions: {
    normal_cdf: inputs.distributions.normal_cdf.map(s.normalCdf),
    normal_quantile: inputs.distributions.normal_quantile.map(s.normalQuantile),
    log_gamma: inputs.distributions.log_gamma.map(s.logGamma),
    incomplete_beta: inputs.distributions.incomplete_beta.map(([x, a, b]: number[]) => s.regularizedIncompleteBeta(x, a, b)),
    t_cdf: inputs.distributions.t_cdf.map(([t, df]: number[]) => s.studentTCdf(t, df)),
    t_quantile: inputs.distributions.t_quantile.map(([p, df]: number[]) => s.studentTQuantile(p, df)),
    two_sided_z: inputs.distributions.two_sided_z.map(s.twoSidedPFromZ),
    two_sided_t: inputs.distributions.two_sided_t.map(([t, df]: number[]) => s.twoSidedPFromT(t, df)),
  },
  nps: mapValues(inputs.nps, s.nps),
  csat: mapValues(inputs.csat, s.csat),
  means: mapValues(inputs.means, s.meanEstimate),
  servqual: mapValues(inputs.servqual, servqual),
  alpha: mapValues(inputs.alpha, s.cronbachAlpha),
  drivers: mapValues(inputs.drivers, drivers),
  kpi: {
    status: inputs.kpi.status.map(([v, t, d, tol]: [number | null, number, s.Direction, number]) => s.kpiStatus(v, t, d, tol)),
    trends: mapValues(inputs.kpi.trends, s.trendSlope),
  },
  benchmark: {
    peers: mapValues(inputs.benchmark.peers, (b: Parameters<typeof peerPosition>[0]) => peerPosition(b, inputs.benchmark.quantile_ps)),
    summaries: mapValues(inputs.benchmark.summaries, (b: { value: number; direction: s.Direction; summary: s.PublishedSummary }) =>
      s.benchmarkPositionFromSummary(b.value, b.summary, b.direction),
    ),
  },
  tests: {
    nps_difference: inputs.tests.nps_difference.map(([a, b]: string[]) => s.npsDifferenceTest(s.nps(inputs.nps[a])!, s.nps(inputs.nps[b])!)),
    welch: inputs.tests.welch.map(([a, b]: string[]) => {
      const [ea, eb] = [s.meanEstimate(inputs.means[a])!, s.meanEstimate(inputs.means[b])!];
      return s.welchTest({ mean: ea.mean, sd: ea.sd!, n: ea.n }, { mean: eb.mean, sd: eb.sd!, n: eb.n });
    }),
    two_proportion: inputs.tests.two_proportion.map(([x1, n1, x2, n2]: number[]) => s.twoProportionTest(x1, n1, x2, n2)),
  },
};

describe('src/stats against the independent Python reference (test/reference)', () => {
  const sections = Object.keys(expected).filter((k) => !k.startsWith('_'));
  it('covers every section of expected.json', () => expect(Object.keys(actual).sort()).toEqual(sections.sort()));
  it.each(sections)('%s matches to 1e-9', (section) => {
    expect(differences((actual as Record<string, unknown>)[section], expected[section], section)).toEqual([]);
  });
  it('compares a substantial number of figures', () => {
    const countNumbers = (j: Json): number =>
      typeof j === 'number'
        ? 1
        : Array.isArray(j)
          ? j.reduce<number>((a, x) => a + countNumbers(x), 0)
          : j && typeof j === 'object'
            ? Object.values(j).reduce<number>((a, x) => a + countNumbers(x), 0)
            : 0;
    expect(countNumbers(expected)).toBeGreaterThan(300);
  });
});
