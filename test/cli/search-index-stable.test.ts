/**
 * Pagefind writes filter values from a hash map, so the entity facets of per: reports made
 * the search index (filter files, the metadata naming them, pagefind-entry.json) differ from
 * one build to the next. stableSearchFiles sorts them and renames by content: two Pagefind
 * runs over the same pages give the same files, and Pagefind's own client in Chromium still
 * lists every facet value and filters by it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { stableSearchFiles, type SearchFile } from '../../scripts/commands/search-index-stable';
import { sortedEntry } from '../../scripts/commands/search-index';
import { CHROMIUM_ARGS, itInChromium } from '../e2e/browser';
import { serveStatic } from '../e2e/serve';

const REGIONS = ['North', 'South', 'Central'];
const page = (i: number) =>
  `<!doctype html><html lang="en"><head><title>Outlet ${i}</title></head><body><main data-pagefind-body><h1>Outlet ${i}</h1>` +
  `<span data-pagefind-filter="region">${REGIONS[i % 3]}</span><span data-pagefind-filter="entity">Outlet ${String(i).padStart(2, '0')}</span>` +
  `<p>Service at outlet ${i} was reliable.</p></main></body></html>`;

async function pagefindFiles(): Promise<SearchFile[]> {
  const pagefind = await import('pagefind');
  try {
    const { index } = await pagefind.createIndex({});
    for (let i = 0; i < 30; i++) await index!.addHTMLFile({ url: `/outlets/${i}/`, content: page(i) });
    return (await index!.getFiles()).files.map((f) => ({ path: f.path, content: f.content }));
  } finally {
    await pagefind.close().catch(() => null);
  }
}

const digest = (files: SearchFile[]) =>
  Object.fromEntries(
    files.map((f) => [
      f.path,
      createHash('sha256')
        .update(f.path === 'pagefind-entry.json' ? sortedEntry(f.content) : f.content)
        .digest('hex'),
    ]),
  );

describe('a search index with facets', () => {
  it('is the same, file for file, from two Pagefind runs over the same pages', async () => {
    const first = digest(stableSearchFiles(await pagefindFiles()));
    const second = digest(stableSearchFiles(await pagefindFiles()));
    expect(Object.keys(first).filter((p) => p.startsWith('filter/'))).toHaveLength(2);
    expect(second).toEqual(first);
  }, 120_000);

  it('leaves files that carry no filter as Pagefind wrote them', async () => {
    const files = await pagefindFiles();
    const stable = new Map(stableSearchFiles(files).map((f) => [f.path, f.content]));
    const untouched = files.filter((f) => !/^filter\/|\.pf_meta$|^pagefind-entry\.json$/.test(f.path));
    expect(untouched.length).toBeGreaterThan(30);
    for (const f of untouched) expect(Buffer.from(stable.get(f.path)!).equals(Buffer.from(f.content)), f.path).toBe(true);
  }, 120_000);

  itInChromium(
    "is read by Pagefind's client: every facet value listed, and a filter finds its page",
    async (executablePath) => {
      const dir = mkdtempSync(join(tmpdir(), 'gapreport-stable-index-'));
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      const server = await serveStatic(dir);
      try {
        for (const f of stableSearchFiles(await pagefindFiles())) {
          const path = join(dir, 'pagefind', f.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, f.path === 'pagefind-entry.json' ? sortedEntry(f.content) : f.content);
        }
        writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><title>t</title><body></body></html>');
        const tab = await browser.newPage();
        await tab.goto(`${server.url}/`);
        // A string, so the test runner's transform leaves the browser's own import() alone.
        const result = (await tab.evaluate(`(async () => {
          const pagefind = await import('/pagefind/pagefind.js');
          await pagefind.init();
          const filters = await pagefind.filters();
          const found = await pagefind.search(null, { filters: { entity: 'Outlet 07' } });
          const urls = await Promise.all(found.results.map(async (r) => (await r.data()).url));
          return { regions: filters.region, entities: Object.keys(filters.entity ?? {}).length, urls };
        })()`)) as { regions: Record<string, number>; entities: number; urls: string[] };
        expect(result.regions).toEqual({ Central: 10, North: 10, South: 10 });
        expect(result.entities).toBe(30);
        expect(result.urls).toEqual(['/outlets/7/']);
      } finally {
        await browser.close();
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
