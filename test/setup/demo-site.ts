/**
 * Global setup: the demo site the browser suites read (test/e2e/demo-site.ts) starts building as
 * the run starts, in a child process (`gapreport build --pdf` in a copy of the project, as CI
 * runs it), while the first files run on the workers. It holds demoSite()'s lock folder meanwhile,
 * so the suites wait for this build instead of starting their own; if it fails, the lock goes and
 * the first suite builds in its own process and reports the failure. Only when the run includes a
 * file that reads the site (a filtered run of other files starts nothing).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { demoSiteDir } from '../e2e/demo-site';
import { copyProject } from '../site/project-copy';
import { ROOT, readsDemoSite } from './files';

/** The CLI as a user runs it: prebuilt JavaScript when fresh, else the sources through tsx (scripts/gapreport.mjs). */
function build(project: string): { child: ChildProcess; done: Promise<{ code: number; log: string }> } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  const child = spawn(process.execPath, [join(ROOT, 'scripts/gapreport.mjs'), 'build', '--pdf'], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const done = new Promise<{ code: number; log: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: 1, log: `${log}\n${String(error)}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, log: signal ? `${log}\nkilled by ${signal}` : log }));
  });
  return { child, done };
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
  const { testFiles } = await project.globTestFiles(filters);
  if (!testFiles.some(readsDemoSite)) return;

  const dir = await demoSiteDir();
  project.provide('demoSite', dir);
  const lock = `${dir}.lock`;
  if (existsSync(join(dir, '.ready'))) return;
  try {
    await mkdir(lock);
  } catch {
    return; // another run is building it: demoSite() waits for that one
  }
  const copy = await copyProject();
  let running: ChildProcess | undefined;
  let stopping = false;
  const finished = (async () => {
    try {
      // A second try, as demoSite() does: Astro's build can trip over another build of the same node_modules.
      for (let attempt = 0; attempt < 2 && !stopping; attempt++) {
        const { child, done } = build(copy);
        running = child;
        const { code, log } = await done;
        running = undefined;
        if (code === 0) {
          await rm(dir, { recursive: true, force: true });
          await rename(copy, dir);
          await writeFile(join(dir, '.ready'), new Date().toISOString());
          return;
        }
        if (attempt === 1 && !stopping) process.stderr.write(`demo site build failed (the first suite that needs it builds it again):\n${log}\n`);
      }
    } finally {
      await rm(lock, { recursive: true, force: true });
      await rm(copy, { recursive: true, force: true });
    }
  })();

  return async () => {
    // A run cut short (or whose readers were filtered out by name) does not leave a build running.
    stopping = true;
    running?.kill('SIGKILL');
    await finished;
  };
}
