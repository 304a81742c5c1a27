/**
 * The CLI starts without a TypeScript compiler when npm's prepare built it
 * (scripts/build-js.mjs → .gapreport/js, one esbuild bundle), and never runs a stale build:
 * a source newer than the build sends scripts/gapreport.mjs back to the sources through tsx.
 * The bundle keeps source maps (stack traces name .ts lines), the worker thread runs without
 * tsx, and `--help` loads no command's code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, fresh, ownUrl } from '../../scripts/build-js.mjs';

const root = mkdtempSync(join(tmpdir(), 'gapreport-prebuilt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, inputs = ['scripts/cli.ts', 'src/stream/range.ts']): string {
  const dir = join(root, name);
  for (const d of ['scripts', 'src/stream', '.gapreport/js']) mkdirSync(join(dir, d), { recursive: true });
  for (const f of inputs) writeFileSync(join(dir, f), 'export {};\n');
  return dir;
}
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
const stamp = (dir: string, startedSeconds: number, inputs = ['scripts/cli.ts', 'src/stream/range.ts']) =>
  writeFileSync(join(dir, '.gapreport/js/stamp.json'), JSON.stringify({ startedMs: startedSeconds * 1000, inputs }));

describe('fresh(root)', () => {
  it('is true when no source the build was made from changed after it started', () => {
    const dir = project('fresh');
    at(join(dir, 'scripts/cli.ts'), 1_000);
    at(join(dir, 'src/stream/range.ts'), 1_000);
    stamp(dir, 2_000);
    expect(fresh(dir)).toBe(true);
  });

  it('is false when one source changed after the build, so the sources run instead', () => {
    const dir = project('stale');
    at(join(dir, 'scripts/cli.ts'), 1_000);
    at(join(dir, 'src/stream/range.ts'), 3_000);
    stamp(dir, 2_000);
    expect(fresh(dir)).toBe(false);
  });

  it('is false when a source the build was made from is gone', () => {
    const dir = project('gone', ['scripts/cli.ts']);
    at(join(dir, 'scripts/cli.ts'), 1_000);
    stamp(dir, 2_000);
    expect(fresh(dir)).toBe(false);
  });

  it('is false without a build (installed without prepare, a build that failed, or the stamp of an older builder)', () => {
    expect(fresh(project('none'))).toBe(false);
    const old = project('old');
    writeFileSync(join(old, '.gapreport/js/stamp'), 'x');
    expect(fresh(old)).toBe(false);
  });
});

describe('ownUrl(source, file, outDir)', () => {
  it("gives a bundled module its source file's import.meta.url, and leaves the stream pool's pointing at the built worker", () => {
    const src = "const here = import.meta.url;\nconst w = new URL('./worker.mjs', import.meta.url);\n";
    expect(ownUrl(src, '/p/src/build/figures-fs.ts', '/p/.gapreport/js')).toBe(
      'const here = new URL("../../src/build/figures-fs.ts", import.meta.url).href;\nconst w = new URL(\'./worker.mjs\', new URL("../../src/build/figures-fs.ts", import.meta.url).href);\n',
    );
    expect(ownUrl(src, '/p/src/stream/pool.ts', '/p/.gapreport/js')).toBe(src);
    expect(ownUrl('export const a = 1;\n', '/p/src/a.ts', '/p/.gapreport/js')).toBe('export const a = 1;\n');
  });
});

describe('the bundle', () => {
  // Inside the checkout (.gapreport/ is ignored), so the bundle's external packages resolve from its node_modules.
  const out = join(fileURLToPath(new URL('../../.gapreport/', import.meta.url)), `js-test-${process.pid}`);
  beforeAll(async () => {
    await build(out);
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('names the .ts file and line in a stack trace from the built CLI', () => {
    // main(['--help']) writes through io.out; an io.out that throws shows where the CLI called it.
    const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(out, 'cli.mjs')).href)});
try { await main(['--help'], { out() { throw new Error('boom'); }, err() {}, isTTY: false, env: {}, cwd: '/' }); } catch (e) { console.log(e.stack); }`;
    const stack = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(stack).toMatch(/boom/);
    expect(stack).toMatch(/scripts\/cli\.ts:\d+:\d+/);
    expect(stack).not.toMatch(/cli\.mjs:\d+/);
  });

  it('runs the worker thread without tsx', () => {
    const worker = readFileSync(join(out, 'worker.mjs'), 'utf8');
    expect(worker).not.toMatch(/from ["']tsx/);
    expect(worker).toMatch(/parentPort/);
    expect(existsSync(join(out, 'worker.mjs.map'))).toBe(true);
  });

  it("loads no command's module and no Astro for --help", () => {
    // Every chunk cli.mjs imports statically, and every source file they were built from (their source maps).
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(out, file), 'utf8');
      expect(text).not.toMatch(/from ["']astro["']/);
      for (const m of text.matchAll(/(?:^|\n)(?:import|export)[^;(]*?["']\.\/([^"']+\.mjs)["']/g)) visit(m[1]);
    };
    visit('cli.mjs');
    const sources = [...seen].flatMap((f) => JSON.parse(readFileSync(join(out, `${f}.map`), 'utf8')).sources as string[]);
    expect(sources.some((s) => s.endsWith('scripts/cli.ts'))).toBe(true);
    expect(sources.filter((s) => /scripts\/commands\/(build|analyze|validate|pdf|check|bench|new)\.ts$/.test(s))).toEqual([]);
  });

  it('lists the sources it was built from in its stamp, so fresh() checks them', () => {
    const { inputs } = JSON.parse(readFileSync(join(out, 'stamp.json'), 'utf8')) as { inputs: string[] };
    expect(inputs).toContain('scripts/cli.ts');
    expect(inputs).toContain('src/stream/range.ts');
    expect(inputs).toContain('src/stream/worker.mjs');
    expect(inputs.some((i) => i.includes('node_modules'))).toBe(false);
  });
});
