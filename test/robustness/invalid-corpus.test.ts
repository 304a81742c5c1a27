/**
 * Every invalid fixture through the CLI: `analyze` must end with exit 1, the problems on
 * stderr and no figures on stdout — never a crash, never a hang (a per-case timeout).
 * Plus inputs too large to keep as fixtures: a 10 MB field, a 100,000-column header, a
 * file over the size limit, a million bad cells, and contradictory report settings.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { loadDataset } from '../../src/data/load-fs';
import { formatProblem } from '../../src/schemas/problem';

const INVALID = new URL('../fixtures/invalid/', import.meta.url).pathname;
const cases = readdirSync(INVALID).sort();
const Q = 'scale: { min: 1, max: 7 }\n';

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'gapreport-corpus-'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function analyze(dir: string, ...flags: string[]) {
  const io = memoryIo(cwd);
  const code = await main(['analyze', dir, '--no-cache', ...flags], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

/** A dataset folder written into the temporary directory. */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(cwd, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

describe('gapreport analyze on the invalid corpus', () => {
  it(`has at least 40 cases (${cases.length})`, () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)('%s: exit 1, its problems printed, no figures', { timeout: 10_000 }, async (name) => {
    const { code, stdout, stderr } = await analyze(join(INVALID, name));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no figures written\.$/);
    // Each expected problem is printed (paths are shown from the working directory).
    for (const line of readFileSync(join(INVALID, name, 'expected.txt'), 'utf8')
      .trimEnd()
      .split('\n')) {
      expect(stderr).toContain(line.replace(/^[^:]*?(?=:)/, '').slice(0, 60));
    }
  });
});

describe('resource limits, through the CLI', () => {
  it('reports a 10 MB single field instead of reading it as a value', { timeout: 20_000 }, async () => {
    const dir = folder('big-field', {
      'questionnaire.yaml': Q,
      'responses.csv': `respondent_id,wave,comment\nR1,2026-Q3,"${'x'.repeat(10 * 1024 * 1024)}"\nR2,2026-Q3,ok\n`,
    });
    const { code, stderr } = await analyze(dir);
    expect(code).toBe(1);
    expect(stderr).toContain('responses.csv:2: field 3 is 10.0 MiB long; the limit is 1.0 MiB. Check for an unclosed quote above this line.');
  });

  it('reports a header of 100,000 columns and stops reading', { timeout: 20_000 }, async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const dir = folder('wide', { 'questionnaire.yaml': Q, 'responses.csv': `${header}\n${header.replace(/c\d+/g, '1')}\n` });
    const { code, stderr } = await analyze(dir);
    expect(code).toBe(1);
    expect(stderr).toContain('responses.csv:1: the header has 100000 columns; the limit is 10000. Is this the right file and delimiter?');
  });

  it('reports an unclosed quote that swallows a large file as one problem, not one per line', { timeout: 20_000 }, async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `R${i},2026-Q3,9`).join('\n');
    const dir = folder('swallowed', { 'questionnaire.yaml': Q, 'responses.csv': `respondent_id,wave,nps\nR,2026-Q3,"9\n${rows}\n` });
    const { code, stderr } = await analyze(dir);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter((l) => l.includes('responses.csv'))).toHaveLength(1);
  });

  it('caps a million bad cells at 50 listed problems and counts the rest', { timeout: 30_000 }, async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `R${i},2026-Q3,x,y,z,w,v`).join('\n');
    const dir = folder('many-bad', { 'questionnaire.yaml': Q, 'responses.csv': `respondent_id,wave,nps,csat,ces,overall,date\n${rows}\n` });
    const { code, stderr } = await analyze(dir);
    expect(code).toBe(1);
    expect(stderr).toContain('… and 999950 more problems in');
  });

  it('reports a file over the configured size limit without reading it', async () => {
    const dir = folder('over-limit', { 'questionnaire.yaml': Q, 'responses.csv': `respondent_id,wave,nps\n${'R1,2026-Q3,9\n'.repeat(200)}` });
    const result = await loadDataset(dir, { limits: { maxFileBytes: 1024 } });
    expect(result.dataset).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      'responses.csv: is 2.6 KiB; the limit is 1.0 KiB. Split it (e.g. by period), or aggregate contacts into operations.csv.',
    ]);
  });
});

describe('contradictory report settings', () => {
  it('low_base below min_base is a problem naming both, not a crash', async () => {
    const dir = folder('settings', { 'questionnaire.yaml': Q, 'responses.csv': 'respondent_id,wave,nps\nR1,2026-Q3,9\n' });
    const { code, stdout, stderr } = await analyze(dir, '--min-base', '30', '--low-base', '10');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('report settings: setting "low_base": "10" is below min_base (30).');
  });

  it('a wave that is not in the data is a problem', async () => {
    const dir = folder('settings-wave', { 'questionnaire.yaml': Q, 'responses.csv': 'respondent_id,wave,nps\nR1,2026-Q3,9\n' });
    const { code, stderr } = await analyze(dir, '--wave', '2025-Q1');
    expect(code).toBe(1);
    expect(stderr).toContain('setting "wave": "2025-Q1" is not a wave in responses.csv (waves: 2026-Q3).');
  });
});
