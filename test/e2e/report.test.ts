/**
 * The published report in a real browser (Debian's Chromium, found as `gapreport pdf`
 * finds it, through playwright-core): charts visible, the page read with JavaScript off, every request
 * answered, printing on A4 and Letter. Axe-core and the screenshots of every page are test/e2e/pages.test.ts's;
 * both use the one built site of test/e2e/demo-site.ts.
 * Without Chromium the suite is skipped locally, and fails under CI=true.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, describeInChromium } from './browser';
import { demoSite } from './demo-site';
import { serveStatic } from './serve';

const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');

describeInChromium('the demo report in Chromium', (executablePath) => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    server = await serveStatic(join(await demoSite(), 'dist'));
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    await mkdir(ARTIFACTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  it('shows every chart', async () => {
    const page = await open('/reports/demo/');
    // On a desktop each chart shows its wide SVG; the narrow twin is for phones.
    const charts = page.locator('figure.chart .chart-svg--wide svg');
    expect(await charts.count()).toBeGreaterThanOrEqual(13);
    expect(
      await page.locator('figure.chart .chart-svg--narrow svg').evaluateAll((svgs) => svgs.filter((s) => s.getBoundingClientRect().width > 0).length),
    ).toBe(0);
    for (const svg of await charts.all()) {
      await expect.poll(() => svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(100);
    }
  }, 120_000);

  it('reads fully with JavaScript disabled: figures, charts and tables are in the page', async () => {
    const page = await open('/reports/demo/', { javaScriptEnabled: false });
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(13);
    expect(await page.locator('figure.chart table').count()).toBe(await page.locator('figure.chart').count());
    expect((await page.locator('[data-component="HeadlineCards"] [data-figure="nps.score"]').innerText()).trim()).toBe('+12');
    expect(await page.locator('span.metric').count()).toBeGreaterThan(30);
    const segment = page.locator('[data-segment="region"] table.figures-table');
    await expect.poll(() => segment.isVisible()).toBe(true);
    expect(await segment.locator('tr', { hasText: 'Islands' }).innerText()).toMatch(/suppressed/);
    // The chart's data table opens without JavaScript (<details>).
    const details = page.locator('figure.chart details').first();
    await details.locator('summary').click();
    expect(await details.locator('table').isVisible()).toBe(true);
  }, 60_000);

  it('answers every request of a page, the favicon included (no 404)', async () => {
    for (const path of ['/', '/reports/demo/', '/docs/', '/search/']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('response', (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${new URL(r.url()).pathname}`)));
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
      expect(failed, path).toEqual([]);
      await context.close();
    }
    for (const icon of ['/favicon.svg', '/favicon.ico']) expect((await fetch(`${server.url}${icon}`)).status, icon).toBe(200);
  }, 60_000);

  it('prints on A4 and Letter', async () => {
    const page = await open('/reports/demo/');
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, path: join(ARTIFACTS, `demo-${format}.pdf`), printBackground: true });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    }
    // No chart is taller than a Letter page's printable area, so break-inside: avoid can keep each whole.
    const tallest = await page.locator('figure.chart').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().height)));
    expect(tallest).toBeLessThan(((279 - 30) / 25.4) * 96);
  }, 120_000);
});
