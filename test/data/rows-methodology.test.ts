/**
 * The rows behind the base: responses.csv rows read and those the row rules excluded are
 * figures (base.rows_read, base.rows_excluded, base.excluded[]) and a sentence of the
 * methodology in every locale (src/analysis/rows-base.ts, src/components/lib/methodology.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { resolveMetric } from '../../src/analysis/metric-id';
import { methodology } from '../../src/components/lib/methodology';
import { buildDataset } from '../../src/data/dataset';
import { chartLabels, strings } from '../../src/i18n';
import { formatters } from '../../src/i18n/format';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const Q = `scale: { min: 1, max: 7 }
items: [{ id: speed, dimension: responsiveness, text: Fast }]
columns: { respondent_id: id }
constants: { wave: "2026-Q3" }
keep:
  - { column: Finished, equals: 1, label: unfinished }
  - { column: Status, not_equals: Survey Preview, label: previews }
`;
const rows = Array.from({ length: 24 }, (_, i) => `R${i},${i % 6 === 0 ? 0 : 1},${i % 8 === 1 ? 'Survey Preview' : 'IP Address'},${1 + (i % 7)},${i % 11}`);
const CSV = `id,Finished,Status,p_speed,nps\n${rows.join('\n')}\n`;

function figures(q = Q) {
  const loaded = buildDataset({ name: 'd', texts: { 'questionnaire.yaml': q, 'responses.csv': CSV } });
  expect(loaded.problems).toEqual([]);
  return analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({})).figures!;
}

describe('base.rows_read and base.rows_excluded', () => {
  it('count the rows read and those each rule excluded, beside n', () => {
    const f = figures();
    expect(f.base).toEqual({ rows_read: 24, rows_excluded: 7, excluded: [{ rule: 'unfinished', rows: 4 }, { rule: 'previews', rows: 3 }] });
    expect(f.n).toBe(17);
    expect(resolveMetric(f, 'base.rows_excluded')).toMatchObject({ kind: 'value', value: 7 });
  });

  it('are absent when no row rule applies', () => {
    expect(figures(Q.replace(/keep:[\s\S]*$/, '')).base).toBeUndefined();
  });

  it.each([
    ['en', '24 rows of responses.csv read; 7 excluded as not respondents (4 unfinished, 3 previews); 17 kept.'],
    ['fr', '24 lignes de responses.csv lues\u202f; 7 écartées car ce ne sont pas des répondants (4 unfinished, 3 previews)\u202f; 17 retenues.'],
    ['vi', 'Đã đọc 24 dòng của responses.csv; loại 7 dòng không phải người trả lời (4 unfinished, 3 previews); giữ lại 17 dòng.'],
  ] as const)('are stated first among the methodology rules (%s)', (locale, sentence) => {
    expect(methodology(figures(), formatters(locale), strings(locale), chartLabels(locale)).rules[0]).toBe(sentence);
  });
});
