/**
 * When the duckdb engine hands responses.csv to the stream engine, it says why: the reason
 * is returned, carried in the figures' meta (engine stream, engine_requested duckdb,
 * engine_fallback) and printed once by `gapreport analyze`. One case per reason; for a
 * genuinely bad file the stream engine's problems are the loader's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../scripts/commands/io';
import { run } from '../../scripts/commands/analyze';
import { analyzeWith } from '../../src/engines/run-fs';
import { differences, FIXTURES, memoryPath, OPTIONS, texts } from '../perf/compare';
import { Q, tempDatasets } from './dataset';

const dataset = tempDatasets('gapreport-duckdb-fallback-');

describe('the duckdb engine hands a bad responses.csv to the stream engine, saying why', () => {
  it.each([
    ['empty-file', 'it has no header row'],
    ['wave-column-missing', 'its header breaks a rule of the data contract'],
    ['header-rows-beyond-file', 'it has no data rows'],
    ['respondent-id-duplicate', 'a respondent_id is used more than once'],
    ['nps-out-of-range', '3 rows break a rule of the data contract'],
    ['decimal-comma-in-comma-file', '1 row breaks a rule of the data contract'],
    ['encoding-latin1', 'DuckDB could not read it (Invalid Input Error: CSV Error on Line: 3)'],
    ['ragged-row', 'DuckDB could not read it (Invalid Input Error: Error when sniffing file "responses.csv".)'],
  ])('invalid/%s: "%s", and the stream engine reports its problems', async (name, reason) => {
    const dir = join(FIXTURES, 'invalid', name);
    const duck = await analyzeWith('duckdb', dir, OPTIONS);
    expect(duck.fallback).toBe(reason);
    expect(duck.figures).toBeUndefined();
    const memory = await memoryPath(dir);
    expect(memory.problems.length).toBeGreaterThan(0);
    expect(texts(duck.problems)).toEqual(memory.problems);
  });
});

/** Figures by the stream engine after a hand-over: equal to memory's, the hand-over in meta. */
async function expectFallbackFigures(dir: string, reason: string) {
  const duck = await analyzeWith('duckdb', dir, OPTIONS);
  expect(duck.fallback).toBe(reason);
  expect(duck.figures?.meta).toMatchObject({ engine: 'stream', engine_requested: 'duckdb', engine_fallback: reason });
  const { engine_requested: _r, engine_fallback: _f, ...meta } = duck.figures!.meta;
  expect(differences((await memoryPath(dir)).figures, { ...duck.figures, meta })).toEqual([]);
}

describe('a file the loader reads but DuckDB does not: stream figures, the reason in meta', () => {
  it('a line of spaces (blank to the loader, one short row to DuckDB)', async () => {
    const dir = dataset('spaces-line', { 'questionnaire.yaml': Q, 'responses.csv': 'respondent_id,wave,p_speed,nps\nR1,W1,5,9\n   \nR2,W1,6,10\nR3,W1,7,3\n' });
    await expectFallbackFigures(dir, 'DuckDB could not read it (Invalid Input Error: Error when sniffing file "responses.csv".)');
  });

  it('gapreport analyze prints the hand-over once on stderr and writes it into meta', async () => {
    const dir = dataset('cli', { 'questionnaire.yaml': Q, 'responses.csv': 'respondent_id,wave,p_speed,nps\nR1,W1,5,9\n   \nR2,W1,6,10\n' });
    const io = memoryIo(dir);
    expect(await run([dir, '--engine', 'duckdb', '--no-cache'], io)).toBe(0);
    const reason = 'DuckDB could not read it (Invalid Input Error: Error when sniffing file "responses.csv".)';
    expect(io.stderr).toEqual([`${dir}: the duckdb engine handed responses.csv to the stream engine: ${reason}.`]);
    expect(JSON.parse(io.stdout.join('\n')).meta).toMatchObject({ engine: 'stream', engine_requested: 'duckdb', engine_fallback: reason });
  });

  it('gapreport analyze prints the hand-over before the problems of a bad file', async () => {
    const io = memoryIo(FIXTURES);
    expect(await run([join(FIXTURES, 'invalid', 'nps-out-of-range'), '--engine', 'duckdb', '--no-cache'], io)).toBe(1);
    expect(io.stderr[0]).toBe(
      `${join(FIXTURES, 'invalid', 'nps-out-of-range')}: the duckdb engine handed responses.csv to the stream engine: 3 rows break a rule of the data contract.`,
    );
    expect(io.stderr.filter((l) => l.includes('handed responses.csv'))).toHaveLength(1);
    expect(io.stderr.at(-1)).toBe('gapreport analyze: 3 problem(s); no figures written.');
  });
});
