import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // Browser tests find Chromium as gapreport pdf does (scripts/commands/chromium.ts); without one they skip with the
    // reason logged, except under CI=true, where they fail (test/e2e/browser.ts).
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'test/e2e/artifacts/**'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // A test that ran no assertion proves nothing: vitest fails it ("expected any number of assertion, but got none").
    expect: { requireAssertions: true },
  },
});
