/**
 * The DuckDB engine computes the accumulators by SQL; figuresFrom finishes. Its figures
 * equal the in-memory path to 1e-9 on the valid fixtures and data/demo; on invalid
 * fixtures it hands the file to the streaming engine, so the problems are the same.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../../src/engines/run-fs';
import { differences, fixtureDirs, memoryPath, OPTIONS, ROOT, texts } from './compare';

async function expectSame(dir: string, engine?: string) {
  const memory = await memoryPath(dir);
  const duck = await analyzeWith('duckdb', dir, OPTIONS);
  expect(texts(duck.problems)).toEqual(memory.problems);
  expect(differences(memory.figures, duck.figures)).toEqual([]);
  if (engine && duck.figures) expect(duck.figures.meta.engine).toBe(engine);
}

describe('the duckdb engine', () => {
  it('equals the in-memory figures on data/demo, aggregated in SQL', () => expectSame(join(ROOT, 'data/demo'), 'duckdb'), 120_000);
  it.each(fixtureDirs('valid').map((d) => [d.split('/').pop()!, d]))('equals the in-memory path on valid fixture %s', (_n, dir) => expectSame(dir), 120_000);
  it.each(fixtureDirs('invalid').map((d) => [d.split('/').pop()!, d]))('reports the problems of invalid fixture %s as the loader does', (_n, dir) => expectSame(dir), 120_000);
});
