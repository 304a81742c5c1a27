/**
 * Built sites shared by every test file that only reads them: each fixture is built once per
 * content of its sources (`gapreport build` in a child process, in a copy of the project, as a
 * user runs it), in the temp folder under a hash of its inputs, so files running in parallel
 * processes, and later runs over unchanged sources, read one build instead of building again.
 * A lock folder makes the others wait for the one that builds. Under test/vitest.config.ts the
 * global setup (test/setup/global-sites.ts) starts these builds as the run starts and provides
 * their folders: the files wait for them instead of building.
 *
 * A file that changes a site (a failing build must leave it as it was, two builds at once…)
 * takes its own copy with copyOfSite(): the copy's dist/ is the shared build's, byte for byte.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inject } from 'vitest';

export const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'test/fixtures');

/** What every site's build reads from the checkout. */
const PROJECT = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'scripts'];

export interface SiteFixture {
  /** Folders and files of the checkout whose bytes the built site depends on. */
  inputs: string[];
  /** Makes the project folder the site is built in. */
  make: () => Promise<string>;
  /** The gapreport command line. */
  args: string[];
}

/** The report built from the hostile fixture (HTML, <script>, javascript: URLs in every field), alone in its project. */
export const HOSTILE = {
  reports: { hostile: readFileSync(join(FIXTURES, 'hostile/hostile.mdx'), 'utf8') },
  datasets: { hostile: join(FIXTURES, 'hostile/hostile') },
};

export const SITES = {
  /** The demo project (its three reports, the guide) with the PDFs: `gapreport build --pdf`. */
  // The project makers load only when a site is built (test/site/project-copy.ts brings the figures code with it):
  // a file that reads a built site imports nothing of the build.
  demo: { inputs: [...PROJECT, 'data/demo'], make: async () => (await import('../site/project-copy')).copyProject(), args: ['build', '--pdf'] },
  /** A project holding only the hostile report: `gapreport build`. */
  hostile: {
    inputs: [...PROJECT, 'test/fixtures/hostile', 'test/robustness/site.ts'],
    make: async () => (await import('../robustness/site')).makeProject(HOSTILE, 'gapreport-shared-hostile-'),
    args: ['build'],
  },
} satisfies Record<string, SiteFixture>;
export type SiteName = keyof typeof SITES;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folders the global setup builds the shared sites into (test/setup/global-sites.ts). */
    sharedSites?: Partial<Record<SiteName, string>>;
  }
}

/** A lock older than this is a build that died: the next reader takes over. */
export const STALE_MS = 15 * 60_000;

async function files(path: string): Promise<string[]> {
  const s = await stat(path).catch(() => undefined);
  if (!s) return [];
  if (!s.isDirectory()) return [path];
  const entries = await readdir(path);
  return (await Promise.all(entries.sort().map((e) => files(join(path, e))))).flat();
}

/** A digest of every input file's path and bytes. */
export async function sourcesKey(inputs: string[], root = ROOT): Promise<string> {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of await files(join(root, input)))
      hash
        .update(relative(root, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where a site of the current sources is (or will be) built. */
export const siteDir = async (name: SiteName) => join(tmpdir(), `gapreport-${name === 'demo' ? 'e2e' : name}-${await sourcesKey(SITES[name].inputs)}`);

/** Marks a folder whose build finished. */
export const READY = '.ready';

/**
 * `gapreport <args>` in a project folder, in a child process as a user runs it (prebuilt JavaScript
 * when fresh, else the sources through tsx: scripts/gapreport.mjs), without the test runner's variables.
 */
export function buildSite(project: string, args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  const child = spawn(process.execPath, [join(ROOT, 'scripts/gapreport.mjs'), ...args], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const done = new Promise<{ code: number; log: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: 1, log: `${log}\n${String(error)}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, log: signal ? `${log}\nkilled by ${signal}` : log }));
  });
  return { child, done };
}

/**
 * Builds a fixture into dir (a fresh copy of the project, renamed into place when its build
 * succeeds), twice at most: Astro's build can trip over another build of the same node_modules
 * running at that moment. Returns the last log when both failed. `stopped` ends it early.
 */
export async function buildInto(name: SiteName, dir: string, running: { child?: { kill: (s: NodeJS.Signals) => void }; stopped?: boolean } = {}) {
  const copy = await SITES[name].make();
  try {
    let log = '';
    for (let attempt = 0; attempt < 2 && !running.stopped; attempt++) {
      const { child, done } = buildSite(copy, SITES[name].args);
      running.child = child;
      const result = await done;
      running.child = undefined;
      if (result.code === 0) {
        await rm(dir, { recursive: true, force: true });
        await rename(copy, dir);
        await writeFile(join(dir, READY), new Date().toISOString());
        return undefined;
      }
      log = result.log;
    }
    return log || 'stopped';
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The folder the global setup builds into, when this file runs under a config that has one. */
function provided(name: SiteName): string | undefined {
  try {
    return inject('sharedSites')?.[name];
  } catch {
    return undefined; // imported outside a Vitest worker
  }
}

/** The project folder of a built fixture (its `dist/` holds the site): shared, read it, never write into it. */
export async function sharedSite(name: SiteName): Promise<string> {
  const dir = provided(name) ?? (await siteDir(name));
  const ready = join(dir, READY);
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(ready)) return dir;
    try {
      await mkdir(lock);
      break;
    } catch {
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (age > STALE_MS) await rm(lock, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    if (existsSync(ready)) return dir;
    const failed = await buildInto(name, dir);
    if (failed !== undefined) throw new Error(`gapreport ${SITES[name].args.join(' ')} of the ${name} site failed:\n${failed}`);
    return dir;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * A private copy of a built fixture, for a file that builds again in it or changes it: the sources,
 * the caches and dist/ as the shared build left them (node_modules stays a link).
 */
export async function copyOfSite(name: SiteName, prefix = `gapreport-${name}-copy-`): Promise<string> {
  const from = await sharedSite(name);
  const to = await mkdtemp(join(tmpdir(), prefix));
  await cp(from, to, { recursive: true, verbatimSymlinks: true, filter: (src) => src !== join(from, READY) });
  return to;
}
