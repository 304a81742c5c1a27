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
