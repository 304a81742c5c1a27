/**
 * Every page of the built site (each report in each locale, the guide, the index, search), in
 * light and dark, on a desktop (1280 px) and a phone (390 px): axe-core at any impact finds
 * nothing beyond the committed baseline (test/e2e/axe-baseline.json, which holds none), and each
 * report page leaves a full-page screenshot in test/e2e/artifacts/ for a human to look at.
 * One browser, one site (test/e2e/demo-site.ts). Skipped locally without Chromium, failing under CI=true.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, describeInChromium } from './browser';
import { demoSite } from './demo-site';
import { serveStatic } from './serve';

const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
/** Allowed violations per page, scheme and width ("/reports/demo/ dark 390": ["rule-id"]): committed, and empty. */
const BASELINE: Record<string, string[]> = JSON.parse(readFileSync(resolve(import.meta.dirname, 'axe-baseline.json'), 'utf8')).allowed;
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [1280, 390] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Every HTML page of the built site as a path ("/", "/reports/demo/", "/docs/figures/"). */
async function sitePages(dist: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir)) {
      const path = join(dir, entry);
      if ((await stat(path)).isDirectory()) {
        if (!['pagefind', '_astro', 'pdf'].includes(entry)) await walk(path);
      } else if (entry === 'index.html') out.push(`/${relative(dist, dir)}/`.replace(/\/+/g, '/'));
    }
  };
  await walk(dist);
  return out.sort();
}

type Axe = { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };

describeInChromium('every page of the site, light and dark, desktop and phone', (executablePath) => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let pages: string[] = [];
  const contexts = new Map<string, BrowserContext>();

  beforeAll(async () => {
    const project = await demoSite();
    pages = await sitePages(join(project, 'dist'));
    server = await serveStatic(join(project, 'dist'));
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    await mkdir(ARTIFACTS, { recursive: true });
    for (const colorScheme of SCHEMES)
      for (const width of WIDTHS) contexts.set(`${colorScheme} ${width}`, await browser.newContext({ colorScheme, viewport: { width, height: 900 } }));
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the reports in every locale, the guide, the index and search among the pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/search/', '/docs/', '/reports/demo/', '/reports/demo-fr/', '/reports/demo-vi/']));
    expect(pages.filter((p) => p.startsWith('/docs/')).length).toBeGreaterThan(5);
  });

  // The four schemes and widths at once, each in its own browser context (its own renderer process): they
  // keep both cores busy. Concurrent tests count their assertions on their own context's expect.
  it.concurrent.for(SCHEMES.flatMap((scheme) => WIDTHS.map((width) => [scheme, width] as const)))(
    'has no axe-core violation of any impact beyond the baseline on any page (%s, %i px)',
    { timeout: 600_000 },
    async ([scheme, width], { expect }) => {
      const page = await contexts.get(`${scheme} ${width}`)!.newPage();
      const found: Record<string, string[]> = {};
      for (const path of pages) {
        expect((await page.goto(`${server.url}${path}`))?.status(), path).toBe(200);
        if (path === '/search/') await page.waitForSelector('#search input[aria-label]');
        await page.addScriptTag({ path: AXE });
        const { violations } = await page.evaluate(
          // resultTypes: every violation with all its nodes, as before; the passes are not serialised node by node
          // (axe's selector for each passing node of the charts is most of its time).
          (tags) => (window as unknown as { axe: Axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          TAGS,
        );
        const key = `${path} ${scheme} ${width}`;
        const extra = violations.filter((v) => !(BASELINE[key] ?? []).includes(v.id));
        if (extra.length) found[key] = extra.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')}`);
        if (path.startsWith('/reports/')) await page.screenshot({ path: join(ARTIFACTS, `${path.split('/')[2]}-${width}-${scheme}.png`), fullPage: true });
      }
      expect(found).toEqual({});
      await page.close();
    },
  );
});
