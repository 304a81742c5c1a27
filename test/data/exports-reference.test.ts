/**
 * The project-made fixtures in the shape of the three real exports (test/fixtures/valid/
 * *-like, written by test/reference/make_export_fixtures.py) import by mapping alone, with
 * the new mapping features (airline: a binary satisfied share; reputation: constructs and
 * provider labels), and every figure matches an independent numpy computation
 * (test/reference/exports_reference.py → exports_expected.json) to 1e-9 — with the memory
 * and the stream engine (whose workers receive the mapping as data), and the duckdb engine,
 * which hands these files to the stream engine and says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../../src/engines/run-fs';
import { formatProblem } from '../../src/schemas/problem';
import { OPTIONS, ROOT } from '../perf/compare';
import { close, lookup } from './exports-lookup';
import { metricText } from '../../src/components/lib/metric-format';
import { formatters } from '../../src/i18n/format';
import { strings } from '../../src/i18n';

const expected: Record<string, Record<string, number>> = JSON.parse(readFileSync(join(ROOT, 'test/reference/exports_expected.json'), 'utf8'));

describe.each(Object.keys(expected))('%s against numpy (test/reference/exports_reference.py)', (name) => {
  describe.each(['memory', 'stream', 'duckdb'] as const)('with the %s engine', (engine) => {
    it('imports by mapping alone and matches every reference figure to 1e-9', async () => {
      const result = await analyzeWith(engine, join(ROOT, 'test/fixtures/valid', name), OPTIONS);
      expect(result.problems.map(formatProblem)).toEqual([]);
      const figures = result.figures!;
      const wrong = Object.entries(expected[name]).filter(([id, want]) => !close(lookup(figures, id), want));
      expect(wrong.map(([id, want]) => `${id}: ${String(lookup(figures, id))} vs ${want}`)).toEqual([]);
      expect(Object.keys(expected[name]).length).toBeGreaterThan(10);
    });
  });
});

describe('what the mapping features publish for these exports', () => {
  it('airline: publishes the satisfied share with a Wilson interval and says so in the meta', async () => {
    const { figures } = await analyzeWith('memory', join(ROOT, 'test/fixtures/valid/airline-like'), OPTIONS);
    expect(figures?.overall).toMatchObject({ suppressed: false, share: expect.any(Number), share_ci95: [expect.any(Number), expect.any(Number)] });
    expect(figures?.meta.column_scales).toEqual([{ columns: ['overall'], from: { min: 0, max: 1 }, reverse: false, binary: true }]);
    // <Metric id="overall.share" interval/>: a share reads as a percentage with its Wilson interval.
    expect(metricText(figures!, 'overall.share', formatters('en'), strings('en'), true)).toEqual({ kind: 'value', text: '40% (27% – 53%)', lowBase: false });
  });

  it('reputation: constructs explain satisfaction, the gap model is not measured, providers carry labels, duckdb says why it handed over', async () => {
    const { figures } = await analyzeWith('duckdb', join(ROOT, 'test/fixtures/valid/reputation-like'), OPTIONS);
    expect(figures?.drivers).toMatchObject({ status: 'measured', by: 'constructs' });
    expect(figures?.gaps.gap5.status).toBe('not measured');
    expect(figures?.meta.segment_labels?.provider).toEqual({ '1': 'Provider A', '2': 'Provider B', '3': 'Provider C', '4': 'Provider D' });
    expect(figures?.meta).toMatchObject({ engine: 'stream', engine_requested: 'duckdb', engine_fallback: 'the questionnaire declares constructs, which the SQL engine does not fold' });
  });
});
