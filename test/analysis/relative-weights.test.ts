/** drivers.items[].relative_weight (issue 14): Johnson's relative weights beside the Shapley shares, against numpy. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildDataset } from '../../src/data/dataset';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { methodology } from '../../src/components/lib/methodology';
import { formatters } from '../../src/i18n/format';
import { chartLabels, strings } from '../../src/i18n';

const ref = JSON.parse(readFileSync(new URL('../reference/significance_expected.json', import.meta.url), 'utf8'));

describe('drivers.items[].relative_weight', () => {
  it("publishes Johnson's relative weights as fractions of R² beside the Shapley shares, as numpy.linalg.eigh gives them", () => {
    const loaded = buildDataset({ name: 'rw', texts: { 'questionnaire.yaml': ref.questionnaire, 'responses.csv': ref.responses } });
    expect(loaded.problems).toEqual([]);
    const drivers = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({})).figures!.drivers;
    expect(drivers.status).toBe('measured');
    if (drivers.status !== 'measured') return;
    expect(drivers.method).toBe('shapley');
    expect(Math.abs(drivers.r2 - ref.figure_drivers.r2)).toBeLessThanOrEqual(1e-9);
    drivers.items.forEach((d, i) => {
      expect(Math.abs(d.share - ref.figure_drivers.shares[i])).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(d.relative_weight! - ref.figure_drivers.relative_weights[i])).toBeLessThanOrEqual(1e-9);
    });
    expect(drivers.items.reduce((s, d) => s + d.relative_weight!, 0)).toBeCloseTo(1, 12);
  });
});

describe('the Methodology states the new methods', () => {
  const figures = (extra = '') => {
    const loaded = buildDataset({ name: 'rw', texts: { 'questionnaire.yaml': ref.questionnaire + extra, 'responses.csv': ref.responses } });
    return analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({})).figures!;
  };
  const rules = (extra = '', locale: 'en' | 'fr' | 'vi' = 'en') => methodology(figures(extra), formatters(locale), strings(locale), chartLabels(locale)).rules;
  it("gives Johnson's relative weights beside the Shapley shares, and the segment tests with their correction", () => {
    const en = rules();
    expect(en.find((r) => r.startsWith('Cross-check'))).toBe(
      "Cross-check: Johnson's relative weights give Reliability 30% (Shapley 30%), Responsiveness 70% (Shapley 70%), beside the Shapley shares.",
    );
    expect(en.some((r) => r.startsWith('Each value of a segment is tested') && r.includes("with Holm's correction over the values"))).toBe(true);
    expect(en.some((r) => r.startsWith('NPS intervals are adjusted Wald'))).toBe(false);
  });
  it('says the NPS intervals are adjusted Wald only when they are, in each locale', () => {
    for (const locale of ['en', 'fr', 'vi'] as const) {
      const with_ = rules('statistics: { nps_interval: adjusted-wald }\n', locale);
      expect(with_.length).toBe(rules('', locale).length + 1);
      expect(with_.some((r) => r.includes('Rocks 2016'))).toBe(true);
    }
  });
});
