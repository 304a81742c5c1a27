import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
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
