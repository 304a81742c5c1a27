/**
 * The printed demo editions (en, fr, vi) as a reader turns their pages: `gapreport build --pdf`
 * in a copy of the project (the browser suites' one site, test/e2e/demo-site.ts), each PDF rendered by poppler (`pdftoppm -r 30 -gray`) and read back
 * (`pdftotext`). No page is more than a quarter blank except the one before a new top-level
 * section; no page ends on a heading; captions print no larger than the body text.
 * Needs Chromium and poppler-utils: skipped locally without them, failing under CI=true.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, describeInChromium } from '../e2e/browser';
import { demoSite } from '../e2e/demo-site';
import { serveStatic } from '../e2e/serve';
import { largestHole, parsePgm } from './blank-area';
import { describeWithPoppler } from './poppler';

const EDITIONS = ['demo', 'demo-fr', 'demo-vi'];
/** The largest hole a page may have, as a share of its printable height, unless a top-level section follows. */
const MAX_HOLE = 0.25;
/** The site's print margins (src/styles/site.css, @page) and the resolution the pages are rendered at. */
const PAGE = { dpi: 30, marginTopMm: 15, marginBottomMm: 15 };

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
/** The text of every `<tag …>…</tag>` (or of elements with the class) in the page. */
const texts = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => squash(decode(m[1])));

describeInChromium('the printed demo editions', (executablePath) => {
  describeWithPoppler('read back with poppler', () => {
    let project = '';
    let pages = '';
    const read: Record<string, { holes: number[]; text: string[]; sections: string[]; headings: string[] }> = {};

    beforeAll(async () => {
      project = await demoSite();
      pages = await mkdtemp(join(tmpdir(), 'gapreport-pages-'));
      for (const id of EDITIONS) {
        const pdf = join(project, 'dist/pdf', `${id}.pdf`);
        execFileSync('pdftoppm', ['-r', String(PAGE.dpi), '-gray', pdf, join(pages, id)]);
        const files = (await readdir(pages)).filter((f) => f.startsWith(`${id}-`) && f.endsWith('.pgm')).sort();
        const holes = await Promise.all(files.map(async (f) => largestHole(parsePgm(await readFile(join(pages, f))), PAGE)));
        // Each page's text without the footer (the report's name, then "n / N").
        const text = files.map((_, i) => {
          const lines = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' })
            .split('\n')
            .map(squash)
            .filter(Boolean);
          return lines.slice(0, /^\d+ \/ \d+$/.test(lines.at(-1) ?? '') ? -2 : undefined).join('\n');
        });
        const html = await readFile(join(project, 'dist/reports', id, 'index.html'), 'utf8');
        const sections = texts(html, /<h2[^>]*>([\s\S]*?)<\/h2>/g);
        const headings = [...sections, ...texts(html, /<h[34][^>]*>([\s\S]*?)<\/h[34]>/g), ...texts(html, /<p class="chart-title"[^>]*>([\s\S]*?)<\/p>/g)];
        read[id] = { holes, text, sections, headings };
      }
    }, 600_000);

    afterAll(async () => {
      if (pages) await rm(pages, { recursive: true, force: true });
    });

    it.each(EDITIONS)(`leaves no page of %s more than ${MAX_HOLE * 100} % blank, except before a new top-level section`, (id) => {
      const { holes, text, sections } = read[id];
      expect(holes.length).toBeGreaterThan(8);
      const starts = (i: number) => text[i + 1]?.split('\n')[0] ?? '';
      // The cover and the contents page end where the report starts; the last page ends the report.
      const opensSection = (i: number) => i + 1 >= text.length || i < 2 || sections.some((s) => s.startsWith(starts(i)) || starts(i).startsWith(s));
      const holey = holes
        .map((h, i) => ({ page: i + 1, blank: `${Math.round(h * 100)} %`, next: starts(i), h }))
        .filter((p, i) => p.h > MAX_HOLE && !opensSection(i));
      expect(holey.map(({ page, blank, next }) => ({ page, blank, next }))).toEqual([]);
    });

    it.each(EDITIONS)('ends no page of %s on a heading: each keeps at least a line of what follows', (id) => {
      const { text, headings } = read[id];
      const endings = text.slice(2).map((t, i) => ({ page: i + 3, last: t.split('\n').at(-1) ?? '' }));
      expect(endings.filter(({ last }) => last.length > 3 && headings.some((h) => h === last || (h.endsWith(last) && last.length > 12)))).toEqual([]);
    });

    it('prints captions at the body text size or smaller', async () => {
      const server = await serveStatic(join(project, 'dist'));
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        await page.emulateMedia({ media: 'print' });
        await page.goto(`${server.url}/reports/demo/`);
        const sizes = await page.evaluate(() => {
          const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
          const body = px(document.querySelector('.report p:not([class])') ?? document.body);
          const captions = [...document.querySelectorAll('figcaption, caption, .chart-description, .table-note')].map(px);
          return { body, captions: captions.length, largest: Math.max(...captions) };
        });
        expect(sizes.captions).toBeGreaterThan(10);
        expect(sizes.largest).toBeLessThanOrEqual(sizes.body);
      } finally {
        await browser.close();
        await server.close();
      }
    });
  });
});
