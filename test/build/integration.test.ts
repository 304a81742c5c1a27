/**
 * The gapreport Astro integration: astro.config.mjs's gapreport() (defaults) and gapreport
 * build's own, appended by Astro's inline config — the last one's options reach the loader.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildsDrafts, forgetGapreportOptions, gapreport, gapreportOptions, isBuilt } from '../../src/integration';

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
