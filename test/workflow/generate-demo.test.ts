/**
 * The committed data/demo is the output of `gapreport generate-demo` (README): the seeded
 * generator, run into an empty folder, writes the same files with the same bytes.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { ROOT } from './project';

const DEMO = join(ROOT, 'data/demo');
let dir = '';
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('gapreport generate-demo [dir]', () => {
  it('reproduces the committed data/demo byte for byte, into another folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gapreport-demo-'));
    const out = join(dir, 'demo');
    const io = memoryIo(ROOT);
    expect(await main(['generate-demo', out], io), io.stderr.join('\n')).toBe(0);
    expect(io.stderr).toEqual([`demo dataset written to ${out}`]);
    const committed = (await readdir(DEMO)).sort();
    expect((await readdir(out)).sort()).toEqual(committed);
    for (const file of committed) {
      const [want, got] = await Promise.all([readFile(join(DEMO, file)), readFile(join(out, file))]);
      expect(got.equals(want), `${file} differs from data/demo/${file}`).toBe(true);
    }
  }, 120_000);
});
