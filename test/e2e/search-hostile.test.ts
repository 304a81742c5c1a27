/**
 * Pagefind's index holds the pages' text as written; what matters is that its search UI
 * shows hostile text as text. A report built from the hostile fixture (HTML, <script>,
 * onerror attributes, javascript: URLs in titles, segments and comments) is searched in
 * Chromium, and nothing in the results may run or become an element.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { sharedSite } from '../setup/sites';
import { CHROMIUM_ARGS, describeInChromium } from './browser';
import { serveStatic } from './serve';

describeInChromium('site search over hostile text, in Chromium', (executablePath) => {
  let root = '';
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    // The hostile report alone in its project, built once for every file that reads it (test/setup/sites.ts).
    root = await sharedSite('hostile');
    server = await serveStatic(join(root, 'dist'));
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['Hostile', 'script', 'onerror', 'alert'])(
    'shows results for "%s" as text: no dialog, no injected element',
    async (query) => {
      const page = await (await browser.newContext()).newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('.pagefind-ui__result, .pagefind-ui__message', { timeout: 20_000 });
      // Results show placeholders (". . .", class pagefind-ui__loading) until their fragments load: on a busy
      // machine that takes more than a moment. Wait for the real text, so the checks below read it.
      await page.waitForFunction(() => !document.querySelector('#search .pagefind-ui__loading'), undefined, { timeout: 30_000 });
      await page.waitForTimeout(500);
      const injected = await page.evaluate(() => ({
        images: document.querySelectorAll('#search img').length,
        scripts: [...document.querySelectorAll('#search script')].length,
        handlers: [...document.querySelectorAll('#search *')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        jsLinks: [...document.querySelectorAll('#search a')].filter((a) => a.getAttribute('href')?.trim().toLowerCase().startsWith('javascript:')).length,
      }));
      expect(dialogs).toEqual([]);
      expect(injected).toEqual({ images: 0, scripts: 0, handlers: 0, jsLinks: 0 });
      if (query === 'Hostile') expect(await page.locator('.pagefind-ui__result-title').first().textContent()).toContain('<script>');
    },
    60_000,
  );
});
