/**
 * Part of the test command: the layering rules (eslint.config.mjs: the pure core does no I/O,
 * src/stats imports only itself, src/data knows nothing of the figures) and one formatting
 * (Prettier, .prettierrc.json) hold over the whole source, so a review never argues about either.
 * Both keep a cache keyed by each file's content (and their configuration) under
 * node_modules/.cache, so a run re-checks only the files changed since the last one.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const cache = (name: string) => ['--cache', '--cache-strategy', 'content', '--cache-location', join(ROOT, 'node_modules/.cache', name)];
const run = (name: string, args: string[]) =>
  new Promise<{ status: number | null; output: string }>((done) => {
    const child = spawn(bin(name), args, { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => done({ status: null, output: String(error) }));
    child.on('close', (status) => done({ status, output: output.trim() }));
  });

// ESLint and Prettier at once, each its own process (two cores); concurrent tests assert on their own context's expect.
describe.concurrent('the source', () => {
  it('breaks no layering rule (ESLint: no-restricted-imports per layer)', async ({ expect }) => {
    const r = await run('eslint', ['--max-warnings', '0', ...cache('gapreport-eslint'), '.']);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  }, 300_000);

  it('is formatted as Prettier formats it (npx prettier --write . fixes it)', async ({ expect }) => {
    const r = await run('prettier', ['--check', ...cache('gapreport-prettier'), '.']);
    expect(r.status, r.output).toBe(0);
  }, 300_000);
});
