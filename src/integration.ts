import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { ReportFigures } from './build/pipeline-fs';
import { astroLintPlugin } from './build/lint-astro';
import { serverTransformCache } from './build/transform-cache-fs';

/** How the site is built from a gapreport project: astro.config.mjs's gapreport(), or gapreport build's. */
export interface GapreportOptions {
  /** The project folder holding content/reports/ and data/. Default: Astro's root. */
  root?: string;
  /**
   * Figures gapreport build has just computed, by report id (reportsFigures' results): the
   * figures loader uses them instead of computing again, so a build computes each dataset once.
   */
  figures?: ReadonlyMap<string, ReportFigures>;
  /** Build reports whose frontmatter says `draft: true`. Default: on in astro dev (the live preview), off in a build. */
  drafts?: boolean;
  /** gapreport build --pdf prints every report to /pdf/<id>.pdf: the report pages link to their PDF. */
  pdf?: boolean;
}

export interface ResolvedGapreportOptions {
  root: string;
  figures?: ReadonlyMap<string, ReportFigures>;
  drafts: boolean;
  pdf?: boolean;
}

/**
 * The gapreport Astro integration. A plain `astro build` / `astro dev` uses the one in
 * astro.config.mjs (root: Astro's root); `gapreport build` adds its own through Astro's
 * inline config, which Astro appends after the file's — the last gapreport() wins.
 * The options reach the figures loader (content.config.ts) and the pages through globalThis:
 * config, content config and pages are separate module instances in one process.
 */
export function gapreport(options: GapreportOptions = {}): AstroIntegration {
  const storeKeys: string[] = []; // the data-store plugin's keys, when this gapreport() added it
  return {
    name: 'gapreport',
    hooks: {
      // Astro runs each integration's setup in order, so the last gapreport()'s options stand.
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        holder().options = {
          root: options.root ?? fileURLToPath(config.root),
          figures: options.figures,
          drafts: options.drafts ?? command === 'dev',
          pdf: options.pdf,
        };
        // The MDX lint as a remark plugin (@astrojs/mdx reads markdown.remarkPlugins at config:done): a bad
        // prop fails the report's compile in the preview's overlay. Once, however many gapreport() run.
        const plugins = (config.markdown?.remarkPlugins ?? []) as unknown[];
        const added = plugins.some((p) => (Array.isArray(p) ? p[0] : p)?.name === 'remarkGapreportLint');
        if (!added) updateConfig({ markdown: { remarkPlugins: [astroLintPlugin(() => holder().options)] } });
        const vitePlugins = ((config.vite?.plugins ?? []) as unknown[]).flat(3) as ({ name?: string } | null)[];
        // Builds only: the preview serves the store itself.
        if (command === 'build' && config.cacheDir && !vitePlugins.some((p) => p?.name === DATA_STORE_PLUGIN)) {
          const integrations = config.integrations.map((i) => i.name).join(',');
          updateConfig({
            vite: {
              // Vite's own cache (its dependency optimizer's metadata) in the project's cache folder, not node_modules/.vite:
              // a checkout's node_modules linked into another project (the bench, the tests) is not another project's cache,
              // and two projects writing one metadata file made each build re-optimize ('vite config has changed').
              cacheDir: fileURLToPath(new URL('vite/', config.cacheDir)),
              plugins: [
                handedAstroModules(),
                dataStoreAtRunTime(new URL('data-store.json', config.cacheDir), storeKeys),
                serverTransformCache(config.cacheDir, fileURLToPath(config.root), integrations, (line) => logger.info(line)),
              ],
            },
          });
        }
      },
      // The server bundle runs once, in this process, to render the pages, and is then deleted: Rollup's
      // tree-shaking (most of Vite's time here) would only drop code nobody calls. Its CSS and pages are the same.
      'astro:build:setup': ({ target, updateConfig }) => {
        if (target === 'server') updateConfig({ build: { rollupOptions: { treeshake: false } } });
      },
      // The pages have rendered: the store's text handed to the server bundle must not outlive the build in this process.
      'astro:build:done': () => {
        for (const key of storeKeys.splice(0)) dataStores().delete(key);
      },
    },
  };
}

const DATA_STORE_PLUGIN = 'gapreport:data-store-at-run-time';

/** The globalThis key under which gapreport build hands over Astro's modules content.config.ts imports (by specifier). */
export const HANDED_ASTRO = '__gapreportAstroModules';
const HANDED_ID = '\0gapreport-astro:';

/**
 * In the content sync's Vite server, content.config.ts's imports of Astro (astro/content/config,
 * astro/zod, astro/loaders) as gapreport build hands them over: the modules this process already
 * loaded, re-exported, instead of Vite compiling the fifty modules of Astro's behind them (Astro is
 * never external to Vite) for a second copy of the same functions. Elsewhere — astro build, astro
 * dev, an import not handed over — Vite resolves them as before.
 */
export function handedAstroModules(): Plugin {
  const handed = () => (globalThis as { [HANDED_ASTRO]?: Record<string, Record<string, unknown>> })[HANDED_ASTRO];
  let sync = false;
  return {
    name: 'gapreport:handed-astro-modules',
    enforce: 'pre',
    // Not `apply: 'serve'`: in astro build, that left the plugin out of the content sync's Vite server too.
    configResolved(config) {
      sync = config.command === 'serve';
    },
    resolveId(source, importer) {
      const modules = sync ? handed() : undefined;
      return modules && Object.hasOwn(modules, source) && importer !== undefined && /[\\/]content\.config\.[mc]?[jt]s$/.test(importer)
        ? HANDED_ID + source
        : null;
    },
    load(id) {
      const module = id.startsWith(HANDED_ID) ? handed()?.[id.slice(HANDED_ID.length)] : undefined;
      if (!module) return null;
      const from = `globalThis.${HANDED_ASTRO}[${JSON.stringify(id.slice(HANDED_ID.length))}]`;
      const names = Object.keys(module).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
      // `export { v as enum }`: zod's exports include words a binding cannot be named.
      const lines = names.map((k, i) => `const v${i} = m[${JSON.stringify(k)}];\nexport { v${i} as ${k} };`);
      if ('default' in module) lines.push('export default m.default;');
      return { code: `const m = ${from};\n${lines.join('\n')}\n`, map: { mappings: '' } };
    },
  };
}

/**
 * Astro's build inlines the whole content layer store (.astro-cache/data-store.json: every
 * report's figures, several MB) into the server bundle as one JavaScript literal, which Vite
 * then parses, transforms and writes out again: the largest module of the build. The server
 * bundle only runs in this process, right after it is built: this plugin reads the JSON when
 * Vite loads the module (where Astro reads it) and hands the text over on globalThis under a key
 * unique to this build; the bundle parses it when the pages render. The store Astro unflattens
 * is the same array, so the pages are byte for byte the same.
 *
 * Not the file itself at render time: another build in the same folder (two at once) rewrites it
 * between this build's load and its render. And the key, not a fixed module: Node caches the
 * bundle's chunks by URL, and a second build in one process writes its chunks to the same folder
 * under names hashed from their code, so identical code would be the first build's module,
 * store and all (a draft built by the second build had no figures). In builds only.
 */
function dataStoreAtRunTime(file: URL, keys: string[]): Plugin {
  const resolved = '\0astro:data-layer-content';
  return {
    name: DATA_STORE_PLUGIN,
    apply: 'build',
    load: {
      order: 'pre',
      async handler(id) {
        if (id !== resolved || !existsSync(file)) return null; // no store: Astro's own empty Map
        const key = randomUUID();
        dataStores().set(key, await readFile(file, 'utf8'));
        keys.push(key);
        const code = `export default JSON.parse(globalThis.${DATA_STORES}.get(${JSON.stringify(key)}));\n`;
        return { code, map: { mappings: '' } };
      },
    },
  };
}

const DATA_STORES = '__gapreportDataStores';

function dataStores(): Map<string, string> {
  const g = globalThis as { [DATA_STORES]?: Map<string, string> };
  g[DATA_STORES] ??= new Map();
  return g[DATA_STORES];
}

/** The options of the running build or dev server; undefined outside one (a unit test's loader). */
export function gapreportOptions(): ResolvedGapreportOptions | undefined {
  return holder().options;
}

/** The project folder pages read questionnaires from; the working directory outside an Astro run. */
export function projectRoot(): string {
  return holder().options?.root ?? process.cwd();
}

/** Whether this run builds drafts (astro dev, gapreport build --drafts); off outside an Astro run. */
export function buildsDrafts(): boolean {
  return holder().options?.drafts ?? false;
}

/** getCollection('reports') filter: the pages, downloads, index and search list only what this run publishes. */
export const isBuilt = (report: { data: { draft?: boolean } }): boolean => buildsDrafts() || !report.data.draft;

/** Ends a build's options (gapreport build, after Astro): its figures must not outlive it in this process. */
export function forgetGapreportOptions(): void {
  holder().options = undefined;
}

function holder(): { options?: ResolvedGapreportOptions } {
  const g = globalThis as { __gapreportOptions?: { options?: ResolvedGapreportOptions } };
  g.__gapreportOptions ??= {};
  return g.__gapreportOptions;
}
