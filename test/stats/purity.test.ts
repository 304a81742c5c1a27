import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/stats/', import.meta.url);

describe('src/stats is pure', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports only sibling modules', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    // One assertion per file, so a file with no imports is checked too (requireAssertions).
    expect(
      specifiers.filter((s) => !/^\.\/[a-z-]+$/.test(s)),
      `${file} imports a module outside src/stats`,
    ).toEqual([]);
  });
  it.each(files)('%s stays under 200 lines', (file) => {
    expect(readFileSync(new URL(file, dir), 'utf8').split('\n').length).toBeLessThan(200);
  });
});
