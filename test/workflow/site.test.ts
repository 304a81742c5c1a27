import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { itInChromium } from '../e2e/browser';
import { pdfUris } from './pdf-links';
import { copyProject, removeProject } from './project';

/**
 * End to end in a copy of the project: scaffold a report, build the site (with its search
 * index), print the PDFs. Without a browser the PDF tests are skipped (logged), and fail under CI.
 */
let dir: string;
let built = -1;
const io = (env: Record<string, string> = {}) => memoryIo(dir, { PATH: process.env.PATH, GAPREPORT_CHROMIUM: process.env.GAPREPORT_CHROMIUM, ...env });

/** A report whose body links into the site (the guide, another report, its downloads) and out of it. */
const LINKS_REPORT = `---
title: "Links in print"
company: Acme Telecom
dataset: demo
locale: en
---

## Where to read more

How each figure is computed: [the guide](/docs/figures/). The same data in [the demo report](/reports/demo/).
The figures as [CSV](/reports/links/figures.csv) and [JSON](/reports/links/figures.json).
Background: [SERVQUAL](https://en.wikipedia.org/wiki/SERVQUAL).

NPS is <Metric id="nps.score" />.
`;
const EXTERNAL = 'https://en.wikipedia.org/wiki/SERVQUAL';
const INTERNAL = ['docs/figures/', 'reports/demo/', 'reports/links/figures.csv', 'reports/links/figures.json'];

beforeAll(async () => {
  dir = await copyProject();
  expect(await main(['new', 'acme-q3', '--company', 'Acme Telecom', '--segments', 'channel,region'], io())).toBe(0);
  await writeFile(join(dir, 'content/reports/links.mdx'), LINKS_REPORT);
  const buildIo = io();
  built = await main(['build', '--drafts'], buildIo); // the scaffold is a draft (draft: true)
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

  it('a plain build makes no PDFs and links none from the report pages', async () => {
    expect(built).toBe(0);
    expect(await stat(join(dir, 'dist/pdf')).catch(() => undefined)).toBeUndefined();
    expect(await readFile(join(dir, 'dist/reports/demo/index.html'), 'utf8')).not.toContain('/pdf/demo.pdf');
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

  itInChromium(
    'prints every report to dist/pdf/<id>.pdf with a cover and numbered pages',
    async () => {
      const pdfIo = io();
      expect(await main(['pdf'], pdfIo)).toBe(0);
      for (const id of ['demo', 'acme-q3', 'links']) {
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
    },
    120_000,
  );

  itInChromium(
    'without --site-url, unlinks the links into the site and keeps the external ones',
    async () => {
      expect(await main(['pdf', 'links'], io())).toBe(0);
      const uris = pdfUris(await readFile(join(dir, 'dist/pdf/links.pdf')));
      expect(uris).toEqual([EXTERNAL]);
    },
    60_000,
  );

  const SITE = 'https://reports.example.com/cx/';
  for (const [how, args, env] of [
    ['--site-url', ['--site-url', SITE], {}],
    ['GAPREPORT_SITE_URL', [], { GAPREPORT_SITE_URL: SITE }],
  ] as const) {
    itInChromium(
      `with ${how}, points the links into the site at the published site`,
      async () => {
        expect(await main(['pdf', 'links', ...args], io(env))).toBe(0);
        const uris = pdfUris(await readFile(join(dir, 'dist/pdf/links.pdf')));
        expect([...uris].sort()).toEqual([...INTERNAL.map((path) => SITE + path), EXTERNAL].sort());
      },
      60_000,
    );
  }

  itInChromium(
    'prints one report on Letter paper',
    async () => {
      expect(await main(['pdf', 'acme-q3', '--format', 'Letter'], io())).toBe(0);
      const text = (await readFile(join(dir, 'dist/pdf/acme-q3.pdf'))).toString('latin1');
      expect(text).toMatch(/\/MediaBox\s*\[0 0 612 792\]/);
    },
    60_000,
  );

  itInChromium(
    "build --pdf puts every report's PDF into the new site and links it from the report page",
    async () => {
      const buildIo = io();
      expect(await main(['build', '--pdf'], buildIo)).toBe(0);
      const ids = await readdir(join(dir, 'dist/reports'));
      expect(ids).toEqual(expect.arrayContaining(['demo', 'links']));
      for (const id of ids) {
        const pdf = await readFile(join(dir, `dist/pdf/${id}.pdf`));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const html = await readFile(join(dir, `dist/reports/${id}/index.html`), 'utf8');
        expect(html).toMatch(new RegExp(`<a href="/pdf/${id}\\.pdf" type="application/pdf" data-pdf>PDF</a>`));
      }
      // No temporary folder is left beside dist/: the PDFs were printed inside the swapped-in site.
      expect((await readdir(dir)).filter((f) => f.startsWith('.dist') || f.startsWith('dist.'))).toEqual([]);
    },
    300_000,
  );

  itInChromium(
    'a second build --pdf writes byte-identical PDFs (no creation date)',
    async () => {
      const first = await readFile(join(dir, 'dist/pdf/demo.pdf'));
      expect(first.toString('latin1')).not.toMatch(/\/(CreationDate|ModDate)/);
      const again = io();
      expect({ code: await main(['build', '--pdf'], again), stderr: again.stderr.filter((l) => /gapreport/.test(l)) }).toEqual({ code: 0, stderr: [] });
      expect((await readFile(join(dir, 'dist/pdf/demo.pdf'))).equals(first)).toBe(true);
    },
    300_000,
  );

  it('refuses to print without a built site, saying what to run', async () => {
    const p = memoryIo(join(dir, 'content'));
    expect(await main(['pdf'], p)).toBe(1);
    expect(p.stderr).toEqual(['gapreport pdf: dist/ has no built site — run npm run build first.']);
    expect(await stat(join(dir, 'content/dist')).catch(() => undefined)).toBeUndefined();
  });
});
