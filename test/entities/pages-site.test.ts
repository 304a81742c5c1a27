/**
 * The chain demo's entity pages as built (issue 15): one page per outlet under /reports/chain/,
 * breadcrumbs to the parent, search facets, and privacy per page — a withheld outlet's page and
 * every sibling's page and chart carry no value of it. Then a sample of pages (the parent, a
 * published outlet, a withheld one) in Chromium with the main report's checks: readable with
 * JavaScript off and no axe-core violation of any impact (light, dark, 1280 and 390 px). One build of a project copy
 * holding only the chain report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { INCONSISTENT_OUTLET, SMALL_OUTLETS } from '../../scripts/demo/chain';
import { slugOf } from '../../src/analysis/entities-slug';
import { copyProject } from '../site/project-copy';
import { CHROMIUM_ARGS, itInChromium } from '../e2e/browser';
import { serveStatic } from '../e2e/serve';

const AXE = join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const WITHHELD = SMALL_OUTLETS[0];
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe('the chain demo’s entity pages', () => {
  let project = '';
  let dist = '';
  const page = (path: string) => readFile(join(dist, path, 'index.html'), 'utf8');

  beforeAll(async () => {
    project = await copyProject({ chain: true });
    for (const f of ['demo.mdx', 'demo-fr.mdx', 'demo-vi.mdx']) await rm(join(project, 'content/reports', f), { force: true });
    dist = join(project, 'dist');
    const io = memoryIo(project);
    if ((await main(['build', '--out', dist], io)) !== 0) throw new Error(`build failed:\n${io.stderr.join('\n')}`);
  }, 600_000);

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('builds one page per outlet beside the parent, each with breadcrumbs and search facets', async () => {
    const dirs = (await readdir(join(dist, 'reports/chain'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    // Beside the 120 outlet pages: entities/, the league table sorted by each figure.
    expect(dirs.filter((d) => d !== 'entities')).toHaveLength(120);
    expect(dirs).toContain('entities');
    const own = await page(`reports/chain/${slugOf(INCONSISTENT_OUTLET)}`);
    expect(own).toMatch(/<nav[^>]*aria-label="Breadcrumbs"[^>]*>[\s\S]*href="\/reports\/chain\/"[\s\S]*aria-current="page">Central 17 — Northampton</);
    expect(own).toContain(`data-pagefind-filter="entity[content]" content="${INCONSISTENT_OUTLET}"`);
    expect(own).toMatch(/rank <span class="metric" data-figure="entity.rank.nps">114<\/span> of <span class="metric" data-figure="entity.of.nps">114<\/span>/);
    const parent = await page('reports/chain');
    expect(parent).toContain('data-entity-index');
    expect(parent.match(/data-entity="/g)).toHaveLength(120);
  });

  it('gives a withheld outlet a page that says so and publishes no figure of it', async () => {
    const own = await page(`reports/chain/${slugOf(WITHHELD)}`);
    expect(own).toContain('Fewer than 10 respondents answered for this outlet in 2026-Q4.');
    expect(own).not.toMatch(/data-figure=|<svg|<table/);
  });

  it('leaves the withheld outlet out of every sibling’s charts and tables, and lists it without a value in the league table', async () => {
    const name = html(WITHHELD);
    const sibling = await page(`reports/chain/${slugOf(INCONSISTENT_OUTLET)}`);
    expect(sibling).not.toContain(name);
    const parent = await page('reports/chain');
    const row = parent.match(new RegExp(`<tr[^>]*data-entity="${slugOf(WITHHELD)}"[\\s\\S]*?</tr>`))![0];
    expect(
      row
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe(`— ${name} withheld (fewer than 10 respondents)`);
    // The dispersion chart and its data table name only published outlets.
    const strip = parent.match(/<figure class="chart" data-chart="dot-strip">[\s\S]*?<\/figure>/)![0];
    expect(strip).not.toContain(name);
  });

  it('gives an outlet the spread of its 113 siblings in constant size: a summary, its own row and links to the parent’s full lists', async () => {
    const own = await page(`reports/chain/${slugOf(INCONSISTENT_OUTLET)}`);
    const parent = await page('reports/chain');
    const names = [...parent.matchAll(/<tr[^>]*data-entity="[^"]+"[^>]*>[\s\S]*?<th scope="row"><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(names).toHaveLength(120);
    // The two dispersion charts name at most their two ends each; the consistency table names no sibling.
    const named = names.filter((n) => n !== html(INCONSISTENT_OUTLET) && own.includes(n));
    expect(named.length).toBeLessThanOrEqual(4);
    expect(own.match(/<figure class="chart" data-chart="dot-strip">/g)).toHaveLength(2);
    expect(own).toContain('NPS across 114 outlets');
    expect(own).toMatch(/This outlet: −\d+, rank 114 of 114\./);
    expect(own).toContain('href="/reports/chain/entities/nps/"');
    expect(own).toContain('href="/reports/chain/entities/servqual/"');
    // Consistency: this outlet's row per figure, significantly below the rest on NPS, and the link to the full table.
    const row = own.match(/<tr data-metric="nps"[^>]*>[\s\S]*?<\/tr>/)![0];
    expect(
      row
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toMatch(/^NPS −\d+ 114 of 114 below the rest [−+\d]+ [−+\d]+ – [−+\d]+ [−+\d]+ – [−+\d]+$/);
    expect(own).toMatch(/This outlet is significantly below the rest of the wave on [^<]*NPS/);
    expect(own).toContain('href="/reports/chain/#entities"');
    // The parent keeps every outlet: the full strip (a dot each) and the table naming the outlets below the rest.
    const strip = parent.match(/<figure class="chart" data-chart="dot-strip">[\s\S]*?<\/figure>/)![0];
    expect(strip.match(/<tr>/g)!.length).toBeGreaterThanOrEqual(114);
    expect(parent).toContain(`>${html(INCONSISTENT_OUTLET)}</a>`);
  });

  it('re-sorts the league table by a link, without JavaScript: one static index page per figure', async () => {
    const parent = await page('reports/chain');
    expect(parent).toContain('href="/reports/chain/entities/servqual/"');
    const bySq = await page('reports/chain/entities/servqual');
    expect(bySq).toMatch(/<th scope="col" aria-sort="descending">\s*SERVQUAL\s*<\/th>/);
    expect(bySq.match(/<tr[^>]*data-entity="[^"]+"[^>]*>\s*<td>([^<]*)<\/td>/)![1]).toBe('1');
    expect(bySq).toMatch(/aria-label="Breadcrumbs"[\s\S]*href="\/reports\/chain\/"/);
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let server: { url: string; close: () => Promise<void> };
    const SAMPLE = ['/reports/chain/', `/reports/chain/${slugOf(INCONSISTENT_OUTLET)}/`, `/reports/chain/${slugOf(WITHHELD)}/`];

    beforeAll(async () => {
      server = await serveStatic(dist);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    itInChromium(
      'reads with JavaScript off and has no axe-core violation of any impact, light and dark, desktop and phone, on the parent, an outlet and a withheld outlet',
      async (executablePath) => {
        browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
        for (const path of SAMPLE) {
          const off = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
          expect((await off.goto(`${server.url}${path}`))?.status()).toBe(200);
          expect(await off.locator('h1').innerText()).not.toBe('');
          if (!path.endsWith(`${slugOf(WITHHELD)}/`)) expect(await off.locator('figure.chart table').count()).toBe(await off.locator('figure.chart').count());
          // Every impact, light and dark, desktop and phone — the main report's standard (test/e2e/pages.test.ts).
          for (const [colorScheme, width] of [
            ['light', 1280],
            ['dark', 1280],
            ['light', 390],
            ['dark', 390],
          ] as const) {
            const on = await (await browser.newContext({ colorScheme, viewport: { width, height: 900 } })).newPage();
            await on.goto(`${server.url}${path}`);
            await on.addScriptTag({ path: AXE });
            const result = await on.evaluate(async () => {
              const axe = (
                window as unknown as {
                  axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
                }
              ).axe;
              return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
            });
            expect([path, colorScheme, width, result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.length}`)]).toEqual([path, colorScheme, width, []]);
          }
        }
      },
      180_000,
    );
  });
});
