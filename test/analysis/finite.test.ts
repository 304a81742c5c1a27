import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { nonFiniteFigures, nonFiniteProblems } from '../../src/analysis/guards';
import { buildDataset } from '../../src/data/dataset';
import { loadDataset } from '../../src/data/load-fs';
import { formatProblem } from '../../src/schemas/problem';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const DIR = new URL('../fixtures/analysis/reference-company/', import.meta.url).pathname;
const Q = 'scale: { min: 1, max: 7 }\n';
const RESPONSES = `respondent_id,wave,nps\n${Array.from({ length: 20 }, (_, i) => `r${i},2026-Q1,${i % 11}`).join('\n')}\n`;

const problemsOf = (texts: Record<string, string>) => buildDataset({ name: 'big', texts }).problems.map(formatProblem);

describe('numbers too large to compute with are refused where they are read', () => {
  it.each(['1e308', '-1e308'])('a target of %s in standards.csv', (v) => {
    expect(
      problemsOf({
        'questionnaire.yaml': Q,
        'responses.csv': RESPONSES,
        'standards.csv': `standard_id,metric,unit,direction,target\nfast,asa_seconds,seconds,lower,${v}\n`,
      }),
    ).toEqual([
      `standards.csv:2: column "target": "${v}" is too large to compute with (beyond ±1e+15). Check it for a typing error (an extra run of digits or an exponent).`,
    ]);
  });

  it.each(['1e308', '-1e308'])('a peer value of %s in benchmarks.csv', (v) => {
    expect(
      problemsOf({
        'questionnaire.yaml': Q,
        'responses.csv': RESPONSES,
        'benchmarks.csv': `metric,industry,period,source,company,value\nnps,retail,2026-Q1,Panel,Peer A,${v}\nnps,retail,2026-Q1,Panel,Peer B,5\n`,
      }),
    ).toEqual([
      `benchmarks.csv:2: column "value": "${v}" is too large to compute with (beyond ±1e+15). Check it for a typing error (an extra run of digits or an exponent).`,
    ]);
  });

  it.each(['1e308', '-1e308'])('an operations value of %s', (v) => {
    expect(problemsOf({ 'questionnaire.yaml': Q, 'responses.csv': RESPONSES, 'operations.csv': `period,metric,value\n2026-Q1,asa_seconds,${v}\n` })).toEqual([
      `operations.csv:2: column "value": "${v}" is too large to compute with (beyond ±1e+15). Check it for a typing error (an extra run of digits or an exponent).`,
    ]);
  });

  it('keeps a large but computable value (1e15) as it is', () => {
    const loaded = buildDataset({
      name: 'big',
      texts: { 'questionnaire.yaml': Q, 'responses.csv': RESPONSES, 'operations.csv': 'period,metric,value\n2026-Q1,asa_seconds,1e15\n' },
    });
    expect(loaded.problems).toEqual([]);
    expect(loaded.dataset!.operations![0].value).toBe(1e15);
  });

  it.each(['1e200', '-1e200'])('an overall recoded to %s (it would vanish from the drivers)', (v) => {
    const q = `${Q}recode:\n  overall: { satisfied: ${v}, unsatisfied: 0 }\n`;
    expect(problemsOf({ 'questionnaire.yaml': q, 'responses.csv': 'respondent_id,wave,overall\nr1,2026-Q1,satisfied\n' })).toEqual([
      `questionnaire.yaml:3: setting "recode.overall.satisfied": "${v.replace('1e200', '1e+200')}" must be within ±1e+15 (larger values cannot be computed with).`,
    ]);
  });
});

describe('questionnaire scale: finite, min below max, a survey-sized span', () => {
  it.each([
    ['{ min: 1, max: .inf }', 'questionnaire.yaml:1: setting "scale.max": "Infinity" must be a finite number.'],
    ['{ min: -.inf, max: 7 }', 'questionnaire.yaml:1: setting "scale.min": "-Infinity" must be a finite number.'],
    ['{ min: 7, max: 1 }', 'questionnaire.yaml:1: setting "scale": scale.max must be above scale.min.'],
    ['{ min: 0, max: 1e9 }', 'questionnaire.yaml:1: setting "scale": scale.max − scale.min must be at most 1000 (a survey scale, e.g. 1–7).'],
  ])('refuses scale: %s', (scale, message) => {
    expect(problemsOf({ 'questionnaire.yaml': `scale: ${scale}\n`, 'responses.csv': RESPONSES })).toEqual([message]);
  });
});

describe('the final guard: no figure is NaN, Infinity or null', () => {
  it('names every non-finite number of the figures by its figure id', () => {
    const figures = {
      nps: { score: Number.NaN },
      benchmarks: [{ metric: 'St. Louis', median: Infinity }],
      kpis: [{ standard_id: 'fast', value: 3, history: [{ period: '2026-Q1', value: -Infinity }] }],
    };
    expect(nonFiniteFigures(figures)).toEqual([
      { id: 'nps.score', value: Number.NaN },
      { id: 'benchmarks["St. Louis"].median', value: Infinity },
      { id: 'kpis.fast.history.2026-Q1.value', value: -Infinity },
    ]);
    expect(nonFiniteProblems(figures as never).map(formatProblem)).toContain(
      'figures: benchmarks["St. Louis"].median came out as Infinity, not a finite number. The values it rests on are too large to compute with: check them for a typing error (an extra run of digits or an exponent).',
    );
  });

  it('finds nothing to say about ordinary figures, which analyze returns unchanged', async () => {
    const result = analyzeDataset((await loadDataset(DIR)).dataset!, AnalysisOptionsSchema.parse({}));
    expect(result.problems).toEqual([]);
    expect(nonFiniteFigures(result.figures)).toEqual([]);
  });
});
