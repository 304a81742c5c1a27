/**
 * The site's search index (Pagefind), written into the freshly rendered site before it is
 * swapped into dist/ — a failed index leaves the last good dist/ in place. Only elements
 * marked `data-pagefind-body` (report bodies, the guide) are indexed; suppressed figures
 * and verbatim comments never reach the HTML, so they cannot reach the index either.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

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
    for (const file of built.files) {
      const path = join(out, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    return { pages: added.page_count, errors: [] };
  } catch (error) {
    return { pages: 0, errors: [(error as Error).message] };
  } finally {
    // The index runs in a child process; close it so the CLI can exit.
    await pagefind.close().catch(() => null);
  }
}
