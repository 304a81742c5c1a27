/**
 * The site's search index (Pagefind), written into the freshly rendered site before it is
 * swapped into dist/ — a failed index leaves the last good dist/ in place. Only elements
 * marked `data-pagefind-body` (report bodies, the guide) are indexed; suppressed figures
 * and verbatim comments never reach the HTML, so they cannot reach the index either.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stableSearchFiles } from './search-index-stable';

export interface IndexResult {
  pages: number;
  errors: string[];
}

export async function writeSearchIndex(siteDir: string): Promise<IndexResult> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return { pages: 0, errors: errors.length ? errors : ['pagefind did not start'] };
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) return { pages: added.page_count, errors: added.errors };
    // The files come back in memory and are written here, so every byte is on disk before the
    // Pagefind process is closed (its own writeFiles could leave a file cut short under load).
    const built = await index.getFiles();
    if (built.errors.length > 0) return { pages: added.page_count, errors: built.errors };
    const out = join(siteDir, 'pagefind');
    // Pagefind orders filter values from a hash map; sorted (and renamed by content), the index is the same at every build.
    for (const file of stableSearchFiles(built.files)) {
      const path = join(out, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.path === ENTRY ? sortedEntry(file.content) : file.content);
    }
    return { pages: added.page_count, errors: [] };
  } catch (error) {
    return { pages: 0, errors: [(error as Error).message] };
  } finally {
    // The index runs in a child process; close it so the CLI can exit.
    await pagefind.close().catch(() => null);
  }
}

const ENTRY = 'pagefind-entry.json';

/**
 * Pagefind keeps its languages in a hash map, so pagefind-entry.json lists them (en, fr, …)
 * in a different order from one build to the next; sorted by code, two builds of the same
 * inputs are identical. Order carries no meaning for Pagefind's client: it looks a language
 * up by code and falls back to the one with most pages (now ties resolve the same way too).
 */
export function sortedEntry(content: Uint8Array): Uint8Array {
  const entry = JSON.parse(Buffer.from(content).toString('utf8')) as { languages?: Record<string, unknown> };
  if (entry.languages) entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return Buffer.from(JSON.stringify(entry));
}
