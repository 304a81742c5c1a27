import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { copyProject, removeProject } from '../workflow/project';

/**
 * A real Astro build in a copy of the project: a report file name with spaces publishes at
 * its slug with its own figures (the page and the figures loader use one id function), and
 * `astro build` itself — not only `gapreport build` — refuses a report whose MDX exports code.
 */
let dir: string;
let built = -1;
let stderr = '';
const REPORT = '---\ntitle: "Spaced Out Report"\ncompany: Northwind Telecom\ndataset: demo\n---\n\nNPS is <Metric id="nps.score" />.\n';

beforeAll(async () => {
  dir = await copyProject();
  await writeFile(join(dir, 'content/reports/Spaced Out Q3.mdx'), REPORT);
  const io = memoryIo(dir, { PATH: process.env.PATH });
  built = await main(['build'], io);
  stderr = io.stderr.join('\n');
}, 300_000);
afterAll(async () => {
  if (dir) await removeProject(dir);
});

describe('report file names and the Astro build', () => {
  it('builds "Spaced Out Q3.mdx" at /reports/spaced-out-q3/ with its own title and figures', async () => {
    expect(built, stderr).toBe(0);
    expect(await readdir(join(dir, 'dist/reports'))).toContain('spaced-out-q3');
    const html = await readFile(join(dir, 'dist/reports/spaced-out-q3/index.html'), 'utf8');
    expect(html).toContain('Spaced Out Report');
    expect(html).toMatch(/data-figure="nps\.score"[^>]*>\s*\+12\s*</);
  });

  it('makes astro build itself refuse a report that exports process.env, before any page is written', async () => {
    await writeFile(
      join(dir, 'content/reports/leak.mdx'),
      '---\ntitle: Leak\ncompany: Northwind Telecom\ndataset: demo\n---\n\nexport const leak = process.env.GAPREPORT_TEST_SECRET\n\n{leak}\n',
    );
    process.env.GAPREPORT_TEST_SECRET = 'hunter2-secret';
    const { build } = await import('astro');
    const out = join(dir, 'dist-astro');
    const error = await build({ root: dir, outDir: out, logLevel: 'silent' }).then(
      () => undefined,
      (e: Error) => e.message,
    );
    delete process.env.GAPREPORT_TEST_SECRET;
    expect(error).toContain(
      'content/reports/leak.mdx:7: "export const leak = process.env.GAPREPORT_TEST_SECRET" is an import or export; a report may not contain code.',
    );
    const written = await readdir(out, { recursive: true }).catch(() => [] as string[]);
    for (const f of written.filter((f) => f.endsWith('.html'))) expect(await readFile(join(out, f), 'utf8')).not.toContain('hunter2-secret');
  }, 300_000);
});
