import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-fs';
import { capPerFile, ProblemSink } from '../../src/data/problems';
import { formatProblem, MAX_PROBLEMS_PER_FILE } from '../../src/schemas/problem';

describe('guard rails', () => {
  it('reports a file over the size limit instead of reading it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gapreport-'));
    await writeFile(join(dir, 'benchmarks.csv'), 'metric,industry,period,source,company,value\n'.repeat(40));
    const result = await loadDataset(dir, { limits: { maxFileBytes: 1024 } });
    expect(result.problems.map(formatProblem)).toEqual(['benchmarks.csv: is 1.7 KiB; the limit is 1.0 KiB. Split it (e.g. by period), or aggregate contacts into operations.csv.']);
  });

  it('warns about a CSV that is not a contract file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gapreport-'));
    await writeFile(join(dir, 'benchmarks.csv'), 'metric,industry,period,source,company,value\nnps,t,2026,S,P,1\n');
    await writeFile(join(dir, 'response.csv'), 'x\n');
    const result = await loadDataset(dir);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([expect.stringMatching(/^response\.csv: is not a contract file, so it is not read\./)]);
  });

  it('does not warn about themes.yaml, the codebook the comment figures read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gapreport-'));
    await writeFile(join(dir, 'benchmarks.csv'), 'metric,industry,period,source,company,value\nnps,t,2026,S,P,1\n');
    await writeFile(join(dir, 'themes.yaml'), 'themes: []\n');
    await writeFile(join(dir, 'theme.yaml'), 'themes: []\n');
    const result = await loadDataset(dir);
    expect(result.warnings.map(formatProblem)).toEqual([expect.stringMatching(/^theme\.yaml: is not a contract file/)]);
  });
});

describe('problem caps', () => {
  it(`keeps the first ${MAX_PROBLEMS_PER_FILE} problems of a file and counts the rest`, () => {
    const sink = new ProblemSink('responses.csv');
    for (let line = 2; line < 2 + MAX_PROBLEMS_PER_FILE + 212; line++) sink.add({ line, message: 'is wrong.' });
    const list = sink.list();
    expect(list).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(formatProblem(list.at(-1)!)).toBe('… and 212 more problems in responses.csv.');
  });

  it('caps cross-file problems together with the file\'s own', () => {
    const own = new ProblemSink('a.csv', 2);
    [1, 2, 3].forEach((line) => own.add({ line, message: 'x.' }));
    const capped = capPerFile([...own.list(), { file: 'a.csv', line: 9, message: 'y.' }, { file: 'b.csv', message: 'z.' }], 2);
    expect(capped.map(formatProblem)).toEqual(['a.csv:1: x.', 'a.csv:2: x.', '… and 2 more problems in a.csv.', 'b.csv: z.']);
  });
});
