/**
 * The published site on a phone (390 px wide, an iPhone 12–15): no page scrolls sideways, every
 * chart shows its narrow layout with no text under 11 px, and a table wider than the screen
 * scrolls inside a focusable, labelled box whose caption stays on screen. Without Chromium the suite is skipped locally, and fails under CI=true.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, describeInChromium } from './browser';
import { demoSite } from './demo-site';
import { serveStatic } from './serve';

const PHONE = 390;
const PAGES = [
  '/reports/demo/',
  '/reports/demo-fr/',
  '/reports/demo-vi/',
  '/docs/',
  '/docs/components/',
  '/docs/figures/',
  '/docs/reading-charts/',
  '/docs/getting-started/',
  '/docs/data-contract/',
  '/docs/mapping-cookbook/',
  '/',
];

describeInChromium('the site on a 390 px phone', (executablePath) => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    server = await serveStatic(join(await demoSite(), 'dist'));
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: PHONE, height: 844 } })).newPage();
    expect((await page.goto(`${server.url}${path}`))?.status(), path).toBe(200);
    // Open every data table, as a reader who wants the numbers would.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    return page;
  }

  it('scrolls no page sideways: the report, the French edition and every guide page fit 390 px', async () => {
    const widths: Record<string, number> = {};
    for (const path of PAGES) widths[path] = await (await open(path)).evaluate(() => document.scrollingElement!.scrollWidth);
    expect(widths).toEqual(Object.fromEntries(PAGES.map((p) => [p, PHONE])));
  });

  it('draws every chart in its narrow layout, no chart text under 11 px, on every report page', async () => {
    for (const path of PAGES.filter((p) => p.startsWith('/reports/'))) {
      const page = await open(path);
      const charts = await page.locator('figure.chart').evaluateAll((figures) =>
        figures.map((figure) => {
          const shown = [...figure.querySelectorAll('svg')].filter((svg) => svg.getBoundingClientRect().width > 0);
          const svg = shown[0];
          // Rendered size = the text's font size in SVG units × the SVG's scale on screen.
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          return { kind: figure.getAttribute('data-chart'), shown: shown.length, narrow: !!svg.closest('.chart-svg--narrow'), smallest: Math.min(...sizes) };
        }),
      );
      expect(charts.length, path).toBeGreaterThanOrEqual(13);
      expect(
        charts.filter((c) => c.shown !== 1 || !c.narrow || !(c.smallest >= 11)),
        path,
      ).toEqual([]);
    }
  });

  it('puts every wide table in a focusable, labelled scroll box, its caption wrapped on screen', async () => {
    for (const path of ['/reports/demo/', '/reports/demo-fr/']) {
      const page = await open(path);
      const boxes = await page.locator('table').evaluateAll((tables) =>
        tables.map((t) => {
          const box = t.parentElement!;
          const caption = t.querySelector('caption')?.getBoundingClientRect();
          return {
            inBox: box.classList.contains('table-scroll'),
            focusable: box.tabIndex === 0,
            region: box.getAttribute('role') === 'region' && (box.getAttribute('aria-label') ?? '').length > 0,
            wide: t.scrollWidth > box.clientWidth,
            captionOnScreen: !caption || caption.right <= window.innerWidth,
          };
        }),
      );
      expect(boxes.length, path).toBeGreaterThan(10);
      expect(
        boxes.filter((b) => !(b.inBox && b.focusable && b.region && b.captionOnScreen)),
        path,
      ).toEqual([]);
      // The demo's channel and region tables are wider than a phone: the box scrolls them.
      expect(
        boxes.some((b) => b.wide),
        path,
      ).toBe(true);
    }
  });

  it('scrolls a wide table with the keyboard once it has focus', async () => {
    const page = await open('/reports/demo-fr/');
    const box = page.locator('[data-segment="channel"] > .table-scroll');
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((b) => b.scrollLeft)).toBeGreaterThan(0);
  });
});
