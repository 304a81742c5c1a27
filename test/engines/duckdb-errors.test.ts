/**
 * Only DuckDB's errors about the data (Conversion, Invalid Input, IO) send the file to the
 * stream engine; any other error is a query this engine built wrong, a programmer mistake,
 * so it is thrown instead of being swallowed by a silent fallback.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runSql } from '../../src/engines/duckdb-run';
import { analyzeWith } from '../../src/engines/run-fs';
import { FIXTURES, OPTIONS } from '../perf/compare';

vi.mock('../../src/engines/duckdb-run', () => ({ runSql: vi.fn() }));

const dir = join(FIXTURES, 'valid', 'servqual-preset');

describe('the duckdb engine on a failing query', () => {
  it('throws an error that is not about the data (a query built wrong)', async () => {
    vi.mocked(runSql).mockRejectedValue(new Error('Binder Error: Referenced column "e99" not found in FROM clause!'));
    await expect(analyzeWith('duckdb', dir, OPTIONS)).rejects.toThrow('Binder Error: Referenced column "e99" not found in FROM clause!');
  });

  it('reads as text after a DOUBLE conversion error, and hands over when that fails too', async () => {
    vi.mocked(runSql).mockReset().mockRejectedValue(new Error('Conversion Error: CSV Error on Line: 7\nOriginal Line: …'));
    const result = await analyzeWith('duckdb', dir, OPTIONS);
    expect(vi.mocked(runSql)).toHaveBeenCalledTimes(2);
    expect(result.fallback).toBe('DuckDB could not read it (Conversion Error: CSV Error on Line: 7)');
    expect(result.figures?.meta.engine).toBe('stream');
  });
});
