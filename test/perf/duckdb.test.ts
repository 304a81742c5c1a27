/**
 * The DuckDB engine computes the accumulators by SQL; figuresFrom finishes. On every valid
 * fixture and data/demo it is DuckDB that computes them (meta.engine duckdb, no fallback)
 * and they equal the in-memory path to 1e-9 — except the fixtures whose mapping is read row by
 * row (scales, segment recodes, constructs), which it hands over saying why; on invalid fixtures it hands the file to the
 * streaming engine, so the problems are the loader's. Each reason for handing over is
 * pinned in test/engines/duckdb-fallback.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../../src/engines/run-fs';
import { existsSync, readFileSync } from 'node:fs';
import { parseQuestionnaire } from '../../src/data/questionnaire';
import { planNeedsRows } from '../../src/data/scales';
import { differences, fixtureDirs, memoryPath, OPTIONS, ROOT, texts } from './compare';

/** Why the SQL engine cannot read the fixture's mapping, or undefined. */
function rowOnly(dir: string): string | undefined {
  const file = join(dir, 'questionnaire.yaml');
  if (!existsSync(file)) return undefined;
  const parsed = parseQuestionnaire(readFileSync(file, 'utf8'));
  return parsed.questionnaire && planNeedsRows(parsed.plan, parsed.questionnaire.constructs.length);
}

async function expectDuckdbEqualsMemory(dir: string) {
  const memory = await memoryPath(dir);
  const duck = await analyzeWith('duckdb', dir, OPTIONS);
  expect(duck.fallback).toBeUndefined();
  expect(duck.problems).toEqual([]);
  expect(duck.figures?.meta.engine).toBe('duckdb');
  expect(duck.figures?.meta.engine_requested).toBeUndefined();
  expect(memory.figures).toBeDefined();
  expect(differences(memory.figures, duck.figures)).toEqual([]);
}

describe('the duckdb engine', () => {
  it('computes data/demo in SQL, equal to the in-memory figures', () => expectDuckdbEqualsMemory(join(ROOT, 'data/demo')), 120_000);
  it.each(
    fixtureDirs('valid')
      .filter((d) => !rowOnly(d))
      .map((d) => [d.split('/').pop()!, d]),
  )('computes valid fixture %s in SQL without fallback, equal to the in-memory path', (_n, dir) => expectDuckdbEqualsMemory(dir), 120_000);
  // Scales, segment recodes and constructs are read row by row (src/data/scales.ts planNeedsRows): handed over, never silently.
  it.each(fixtureDirs('valid').flatMap((d) => (rowOnly(d) ? [[d.split('/').pop()!, d, rowOnly(d)!]] : [])))(
    'hands valid fixture %s to the stream engine, saying why, equal to the in-memory path',
    async (_n, dir, reason) => {
      const memory = await memoryPath(dir);
      const duck = await analyzeWith('duckdb', dir, OPTIONS);
      expect(duck.fallback).toBe(reason);
      expect(
        differences(memory.figures, { ...duck.figures, meta: { ...duck.figures?.meta, engine_requested: undefined, engine_fallback: undefined } }),
      ).toEqual([]);
    },
    120_000,
  );
  it.each(fixtureDirs('invalid').map((d) => [d.split('/').pop()!, d]))(
    'reports the problems of invalid fixture %s as the loader does',
    async (_n, dir) => {
      const memory = await memoryPath(dir);
      const duck = await analyzeWith('duckdb', dir, OPTIONS);
      expect(memory.problems.length).toBeGreaterThan(0);
      expect(texts(duck.problems)).toEqual(memory.problems);
      expect(duck.figures).toBeUndefined();
    },
    120_000,
  );
});
