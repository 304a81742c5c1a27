import { access, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { CHROMIUM } from '../../scripts/commands/pdf';
import { copyProject, removeProject } from './project';

/**
 * End to end in a copy of the project: scaffold a report, build the site (with its search
 * index), print the PDFs. The PDF part is skipped only when Chromium is absent outside CI.
 */
const hasChromium = await access(CHROMIUM).then(() => true, () => false);
const pdfTest = hasChromium || process.env.CI === 'true' ? it : it.skip;

let dir: string;
let built = -1;
const io = () => memoryIo(dir, { PATH: process.env.PATH });

beforeAll(async () => {
  dir = await copyProject();
  expect(await main(['new', 'acme-q3', '--company', 'Acme Telecom', '--segments', 'channel,region'], io())).toBe(0);
  const buildIo = io();
  built = await main(['build'], buildIo);
  if (built !== 0) console.error(buildIo.stderr.join('\n'));
}, 300_000);
afterAll(async () => {
  if (dir) await removeProject(dir);
});

describe('new → build → pdf in a copy of the project', () => {
  it('builds the scaffolded report (no data yet) with honest "not measured" states', async () => {
    expect(built).toBe(0);
    const html = await readFile(join(dir, 'dist/reports/acme-q3/index.html'), 'utf8');
    expect(html).toContain('Acme Telecom');
    expect(html).toMatch(/class="metric metric-not-measured" data-figure="nps\.score"/);
    expect(html).not.toMatch(/data-figure="nps\.score"[^>]*>\s*0\s*</);
  });

  it('writes a Pagefind index into dist/ that covers the report bodies and the guide', async () => {
    const files = await readdir(join(dir, 'dist/pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json']));
    const entry = JSON.parse(await readFile(join(dir, 'dist/pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    const reports = (await readdir(join(dir, 'content/reports'))).filter((f) => f.endsWith('.mdx')).length;
    const docs = (await readdir(join(dir, 'content/docs')).catch(() => [])).filter((f) => f.endsWith('.mdx')).length;
    // Report bodies, the guide's pages and its index (data-pagefind-body): not the site index or the search page.
    expect(pages).toBe(reports + docs + 1);
    expect(await readFile(join(dir, 'dist/search/index.html'), 'utf8')).toContain('pagefind/pagefind-ui.js');
  });

  pdfTest('prints every report to dist/pdf/<id>.pdf with a cover and numbered pages', async () => {
    const pdfIo = io();
    expect(await main(['pdf'], pdfIo)).toBe(0);
    for (const id of ['demo', 'acme-q3']) {
      const pdf = await readFile(join(dir, `dist/pdf/${id}.pdf`));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdf.toString('latin1');
      // The page tree may nest: its root (the largest /Pages /Count) holds the total.
      const count = Math.max(0, ...[...text.matchAll(/\/Type\s*\/Pages\s*\/Count\s+(\d+)/g)].map((m) => Number(m[1])));
      // The cover, then the report: at least two pages, as many as /Type /Page objects.
      expect(count).toBeGreaterThanOrEqual(2);
      expect(text.match(/\/Type\s*\/Page\b(?!s)/g)?.length).toBe(count);
      expect(text).toMatch(/\/StructTreeRoot/);
      expect(text).toMatch(/\/Lang\s*\(en\)/);
      expect(text).not.toContain('127.0.0.1');
    }
    expect(pdfIo.stdout.at(-1)).toMatch(/^pdf: \d+ reports printed to dist\/pdf\/ \(A4\)\.$/);
  }, 120_000);

  pdfTest('prints one report on Letter paper', async () => {
    expect(await main(['pdf', 'acme-q3', '--format', 'Letter'], io())).toBe(0);
    const text = (await readFile(join(dir, 'dist/pdf/acme-q3.pdf'))).toString('latin1');
    expect(text).toMatch(/\/MediaBox\s*\[0 0 612 792\]/);
  }, 60_000);

  it('refuses to print without a built site, saying what to run', async () => {
    const p = memoryIo(join(dir, 'content'));
    expect(await main(['pdf'], p)).toBe(1);
    expect(p.stderr).toEqual(['gapreport pdf: dist/ has no built site — run npm run build first.']);
    expect(await stat(join(dir, 'content/dist')).catch(() => undefined)).toBeUndefined();
  });
});
