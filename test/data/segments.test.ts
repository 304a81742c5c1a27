/**
 * What a segment may hold: a bounded number of values that group respondents, never one
 * value per respondent. Held in both engines (memory: buildDataset; stream: byte ranges,
 * split so that each range alone stays under the limits and only the whole file breaks them).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/dataset';
import { IDENTIFYING_MIN_ANSWERS, MAX_ENTITY_VALUES, MAX_SEGMENT_VALUES } from '../../src/data/limits';
import { loadDatasetStreaming } from '../../src/stream/load-stream-fs';
import { formatProblem } from '../../src/schemas/problem';
import { analyzeWith } from '../../src/engines/run-fs';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const Q = 'scale: { min: 1, max: 7 }\nitems: [{ id: speed, dimension: responsiveness, text: Quick }]\nsegments: [customer]\n';
const csv = (values: string[]) => `respondent_id,wave,customer,p_speed\n${values.map((v, i) => `R${i},w1,${v},5`).join('\n')}\n`;
const memory = (responses: string, questionnaire = Q) => buildDataset({ name: 't', texts: { 'questionnaire.yaml': questionnaire, 'responses.csv': responses } }).problems.map(formatProblem);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The stream engine's problems, the file cut in half (each range sees half the values). */
async function streamed(responses: string, questionnaire = Q) {
  const dir = mkdtempSync(join(tmpdir(), 'gapreport-seg-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'questionnaire.yaml'), questionnaire);
  writeFileSync(join(dir, 'responses.csv'), responses);
  const half = responses.indexOf('\n', responses.length / 2) + 1;
  const loaded = await loadDatasetStreaming(dir, { threads: false, cuts: [half] });
  return loaded.problems.map(formatProblem);
}

const IDENTIFYING = `responses.csv: column "customer": has 100 distinct values in 100 answered rows, so its values identify respondents; a segment may have distinct values in at most 50 % of its rows. Segments group respondents: group the values into fewer, or remove "customer" from segments: in questionnaire.yaml.`;
const TOO_MANY = `responses.csv: column "customer": has more than ${MAX_SEGMENT_VALUES} distinct values; a segment may have at most ${MAX_SEGMENT_VALUES}. Group the values into fewer (e.g. regions instead of towns) in a new column, or remove "customer" from segments: in questionnaire.yaml. A segment a report expands over with per: (one page per outlet or branch) may have up to ${MAX_ENTITY_VALUES}: list it under entities: in questionnaire.yaml.`;

describe('segment values', () => {
  const perRespondent = csv(Array.from({ length: 100 }, (_, i) => `C${1000 + i}`));
  it('refuses a segment with one value per respondent (it would publish their ids)', async () => {
    expect(memory(perRespondent)).toEqual([IDENTIFYING]);
    expect(await streamed(perRespondent)).toEqual([IDENTIFYING]);
  });

  it(`refuses a segment of 100,000 distinct values quickly, naming the limit of ${MAX_SEGMENT_VALUES}`, async () => {
    const big = csv(Array.from({ length: 100_000 }, (_, i) => `v${i % 50_000}`));
    const started = Date.now();
    expect(memory(big)).toEqual([TOO_MANY]);
    expect(await streamed(big)).toEqual([TOO_MANY]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it(`refuses ${MAX_SEGMENT_VALUES + 1} values only when the two halves of the file together have them`, async () => {
    // Each half alone holds MAX_SEGMENT_VALUES / 2 + 1 of them, well under the limit.
    const values = Array.from({ length: 4 * (MAX_SEGMENT_VALUES + 1) }, (_, i) => `v${i % (MAX_SEGMENT_VALUES + 1)}`);
    expect(memory(csv(values))).toEqual([TOO_MANY]);
    expect(await streamed(csv(values))).toEqual([TOO_MANY]);
    const fewer = values.map((v) => (v === `v${MAX_SEGMENT_VALUES}` ? 'v0' : v));
    expect(memory(csv(fewer))).toEqual([]);
    expect(await streamed(csv(fewer))).toEqual([]);
  });

  it(`accepts distinct values in half the rows, and any values under ${IDENTIFYING_MIN_ANSWERS} answered rows`, async () => {
    const half = csv(Array.from({ length: IDENTIFYING_MIN_ANSWERS }, (_, i) => `g${i % (IDENTIFYING_MIN_ANSWERS / 2)}`));
    expect(memory(half)).toEqual([]);
    expect(await streamed(half)).toEqual([]);
    const few = csv(Array.from({ length: IDENTIFYING_MIN_ANSWERS - 1 }, (_, i) => `C${i}`));
    expect(memory(few)).toEqual([]);
    // One more distinct value than half, at the threshold: refused.
    const over = csv(Array.from({ length: IDENTIFYING_MIN_ANSWERS }, (_, i) => (i <= IDENTIFYING_MIN_ANSWERS / 2 ? `C${i}` : 'C0')));
    expect(memory(over)).toEqual([expect.stringContaining('has 11 distinct values in 20 answered rows, so its values identify respondents')]);
  });

  it('counts answered rows only: missing values neither count as values nor as rows', () => {
    const sparse = csv(Array.from({ length: 100 }, (_, i) => (i < 15 ? `C${i}` : '')));
    expect(memory(sparse)).toEqual([]);
  });

  it('refuses a segment mapped onto the respondent_id column, whatever the row count', async () => {
    const q = `${Q.replace('[customer]', '[customer]')}columns: { customer: respondent_id }\n`;
    const text = 'respondent_id,wave,p_speed\nR1,w1,5\nR2,w1,4\n';
    const expected = ['responses.csv:1: segment "customer" reads the respondent_id column ("respondent_id"), so its breakdown would publish every respondent\'s id. Remove "customer" from segments:, or map it to another column with columns:.'];
    expect(memory(text, q)).toEqual(expected);
    expect(await streamed(text, q)).toEqual(expected);
  });
});

describe('entity segments (entities: in questionnaire.yaml)', () => {
  const QE = `${Q}entities: [customer]\n`;
  // 1,000 outlets of 5 respondents each: far over the ordinary limit, a fifth of the rows distinct (not identifying).
  const outlets = csv(Array.from({ length: 5_000 }, (_, i) => `O${i % 1_000}`));

  it(`accepts ${1_000} values in a segment listed under entities:, in memory and streamed in two halves`, async () => {
    expect(memory(outlets, QE)).toEqual([]);
    expect(await streamed(outlets, QE)).toEqual([]);
  });

  it(`keeps the ${MAX_SEGMENT_VALUES} guard for the same column when entities: does not list it, and the problem names the entities: fix`, async () => {
    const problems = memory(outlets);
    expect(problems).toEqual([expect.stringContaining(`responses.csv: column "customer": has more than ${MAX_SEGMENT_VALUES} distinct values`)]);
    expect(problems[0]).toContain(`list it under entities: in questionnaire.yaml`);
    expect(await streamed(outlets)).toEqual(problems);
  });

  it(`refuses more than ${MAX_ENTITY_VALUES} values in an entity segment, with file, column and fix, in both engines`, async () => {
    const many = csv(Array.from({ length: 5 * (MAX_ENTITY_VALUES + 1) }, (_, i) => `O${i % (MAX_ENTITY_VALUES + 1)}`));
    const expected = [
      `responses.csv: column "customer": has more than ${MAX_ENTITY_VALUES} distinct values; a segment under entities: (one page per value) may have at most ${MAX_ENTITY_VALUES}. Split the dataset (e.g. one folder per region), or group the values into fewer in a new column, or remove "customer" from segments: in questionnaire.yaml.`,
    ];
    expect(memory(many, QE)).toEqual(expected);
    expect(await streamed(many, QE)).toEqual(expected);
  });

  it('holds the same limits in the duckdb engine (counted in SQL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gapreport-seg-duck-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'responses.csv'), outlets);
    const duck = async (q: string) => {
      writeFileSync(join(dir, 'questionnaire.yaml'), q);
      return (await analyzeWith('duckdb', dir, AnalysisOptionsSchema.parse({}))).problems.map(formatProblem);
    };
    expect(await duck(QE)).toEqual([]);
    expect(await duck(Q)).toEqual(memory(outlets));
  });

  it('still refuses an entity segment whose values identify respondents', () => {
    expect(memory(perRespondentRows(100), QE)).toEqual([IDENTIFYING]);
  });

  it('refuses an entities: entry that is not a segment, on its line of questionnaire.yaml', () => {
    expect(memory(csv(["A", "B"]), `${Q}entities: [outlet]\n`)).toEqual([
      'questionnaire.yaml:4: "outlet" is not a segment. entities: lists segments a report expands over with per: (up to 2000 values each): add "outlet" to segments:, or remove it from entities:.',
    ]);
  });

  it('names the declared segment an entities: entry is a typo of', () => {
    const q = 'scale: { min: 1, max: 7 }\nitems: [{ id: speed, dimension: responsiveness, text: Quick }]\nsegments: [region, outlet]\nentities: [outlte]\n';
    const rows = `respondent_id,wave,region,outlet,p_speed\n${['A', 'B'].map((v, i) => `R${i},w1,North,${v},5`).join('\n')}\n`;
    expect(memory(rows, q)).toEqual([
      'questionnaire.yaml:4: "outlte" is not a segment. Did you mean outlet? entities: names segments declared under segments: (region, outlet).',
    ]);
  });
});

function perRespondentRows(n: number): string {
  return csv(Array.from({ length: n }, (_, i) => `C${1000 + i}`));
}
