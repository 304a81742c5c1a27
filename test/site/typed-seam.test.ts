/**
 * The figures collection is typed by its schema (content.config.ts: schema FiguresSchema) and
 * Astro.locals by src/locals.d.ts, so pages and components read both without casts: a cast
 * would hide a figures shape the schema no longer promises.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../workflow/project';

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(astro|ts)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('pages and components read figures and locals without casts', () => {
  it('has no `as Figures` nor `Astro.locals as` in src/pages or src/components', async () => {
    const casts: string[] = [];
    for (const file of [...(await sources('src/pages')), ...(await sources('src/components'))]) {
      const text = await readFile(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (/\bas Figures\b(?!\[)|\(Astro\.locals as\b|locals as \{/.test(line)) casts.push(`${file.slice(ROOT.length)}:${i + 1}`);
      });
    }
    expect(casts).toEqual([]);
  });

  it('declares the figures collection with FiguresSchema', async () => {
    const config = await readFile(join(ROOT, 'src/content.config.ts'), 'utf8');
    expect(config).toMatch(/const figures = defineCollection\(\{ loader: figuresLoader\(\), schema: FiguresSchema \}\)/);
  });
});
