/**
 * Golden SVG files: compared byte for byte. Rewritten only with UPDATE_GOLDEN=1, never
 * when CI=true; a missing golden is written locally (first run) but fails under CI.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const DIR = new URL('../golden/', import.meta.url);

export function expectGolden(name: string, svg: string): void {
  const file = new URL(`${name}.svg`, DIR);
  const ci = process.env.CI === 'true';
  const content = `${svg}\n`;
  if (!ci && (process.env.UPDATE_GOLDEN === '1' || !existsSync(file))) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, content);
    // A rewrite is still a checked step: the file now holds exactly this output.
    expect(readFileSync(file, 'utf8')).toBe(content);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `test/golden/${name}.svg is missing. Run UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/charts locally, review it, and commit it.`,
    );
  }
  expect(content, `test/golden/${name}.svg differs; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff`).toBe(
    readFileSync(file, 'utf8'),
  );
}
