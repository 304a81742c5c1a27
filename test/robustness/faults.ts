/**
 * Helpers for the fault-injection suites: run the miniature build (swap-driver.ts) or the
 * real CLI as a child process with GAPREPORT_FAULT and other variables, kill it by timer,
 * make sites of known content, and mount small tmpfs file systems (full, read-only, a
 * mount point as dist/) when this machine lets us (root in a container usually can).
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { BUILD_MARKER, BUILD_MARKER_TEXT } from '../../src/build/swap-fs';
import { REPO } from './site';

const DRIVER = join(REPO, 'test/robustness/swap-driver.ts');

let driverJs: string | undefined;
/**
 * The driver bundled to one JavaScript file (esbuild, with a source map), once per test process:
 * plain `node` starts it in a fraction of the time tsx takes to compile it at every run, so the
 * seeded kills land inside the build steps rather than in the compiler's start-up.
 */
function driver(): string {
  if (!driverJs) {
    const out = join(mkdtempSync(join(tmpdir(), 'gapreport-driver-')), 'swap-driver.mjs');
    buildSync({ entryPoints: [DRIVER], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: 'inline', logLevel: 'error' });
    driverJs = out;
  }
  return driverJs;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** When to send SIGKILL: after a number of milliseconds, or as soon as a condition (polled every 10 ms) holds. */
export type Kill = number | { when: () => boolean };

/** Runs a node script (tsx registered) with extra variables; `kill` sends SIGKILL by timer or on an observed state. */
export function runNode(args: string[], options: { cwd?: string; env?: Record<string, string>; kill?: Kill; tsx?: boolean } = {}): Promise<Exit> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...(options.tsx === false ? [] : ['--import', 'tsx']), ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, CI: 'true', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const kill = options.kill;
    const timer =
      kill === undefined
        ? undefined
        : typeof kill === 'number'
          ? setTimeout(() => child.kill('SIGKILL'), kill)
          : setInterval(() => {
              if (kill.when()) child.kill('SIGKILL');
            }, 10);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}

/** The miniature build: prepare, write `files` files labelled `label`, mark, swap into outDir. */
export const runDriver = (outDir: string, label: string, files: number, env: Record<string, string> = {}, kill?: Kill) =>
  runNode(['--enable-source-maps', driver(), outDir, label, String(files)], { env, kill, tsx: false });

/** `gapreport build` in a project folder, as CI runs it (the entry point registers tsx itself). */
export const runBuild = (root: string, args: string[] = [], env: Record<string, string> = {}, kill?: Kill) =>
  runNode([join(REPO, 'scripts/gapreport.mjs'), 'build', ...args], { cwd: root, env, kill, tsx: false });

/** True once Astro has begun writing pages into a build's temporary folder beside `dist/` (`.dist.tmp-<pid>/…/*.html`). */
export function astroWritingPages(root: string): boolean {
  for (const name of readdirSync(root)) {
    if (!/^\.dist\.tmp-\d+$/.test(name)) continue;
    try {
      if (readdirSync(join(root, name), { recursive: true }).some((f) => String(f).endsWith('.html'))) return true;
    } catch {
      // The folder was renamed or removed between the listing and the look inside.
    }
  }
  return false;
}

/** What the driver writes for a label: relative path → text (plus the build marker). */
export function driverSite(label: string, files: number): Record<string, string> {
  const site: Record<string, string> = { [BUILD_MARKER]: BUILD_MARKER_TEXT };
  for (let i = 0; i < files; i++) site[i % 2 ? `reports/r${i}/index.html` : `page-${i}.html`] = `${label}:${i}\n`;
  return site;
}

export function writeSite(dir: string, site: Record<string, string>): void {
  for (const [path, text] of Object.entries(site)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Temporary folders of builds beside outDir (ours hidden, and the names of earlier versions). */
export const leftoversBeside = (parent: string) =>
  readdirSync(parent)
    .filter((n) => /\.(tmp|old|trash)-\d/.test(n))
    .sort();
/** Staging folders of a contents switch inside a mount point. */
export const stagingInside = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.gapreport-next-') || n.startsWith('.gapreport-prev-'));

/** mulberry32, seeded, the same sequence on every machine (one definition: scripts/bench/generate.ts), so a failing seed can be replayed. */
export { random } from '../../scripts/bench/generate';

/** Why tmpfs cannot be mounted here, or undefined when it can (then the tmpfs tests run). */
export function mountUnavailable(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'gapreport-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `mount -t tmpfs is not permitted here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const mountTmpfs = (dir: string, size: string) => {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
};
export const remount = (dir: string, mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, dir]);
export const unmount = (dir: string) => new Promise<void>((done) => execFile('umount', ['-l', dir], () => done()));

/** Fills a file system until at most `leaveBytes` are free (one file, removed to free it again). */
export function fill(dir: string, leaveBytes: number): string {
  const free = Number(execFileSync('df', ['--output=avail', '-B1', dir]).toString().split('\n')[1]);
  const file = join(dir, 'filler.bin');
  writeFileSync(file, Buffer.alloc(Math.max(0, free - leaveBytes)));
  return file;
}
