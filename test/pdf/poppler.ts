/**
 * poppler-utils (pdftoppm, pdftotext), which the PDF page checks read printed pages with. Like
 * Chromium (test/e2e/browser.ts), a missing tool skips the suite locally with the reason
 * logged, and fails it under CI=true, where .ci/run installs poppler-utils.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const TOOLS = ['pdftoppm', 'pdftotext'] as const;

/** The poppler tools that do not run here (`-v` prints the version and exits 0). */
export function popplerMissing(run = (cmd: string) => spawnSync(cmd, ['-v'], { encoding: 'utf8' })): string[] {
  return TOOLS.filter((tool) => {
    const r = run(tool);
    return r.error !== undefined || r.status !== 0;
  });
}

/** describe(name, body) when poppler runs; otherwise a logged skip, or under CI=true one failing test naming what is missing. */
export function describeWithPoppler(name: string, body: () => void, env: NodeJS.ProcessEnv = process.env): void {
  const missing = popplerMissing();
  if (!missing.length) return void describe(name, body);
  const reason = `${missing.join(' and ')} not found: install poppler-utils (apt-get install -y poppler-utils).`;
  if (env.CI === 'true') return void describe(name, () => it('has poppler-utils to read the PDF with (required under CI=true)', () => expect.fail(reason)));
  console.warn(`skipped "${name}": ${reason} Under CI=true this fails instead.`);
  describe.skip(name, body);
}
