import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildDataset } from '../../src/data/dataset';
import { cronbachAlpha } from '../../src/stats/alpha';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { Figures, ServqualDimension } from '../../src/schemas/figures';

const QUESTIONNAIRE = `scale: { min: 1, max: 7 }
segments: [channel]
items:
  - { id: r1, dimension: reliability, text: "Keeps promises" }
  - { id: r2, dimension: reliability, text: "Right first time" }
  - { id: r3, dimension: reliability, text: "Accurate bills" }
  - { id: r4, dimension: reliability, text: "On time" }
  - { id: s1, dimension: responsiveness, text: "Prompt" }
  - { id: s2, dimension: responsiveness, text: "Willing" }
`;

/** The hand case of issue 14: nine complete cases whose reliability α is 20/29 ≈ 0.69. */
const PHONE = [
  [5, 3, 5, 2],
  [6, 7, 7, 5],
  [3, 5, 4, 3],
  [7, 7, 5, 3],
  [4, 7, 4, 5],
  [6, 3, 6, 5],
  [2, 4, 3, 1],
  [7, 5, 5, 5],
  [2, 4, 6, 4],
];

function figures(): Figures {
  const rows: string[] = [];
  const add = (channel: string, p: (number | '')[], i: number) => rows.push(`${channel}${i},2026-Q1,${channel},${p.join(',')},${(i % 5) + 2},${(i % 3) + 3}`);
  PHONE.forEach((p, i) => add('phone', p, i));
  add('phone', [5, 5, 5, ''], 9); // a tenth respondent, not a complete case: the group reaches min_base 10
  // store: ten respondents whose reliability answers do not vary (α undefined: zero total variance).
  for (let i = 0; i < 10; i++) add('store', [4, 4, 4, 4], i);
  // web: ten respondents, a single complete case (α undefined: under two complete cases).
  for (let i = 0; i < 10; i++) add('web', i === 0 ? [3, 4, 5, 6] : [(i % 7) + 1, 4, '', ''], i);
  const loaded = buildDataset({
    name: 'case',
    texts: { 'questionnaire.yaml': QUESTIONNAIRE, 'responses.csv': `respondent_id,wave,channel,p_r1,p_r2,p_r3,p_r4,p_s1,p_s2\n${rows.join('\n')}\n` },
  });
  expect(loaded.problems).toEqual([]);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({}));
  expect(result.problems).toEqual([]);
  return result.figures!;
}

const reliability = (f: Figures, value: string): ServqualDimension => f.segments.channel[value].servqual!.dimensions.reliability!;

describe("segments.<s>.<v>.servqual.dimensions.<d>: Cronbach's α and its flag", () => {
  const f = figures();

  it('computes a segment value’s α on its complete cases and flags it under 0.7 (9 cases, α = 0.69)', () => {
    const phone = reliability(f, 'phone');
    expect(phone).toMatchObject({ suppressed: false, n: 10, alpha_flag: true });
    const alpha = phone.suppressed ? undefined : phone.alpha;
    expect(alpha).toBeCloseTo(20 / 29, 12);
    expect(alpha).toBeCloseTo(cronbachAlpha(PHONE)!.alpha, 12);
  });

  it.each([
    ['store', 'answers that do not vary'],
    ['web', 'a single complete case'],
  ])('publishes neither α nor a flag for %s (%s), never alpha_flag: false', (value) => {
    const dim = reliability(f, value);
    expect(dim.suppressed).toBe(false);
    expect('alpha' in dim).toBe(false);
    expect('alpha_flag' in dim).toBe(false);
  });
});
