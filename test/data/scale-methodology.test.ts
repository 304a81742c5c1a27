/**
 * The methodology states every column read on its own scale, rescaled, reverse-coded or
 * published as a share, and the constructs' reliability — from the figures' meta, so that
 * no rescale is silent (src/components/lib/methodology.ts, src/analysis/scale-notes.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/dataset';
import { analyzeDataset } from '../../src/analysis/analyze';
import { methodology } from '../../src/components/lib/methodology';
import { chartLabels, strings } from '../../src/i18n';
import { formatters } from '../../src/i18n/format';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const Q = `scale: { min: 1, max: 7 }
columns: { respondent_id: "#row", nps: rec }
constants: { wave: "2026" }
binary: [overall]
scales:
  ten: { min: 1, max: 10, rescale: { min: 1, max: 7 }, columns: ["p_*"] }
  recommend: { min: 1, max: 10, rescale: { min: 0, max: 10 }, columns: [nps] }
reverse: [e_b]
items:
  - { id: a, dimension: tangibles, text: A }
  - { id: b, dimension: tangibles, text: B }
`;
const CSV = 'p_a,p_b,e_a,e_b,rec,overall\n' + Array.from({ length: 30 }, (_, i) => `${1 + (i % 10)},${1 + ((i * 3) % 10)},${1 + (i % 7)},${1 + ((i * 2) % 7)},${1 + (i % 10)},${i % 2}`).join('\n') + '\n';

function rules(locale: 'en' | 'fr') {
  const loaded = buildDataset({ name: 's', texts: { 'questionnaire.yaml': Q, 'responses.csv': CSV } });
  expect(loaded.problems).toEqual([]);
  const figures = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({})).figures!;
  return methodology(figures, formatters(locale), strings(locale), chartLabels(locale)).rules;
}

describe('methodology: scales', () => {
  it('states each declared rescale with its linear map, the reverse-coded items and the binary share', () => {
    const said = rules('en');
    expect(said).toContain('p_*: answered on 1–10, rescaled linearly onto 1–7 (x ↦ 1 + (x − 1) · 0.6667).');
    expect(said).toContain('nps: answered on 1–10, rescaled linearly onto 0–10 (x ↦ 0 + (x − 1) · 1.1111).');
    expect(said).toContain('e_b: reverse-coded items, read as 1 + 7 − x.');
    expect(said).toContain('overall: two answers (1 and 0), published as the share of 1s with a Wilson 95 % interval.');
  });

  it('says it in the report’s language', () => {
    expect(rules('fr')).toContain('e_b\u202f: items inversés, lus comme 1 + 7 − x.');
  });
});
