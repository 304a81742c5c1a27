/**
 * The project turns Astro's telemetry and its "new version available" check off in
 * astro.config.mjs, so `npm run dev`, `astro build` and `gapreport build` send nothing and
 * print no upgrade notice. Checked in a child process with both variables unset (tsx loads the
 * config as Astro does: it imports the TypeScript integration).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

const PROBE = `
const { AstroTelemetry } = await import('@astrojs/telemetry');
const { shouldCheckForUpdates } = await import(new URL('node_modules/astro/dist/core/dev/update-check.js', 'file://' + process.cwd() + '/').href);
// Preferences as on a machine that never checked: the check would run but for the switch.
const preferences = { get: async (key) => (key === 'checkUpdates.enabled' ? true : 0) };
const before = { telemetry: new AstroTelemetry({ astroVersion: '5.18.2', viteVersion: '6' }).isDisabled, update: await shouldCheckForUpdates(preferences) };
await import(new URL('astro.config.mjs', 'file://' + process.cwd() + '/').href);
const after = { telemetry: new AstroTelemetry({ astroVersion: '5.18.2', viteVersion: '6' }).isDisabled, update: await shouldCheckForUpdates(preferences) };
console.log(JSON.stringify({ before, after }));
`;

describe('Astro telemetry and update check', () => {
  it('are off once astro.config.mjs is loaded', () => {
    // No CI variables either: ci-info would skip the update check by itself under CI.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(ASTRO_|CI$|GITHUB_ACTIONS$|CONTINUOUS_INTEGRATION$|BUILD_NUMBER$|RUN_ID$)/.test(k)),
    );
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
      cwd: ROOT,
      env: { ...env, XDG_CONFIG_HOME: '/nonexistent-gapreport-test' },
      encoding: 'utf8',
    });
    const { before, after } = JSON.parse(out.trim().split('\n').at(-1)!);
    // Before the config, nothing is disabled (the probe itself is sound)…
    expect(before).toEqual({ telemetry: false, update: true });
    // …after it, both are.
    expect(after).toEqual({ telemetry: true, update: false });
  });
});
