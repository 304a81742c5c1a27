import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildDataset } from '../../src/data/dataset';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { Figures } from '../../src/schemas/figures';

const Q_TWO_DIMS = `scale: { min: 1, max: 7 }
items:
  - { id: r1, dimension: reliability, text: "Keeps promises" }
  - { id: r2, dimension: reliability, text: "Right first time" }
  - { id: r3, dimension: reliability, text: "Accurate bills" }
  - { id: r4, dimension: reliability, text: "On time" }
  - { id: s1, dimension: responsiveness, text: "Prompt" }
  - { id: s2, dimension: responsiveness, text: "Willing" }

`;

function figuresOf(texts: Record<string, string>, options: Record<string, unknown> = {}): Figures {
  const loaded = buildDataset({ name: 'case', texts });
  expect(loaded.problems).toEqual([]);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse(options));
  expect(result.problems).toEqual([]);
  return result.figures!;
}

/** n respondents of wave W built from a row template. */
function responses(header: string, rows: string[]): string {
  return `${header}\n${rows.join('\n')}\n`;
}

describe('analyze: edge cases with stated behaviour', () => {
  it('with no responses (a questionnaire, no responses.csv), reports n = 0 and leaves every survey figure out rather than 0', () => {
    const f = figuresOf({
      'questionnaire.yaml': Q_TWO_DIMS,
      'standards.csv':
        'standard_id,metric,dimension,unit,direction,target,management_expectation,tolerance\nwait,asa_seconds,responsiveness,seconds,lower,30,,\n',
    });
    expect(f.n).toBe(0);
    expect(f.nps).toBeUndefined();
    expect(f.gaps.gap5.status).toBe('not measured');
    expect(f.drivers.status).toBe('not measured');
  });

  it('refuses a header-only responses.csv rather than reading it as no responses', () => {
    const loaded = buildDataset({ name: 'case', texts: { 'questionnaire.yaml': Q_TWO_DIMS, 'responses.csv': 'respondent_id,wave,nps\n' } });
    expect(loaded.problems.map((p) => `${p.file}: ${p.message}`)).toEqual(['responses.csv: has a header but no data rows.']);
  });

  it('with all promoters, NPS is +100 with a zero margin of error', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `r${i},2026-Q1,${9 + (i % 2)}`);
    const f = figuresOf({ 'questionnaire.yaml': Q_TWO_DIMS, 'responses.csv': responses('respondent_id,wave,nps', rows) });
    expect(f.nps).toMatchObject({ suppressed: false, score: 100, moe95: 0, promoters: 1 });
  });

  it('with a single respondent and min_base 1, publishes the mean without an interval', () => {
    const f = figuresOf({ 'questionnaire.yaml': Q_TWO_DIMS, 'responses.csv': 'respondent_id,wave,ces\nr1,2026-Q1,3\n' }, { min_base: 1, low_base: 1 });
    expect(f.ces).toEqual({ suppressed: false, n: 1, low_base: false, mean: 3 });
  });

  it('suppresses a figure under min_base and marks one under low_base', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `r${i},2026-Q1,${i % 11}`);
    expect(figuresOf({ 'questionnaire.yaml': Q_TWO_DIMS, 'responses.csv': responses('respondent_id,wave,nps', rows(9)) }).nps).toEqual({
      suppressed: true,
      n: 9,
    });
    expect(figuresOf({ 'questionnaire.yaml': Q_TWO_DIMS, 'responses.csv': responses('respondent_id,wave,nps', rows(12)) }).nps).toMatchObject({
      suppressed: false,
      low_base: true,
    });
  });

  it('leaves α undefined (never NaN) and publishes no flag when perceptions do not vary', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `r${i},2026-Q1,5,5,5,5,${(i % 5) + 1},${(i % 3) + 2}`);
    const f = figuresOf({ 'questionnaire.yaml': Q_TWO_DIMS, 'responses.csv': responses('respondent_id,wave,p_r1,p_r2,p_r3,p_r4,p_s1,p_s2', rows) });
    const rel = f.servqual!.dimensions.reliability!;
    expect(rel.suppressed).toBe(false);
    expect(rel.suppressed === false && rel.alpha).toBeUndefined();
    expect('alpha_flag' in rel).toBe(false);
  });

  it('gives an item mean its Student-t interval from two answers, and none from a single answer', () => {
    const header = 'respondent_id,wave,e_r1,p_r1,p_r2';
    const f = figuresOf(
      { 'questionnaire.yaml': Q_TWO_DIMS, 'responses.csv': responses(header, ['a,2026-Q1,5,4,6', 'b,2026-Q1,7,6,']) },
      { min_base: 1, low_base: 1 },
    );
    const item = (id: string) => f.servqual!.items.find((x) => x.item === id)!.figure;
    // r1: P = 4, 6 → mean 5, s = √2, half-width t(0.975, 1)·s/√2 = 12.7062…; gaps −1, −1 → zero width.
    const t1 = 12.706204736174704;
    const r1 = item('r1');
    const cis = r1.suppressed ? [] : [r1.perception_ci95, r1.expectation_ci95, r1.gap_ci95];
    [
      [5 - t1, 5 + t1],
      [6 - t1, 6 + t1],
      [-1, -1],
    ].forEach(([lo, hi], k) => {
      expect(cis[k]?.[0]).toBeCloseTo(lo, 10);
      expect(cis[k]?.[1]).toBeCloseTo(hi, 10);
    });
    const r2 = item('r2');
    expect(r2.suppressed === false && r2.perception).toBe(6);
    expect(r2.suppressed === false && r2.perception_ci95).toBeUndefined();
  });

  it('drops a respondent from a dimension when fewer than half its items are answered', () => {
    // r0 answers 1 of 4 reliability items (dropped); the others answer 2 of 4 (kept: exactly half).
    const rows = ['r0,2026-Q1,1,,,,4,4', ...Array.from({ length: 11 }, (_, i) => `r${i + 1},2026-Q1,6,6,,,4,4`)];
    const f = figuresOf({ 'questionnaire.yaml': Q_TWO_DIMS, 'responses.csv': responses('respondent_id,wave,p_r1,p_r2,p_r3,p_r4,p_s1,p_s2', rows) });
    expect(f.servqual!.dimensions.reliability).toMatchObject({ perception: 6, n_perception: 11 });
    expect(f.servqual!.dimensions.responsiveness).toMatchObject({ perception: 4, n_perception: 12 });
  });

  it('with perceptions but no expectations, Gap 5 is not measured while perceptions and drivers are computed', () => {
    const rows = Array.from({ length: 40 }, (_, i) => {
      // (i·5) mod 7 cycles through 1–7: both dimensions vary, as drivers must.
      const a = ((i * 5) % 7) + 1;
      const b = ((i * 3) % 7) + 1;
      return `r${i},2026-Q1,${a},${a},${(a % 7) + 1},${a},${b},${b},${Math.min(7, Math.round((2 * a + b) / 3))}`;
    });
    const f = figuresOf({ 'questionnaire.yaml': Q_TWO_DIMS, 'responses.csv': responses('respondent_id,wave,p_r1,p_r2,p_r3,p_r4,p_s1,p_s2,overall', rows) });
    expect(f.gaps.gap5).toMatchObject({ status: 'not measured' });
    expect(f.gaps.gap1.status).toBe('not measured');
    const rel = f.servqual!.dimensions.reliability!;
    expect(rel.suppressed === false && rel.perception).toBeTypeOf('number');
    expect(rel.suppressed === false && rel.gap).toBeUndefined();
    expect(f.drivers.status).toBe('measured');
    if (f.drivers.status === 'measured') expect(f.drivers.items.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 12);
  });

  it('reports every gap whose data is absent as not measured, never 0', () => {
    const f = figuresOf({ 'benchmarks.csv': 'metric,industry,period,source,company,statistic,value,direction\nnps,retail,2026,"X, 2026",A,,10,\n' });
    for (const gap of Object.values(f.gaps)) expect(gap.status).toBe('not measured');
    expect(f.benchmarks).toEqual([]);
  });

  it('orients a lower-is-better standard: delivered above target is a shortfall in Gaps 3 and 4, and missed', () => {
    const f = figuresOf({
      'standards.csv': 'standard_id,metric,unit,direction,target,management_expectation,tolerance\nwait,asa_seconds,seconds,lower,30,20,0.1\n',
      'operations.csv': 'period,metric,value,n\n2026-Q1,asa_seconds,40,100\n2026-Q2,asa_seconds,34,100\n',
      'communications.csv': 'claim_id,metric,promised,source\nwait-promise,asa_seconds,60,web\n',
    });
    const g2 = f.gaps.gap2;
    const g3 = f.gaps.gap3;
    const g4 = f.gaps.gap4;
    expect(g2.status === 'measured' && g2.items[0].gap).toBe(-10); // target 30 s is laxer than the 20 s management believes customers expect
    expect(g3.status === 'measured' && g3.items[0].gap).toBe(-4);
    expect(g4.status === 'measured' && g4.items[0].gap).toBe(26); // 34 s delivered beats the 60 s promised
    expect(f.kpis[0]).toMatchObject({ period: '2026-Q2', value: 34, status: 'missed', trend: -6 });
  });

  it('ranks peers with ties by mid-ranks and orients a lower-is-better benchmark', () => {
    const f = figuresOf({
      'standards.csv': 'standard_id,metric,unit,direction,target\nwait,asa_seconds,seconds,lower,30\n',
      'operations.csv': 'period,metric,value\n2026-Q1,asa_seconds,30\n',
      'benchmarks.csv':
        'metric,industry,period,source,company,statistic,value,direction\n' +
        [20, 30, 30, 40].map((v, i) => `asa_seconds,retail,2026-Q1,"P, 2026",C${i},,${v},`).join('\n') +
        '\n',
    });
    // Lower is better: 40 is worse (below), the two 30s tie: (1 + ½·2)/4 = 50th percentile.
    expect(f.benchmarks[0]).toMatchObject({ metric: 'asa_seconds', direction: 'lower', percentile: 50, quartile: 3, median: 30, gap_to_median: 0 });
  });
});
