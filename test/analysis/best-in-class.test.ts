import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/dataset';
import { analyzeDataset } from '../../src/analysis/analyze';
import { benchmarkFigures } from '../../src/analysis/benchmarks';
import { resolveMetric } from '../../src/analysis/metric-id';
import { benchmarkPosition } from '../../src/charts/benchmark-position';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { BenchmarkRow } from '../../src/schemas/dataset';
import { fr } from '../../src/i18n/locales/fr';

const row = (r: Partial<BenchmarkRow> & Pick<BenchmarkRow, 'industry' | 'value'>, line: number): BenchmarkRow => ({
  metric: 'nps',
  period: '2026',
  source: 'Index 2026',
  line,
  ...r,
});
const ROWS: BenchmarkRow[] = [
  ...[10, 20, 30, 40].map((value, i) => row({ industry: 'telecom', company: `Peer ${i}`, value }, i + 2)),
  row({ industry: 'best-in-class', company: 'Hotel A', value: 71, source: 'Service Awards 2026' }, 6),
  row({ industry: 'best-in-class', company: 'Airline B', value: 64, source: 'Service Awards 2026' }, 7),
  row({ industry: 'best-in-class', company: 'Old mark', value: 90, period: '2024' }, 8),
];

describe('best-in-class benchmark rows', () => {
  it('stay out of the industry distribution and give the best mark of the period with an oriented gap', () => {
    const [b] = benchmarkFigures(ROWS, 'telecom', '2026', [], () => 25);
    expect(b.peers).toBe(4);
    expect(b.percentile).toBe(50);
    expect(b.best_in_class).toEqual({ value: 71, company: 'Hotel A', statistic: undefined, period: '2026', gap: -46, source: 'Service Awards 2026' });
  });

  it('take the lowest value as best for a lower-is-better metric, and the gap stays negative when short of it', () => {
    const rows = ROWS.map((r) => ({ ...r, metric: 'asa', direction: 'lower' as const }));
    const [b] = benchmarkFigures(rows, 'telecom', '2026', [], () => 80);
    expect(b.best_in_class).toMatchObject({ value: 64, company: 'Airline B', gap: -16 });
  });

  it('are absent from a metric without best-in-class rows', () => {
    const [b] = benchmarkFigures(ROWS.slice(0, 4), 'telecom', '2026', [], () => 25);
    expect(b.best_in_class).toBeUndefined();
  });

  it('never count as a second industry the report must choose, and answer benchmarks.<metric>.best_in_class.gap', () => {
    const q = 'scale: { min: 1, max: 7 }\nitems: [{ id: speed, dimension: responsiveness, text: Fast }]\nconstants: { wave: "2026" }\n';
    const csv = `respondent_id,p_speed,nps\n${Array.from({ length: 40 }, (_, i) => `R${i},${1 + (i % 7)},${i % 11}`).join('\n')}\n`;
    const bench =
      'metric,industry,period,source,company,value\nnps,telecom,2026,Index,P1,-20\nnps,telecom,2026,Index,P2,10\nnps,best-in-class,2026,Awards,Hotel A,70\n';
    const loaded = buildDataset({ name: 'd', texts: { 'questionnaire.yaml': q, 'responses.csv': csv, 'benchmarks.csv': bench } });
    expect(loaded.problems).toEqual([]);
    const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({}));
    expect(result.problems ?? []).toEqual([]);
    const f = result.figures!;
    expect(f.benchmarks[0].industry).toBe('telecom');
    const gap = resolveMetric(f, 'benchmarks.nps.best_in_class.gap');
    expect(gap).toMatchObject({ kind: 'value', value: f.nps!.suppressed ? NaN : (f.nps as { score: number }).score - 70 });
  });
});

describe('benchmarkPosition with a best-in-class mark', () => {
  const [b] = benchmarkFigures(ROWS, 'telecom', '2026', [], () => 25);
  it('draws it as its own dotted mark, says the gap and lists it in the data table', () => {
    const out = benchmarkPosition({ figure: b, company: 'Northwind' }, { id: 'b', layout: 'wide' });
    expect(out.svg).toContain('data-mark="best-in-class"');
    expect(out.svg).toContain('>best in class +71.0<');
    expect(out.description).toContain('Against the best in class outside the industry, Hotel A (+71.0, Service Awards 2026): −46.0.');
    expect(out.table.rows.at(-1)).toEqual(['Best in class: Hotel A', '+71.0']);
  });

  it('reads in French from the locale file', () => {
    const out = benchmarkPosition({ figure: b, company: 'Northwind' }, { id: 'b', layout: 'wide', labels: fr.charts.benchmarkPosition });
    expect(out.table.rows.at(-1)?.[0]).toBe('Meilleur de sa catégorie\u202f: Hotel A');
  });

  it('draws no such mark without best-in-class rows', () => {
    const out = benchmarkPosition({ figure: { ...b, best_in_class: undefined }, company: 'N' }, { id: 'b', layout: 'wide' });
    expect(out.svg).not.toContain('best-in-class');
  });
});
