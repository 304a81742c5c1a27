/**
 * `gapreport analyze --out <file>`: missing folders are created; a path that cannot be written is one clear line, exit 1, never a stack trace.
 * Problems name their files from the command's working directory.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { FiguresSchema } from '../../src/schemas/figures';

const ROOT = new URL('../../', import.meta.url).pathname;
const DATASET = join(ROOT, 'test/fixtures/valid/servqual-preset');
const tmp = mkdtempSync(join(tmpdir(), 'gapreport-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function analyze(out: string) {
  const io = memoryIo(tmp);
  const code = await main(['analyze', DATASET, '--no-cache', '--out', out], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('gapreport analyze --out', () => {
  it('creates the missing folders of the output path and writes valid figures there', async () => {
    const { code, stderr } = await analyze('reports/2026/q3/figures.json');
    expect(code).toBe(0);
    expect(stderr).toMatch(/ written to reports\/2026\/q3\/figures\.json$/);
    expect(FiguresSchema.safeParse(JSON.parse(readFileSync(join(tmp, 'reports/2026/q3/figures.json'), 'utf8'))).success).toBe(true);
  });

  it('says so in one line, exit 1, when a part of the folder path is a file', async () => {
    writeFileSync(join(tmp, 'a-file'), 'x');
    const { code, stdout, stderr } = await analyze('a-file/figures.json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `gapreport analyze: could not write a-file/figures.json: its folder ${join(tmp, 'a-file')} could not be created (a part of its folder path is a file, not a folder).`,
    );
  });

  it('says so in one line, exit 1, when the output path is a folder', async () => {
    mkdirSync(join(tmp, 'a-folder'));
    const { code, stderr } = await analyze('a-folder');
    expect(code).toBe(1);
    expect(stderr).toBe('gapreport analyze: could not write a-folder: it is a folder.');
  });

  it("names each problem's file from the working directory, a mapped export too", async () => {
    mkdirSync(join(tmp, 'data/q3'), { recursive: true });
    writeFileSync(join(tmp, 'data/q3/questionnaire.yaml'), 'scale: { min: 1, max: 7 }\nfiles: { responses.csv: ../exports/q3.csv }\n');
    mkdirSync(join(tmp, 'data/exports'));
    writeFileSync(join(tmp, 'data/exports/q3.csv'), 'respondent_id,wave,nps\nR1,w1,11\n');
    const io = memoryIo(tmp);
    expect(await main(['analyze', 'data/q3', '--no-cache'], io)).toBe(1);
    expect(io.stderr).toEqual([
      'data/exports/q3.csv:2: column "nps": "11" is not a whole number 0–10.',
      'gapreport analyze: 1 problem(s); no figures written.',
    ]);
  });
});
