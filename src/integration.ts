import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { ReportFigures } from './build/pipeline-fs';
import { astroLintPlugin } from './build/lint-astro';

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
  return {
    name: 'gapreport',
    hooks: {
      // Astro runs each integration's setup in order, so the last gapreport()'s options stand.
      'astro:config:setup': ({ config, command, updateConfig }) => {
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
        if (command === 'build' && config.cacheDir && !vitePlugins.some((p) => p?.name === DATA_STORE_PLUGIN))
          updateConfig({ vite: { plugins: [dataStoreAtRunTime(new URL('data-store.json', config.cacheDir))] } });
      },
      // The server bundle runs once, in this process, to render the pages, and is then deleted: Rollup's
      // tree-shaking (most of Vite's time here) would only drop code nobody calls. Its CSS and pages are the same.
      'astro:build:setup': ({ target, updateConfig }) => {
        if (target === 'server') updateConfig({ build: { rollupOptions: { treeshake: false } } });
      },
    },
  };
}

const DATA_STORE_PLUGIN = 'gapreport:data-store-at-run-time';

/**
 * Astro's build inlines the whole content layer store (.astro-cache/data-store.json: every
 * report's figures, several MB) into the server bundle as one JavaScript literal, which Vite
 * then parses, transforms and writes out again: the largest module of the build. The server
 * bundle only runs in this process, right after it is built, on this machine: it can read the
 * same JSON when the pages render instead. The store Astro unflattens is the same array, so
 * the pages are byte for byte the same. In builds only (astro dev watches the store itself).
 */
function dataStoreAtRunTime(file: URL): Plugin {
  const resolved = '\0astro:data-layer-content';
  return {
    name: DATA_STORE_PLUGIN,
    apply: 'build',
    load: {
      order: 'pre',
      handler(id) {
        if (id !== resolved || !existsSync(file)) return null; // no store: Astro's own empty Map
        const path = JSON.stringify(fileURLToPath(file));
        return { code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${path}, 'utf8'));\n`, map: { mappings: '' } };
      },
    },
  };
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
