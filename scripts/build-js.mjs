// The CLI and the stream workers as plain JavaScript, so no TypeScript compiler runs at start-up:
// `tsc --noCheck` (typescript is a pinned devDependency; type checking stays `npm run typecheck`)
// emits scripts/ and src/ with source maps into .gapreport/js (gitignored), relative imports
// get their `.js`, and the worker gets a twin without tsx. Run by npm's `prepare` (so `npm ci`
// builds it) and by `node scripts/build-js.mjs`. It never fails an install: on any error the
// stamp is removed and scripts/gapreport.mjs runs the sources through tsx, as before.
// `fresh()` says whether the build is at least as new as every source file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, '.gapreport', 'js');
const STAMP = join(OUT, 'stamp');
const SOURCES = ['scripts', 'src'];

function files(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

/** Whether the built JavaScript under `root` exists and no source file changed after it was built (else the sources run, through tsx). */
export function fresh(root = ROOT) {
  let built;
  try {
    built = statSync(join(root, '.gapreport', 'js', 'stamp')).mtimeMs;
  } catch {
    return false;
  }
  for (const dir of SOURCES) for (const f of files(join(root, dir))) if (statSync(f).mtimeMs > built) return false;
  return true;
}

/** `from './x'` → `from './x.js'` (or `./x/index.js`) where that file was emitted: Node's ESM loader wants the extension. */
export function withExtensions(file) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*)(['"])/g, (all, head, spec, tail) => {
    if (/\.(m?js|json)$/.test(spec)) return all;
    const base = resolve(dirname(file), spec);
    if (existsSync(`${base}.js`)) return `${head}${spec}.js${tail}`;
    if (existsSync(join(base, 'index.js'))) return `${head}${spec}/index.js${tail}`;
    return all;
  });
  if (fixed !== text) writeFileSync(file, fixed);
}

export function build() {
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const entries = ['scripts/cli.ts', 'src/stream/range.ts'];
  const flags = ['--outDir', OUT, '--rootDir', ROOT, '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', '--sourceMap'];
  flags.push('--noCheck', '--skipLibCheck', '--rewriteRelativeImportExtensions', '--allowImportingTsExtensions', '--types', 'node', '--resolveJsonModule');
  execFileSync(process.execPath, [tsc, ...entries, ...flags], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  for (const f of files(OUT)) if (f.endsWith('.js')) withExtensions(f);
  // The worker thread: the same file without tsx, reading the built range.js.
  const worker = readFileSync(join(ROOT, 'src/stream/worker.mjs'), 'utf8');
  const plain = worker.replace(/import \{ register \} from 'tsx\/esm\/api';\s*register\(\);\s*/, '').replace("'./range.ts'", "'./range.js'");
  if (plain === worker || /tsx/.test(plain.replace(/^\/\/.*$/gm, ''))) throw new Error('src/stream/worker.mjs no longer registers tsx as this build expects');
  writeFileSync(join(OUT, 'src/stream/worker.mjs'), plain);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return { files: files(OUT).filter((f) => f.endsWith('.js')).length, seconds: (Date.now() - started) / 1000 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const r = build();
    console.error(`gapreport: built ${r.files} JavaScript files into ${relative(ROOT, OUT)} in ${r.seconds.toFixed(1)} s`);
  } catch (e) {
    rmSync(STAMP, { force: true });
    console.error(`gapreport: could not prebuild the CLI (${e instanceof Error ? e.message.split('\n')[0] : e}); it runs from the TypeScript sources instead.`);
  }
}
