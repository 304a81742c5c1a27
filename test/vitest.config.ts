import { defineConfig } from 'vitest/config';
import { ownProcessFiles } from './setup/files';
import HeavyFirst from './setup/sequencer';

const OWN_PROCESS = ownProcessFiles();

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // Browser tests find Chromium as gapreport pdf does (scripts/commands/chromium.ts); without one they skip with the
    // reason logged, except under CI=true, where they fail (test/e2e/browser.ts).
    // The files are split between the two projects below (a project's include and exclude add to these).
    exclude: ['node_modules/**', 'dist/**', 'test/e2e/artifacts/**'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Vitest's default on two cores is one worker (cores − 1): every file would wait for the one before it.
    // Two workers keep both cores busy; the site builds and browsers are I/O- and process-heavy enough to overlap.
    maxWorkers: 2,
    // Longest first (test/setup/sequencer.ts), so the run does not end on one slow file.
    sequence: { sequencer: HeavyFirst },
    // A test that ran no assertion proves nothing: vitest fails it ("expected any number of assertion, but got none").
    expect: { requireAssertions: true },
    projects: [
      {
        // Files that build sites, run the CLI or a browser, mock modules or change process-wide state
        // (test/setup/files.ts): each in a fresh process, as before.
        extends: true,
        test: {
          name: 'own-process',
          include: OWN_PROCESS,
          isolate: true,
          // The shared sites (the demo with its PDFs, the hostile report) that files only read or copy,
          // each built once, in the background from the start of the run (test/setup/sites.ts, global-sites.ts).
          globalSetup: ['test/setup/global-sites.ts'],
        },
      },
      {
        // Pure module tests share a worker: each module is loaded once per worker, not once per file.
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: OWN_PROCESS, isolate: false },
      },
    ],
  },
});
