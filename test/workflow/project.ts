/** Temporary project folders for the workflow tests (never the checkout itself). */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** A copy of the project (src, content, data, config) with node_modules linked, for real builds. */
export async function copyProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gapreport-project-'));
  for (const name of ['src', 'content', 'data', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(join(ROOT, name), join(dir, name), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  // The chain demo's 120 entity pages belong to the entity tests (test/entities), not to the workflow.
  await rm(join(dir, 'content/reports/chain.mdx'), { force: true });
  await rm(join(dir, 'data/chain'), { recursive: true, force: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Astro caches the content layer under node_modules/.astro: through the symlink that cache
  // would be shared with the checkout and other copies, mixing their reports. Give it its own.
  const config = join(dir, 'astro.config.mjs');
  await writeFile(config, (await readFile(config, 'utf8')).replace('defineConfig({', "defineConfig({\n  cacheDir: './.astro-cache',"));
  return dir;
}

/** A folder holding exactly the given files (path → text). */
export async function writeProject(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gapreport-files-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

export const removeProject = (dir: string) => rm(dir, { recursive: true, force: true });
