/**
 * One built demo site for every browser suite (test/e2e, test/pdf): `gapreport build --pdf` in a
 * copy of the project, once per content of the sources. The copy lives in the temp folder under
 * a hash of src/, content/, data/demo/, public/ and the config, so suites running in parallel
 * processes, and later runs over unchanged sources, reuse it instead of building again; a lock
 * folder makes the others wait for the one that builds. Under test/vitest.config.ts the run's
 * global setup (test/setup/demo-site.ts) starts that build in a child process as the run starts
 * and provides its folder: the suites wait for it instead of building, and read one site per run
 * even when the sources change meanwhile.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inject } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { copyProject } from '../site/project-copy';
import { ROOT } from '../site/demo-figures';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the global setup builds the demo site into (test/setup/demo-site.ts). */
    demoSite?: string;
  }
}

const INPUTS = ['src', 'content', 'data/demo', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'scripts'];
/** A lock older than this is a build that died: the next suite takes over. */
export const STALE_MS = 15 * 60_000;

async function files(path: string): Promise<string[]> {
  const s = await stat(path).catch(() => undefined);
  if (!s) return [];
  if (!s.isDirectory()) return [path];
  const entries = await readdir(path);
  return (await Promise.all(entries.sort().map((e) => files(join(path, e))))).flat();
}

/** A digest of every input file's path and bytes. */
export async function sourcesKey(root = ROOT): Promise<string> {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of await files(join(root, input)))
      hash
        .update(relative(root, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where the demo site of the current sources is (or will be) built. */
export const demoSiteDir = async () => join(tmpdir(), `gapreport-e2e-${await sourcesKey()}`);

/** The folder the global setup builds into, when this file runs under a config that has one. */
function provided(): string | undefined {
  try {
    return inject('demoSite');
  } catch {
    return undefined; // imported outside a Vitest worker
  }
}

/** The built demo site's project folder (its `dist/` holds the site and `dist/pdf/` the three PDFs). */
export async function demoSite(): Promise<string> {
  const dir = provided() ?? (await demoSiteDir());
  const ready = join(dir, '.ready');
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(ready)) return dir;
    try {
      await mkdir(lock);
      break;
    } catch {
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (age > STALE_MS) await rm(lock, { recursive: true, force: true });
      else await sleep(1000);
    }
  }
  try {
    if (existsSync(ready)) return dir;
    const project = await copyProject();
    // A second try: Astro's build can trip over another build of the same node_modules running at that moment.
    let io = memoryIo(project);
    if ((await main(['build', '--pdf'], io)) !== 0 && (await main(['build', '--pdf'], (io = memoryIo(project)))) !== 0) {
      await rm(project, { recursive: true, force: true });
      throw new Error(`build --pdf failed:\n${[...io.stdout, ...io.stderr].join('\n')}`);
    }
    await rm(dir, { recursive: true, force: true });
    await rename(project, dir);
    await writeFile(ready, new Date().toISOString());
    return dir;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
