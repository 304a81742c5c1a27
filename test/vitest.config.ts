import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // test/e2e runs in a real browser (/usr/bin/chromium); it skips itself when Chromium is absent, except under CI=true.
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'test/e2e/artifacts/**'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // A test that ran no assertion proves nothing: vitest fails it ("expected any number of assertion, but got none").
    expect: { requireAssertions: true },
  },
});
