import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './demo-figures';

/**
 * A copy of the project a build may write into (node_modules linked, not copied), so
 * tests never race the engineers' own builds over dist/ and Astro's .astro/ cache.
 */
export async function copyProject(options: { chain?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gapreport-site-'));
  for (const p of ['src', 'content', 'data/demo', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    await cp(join(ROOT, p), join(dir, p), { recursive: true });
  // The chain demo's 120 entity pages are built only by the tests about entity pages (test/entities): the others keep their build time.
  if (options.chain) await cp(join(ROOT, 'data/chain'), join(dir, 'data/chain'), { recursive: true });
  else await rm(join(dir, 'content/reports/chain.mdx'), { force: true });
  await cp(join(ROOT, 'public'), join(dir, 'public'), { recursive: true }).catch(() => undefined);
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Astro caches the content layer under node_modules/.astro: through the symlink that cache would be
  // shared with the checkout and with the copies other test files build at the same time. Give it its own.
  const config = join(dir, 'astro.config.mjs');
  await writeFile(config, (await readFile(config, 'utf8')).replace('defineConfig({', "defineConfig({\n  cacheDir: './.astro-cache',"));
  return dir;
}
