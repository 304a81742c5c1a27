import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, Rollup } from 'vite';

/**
 * Rollup's module cache for the server bundle, kept on disk between builds in Astro's cache folder.
 *
 * Most of the server build is transforming the same sources again: the guide's MDX (Shiki on
 * every code block), the components' .astro, the TypeScript. Rollup skips a module's transform
 * when its cache holds an entry whose source (what the load hook returned) is the text loaded now,
 * and reuses the code that entry's transform produced; this plugin writes those entries after a
 * build that succeeded and hands them to the next one (rollupOptions.cache). An edited file, a
 * virtual module whose generated text changed (the content store, the page list), anything whose
 * text differs is transformed as before, so only unchanged inputs are reused, and the output is
 * the same bytes (test/build/integration-transform-cache.test.ts).
 *
 * Not reused, because their transform has effects beyond its code: styles (Vite collects the CSS
 * as it transforms them), components whose styles or scripts are sub-modules that read the
 * component's compile (Astro keeps it in memory from the transform) unless those are cached too,
 * ids with a query or no file, modules reading the file system at transform time
 * (import.meta.glob), modules reading an environment variable (its value is inlined) and the
 * reports themselves (they are what changes, and their compile runs the MDX lint). The whole
 * cache is dropped when anything else a transform depends on changed: the installed packages, the
 * Astro and TypeScript configuration, Node, the plugins, the mode, Vite's define and env.
 */
export interface ModuleEntry {
  id: string;
  originalCode: string;
  code: string;
  meta: Record<string, unknown>;
  moduleSideEffects: boolean | 'no-treeshake';
  syntheticNamedExports: boolean | string;
  attributes: Record<string, string>;
}

/** What Astro's load hook gave a component's sub-module (a style's CSS, a script's stub). */
export interface LoadEntry {
  code: string;
  meta?: Record<string, unknown>;
}

interface CacheFile {
  key: string;
  modules: ModuleEntry[];
  /** By sub-module id. */
  loads?: Record<string, LoadEntry>;
}

const FILE = 'gapreport-server-transforms.json';
// An environment variable the transform inlines: its value is not in the source. The configuration's own (the cache key holds them) are fine.
const ENV = /import\.meta\.env(?!\.(?:BASE_URL|MODE|DEV|PROD|SSR|SITE|ASSETS_PREFIX)\b)/;
const STYLE = /\.(css|less|sass|scss|styl|stylus|pcss|postcss|sss)$/;

/** The component sub-modules (its styles, its scripts) a compiled .astro imports, which Astro serves from the compile. */
export function subModules(code: string): string[] {
  return [...code.matchAll(/["']([^"'\s]+\.astro\?astro&type=(?:style|script)[^"'\s]*)["']/g)].map((m) => m[1]);
}

/**
 * Whether a module's transform may be skipped when its source is unchanged (see above). A component
 * with styles or scripts may, when every sub-module is in `loads`: then its sub-modules are served from
 * there, as Astro would have served them from the compile the cache skipped.
 */
export function reusable(id: string, code: string, root: string, loads: ReadonlyMap<string, unknown> = new Map(), source = code): boolean {
  if (id.includes('?') || id.startsWith('\0') || !id.startsWith('/') || STYLE.test(id)) return false;
  if (!/\.(astro|mdx|md|[cm]?[jt]sx?|json)$/.test(id)) return false;
  if (id.startsWith(join(root, 'content', 'reports') + '/')) return false;
  if (/import\.meta\.glob/.test(code) || ENV.test(source)) return false;
  const subs = subModules(code);
  return subs.every((sub) => sub.startsWith(`${id}?`) && loads.has(sub)) && (subs.length > 0 || !/\?astro&type=/.test(code));
}

/** Plain JSON (objects, arrays, strings, numbers, booleans, null): what survives the cache file unchanged. */
function plainJson(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return typeof value !== 'number' || Number.isFinite(value);
  if (Array.isArray(value)) return value.every(plainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as object).every((v) => v === undefined || plainJson(v));
}

/** What a transform depends on beside its source: packages, configuration, Node, the plugins. */
function cacheKey(root: string, extra: string): string {
  const hash = createHash('sha256').update(`${process.version}\0${extra}`);
  for (const f of [
    'package-lock.json',
    'node_modules/.package-lock.json',
    'tsconfig.json',
    'astro.config.mjs',
    'astro.config.js',
    'astro.config.ts',
    'astro.config.mts',
  ]) {
    const path = join(root, f);
    hash.update(`\0${f}\0${existsSync(path) ? readFileSync(path) : '(absent)'}`);
  }
  return hash.digest('hex');
}

function readCache(file: string, key: string): { modules: ModuleEntry[]; loads: Map<string, LoadEntry> } {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (parsed.key === key && Array.isArray(parsed.modules)) return { modules: parsed.modules, loads: new Map(Object.entries(parsed.loads ?? {})) };
  } catch {
    // absent or torn: every module is transformed
  }
  return { modules: [], loads: new Map() };
}

/**
 * The plugin that hands the server build the last build's transforms (as rollup's cache) and
 * records this build's. `cacheDir` is Astro's cache folder; `extra` names whatever else shapes
 * the transforms (the integrations); `log` hears how many transforms were reused.
 */
export function serverTransformCache(cacheDir: URL, root: string, extra: string, log?: (line: string) => void): Plugin {
  const file = join(fileURLToPath(cacheDir), FILE);
  let key = '';
  let previous = new Map<string, ModuleEntry>();
  let loads = new Map<string, LoadEntry>();
  const originals = new Map<string, string>();
  let server = false; // the server build only: the client build (page scripts) is small and bundles differently
  return {
    name: 'gapreport:server-transform-cache',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      server = Boolean(config.build.ssr);
      key = cacheKey(
        root,
        `${extra}\0${config.mode}\0${config.plugins.map((p) => p.name).join(',')}\0${JSON.stringify(config.define ?? {})}\0${JSON.stringify(config.env)}`,
      );
    },
    // Rollup's input options, before it reads a module: its cache is the last build's entries.
    options(input) {
      if (!server) return null;
      const read = readCache(file, key);
      const modules = read.modules;
      loads = read.loads;
      previous = new Map(modules.map((m) => [m.id, m]));
      // Rollup's own fields for an entry it did not write: no source map chain, no transform dependencies.
      const cached = modules.map((m) => ({ ...m, sourcemapChain: [], transformDependencies: [], customTransformCache: false }));
      return { ...input, cache: { modules: cached } as unknown as Rollup.RollupCache }; // no ast (Rollup parses the code), no resolved ids (resolved again)
    },
    // A reused component's style or script: what Astro's load gave it last time (Astro has no compile of it to serve it from).
    load: {
      order: 'pre',
      handler(id) {
        const sub = server ? loads.get(id) : undefined;
        const parent = previous.get(id.split('?')[0]);
        if (!sub || !parent || !existsSync(parent.id) || readFileSync(parent.id, 'utf8').replace(/^\uFEFF/, '') !== parent.originalCode) return null;
        return { code: sub.code, meta: sub.meta };
      },
    },
    // First of every transform: the text the load hook returned, which is what the next build compares.
    transform: {
      order: 'pre',
      handler(code, id) {
        if (server) originals.set(id, code);
        return null;
      },
    },
    shouldTransformCachedModule({ id, code }) {
      return !server || !reusable(id, code, root, loads, previous.get(id)?.originalCode);
    },
    async buildEnd(error) {
      if (error || !server) return; // a failed build leaves the last good cache
      const modules: ModuleEntry[] = [];
      const loaded: Record<string, LoadEntry> = {};
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        const code = originals.get(id);
        if (info && code !== undefined && /\.astro\?astro&type=(style|script)/.test(id) && plainJson(info.meta)) loaded[id] = { code, meta: info.meta };
      }
      const subs = new Map(Object.entries(loaded));
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        const originalCode = originals.get(id) ?? previous.get(id)?.originalCode; // reused: not transformed this time
        if (!info || info.code === null || originalCode === undefined || !reusable(id, info.code, root, subs, originalCode) || !plainJson(info.meta)) continue;
        modules.push({
          id,
          originalCode,
          code: info.code,
          meta: info.meta,
          moduleSideEffects: info.moduleSideEffects,
          syntheticNamedExports: info.syntheticNamedExports,
          attributes: info.attributes,
        });
      }
      modules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const reused = [...this.getModuleIds()].filter((id) => previous.has(id) && !originals.has(id)).length;
      log?.(`server bundle: ${reused} module transform(s) reused, ${originals.size} transformed`);
      // Written beside and renamed: a build reading it meanwhile sees the old file or the new one, never half.
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(tmp, JSON.stringify({ key, modules, loads: loaded } satisfies CacheFile));
        await rename(tmp, file);
      } catch {
        await rm(tmp, { force: true }).catch(() => undefined); // a cache that cannot be written costs time, never the build
      }
    },
  };
}
