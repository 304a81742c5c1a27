/**
 * Parquet input, read by the duckdb engine only (read_parquet): a fixture's responses.csv
 * converted to Parquet by DuckDB here, with column types DuckDB infers (numbers as
 * integers, empty cells as NULL), gives the CSV's figures to 1e-9, computed in SQL.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSql } from '../../src/engines/duckdb-run';
import { analyzeWith } from '../../src/engines/run-fs';
import { differences, FIXTURES, memoryPath, OPTIONS } from '../perf/compare';
import { tempDatasets } from './dataset';

const dataset = tempDatasets('gapreport-parquet-');

describe('the duckdb engine on a .parquet responses file', () => {
  it.each(['servqual-preset', 'missing-codes'])('gives the figures of fixture %s as CSV, in SQL', async (name) => {
    const csvDir = join(FIXTURES, 'valid', name);
    const dir = dataset(name, {});
    cpSync(csvDir, dir, { recursive: true });
    const parquet = join(dir, 'responses.parquet');
    await runSql(`COPY (SELECT * FROM read_csv('${join(dir, 'responses.csv')}', header = true)) TO '${parquet}' (FORMAT parquet)`);
    rmSync(join(dir, 'responses.csv'));
    writeFileSync(
      join(dir, 'questionnaire.yaml'),
      `${readFileSync(join(csvDir, 'questionnaire.yaml'), 'utf8')}\nfiles: { responses.csv: responses.parquet }\n`,
    );
    const memory = await memoryPath(csvDir);
    const duck = await analyzeWith('duckdb', dir, OPTIONS);
    expect(duck.fallback).toBeUndefined();
    expect(duck.problems).toEqual([]);
    expect(duck.figures?.meta.engine).toBe('duckdb');
    expect(duck.figures?.n).toBeGreaterThan(0);
    const { files: _f, ...meta } = duck.figures!.meta;
    expect(
      differences({ ...memory.figures, meta: { ...memory.figures!.meta, files: undefined } }, { ...duck.figures, meta: { ...meta, files: undefined } }),
    ).toEqual([]);
  });
});
