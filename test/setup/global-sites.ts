/**
 * Global setup: the shared sites (test/setup/sites.ts) that this run's files read start building
 * as the run starts, each in a child process, while the first files run on the workers. Each
 * build holds its site's lock folder meanwhile, so the readers wait for it instead of starting
 * their own; if it fails, the lock goes and the first reader builds in its own process and
 * reports the failure. Only the sites some file of the run reads (a filtered run of other files
 * starts nothing).
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { sitesRead } from './files';
import { buildInto, READY, siteDir, SITES, type SiteName } from './sites';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
  const { testFiles } = await project.globTestFiles(filters);
  const names = [...new Set(testFiles.flatMap(sitesRead))].filter((n): n is SiteName => n in SITES);
  if (!names.length) return;

  const dirs = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await siteDir(n)] as const)));
  project.provide('sharedSites', dirs);
  const running: { child?: { kill: (s: NodeJS.Signals) => void }; stopped?: boolean }[] = [];
  const builds = names.map(async (name) => {
    const dir = dirs[name]!;
    if (existsSync(join(dir, READY))) return;
    const lock = `${dir}.lock`;
    try {
      await mkdir(lock);
    } catch {
      return; // another run is building it: sharedSite() waits for that one
    }
    const state: (typeof running)[number] = {};
    running.push(state);
    try {
      const failed = await buildInto(name, dir, state);
      if (failed !== undefined && !state.stopped)
        process.stderr.write(`the shared ${name} site did not build (the first file that reads it builds it again):\n${failed}\n`);
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  });

  return async () => {
    // A run cut short (or whose readers were filtered out by name) does not leave a build running.
    for (const state of running) {
      state.stopped = true;
      state.child?.kill('SIGKILL');
    }
    await Promise.all(builds);
  };
}
