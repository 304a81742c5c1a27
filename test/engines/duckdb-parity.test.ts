/**
 * The loader's newer rules hold in the duckdb engine too: the same dataset through the
 * memory, stream and duckdb engines gives the same problems, or the same figures — never
 * figures from duckdb where the others refuse the file. Each case also says which engine
 * produced the answer: the SQL itself (no fallback) or the stream engine after a hand-over
 * (the reason in RunResult.fallback and meta.engine_fallback).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../../src/engines/run-fs';
import { JS_WHITESPACE } from '../../src/engines/duckdb-sql';
import { hasDigitUnderscore } from '../../src/engines/digit-underscore-fs';
import { differences, memoryPath, OPTIONS, texts } from '../perf/compare';
import { Q, tempDatasets } from './dataset';

const dataset = tempDatasets('gapreport-duckdb-parity-');
const HEADER = 'respondent_id,wave,p_speed,p_care,nps';
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n') + '\n';
const withSegment = `${Q}segments: [region]\n`;

/** The three engines' problems are the same (and there are some); duckdb's fallback is `fallback` (undefined: the SQL found them itself). */
async function expectSameProblems(dir: string, fallback: string | undefined): Promise<string[]> {
  const memory = await memoryPath(dir);
  const stream = await analyzeWith('stream', dir, OPTIONS);
  const duck = await analyzeWith('duckdb', dir, OPTIONS);
  expect(memory.problems.length).toBeGreaterThan(0);
  expect(texts(stream.problems)).toEqual(memory.problems);
  expect(texts(duck.problems)).toEqual(memory.problems);
  expect(duck.figures).toBeUndefined();
  expect(duck.fallback).toBe(fallback);
  return memory.problems;
}

/** The three engines' figures are the same, and DuckDB computed them (no hand-over). */
async function expectSameFiguresBySql(dir: string) {
  const memory = await memoryPath(dir);
  const stream = await analyzeWith('stream', dir, OPTIONS);
  const duck = await analyzeWith('duckdb', dir, OPTIONS);
  expect(memory.problems).toEqual([]);
  expect(differences(memory.figures, stream.figures)).toEqual([]);
  expect(duck.fallback).toBeUndefined();
  expect(duck.figures?.meta).toMatchObject({ engine: 'duckdb' });
  expect(duck.figures?.meta.engine_fallback).toBeUndefined();
  expect(differences(memory.figures, duck.figures)).toEqual([]);
  return duck.figures!;
}

describe('segment limits hold in the duckdb engine', () => {
  it('refuses a segment with more than 200 distinct values, by SQL counts, worded as the loader words it', async () => {
    const dir = dataset('segment-201', {
      'questionnaire.yaml': withSegment,
      'responses.csv': `${HEADER},region\n${rows(402, (i) => `R${i},W1,5,6,9,town${i % 201}`)}`,
    });
    expect(await expectSameProblems(dir, undefined)).toEqual([
      'responses.csv: column "region": has more than 200 distinct values; a segment may have at most 200. Group the values into fewer (e.g. regions instead of towns) in a new column, or remove "region" from segments: in questionnaire.yaml. A segment a report expands over with per: (one page per outlet or branch) may have up to 2000: list it under entities: in questionnaire.yaml.',
    ]);
  });

  it('refuses a segment whose values identify respondents (11 distinct in 20 answered rows), across waves', async () => {
    const dir = dataset('segment-identifying', {
      'questionnaire.yaml': withSegment,
      'responses.csv': `${HEADER},region\n${rows(20, (i) => `R${i},W${i % 2},5,6,9,c${Math.min(i, 10)}`)}`,
    });
    expect(await expectSameProblems(dir, undefined)).toEqual([
      'responses.csv: column "region": has 11 distinct values in 20 answered rows, so its values identify respondents; a segment may have distinct values in at most 50 % of its rows. Segments group respondents: group the values into fewer, or remove "region" from segments: in questionnaire.yaml.',
    ]);
  });

  it('keeps a segment of 10 distinct values in 20 rows, with blank cells not answered', async () => {
    const dir = dataset('segment-half', {
      'questionnaire.yaml': withSegment,
      'responses.csv': `${HEADER},region\n${rows(24, (i) => `R${i},W1,5,6,9,${i < 4 ? '' : `c${i % 10}`}`)}`,
    });
    await expectSameFiguresBySql(dir);
  });

  it('compares segment values as the loader reads them: bidi controls stripped, trimmed as JavaScript trims (tab, no-break space)', async () => {
    // Ten values once normalised (North, South, East, c0–c6), but 13 spellings: counted raw they would identify respondents.
    const spell = ['North', ' North\t', '\u202eNorth', 'North\u00a0', '\u3000South', 'East\u2028'];
    const dir = dataset('segment-normalised', {
      'questionnaire.yaml': withSegment,
      'responses.csv': `${HEADER},region\n${rows(20, (i) => `R${i},W1,5,6,9,"${i < spell.length ? spell[i] : `c${i % 7}`}"`)}`,
    });
    const figures = await expectSameFiguresBySql(dir);
    expect(JSON.stringify(figures)).not.toContain('\u202e');
  });

  it('refuses a segment mapped onto the respondent_id column (the header rule: the stream engine words it)', async () => {
    const dir = dataset('segment-is-id', {
      'questionnaire.yaml': `${withSegment}columns: { region: respondent_id }\n`,
      'responses.csv': `${HEADER}\n${rows(3, (i) => `R${i},W1,5,6,9`)}`,
    });
    const problems = await expectSameProblems(dir, 'its header breaks a rule of the data contract');
    expect(problems).toEqual([
      'responses.csv:1: segment "region" reads the respondent_id column ("respondent_id"), so its breakdown would publish every respondent\'s id. Remove "region" from segments:, or map it to another column with columns:.',
    ]);
  });

  it('refuses the segment value __proto__ as the other engines do (figures computed, then refused)', async () => {
    const dir = dataset('segment-proto', {
      'questionnaire.yaml': withSegment,
      'responses.csv': `${HEADER},region\nR1,W1,5,6,9,__proto__\nR2,W1,5,6,9,North\n`,
    });
    expect(await expectSameProblems(dir, undefined)).toEqual([
      'responses.csv: column "region": "__proto__" cannot be a segment value: the figures JSON cannot hold this name. Rename it (e.g. "proto"), or recode the value in the data.',
    ]);
  });
});

describe('respondent ids are compared as normalizeId compares them', () => {
  const duplicate = 'a respondent_id is used more than once';
  it.each([
    ['a zero-width space', 'R1', 'R\u200b1', 'R1'],
    ['a word joiner and a BOM', 'R1', '\u2060R1\ufeff', 'R1'],
    ['direction marks (LRM, RLM, ALM)', 'R\u200e1', '\u200fR\u061c1', 'R1'],
    ['composed and decomposed é (NFC)', 'R\u00e9', 'Re\u0301', 'R\u00e9'],
  ])("%s: a duplicate in one wave, handed to the stream engine for the loader's problem", async (_name, a, b, shown) => {
    const dir = dataset(`id-${a}-${b}`.replace(/[^\w-]/g, '_'), {
      'questionnaire.yaml': Q,
      'responses.csv': `${HEADER}\n${a},W1,5,6,9\n${b},W1,6,7,10\nR3,W1,4,5,3\n`,
    });
    expect(await expectSameProblems(dir, duplicate)).toEqual([
      `responses.csv:3: column "respondent_id": "${shown}" is used twice, on lines 2 and 3. Each respondent_id must be unique.`,
    ]);
  });

  it('a duplicate across waves (the second scan normalises too)', async () => {
    const dir = dataset('id-cross-wave', { 'questionnaire.yaml': Q, 'responses.csv': `${HEADER}\nR1,W1,5,6,9\nR\u200b1,W2,6,7,10\n` });
    await expectSameProblems(dir, duplicate);
  });

  it('ids that differ by case or by a visible character stay different respondents, in SQL', async () => {
    const dir = dataset('id-distinct', {
      'questionnaire.yaml': Q,
      'responses.csv': `${HEADER}\nR1,W1,5,6,9\nr1,W1,6,7,10\nR\u00e9,W1,4,5,3\nR\u00e8,W1,4,5,3\n`,
    });
    expect((await expectSameFiguresBySql(dir)).n).toBe(4);
  });
});

describe('number cells beyond ±1e15', () => {
  it.each([
    ['read as DOUBLE by DuckDB', 'missing: [10000000000000000]\n'],
    ['read as text (a text missing code)', 'missing: [NA, 10000000000000000]\n'],
  ])('are refused even when listed under missing: (%s), as Cells.number refuses them first', async (_name, missing) => {
    const dir = dataset(`magnitude-${missing.length}`, {
      'questionnaire.yaml': `${Q}${missing}`,
      'responses.csv': `${HEADER}\nR1,W1,5,6,9\nR2,W1,1e16,6,10\n`,
    });
    expect(await expectSameProblems(dir, '1 row breaks a rule of the data contract')).toEqual([
      'responses.csv:3: column "p_speed": "1e16" is too large to compute with (beyond ±1e+15). Check it for a typing error (an extra run of digits or an exponent).',
    ]);
  });
});

describe('digit separators', () => {
  it('"0_5" is not a number to the loader, so not 5 to DuckDB\'s DOUBLE reader either', async () => {
    const dir = dataset('digit-underscore', { 'questionnaire.yaml': Q, 'responses.csv': `${HEADER}\nR_1,W1,5,6,9\nR_2,W1,0_5,6,10\n` });
    expect(await expectSameProblems(dir, '1 row breaks a rule of the data contract')).toEqual([
      'responses.csv:3: column "p_speed": "0_5" is not a number within 1–7. Map the text to a number with recode:, or list it under missing:.',
    ]);
  });

  it.each([
    ['digit, _, digit', 'a,1_2\n', true],
    ['across a chunk boundary', 'abcdefg1_2', true],
    ['_ after a letter or before one', 'R_1,x_,_y,1_a\n', false],
    ['no _', '1,2,3\n', false],
  ])('hasDigitUnderscore: %s', async (_name, text, found) => {
    const dir = dataset(`scan-${text.length}-${found}`, { 'f.csv': text });
    expect(await hasDigitUnderscore(join(dir, 'f.csv'), 8)).toBe(found);
  });
});

describe('dataset folder rules shared with the loader', () => {
  it('a header-only responses.csv is a problem, not "not measured"', async () => {
    const dir = dataset('header-only', { 'questionnaire.yaml': Q, 'responses.csv': `${HEADER}\n` });
    expect(await expectSameProblems(dir, 'it has no data rows')).toEqual([
      'responses.csv: has a header but no data rows. Add the data, or move the file out of the dataset folder (gapreport new keeps its templates in templates/).',
    ]);
  });

  it('a contract file named in the wrong case is a problem', async () => {
    const dir = dataset('case-twin', { 'questionnaire.yaml': Q, 'Responses.csv': `${HEADER}\nR1,W1,5,6,9\n` });
    const memory = await memoryPath(dir);
    const duck = await analyzeWith('duckdb', dir, OPTIONS);
    expect(memory.problems).toContain('Responses.csv: is not read: file names are case-sensitive. Did you mean responses.csv? Rename it to responses.csv.');
    expect(texts(duck.problems)).toEqual(memory.problems);
  });
});

describe('the SQL trim', () => {
  it('strips exactly the characters JavaScript trim strips (every UTF-16 code unit checked)', () => {
    const js: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (String.fromCharCode(c).trim() === '') js.push(String.fromCharCode(c));
    expect([...JS_WHITESPACE].sort()).toEqual(js.sort());
  });
});
