import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { resolveMetric } from '../../src/analysis/metric-id';
import { figuresCsv } from '../../src/build/figures-csv';
import { segmentTable } from '../../src/components/lib/segment-table';
import { buildDataset } from '../../src/data/dataset';
import { formatters } from '../../src/i18n/format';
import { strings } from '../../src/i18n';
import { FiguresSchema, type Figures } from '../../src/schemas/figures';
import { formatProblem } from '../../src/schemas/problem';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

/** Names that are keys of Object.prototype: as data they must be plain names. */
const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'];

/** A dataset with one segment `segment` whose values cycle through `values`, 12 respondents each. */
function texts(segment: string, values: string[]): Record<string, string> {
  const rows = values.flatMap((v, j) => Array.from({ length: 12 }, (_, i) => `r${j}-${i},2026-Q1,"${v}",${(i + j) % 11}`));
  return {
    'questionnaire.yaml': `scale: { min: 1, max: 7 }\nsegments: ["${segment}"]\n`,
    'responses.csv': `respondent_id,wave,${segment},nps\n${rows.join('\n')}\n`,
  };
}

function analyze(t: Record<string, string>) {
  const loaded = buildDataset({ name: 'names', texts: t });
  if (!loaded.dataset || loaded.problems.length > 0) return { problems: loaded.problems.map(formatProblem) };
  const result = analyzeDataset(loaded.dataset, AnalysisOptionsSchema.parse({}));
  return { figures: result.figures, problems: result.problems.map(formatProblem) };
}

/** As the build keeps them: through JSON (the cache) and FiguresSchema (the loader). */
const published = (f: Figures): Figures => FiguresSchema.parse(JSON.parse(JSON.stringify(f)));

describe('data names that are Object.prototype keys are plain data, end to end', () => {
  it.each(PROTOTYPE_NAMES)('a segment named %s keeps its own values, figures, ids and CSV rows', (segment) => {
    const { figures, problems } = analyze(texts(segment, [...PROTOTYPE_NAMES, 'North']));
    expect(problems).toEqual([]);
    const f = published(figures!);
    expect(Object.keys(f.segments)).toEqual([segment]);
    expect(Object.keys(f.segments[segment])).toEqual(['North', 'constructor', 'hasOwnProperty', 'prototype', 'toString', 'valueOf']);
    for (const value of [...PROTOTYPE_NAMES, 'North']) {
      expect(resolveMetric(f, `segments.${segment}.${value}.n`)).toMatchObject({ kind: 'value', value: 12 });
      expect(figuresCsv(f)).toContain(`\r\nsegments.${segment}.${value}.n,12\r\n`);
    }
  });

  it.each(PROTOTYPE_NAMES)('an id ending in %s below a segment is unknown, not a native function', (name) => {
    const { figures } = analyze(texts('channel', ['phone', 'email']));
    const r = resolveMetric(figures!, `segments.channel.${name}`);
    expect(r).toEqual({ kind: 'unknown', message: `"segments.channel.${name}": no "${name}" in segments.channel (known: email, phone)` });
    expect(resolveMetric(figures!, `segments.${name}`)).toEqual({ kind: 'unknown', message: `"segments.${name}": no "${name}" in segments (known: channel)` });
    expect(resolveMetric(figures!, `nps.${name}`)).toEqual({ kind: 'unknown', message: `"nps.${name}": "${name}" is not a figure of nps` });
  });

  it('refuses a segment named __proto__ with a problem, not a ZodError', () => {
    expect(analyze(texts('__proto__', ['North'])).problems).toEqual([
      'questionnaire.yaml:2: setting "segments": "__proto__" cannot be a segment name (the figures JSON cannot hold it): rename it, e.g. "proto", and its column with columns:.',
    ]);
  });

  it('refuses a segment value __proto__ with a problem instead of dropping it', () => {
    expect(analyze(texts('region', ['__proto__', 'North'])).problems).toEqual([
      'responses.csv: column "region": "__proto__" cannot be a segment value: the figures JSON cannot hold this name. Rename it (e.g. "proto"), or recode the value in the data.',
    ]);
  });

  it('keeps the figures JSON byte for byte for ordinary names (key order included)', () => {
    const { figures } = analyze(texts('region', ['South', 'North', '2', 'East']));
    expect(Object.keys(published(figures!).segments.region)).toEqual(['2', 'East', 'North', 'South']);
    expect(JSON.stringify(published(figures!).segments)).toBe(JSON.stringify(figures!.segments));
  });
});

describe('a segment value with a dot, space, quote or non-Latin letters (SegmentTable, Metric, figures.csv)', () => {
  const VALUES = ['St. Louis', 'a/b', 'say "hi"', '[x]', 'Montréal', 'Hà Nội', '🚀 launch'];

  it('SegmentTable shows the figures of "St. Louis" (30 respondents), not "not measured"', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `r${i},2026-Q1,St. Louis,${i % 11}`);
    const { figures } = analyze({
      'questionnaire.yaml': 'scale: { min: 1, max: 7 }\nsegments: [region]\n',
      'responses.csv': `respondent_id,wave,region,nps\n${rows.join('\n')}\n`,
    });
    const table = segmentTable(figures!, 'region', formatters('en'), strings('en'));
    expect(table.rows[0]).toMatchObject({ label: 'St. Louis', n: '30' });
    expect(table.rows[0].cells[0]).toEqual({ id: 'segments.region["St. Louis"].nps.score', state: 'value', text: '−57' });
  });

  it.each(VALUES)('the id figures.csv writes for %j resolves with <Metric id>', (value) => {
    const { figures } = analyze(texts('region', [value.replace(/"/g, '""'), 'North']));
    const f = published(figures!);
    const id = `segments.region${/^[^.[\]"'\\\s]+$/u.test(value) ? `.${value}` : `[${JSON.stringify(value)}]`}.nps.n`;
    const cell = /[",]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id;
    expect(figuresCsv(f)).toContain(`\r\n${cell},12\r\n`);
    expect(resolveMetric(f, id)).toMatchObject({ kind: 'value', value: 12 });
  });
});
