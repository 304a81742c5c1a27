import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('gapreport validate <dataset-dir>', () => {
  it('exits 0 and prints a summary of rows per file for a valid folder', async () => {
    const io = memoryIo(ROOT);
    expect(await main(['validate', 'test/fixtures/valid/operations-full'], io)).toBe(0);
    expect(io.stdout).toEqual([
      'test/fixtures/valid/operations-full: valid — management.csv 2 rows, standards.csv 4 rows, operations.csv 3 rows, contacts.csv 5 rows, communications.csv 2 rows, benchmarks.csv 3 rows.',
    ]);
  });

  it('exits 1 and prints every problem with its path from the working directory', async () => {
    const io = memoryIo(ROOT);
    expect(await main(['validate', 'test/fixtures/invalid/nps-out-of-range'], io)).toBe(1);
    expect(io.stdout).toEqual([
      'test/fixtures/invalid/nps-out-of-range/responses.csv:2: column "nps": "11" is not a whole number 0–10.',
      'test/fixtures/invalid/nps-out-of-range/responses.csv:3: column "nps": "-1" is not a whole number 0–10.',
      'test/fixtures/invalid/nps-out-of-range/responses.csv:4: column "nps": "7.5" is not a whole number 0–10.',
      'test/fixtures/invalid/nps-out-of-range: 3 problems — responses.csv 3 rows.',
    ]);
  });

  it('counts the problems left out of a capped list in the summary', async () => {
    const io = memoryIo(ROOT);
    expect(await main(['validate', 'test/fixtures/invalid/too-many-problems'], io)).toBe(1);
    expect(io.stdout.slice(-2)).toEqual([
      '… and 10 more problems in test/fixtures/invalid/too-many-problems/responses.csv.',
      'test/fixtures/invalid/too-many-problems: 60 problems — responses.csv 60 rows.',
    ]);
  });

  it('shows a mapped export by its own path', async () => {
    const io = memoryIo(`${ROOT}test/fixtures/valid`);
    expect(await main(['validate', 'airline-like'], io)).toBe(0);
    expect(io.stdout).toEqual(['airline-like: valid — responses.csv 60 rows.']);
  });

  it('also prints GitHub annotations when GITHUB_ACTIONS is true', async () => {
    const io = memoryIo(ROOT, { GITHUB_ACTIONS: 'true' });
    expect(await main(['validate', 'test/fixtures/invalid/respondent-id-duplicate'], io)).toBe(1);
    expect(io.stdout[1]).toBe(
      '::error file=test/fixtures/invalid/respondent-id-duplicate/responses.csv,line=4::test/fixtures/invalid/respondent-id-duplicate/responses.csv:4: column "respondent_id": "R1" is used twice, on lines 2 and 4. Each respondent_id must be unique.',
    );
  });

  it('under GitHub Actions, a cell value cannot write a workflow command', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gapreport-validate-'));
    const dir = join(root, 'inj:ect,ed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'questionnaire.yaml'), 'scale: { min: 1, max: 7 }\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\n');
    writeFileSync(join(dir, 'responses.csv'), 'respondent_id,wave,nps\nR1,2026-Q3,"::warning title=INJECTED::x"\nR2,2026-Q3,"5\n::error::y %0A ##[error]z"\n');
    const io = memoryIo(root, { GITHUB_ACTIONS: 'true' });
    expect(await main(['validate', 'inj:ect,ed'], io)).toBe(1);
    const lines = [...io.stdout, ...io.stderr].flatMap((l) => l.split(/\r?\n/));
    // Only gapreport's own annotations start with "::", and nothing holds the legacy "##[".
    expect(lines.filter((l) => l.trimStart().startsWith('::')).map((l) => /^::error file=inj%3Aect%2Ced\/responses\.csv,line=(\d)::/.exec(l)?.[1])).toEqual([
      '2',
      '3',
    ]);
    expect(lines.some((l) => l.includes('##['))).toBe(false);
    expect(io.stdout[0]).toBe(
      'inj:ect,ed/responses.csv:2: column "nps": "::warning title=INJECTED::x" is not a whole number 0–10. Map the text to a number with recode:, or list it under missing:.',
    );
    expect(io.stdout.find((l) => l.startsWith('inj:ect,ed/responses.csv:3:'))).toContain('"5\\n::error::y %0A ## [error]z"');
  });

  it('exits 2 with the usage when the folder is missing or not given', async () => {
    for (const args of [['validate'], ['validate', 'no/such/folder'], ['validate', 'a', 'b'], ['validate', '--strict', 'x']]) {
      const io = memoryIo(ROOT);
      expect(await main(args, io)).toBe(2);
      expect(io.stderr.join('\n')).toContain('usage: gapreport validate <dataset-dir>');
      expect(io.stdout).toEqual([]);
    }
  });

  it('exits 1 for an empty folder', async () => {
    const io = memoryIo(ROOT);
    expect(await main(['validate', 'test/fixtures/invalid/empty-folder'], io)).toBe(1);
    expect(io.stdout[0]).toMatch(/^test\/fixtures\/invalid\/empty-folder: has none of the dataset files/);
  });
});
