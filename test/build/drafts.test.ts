import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { copyProject, removeProject } from '../workflow/project';
import { itInChromium } from '../e2e/browser';

/**
 * Drafts through a real build in a copy of the project: `gapreport build` publishes no
 * draft (no page, no download, no index or search entry) and says which it skipped;
 * `build --drafts` builds it with a visible Draft badge.
 */
let dir: string;
const DRAFT = '---\ntitle: "Work In Progress Report"\ncompany: Northwind Telecom\ndataset: demo\ndraft: true\n---\n\nNPS is <Metric id="nps.score" />.\n';
const run = async (args: string[]) => {
  const io = memoryIo(dir, { PATH: process.env.PATH });
  const code = await main(['build', ...args], io);
  return { code, stderr: io.stderr.join('\n') };
};
let published: { code: number; stderr: string };
let publishedIndex = '';
let publishedSearch = '';
let publishedPagefind = '';

beforeAll(async () => {
  dir = await copyProject();
  await writeFile(join(dir, 'content/reports/wip.mdx'), DRAFT);
  published = await run([]);
  publishedIndex = await readFile(join(dir, 'dist/index.html'), 'utf8').catch(() => '');
  publishedSearch = await readFile(join(dir, 'dist/search/index.html'), 'utf8').catch(() => '');
  publishedPagefind = (await readdir(join(dir, 'dist/pagefind/fragment')).catch(() => [] as string[])).length.toString();
}, 300_000);
afterAll(async () => {
  if (dir) await removeProject(dir);
});

describe('draft: true reports', () => {
  it('leaves a draft out of gapreport build: no page, no downloads, not on the home page or the search page', async () => {
    expect(published.code, published.stderr).toBe(0);
    expect(await readdir(join(dir, 'dist/reports'))).not.toContain('wip');
    expect(await readdir(join(dir, 'dist/reports'))).toContain('demo');
    expect(publishedIndex).toContain('data-report="demo"');
    expect(publishedIndex).not.toContain('data-report="wip"');
    expect(publishedSearch).not.toContain('Work In Progress Report');
  });

  it('says which drafts the build skipped and how to include them', () => {
    expect(published.stderr).toContain('skipped 1 draft(s): wip (build --drafts to include them)');
  });

  itInChromium(
    'prints the published reports with gapreport pdf, and no PDF of the draft the build left out',
    async () => {
      const io = memoryIo(dir, { PATH: process.env.PATH ?? '', GAPREPORT_CHROMIUM: process.env.GAPREPORT_CHROMIUM ?? '' });
      expect(await main(['pdf'], io), io.stderr.join('\n')).toBe(0);
      const pdfs = await readdir(join(dir, 'dist/pdf'));
      expect(pdfs).toContain('demo.pdf');
      expect(pdfs).not.toContain('wip.pdf');
    },
    120_000,
  );

  it('builds drafts with build --drafts, marked with a visible Draft badge, and indexes them for search', async () => {
    const { code, stderr } = await run(['--drafts']);
    expect(code, stderr).toBe(0);
    expect(stderr).not.toContain('skipped');
    const html = await readFile(join(dir, 'dist/reports/wip/index.html'), 'utf8');
    expect(html).toMatch(/<p class="draft-badge" data-draft[^>]*>Draft<\/p>/);
    expect(html).toMatch(/data-figure="nps\.score"[^>]*>\s*\+12\s*</);
    expect(await readFile(join(dir, 'dist/index.html'), 'utf8')).toContain('data-report="wip"');
    const demo = await readFile(join(dir, 'dist/reports/demo/index.html'), 'utf8');
    expect(demo).not.toContain('data-draft');
    // One more page in the search index than the published build had: the draft's.
    expect((await readdir(join(dir, 'dist/pagefind/fragment'))).length).toBe(Number(publishedPagefind) + 1);
  });
});
