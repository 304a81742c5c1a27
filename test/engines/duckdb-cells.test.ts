/**
 * Cells the duckdb engine reads itself, by the loader's cell rules (src/data/cells.ts),
 * instead of handing the file to the stream engine: ids that are row numbers
 * (`respondent_id: "#row"`, with header rows and blank lines), missing codes padded with
 * spaces, and blank cells in columns DuckDB would otherwise read as DOUBLE.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../../src/engines/run-fs';
import { differences, memoryPath, OPTIONS } from '../perf/compare';
import { Q, tempDatasets } from './dataset';

const dataset = tempDatasets('gapreport-duckdb-cells-');

async function expectSqlEqualsMemory(dir: string) {
  const memory = await memoryPath(dir);
  expect(memory.problems).toEqual([]);
  const duck = await analyzeWith('duckdb', dir, OPTIONS);
  expect(duck.fallback).toBeUndefined();
  expect(duck.figures?.meta.engine).toBe('duckdb');
  expect(differences(memory.figures, duck.figures)).toEqual([]);
  return duck.figures!;
}

describe('the duckdb engine reads by the cell rules', () => {
  it('numbers the rows for respondent_id: "#row", after header rows and across blank lines', async () => {
    const dir = dataset('row-ids', {
      'questionnaire.yaml': `${Q}header_rows: 1\ncolumns: { respondent_id: "#row" }\nconstants: { wave: "2026-Q3" }\n`,
      'responses.csv': 'p_speed,p_care,nps\nHow fast?,How caring?,Recommend?\n5,6,9\n\n7,7,10\n3,,2\n\n\n6,5,8\n',
    });
    const figures = await expectSqlEqualsMemory(dir);
    expect(figures.n).toBe(4);
  });

  it('reads a missing code padded with spaces (" NA ") as missing', async () => {
    const dir = dataset('padded-text-code', {
      'questionnaire.yaml': `${Q}missing: [NA]\n`,
      'responses.csv': 'respondent_id,wave,p_speed,p_care,nps\nR1,W1, NA ,6,9\nR2,W1,7, NA,NA \nR3,W1,4,5,3\n',
    });
    const figures = await expectSqlEqualsMemory(dir);
    expect(figures.nps).toMatchObject({ n: 2 });
  });

  it('reads blank and padded numeric missing codes ("  ", " -99 ") in number columns as missing', async () => {
    const dir = dataset('padded-number-code', {
      'questionnaire.yaml': `${Q}missing: [-99]\n`,
      'responses.csv': 'respondent_id,wave,p_speed,p_care,nps\nR1,W1,  ,6,9\nR2,W1,7, -99 ,10\nR3,W1, 4 ,5,-99.0\n',
    });
    const figures = await expectSqlEqualsMemory(dir);
    expect(figures.nps).toMatchObject({ n: 2 });
  });
});
