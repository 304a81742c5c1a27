/**
 * A throw-away copy of the project for build tests: src, astro.config.mjs, tsconfig.json,
 * package.json (and public/ when present), node_modules symlinked, content/reports
 * replaced by the given reports, data/ by the given dataset folders. `gapreport build`
 * takes its root from io.cwd, so the copy builds exactly like a checkout.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';

export const REPO = new URL('../../', import.meta.url).pathname;
export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

export interface ProjectSpec {
  /** Report id → MDX text. */
  reports: Record<string, string>;
  /** Dataset name → a folder to copy into data/<name>. */
  datasets: Record<string, string>;
}

export function makeProject(spec: ProjectSpec, prefix = 'gapreport-site-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['src', 'public', 'content/docs', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    if (existsSync(join(REPO, entry))) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  // Astro caches the content layer under node_modules/.astro by default: through the symlink
  // that cache would be shared with the checkout (and other copies), mixing their reports.
  const config = join(root, 'astro.config.mjs');
  writeFileSync(config, readFileSync(config, 'utf8').replace('defineConfig({', "defineConfig({\n  cacheDir: './.astro-cache',"));
  mkdirSync(join(root, 'content/reports'), { recursive: true });
  for (const [id, text] of Object.entries(spec.reports)) writeFileSync(join(root, 'content/reports', `${id}.mdx`), text);
  for (const [name, dir] of Object.entries(spec.datasets)) cpSync(dir, join(root, 'data', name), { recursive: true });
  return root;
}

/**
 * `gapreport build` in the copy, in its own process as CI runs it: a second Astro build in
 * one process leaves server chunks (chunks/*.mjs, manifest_*.mjs) in the new dist/.
 */
export function build(root: string, ...args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(REPO, 'scripts/gapreport.mjs'), 'build', ...args],
      { cwd: root, env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** The same, in this process through main() and memoryIo (what unit tests of the CLI use). */
export async function buildInProcess(root: string, ...args: string[]) {
  const io = memoryIo(root);
  const code = await main(['build', ...args], io);
  return { code, stderr: io.stderr.join('\n'), stdout: io.stdout.join('\n') };
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Every file under dir (relative paths, sorted). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** sha256 of every file under dir. */
export function hashTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

/** A file's text as a reader or crawler could get it: gzip (Pagefind fragments) inflated. */
export function textOf(path: string): string {
  let bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes.toString('utf8');
}

/** Every published file's text, by relative path. */
export function publishedTexts(dist: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dist).map((f) => [f, textOf(join(dist, f))]));
}
