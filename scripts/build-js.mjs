// The CLI and the stream workers as plain JavaScript, so no TypeScript compiler runs at start-up:
// esbuild (a pinned dependency; type checking stays `npm run typecheck`) bundles scripts/cli.ts
// and the stream worker into .gapreport/js (gitignored), every npm package left external, each
// command a chunk of its own loaded only when it runs (so `--help` loads the help and nothing
// else), with source maps so stack traces name .ts lines. Run by npm's `prepare` (so `npm ci`
// builds it) and by `node scripts/build-js.mjs`. It never fails an install: on any error the
// stamp is removed and scripts/gapreport.mjs runs the sources through tsx, as before.
// `fresh()` says whether the build is at least as new as every source file it was built from.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, '.gapreport', 'js');
/** The bundle's entry: scripts/gapreport.mjs imports `main` from it. */
export const ENTRY = join(OUT, 'cli.mjs');
const STAMP = 'stamp.json';

/**
 * Whether the built JavaScript under `root` exists and none of the source files it was built
 * from changed (or went) since the build started; else the sources run, through tsx. One stat
 * per bundled source (the stamp lists them), nothing else read: this runs at every start-up.
 */
export function fresh(root = ROOT) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, '.gapreport', 'js', STAMP), 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(stamp.inputs) || typeof stamp.startedMs !== 'number' || stamp.inputs.length === 0) return false;
  for (const input of stamp.inputs) {
    const s = statSync(join(root, input), { throwIfNoEntry: false });
    if (!s || s.mtimeMs > stamp.startedMs) return false;
  }
  return true;
}

/**
 * A module's own `import.meta.url` — the source file's, as under tsx — for every module but the
 * stream pool, whose `new URL('./worker.mjs', import.meta.url)` must find the built worker
 * beside the bundle's chunks. Modules that locate the project from their own path
 * (src/build/figures-fs.ts, scripts/bench/entities.ts) then find it as they do from the sources.
 */
export function ownUrl(source, file, outDir = OUT) {
  if (!source.includes('import.meta.url') || file.endsWith(`${sep}src${sep}stream${sep}pool.ts`)) return source;
  const rel = relative(outDir, file).split(sep).join('/');
  return source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
}

/** Bundles into `outDir` (default .gapreport/js, where scripts/gapreport.mjs looks; a test builds elsewhere). */
export async function build(outDir = OUT) {
  const startedMs = Date.now();
  const { build: esbuild } = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: [
      { in: 'scripts/cli.ts', out: 'cli' },
      // The worker thread (src/stream/pool.ts starts ./worker.mjs beside itself): the same file, its tsx registration a no-op.
      { in: 'src/stream/worker.mjs', out: 'worker' },
    ],
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'error',
    plugins: [
      {
        name: 'gapreport-prebuilt',
        setup(b) {
          b.onResolve({ filter: /^tsx\/esm\/api$/ }, () => ({ path: 'tsx-api', namespace: 'no-tsx' }));
          b.onLoad({ filter: /.*/, namespace: 'no-tsx' }, () => ({ contents: 'export function register() {}\n', loader: 'js' }));
          b.onLoad({ filter: /\.[cm]?ts$/ }, (args) => ({ contents: ownUrl(readFileSync(args.path, 'utf8'), args.path, outDir), loader: 'ts' }));
        },
      },
    ],
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes(':') && !p.startsWith('node_modules/'))
    .sort();
  writeFileSync(join(outDir, STAMP), `${JSON.stringify({ startedMs, inputs }, null, 1)}\n`);
  return {
    files: Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.mjs')).length,
    inputs: inputs.length,
    seconds: (Date.now() - startedMs) / 1000,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const r = await build();
    console.error(`gapreport: built ${r.files} JavaScript files from ${r.inputs} sources into ${relative(ROOT, OUT)} in ${r.seconds.toFixed(1)} s`);
  } catch (e) {
    rmSync(join(OUT, STAMP), { force: true });
    console.error(`gapreport: could not prebuild the CLI (${e instanceof Error ? e.message.split('\n')[0] : e}); it runs from the TypeScript sources instead.`);
  }
}
