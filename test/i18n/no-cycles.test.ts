import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Relative imports and re-exports of a module, type-only ones included (they tie modules together for tsc and madge alike). */
function relativeImports(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\b[^'";]*?(?:\bfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
}

/** The import graph of src/: each .ts/.astro file → the src files it imports (an .astro file's frontmatter only). */
function importGraph(): Map<string, string[]> {
  const files = new Set(
    readdirSync(SRC, { recursive: true })
      .map(String)
      .filter((f) => /\.(ts|astro)$/.test(f))
      .map((f) => join(SRC, f)),
  );
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const source = file.endsWith('.astro') ? (text.split(/^---$/m)[1] ?? '') : text;
    const targets = relativeImports(source).flatMap((spec) => {
      const base = resolve(dirname(file), spec);
      const hit = [base, `${base}.ts`, join(base, 'index.ts')].find((p) => files.has(p) && existsSync(p));
      return hit ? [hit] : [];
    });
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle a depth-first walk meets, as the files in import order (what `madge --circular` lists). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const walk = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) return void found.push(path.slice(at));
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) walk(next);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) walk(file);
  return found;
}

describe('the import graph of src/', () => {
  it('has no cycle (charts, i18n and schemas included)', () => {
    const graph = importGraph();
    const named = cycles(graph).map((c) => c.map((f) => relative(SRC, f)).join(' → '));
    expect(named).toEqual([]);
  });

  it('sees the imports that could close a cycle: type-only, re-exports and .astro frontmatter', () => {
    expect(relativeImports("import type { A } from './a';\nexport { b } from '../b';\nimport * as C from './c/index';\nimport 'd3';")).toEqual([
      './a',
      '../b',
      './c/index',
    ]);
    const graph = importGraph();
    const deps = (f: string) => (graph.get(join(SRC, f)) ?? []).map((p) => relative(SRC, p));
    expect(deps('layouts/Base.astro')).toContain('i18n/index.ts');
    expect(deps('i18n/locales/index.ts')).toEqual(['i18n/locales/en.ts', 'i18n/locales/fr.ts', 'i18n/locales/vi.ts']);
  });

  it('reports a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});
