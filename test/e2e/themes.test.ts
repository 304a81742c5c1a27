/**
 * <Themes/> in a real browser (issue 17): on the demo report in English, French and Vietnamese,
 * axe-core at any impact finds nothing inside the component, light and dark, at 1280 and 390 px;
 * with JavaScript off its three charts (shares, sentiment by theme, themes as drivers) are in the
 * page, each with its title, description and a data table that opens; the drivers chart says
 * association, not cause; the Vietnamese edition says sentiment is not available for Vietnamese.
 * Uses the one shared demo site (test/e2e/demo-site.ts). Skipped locally without Chromium, failing under CI=true.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, describeInChromium } from './browser';
import { demoSite } from './demo-site';
import { serveStatic } from './serve';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const REPORTS = ['/reports/demo/', '/reports/demo-fr/', '/reports/demo-vi/'];
const THEMES = '[data-component="Themes"]';
type Axe = { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };

describeInChromium('<Themes/> in Chromium', (executablePath) => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    server = await serveStatic(join(await demoSite(), 'dist'));
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
    const { width = 1280, ...rest } = options;
    const context = await browser.newContext({ viewport: { width, height: 900 }, ...rest });
    const page = await context.newPage();
    expect((await page.goto(`${server.url}${path}`))?.status(), path).toBe(200);
    return page;
  }

  it.each(['light', 'dark'] as const)(
    'has no axe-core violation of any impact inside <Themes/> on each edition (%s, 1280 and 390 px)',
    async (colorScheme) => {
      const found: Record<string, string[]> = {};
      for (const width of [1280, 390])
        for (const path of REPORTS) {
          const page = await open(path, { colorScheme, width });
          expect(await page.locator(THEMES).count(), path).toBe(1);
          await page.addScriptTag({ path: AXE });
          const { violations } = await page.evaluate(
            // Every violation with all its nodes; the passes are not serialised node by node (as in pages.test.ts).
            ([selector, tags]) =>
              (window as unknown as { axe: Axe }).axe.run(selector, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
            [THEMES, TAGS] as const,
          );
          if (violations.length) found[`${path} ${width}`] = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target.join(' ')}`);
          await page.context().close();
        }
      expect(found).toEqual({});
    },
    300_000,
  );

  it('reads with JavaScript off: the shares, sentiment and drivers charts with titles, descriptions and data tables', async () => {
    const page = await open('/reports/demo/', { javaScriptEnabled: false });
    const section = page.locator(THEMES);
    for (const kind of ['theme-shares', 'theme-sentiment', 'theme-drivers']) {
      const figure = section.locator(`figure.chart[data-chart="${kind}"]`);
      expect(await figure.count(), kind).toBe(1);
      expect(await figure.locator('svg title').first().textContent(), kind).not.toBe('');
      expect(await figure.locator('svg desc').first().textContent(), kind).not.toBe('');
      await figure.locator('details summary').click();
      expect(await figure.locator('details table').isVisible(), kind).toBe(true);
      expect(await figure.locator('details table tbody tr').count(), kind).toBeGreaterThan(1);
    }
    expect(await section.locator('figure.chart[data-chart="theme-drivers"] svg desc').first().textContent()).toContain('Associations, not causes');
    expect(await section.locator('figure.chart[data-chart="theme-sentiment"] details table').innerText()).toContain('All scored comments');
    await page.context().close();
  }, 120_000);

  it('says sentiment is not available for Vietnamese on the Vietnamese edition, in Vietnamese, page and methodology', async () => {
    const page = await open('/reports/demo-vi/', { javaScriptEnabled: false });
    const line = page.locator(`${THEMES} [data-sentiment="unavailable"]`);
    expect(await line.count()).toBe(1);
    expect(await line.innerText()).toMatch(/^Không có phân tích cảm xúc cho tiếng Việt/);
    expect(await page.locator('[data-methodology="sentiment"]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('AFINN-165'), expect.stringMatching(/^Không có phân tích cảm xúc cho tiếng Việt/)]),
    );
    const en = await open('/reports/demo/', { javaScriptEnabled: false });
    expect(await en.locator('[data-methodology="sentiment"]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('licence MIT'), expect.stringContaining('Sentiment not available for Vietnamese')]),
    );
    await page.context().close();
    await en.context().close();
  }, 120_000);
});
