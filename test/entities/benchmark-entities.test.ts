/**
 * `per: benchmarks` (issue 15 item 1): a page per company of benchmarks.csv in the report's
 * industry, its values against the other companies (never itself), ranked and spread among them.
 * Expected ranks, mid-rank percentiles and numpy-style quartiles are worked out here from the
 * CSV's values, not by the implementation's functions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { entityPageFigures } from '../../src/build/entities';
import { dispersionInput } from '../../src/components/lib/dispersion';
import { buildDataset } from '../../src/data/dataset';
import { formatProblem } from '../../src/schemas/problem';
import { analyzeWith } from '../../src/engines/run-fs';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const DIR = resolve(import.meta.dirname, '../../data/chain');

/** benchmarks.csv's NPS by company, read as text (the CSV has no quoted company). */
const COMPANIES = new Map(
  readFileSync(resolve(DIR, 'benchmarks.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((f) => [f[f.length - 4], Number(f[f.length - 2])] as const),
);

/** Oriented mid-rank percentile (higher is better): share below plus half the ties, of `among`. */
const midRank = (x: number, among: readonly number[]) => (100 * (among.filter((y) => y < x).length + 0.5 * among.filter((y) => y === x).length)) / among.length;
/** Linear-interpolation quantile, numpy's default. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
}

describe('per: benchmarks on the chain demo', () => {
  it('has one entity per company of the industry, each against the other seven and ranked among all eight', async () => {
    const result = await analyzeWith('memory', DIR, AnalysisOptionsSchema.parse({ per: 'benchmarks' }));
    expect(result.problems).toEqual([]);
    const e = result.figures!.entities!;
    expect(e.per).toBe('benchmarks');
    expect(Object.keys(e.values)).toEqual([...COMPANIES.keys()].sort());
    const all = [...COMPANIES.values()];
    for (const [company, nps] of COMPANIES) {
      const v = e.values[company];
      if (v.withheld) throw new Error(`${company} withheld`);
      expect(v.n).toBe(0);
      expect(v.nps).toBeUndefined();
      const [b] = v.benchmarks;
      const others = [...COMPANIES].filter(([c]) => c !== company);
      expect(b).toMatchObject({ metric: 'nps', industry: 'home retail', value: nps, peers: 7, method: 'peers' });
      expect(b.peer_values.map((p) => p.company).sort()).toEqual(others.map(([c]) => c).sort());
      expect(b.percentile).toBeCloseTo(
        midRank(
          nps,
          others.map(([, x]) => x),
        ),
        9,
      );
      expect(v.standing).toMatchObject({ per: 'benchmarks', name: company, rank: { nps: 1 + all.filter((x) => x > nps).length }, of: { nps: 8 }, tests: {} });
      expect(v.standing.percentile.nps).toBeCloseTo(midRank(nps, all), 9);
    }
    const sorted = [...all].sort((a, b) => a - b);
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const sd = Math.sqrt(all.reduce((a, x) => a + (x - mean) ** 2, 0) / (all.length - 1));
    expect(e.consistency.nps).toMatchObject({ figure: 'benchmarks.nps.value', entities: 8, min: sorted[0], max: sorted[7], below: [], differ: 0 });
    for (const [key, want] of [
      ['q1', quantile(sorted, 0.25)],
      ['median', quantile(sorted, 0.5)],
      ['q3', quantile(sorted, 0.75)],
      ['mean', mean],
      ['sd', sd],
      ['cv', sd / Math.abs(mean)],
    ] as const)
      expect([key, e.consistency.nps[key]! - want]).toEqual([key, expect.closeTo(0, 9)]);
    const best = [...COMPANIES].sort((a, b) => b[1] - a[1]);
    expect([e.consistency.nps.best, e.consistency.nps.worst]).toEqual([best[0][0], best[7][0]]);
  }, 60_000);

  it('gives each company page its own benchmark position and standing, and no survey figure of the chain as its own', async () => {
    const f = (await analyzeWith('memory', DIR, AnalysisOptionsSchema.parse({ per: 'benchmarks' }))).figures!;
    const page = entityPageFigures(f, 'Trellis')!;
    expect(page.benchmarks[0].value).toBe(COMPANIES.get('Trellis'));
    expect(page.entity).toMatchObject({ name: 'Trellis', rank: { nps: 1 } });
    expect([page.n, page.nps, page.servqual, page.waves]).toEqual([0, undefined, undefined, []]);
    expect(page.parent!.nps).toEqual(f.nps);
  }, 60_000);

  it('charts every company’s NPS in the dispersion strip (their benchmark values, not survey figures they do not have)', async () => {
    const result = await analyzeWith('memory', DIR, AnalysisOptionsSchema.parse({ per: 'benchmarks' }));
    const view = dispersionInput(result.figures!.entities!, 'nps', { metric: 'NPS' });
    expect(view?.form).toBe('dots');
    if (view?.form !== 'dots') return;
    expect(new Map(view.input.dots.map((d) => [d.label, d.value]))).toEqual(COMPANIES);
  });
});

describe('per: benchmarks, mistaken', () => {
  const load = (questionnaire: string, benchmarks: string) => {
    const loaded = buildDataset({
      name: 'case',
      texts: {
        'questionnaire.yaml': questionnaire,
        'responses.csv': `respondent_id,wave,${questionnaire.includes('[benchmarks]') ? 'benchmarks' : 'region'},nps\nR1,2026-Q1,North,9\n`,
        'benchmarks.csv': `metric,industry,period,source,company,statistic,value,direction\n${benchmarks}`,
      },
    });
    expect(loaded.problems).toEqual([]);
    return loaded.dataset!;
  };
  const said = (questionnaire: string, benchmarks: string, per: string) =>
    analyzeDataset(load(questionnaire, benchmarks), AnalysisOptionsSchema.parse({ per })).problems.map((p) =>
      formatProblem({ ...p, file: 'content/reports/x.mdx' }),
    );
  const Q = 'scale: { min: 1, max: 5 }\nitems: []\nsegments: [region]\n';
  const ROWS = 'nps,retail,2026-Q1,Index,Acme,,30,higher\nnps,retail,2026-Q1,Index,Bolt,,40,higher\n';

  it('names a misspelt benchmarks with the did-you-mean', () => {
    expect(said(Q, ROWS, 'benchmark')).toEqual([
      'content/reports/x.mdx: frontmatter "per": "benchmark" is not a segment of questionnaire.yaml (segments: region) nor benchmarks (the companies of benchmarks.csv). Did you mean benchmarks?',
    ]);
  });

  it('refuses benchmarks when a segment has that name, and when the industry names no company', () => {
    expect(said('scale: { min: 1, max: 5 }\nitems: []\nsegments: [benchmarks]\n', ROWS, 'benchmarks')).toEqual([
      'content/reports/x.mdx: frontmatter "per": "benchmarks" names both a segment of questionnaire.yaml and the companies of benchmarks.csv. Rename the segment in questionnaire.yaml (per: benchmarks expands over benchmarks.csv’s companies).',
    ]);
    expect(said(Q, 'nps,retail,2026-Q1,Index,,median,30,higher\n', 'benchmarks')).toEqual([
      'content/reports/x.mdx: frontmatter "per": "benchmarks" expands over the companies of benchmarks.csv, and it names none for the report’s industry. Fill the company column of benchmarks.csv for that industry, or set per: to a segment.',
    ]);
  });
});
