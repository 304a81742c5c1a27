/**
 * Which test files need a process of their own, and which are heavy, read from each file's text
 * (so a new test file is placed by what it does, not by a list to keep up to date).
 *
 * A file needs its own process when it builds a site in this process (Astro keeps state between
 * builds: a second build in one process leaves server chunks in dist/), runs the CLI or a browser,
 * mocks modules or changes process-wide state (environment variables, the clock, the working
 * folder). Every other file is a pure test of modules and shares a worker with the files before
 * it: Vitest then loads each module once per worker instead of once per file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

const OWN_PROCESS = [
  /\bmain\(\s*\[/, // the CLI in this process
  /\b(makeProject|copyProject|demoSite|sharedSite|copyOfSite|runBuild|runNode|runDriver|buildInProcess)\b/,
  /from 'astro(\/[^']*)?'|experimental_AstroContainer/,
  /\bvi\.(do)?(un)?mock\b|\bvi\.(stubEnv|stubGlobal|useFakeTimers|resetModules)\b/,
  /process\.env(\.\w+|\[[^\]]+\])\s*=(?!=)|delete process\.env|process\.chdir|process\.umask/,
  /from '(node:)?child_process'/,
  /from 'playwright(-core)?'|Chromium\(/, // a browser (not the word in a list of forbidden imports)
];

/** Marks of work that takes seconds: a site build, a browser, the CLI as a child process, the linters over the repository. */
const HEAVY: [RegExp, number][] = [
  [/\bmain\(\s*\[\s*'build'|\bbuild\((root|first|second|dir|project)\b|\brunBuild\(|\bbuildInProcess\(/g, 10],
  [/\b(copyProject|makeProject)\(/g, 5],
  [/\bchromium\.launch\(|\bnewContext\(/g, 4],
  [/\brunDriver\(|\brunNode\(/g, 2],
  [/\bESLint\b|\bprettier\b/g, 10],
];

/** The shared sites a file reads (test/setup/sites.ts): built in the background from the start of the run. */
const SHARED_SITE = /\b(?:sharedSite|copyOfSite)\('(\w+)'/g;
const DEMO_SITE = /\bdemoSite\(/;

export function testFiles(): string[] {
  const dir = join(ROOT, 'test');
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.ts') && !f.startsWith('e2e/artifacts'))
    .map((f) => join(dir, f))
    .sort();
}

const text = (file: string) => readFileSync(file, 'utf8');
export const needsOwnProcess = (file: string) => OWN_PROCESS.some((re) => re.test(text(file)));
/** The names of the shared sites a file reads: 'demo' for demoSite(), the name given to sharedSite() or copyOfSite(). */
export function sitesRead(file: string): string[] {
  const t = text(file);
  return [...new Set([...(DEMO_SITE.test(t) ? ['demo'] : []), ...[...t.matchAll(SHARED_SITE)].map((m) => m[1]!)])];
}

/** A rough cost, to start the longest files first (one slow file started last would leave a core idle at the end). */
export function weight(file: string): number {
  const t = text(file);
  return HEAVY.reduce((sum, [re, w]) => sum + (t.match(re)?.length ?? 0) * w, 0);
}

/** Files of this run that need their own process, as paths relative to the project (for `include`). */
export const ownProcessFiles = () =>
  testFiles()
    .filter(needsOwnProcess)
    .map((f) => relative(ROOT, f));
