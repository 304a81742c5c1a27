import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildDataset } from '../../src/data/dataset';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { Figures } from '../../src/schemas/figures';

const QUESTIONNAIRE = `scale: { min: 1, max: 7 }
outcome: overall
items:
  - { id: r1, dimension: reliability, text: "Keeps promises" }
  - { id: r2, dimension: reliability, text: "Right first time" }
  - { id: s1, dimension: responsiveness, text: "Prompt" }
  - { id: s2, dimension: responsiveness, text: "Willing" }
`;

/** Wave 2026-Q1: reliability answered 5 by everyone; 2026-Q2: both dimensions vary; 2026-Q3: five respondents. */
function figures(): Figures {
  const rows: string[] = [];
  for (let i = 0; i < 12; i++) rows.push(`a${i},2026-Q1,5,5,${(i % 5) + 2},${(i % 3) + 3},${(i % 4) + 2}`);
  for (let i = 0; i < 12; i++) rows.push(`b${i},2026-Q2,${(i % 6) + 1},${(i % 4) + 3},${(i % 5) + 2},${(i % 3) + 3},${((i * 7) % 5) + 1}`);
  for (let i = 0; i < 5; i++) rows.push(`c${i},2026-Q3,${i + 2},${i + 1},${i + 3},4,${i + 1}`);
  const loaded = buildDataset({
    name: 'case',
    texts: { 'questionnaire.yaml': QUESTIONNAIRE, 'responses.csv': `respondent_id,wave,p_r1,p_r2,p_s1,p_s2,overall\n${rows.join('\n')}\n` },
  });
  expect(loaded.problems).toEqual([]);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({ wave: '2026-Q2' }));
  expect(result.problems).toEqual([]);
  return result.figures!;
}

describe('waves[].drivers: every wave carries its key drivers, like the headline', () => {
  const f = figures();
  const wave = (w: string) => f.waves.find((x) => x.wave === w)!;

  it('repeats the headline drivers for the report wave, from the same accumulator', () => {
    expect(wave('2026-Q2').drivers).toEqual(f.drivers);
    expect(f.drivers.status).toBe('measured');
  });

  it('says a driver that does not vary is not measured, rather than a 0 share with a quadrant (never NaN)', () => {
    expect(wave('2026-Q1').drivers).toEqual({ status: 'not measured', reason: 'reliability does not vary over the 12 complete cases' });
  });

  it('suppresses a wave’s drivers under min_base, as the headline’s', () => {
    expect(wave('2026-Q3').drivers).toEqual({ status: 'suppressed', suppressed: true, n: 5 });
  });
});
