/** Helpers for the engine tests: the in-memory figures, and a 1e-9 comparison that names the first difference. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyzeDataset } from '../../src/analysis/analyze';
import { loadFolder } from '../../src/engines/load-with-fs';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { formatProblem, type Problem } from '../../src/schemas/problem';

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
export const ROOT = new URL('../../', import.meta.url).pathname;
export const OPTIONS = AnalysisOptionsSchema.parse({});

export const fixtureDirs = (kind: 'valid' | 'invalid'): string[] =>
  readdirSync(join(FIXTURES, kind))
    .sort()
    .map((n) => join(FIXTURES, kind, n));

/** The in-memory path: problems as text, or the figures (engine left out). */
export async function memoryPath(dir: string) {
  const loaded = await loadFolder(dir);
  if (!loaded.dataset) return { problems: loaded.problems.map(formatProblem) };
  const result = analyzeDataset(loaded.dataset, OPTIONS);
  return { problems: result.problems.map(formatProblem), figures: result.figures };
}

export const texts = (problems: Problem[]) => problems.map(formatProblem);

/** Paths differing by more than 1e-9 (relative beyond 1), and anything else that differs; meta.engine ignored. */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  if (path === '.meta.engine') return [];
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) ? [] : [`${path}: ${a} vs ${b}`];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}

/** The path of a dataset's responses.csv / contacts.csv, following `files:` in questionnaire.yaml. */
export function bigFiles(dir: string): string[] {
  let mapped: Record<string, string> = {};
  try {
    mapped = (parseYaml(readFileSync(join(dir, 'questionnaire.yaml'), 'utf8')) as { files?: Record<string, string> })?.files ?? {};
  } catch {
    // no or broken questionnaire: contract names
  }
  return ['responses.csv', 'contacts.csv'].map((f) => join(dir, mapped[f] ?? f)).filter((p) => existsSync(p));
}

/** Byte offsets just after each line break of a file (every place a split may land). */
export function lineBreaks(path: string): number[] {
  const bytes = readFileSync(path);
  const cuts: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) cuts.push(i + 1);
  return cuts;
}
