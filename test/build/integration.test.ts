/**
 * The gapreport Astro integration: astro.config.mjs's gapreport() (defaults) and gapreport
 * build's own, appended by Astro's inline config — the last one's options reach the loader.
 */
import * as zod from 'astro/zod';
import { afterEach, describe, expect, it } from 'vitest';
import { buildsDrafts, forgetGapreportOptions, gapreport, gapreportOptions, HANDED_ASTRO, handedAstroModules, isBuilt } from '../../src/integration';

afterEach(forgetGapreportOptions);

/** Runs astro:config:setup as Astro does: every integration in order, each seeing the whole list (copied, as Astro's schema copies them). */
function setup(...integrations: ReturnType<typeof gapreport>[]): void {
  setupFor('build', ...integrations);
}
function setupFor(command: 'build' | 'dev', ...integrations: ReturnType<typeof gapreport>[]) {
  const config = { root: new URL('file:///projects/acme/'), integrations: integrations.map((i) => ({ ...i })) };
  for (const i of config.integrations) (i.hooks['astro:config:setup'] as (p: unknown) => void)({ config, command, updateConfig: () => config });
}

describe('gapreport() integration options', () => {
  it("defaults the project to Astro's root, so a plain astro build needs no environment variable", () => {
    setup(gapreport());
    expect(gapreportOptions()).toEqual({ root: '/projects/acme/', figures: undefined, drafts: false });
  });
  it("lets gapreport build's own gapreport({ root, figures }), appended after the config file's, win", () => {
    const figures = new Map();
    setup(gapreport(), gapreport({ root: '/tmp/copy', figures }));
    expect(gapreportOptions()?.root).toBe('/tmp/copy');
    expect(gapreportOptions()?.figures).toBe(figures);
  });
  it('builds drafts in astro dev (the live preview) and not in a plain astro build', () => {
    setupFor('dev', gapreport());
    expect(buildsDrafts()).toBe(true);
    expect(isBuilt({ data: { draft: true } })).toBe(true);
    setupFor('build', gapreport());
    expect(buildsDrafts()).toBe(false);
    expect(isBuilt({ data: { draft: true } })).toBe(false);
    expect(isBuilt({ data: { draft: false } })).toBe(true);
  });
  it('builds drafts when gapreport build --drafts hands drafts: true', () => {
    setup(gapreport(), gapreport({ root: '/tmp/copy', drafts: true }));
    expect(isBuilt({ data: { draft: true } })).toBe(true);
  });
});

describe("handedAstroModules(): content.config.ts's Astro imports in the content sync", () => {
  type Hook = (...args: unknown[]) => unknown;
  const g = globalThis as { [HANDED_ASTRO]?: Record<string, object> };
  afterEach(() => delete g[HANDED_ASTRO]);
  /** The plugin as Vite runs it in one kind of server: the content sync's ('serve') or the server build's ('build'). */
  function plugin(command: 'serve' | 'build') {
    const p = handedAstroModules();
    (p.configResolved as Hook)({ command });
    return {
      resolve: (source: string, importer?: string) => (p.resolveId as Hook)(source, importer, {}),
      load: (id: string) => (p.load as Hook)(id) as { code: string } | null,
    };
  }

  it('resolves an import content.config.ts makes of a handed module to it, and leaves every other import to Vite', () => {
    g[HANDED_ASTRO] = { 'astro/zod': zod };
    const sync = plugin('serve');
    expect(sync.resolve('astro/zod', '/p/src/content.config.ts')).toBe('\0gapreport-astro:astro/zod');
    expect(sync.resolve('astro/zod', '/p/src/pages/index.astro')).toBeNull();
    expect(sync.resolve('astro/loaders', '/p/src/content.config.ts')).toBeNull();
    expect(plugin('build').resolve('astro/zod', '/p/src/content.config.ts')).toBeNull();
  });

  it('leaves them to Vite too when nothing was handed over (astro build, astro dev)', () => {
    expect(plugin('serve').resolve('astro/zod', '/p/src/content.config.ts')).toBeNull();
  });

  it("re-exports every export of the handed module, the same values, words no binding may be named too (zod's enum)", async () => {
    g[HANDED_ASTRO] = { 'astro/zod': zod };
    const loaded = plugin('serve').load('\0gapreport-astro:astro/zod');
    const reexported = (await import(`data:text/javascript,${encodeURIComponent(loaded!.code)}`)) as Record<string, unknown>;
    expect(Object.keys(reexported).sort()).toEqual(Object.keys(zod).sort());
    expect(reexported.enum).toBe(zod.enum);
    expect(reexported.z).toBe(zod.z);
  });
});
