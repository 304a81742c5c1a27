/** A small chain built from CSV text, as a user writes it, for the entity tests. */
import { expect } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildDataset } from '../../src/data/dataset';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { Figures } from '../../src/schemas/figures';

export const QUESTIONNAIRE = 'scale: { min: 1, max: 5 }\nitems:\n  - { id: r1, dimension: reliability, text: "Keeps promises" }\nsegments: [region, branch]\n';

/** Branch → [wave, nps, p_r1] answers; every respondent in region North. */
export function chainFigures(groups: Record<string, [string, number, number][]>, options: Record<string, unknown> = { per: 'branch' }): Figures {
  const rows: string[] = [];
  for (const [branch, answers] of Object.entries(groups))
    for (const [wave, nps, p] of answers) rows.push(`R${rows.length + 1},${wave},North,${branch},${nps},4,${p}`);
  const texts = { 'questionnaire.yaml': QUESTIONNAIRE, 'responses.csv': `respondent_id,wave,region,branch,nps,e_r1,p_r1\n${rows.join('\n')}\n` };
  const loaded = buildDataset({ name: 'case', texts });
  expect(loaded.problems).toEqual([]);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse(options));
  expect(result.problems).toEqual([]);
  return result.figures!;
}

/** [wave, nps, p_r1] rows: n answers whose NPS and perception follow the given functions of the row index. */
export const many = (wave: string, n: number, nps: (i: number) => number, p: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => [wave, nps(i), p(i)] as [string, number, number]);

/** Three branches over two waves and Tiny, under min_base in 2026-Q2 (so Alpha, the smallest published branch, gives way). */
export const FOUR_BRANCHES = {
  Alpha: [
    ...many(
      '2026-Q1',
      20,
      (i) => i % 11,
      () => 4,
    ),
    ...many(
      '2026-Q2',
      25,
      (i) => (i % 3) + 8,
      (i) => 4 + (i % 2),
    ),
  ],
  Beta: [
    ...many(
      '2026-Q1',
      20,
      (i) => (i * 3) % 11,
      () => 3,
    ),
    ...many(
      '2026-Q2',
      30,
      (i) => (i % 5) + 5,
      (i) => 3 + (i % 2),
    ),
  ],
  Gamma: [
    ...many(
      '2026-Q1',
      30,
      (i) => i % 7,
      () => 2,
    ),
    ...many(
      '2026-Q2',
      40,
      (i) => i % 6,
      (i) => 1 + (i % 3),
    ),
  ],
  Tiny: [
    ...many(
      '2026-Q1',
      12,
      () => 10,
      () => 5,
    ),
    ...many(
      '2026-Q2',
      6,
      () => 10,
      () => 5,
    ),
  ],
};
