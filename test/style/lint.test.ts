/**
 * Part of the test command: the layering rules (eslint.config.mjs: the pure core does no I/O,
 * src/stats imports only itself, src/data knows nothing of the figures) and one formatting
 * (Prettier, .prettierrc.json) hold over the whole source, so a review never argues about either.
 * Both keep a cache keyed by each file's content (and their configuration) under
 * node_modules/.cache, so a run re-checks only the files changed since the last one.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const cache = (name: string) => ['--cache', '--cache-strategy', 'content', '--cache-location', join(ROOT, 'node_modules/.cache', name)];
const run = (name: string, args: string[]) => {
  const r = spawnSync(bin(name), args, { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
};

describe('the source', () => {
  it('breaks no layering rule (ESLint: no-restricted-imports per layer)', () => {
    const r = run('eslint', ['--max-warnings', '0', ...cache('gapreport-eslint'), '.']);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('is formatted as Prettier formats it (npx prettier --write . fixes it)', () => {
    const r = run('prettier', ['--check', ...cache('gapreport-prettier'), '.']);
    expect(r.status, r.output).toBe(0);
  });
});
