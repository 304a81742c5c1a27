import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The pure core (STYLE.md): no disk, no CSV parser, no Astro — so it runs anywhere and tests stay quiet. */
const PURE = ['schemas', 'stats', 'analysis', 'charts'];
const FORBIDDEN = /^(node:|fs$|path$|papaparse|astro|@astrojs\/|@duckdb\/|playwright)/;

describe.each(PURE)('src/%s is pure', (folder) => {
  const dir = new URL(`../../src/${folder}/`, import.meta.url);
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports neither node:*, papaparse, astro nor duckdb', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    // One assertion per file, so a file with no imports is checked too (requireAssertions).
    expect(
      specifiers.filter((s) => FORBIDDEN.test(s)),
      `${folder}/${file} imports what the pure core must not`,
    ).toEqual([]);
  });
});

/** The layers (issue 11): the loader validates files and knows nothing of the figures, so src/data never imports src/analysis. */
describe('src/data stays below src/analysis', () => {
  const dir = new URL('../../src/data/', import.meta.url);
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'));
  it.each(files)('data/%s imports nothing from src/analysis', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(
      specifiers.filter((s) => /(^|\/)analysis(\/|$)/.test(s)),
      `data/${file} imports from src/analysis`,
    ).toEqual([]);
  });
});
