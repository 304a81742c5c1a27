/**
 * ces_wording (issue 14): effort-worded CES (the default) is better when lower, ease-worded
 * (CES 2.0) when higher — in the wave-on-wave changes (and so the gates), the benchmark
 * position and meta.statistics, which the CES card reads.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildDataset } from '../../src/data/dataset';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { Figures } from '../../src/schemas/figures';

function figures(extra: string): Figures {
  // Wave 2 answers CES two points higher than wave 1.
  const rows = Array.from({ length: 40 }, (_, i) => `r${i},${i < 20 ? '2026-Q1' : '2026-Q2'},${(i % 3) + (i < 20 ? 2 : 4)}`);
  const loaded = buildDataset({
    name: 'ces',
    texts: {
      'questionnaire.yaml': `scale: { min: 1, max: 7 }\n${extra}`,
      'responses.csv': `respondent_id,wave,ces\n${rows.join('\n')}\n`,
      'benchmarks.csv':
        'metric,industry,period,source,company,statistic,value,direction\nces,retail,2026,"Panel, 2026",A,,3,\nces,retail,2026,"Panel, 2026",B,,4,\nces,retail,2026,"Panel, 2026",C,,6,\n',
    },
  });
  expect(loaded.problems).toEqual([]);
  return analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({})).figures!;
}

describe('ces_wording', () => {
  it('effort (default): a higher CES is a change for the worse and a lower benchmark position', () => {
    const f = figures('');
    expect(f.changes.find((c) => c.metric === 'ces.mean')).toMatchObject({ direction: 'worse', significant: true });
    expect(f.benchmarks[0]).toMatchObject({ metric: 'ces', direction: 'lower' });
    expect(f.meta.statistics?.ces_wording).toBe('effort');
  });
  it('ease: a higher CES is a change for the better, and the benchmark is oriented higher-is-better', () => {
    const effort = figures('');
    const ease = figures('ces_wording: ease\n');
    expect(ease.changes.find((c) => c.metric === 'ces.mean')).toMatchObject({ direction: 'better', significant: true });
    expect(ease.benchmarks[0]).toMatchObject({ metric: 'ces', direction: 'higher' });
    expect(ease.benchmarks[0].percentile).toBeCloseTo(100 - effort.benchmarks[0].percentile, 9);
    expect(ease.meta.statistics?.ces_wording).toBe('ease');
  });
});
