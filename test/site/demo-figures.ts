import { resolve } from 'node:path';
import { computeFigures } from '../../src/build/figures-fs';
import type { Figures } from '../../src/schemas/figures';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The demo dataset's figures (Northwind Telecom, 2026-Q3), computed as `analyze` does, through the cache (the same for every locale). */
export async function demoFigures(): Promise<Figures> {
  const result = await computeFigures(ROOT, resolve(ROOT, 'data/demo'), {});
  if (!result.figures) throw new Error(`demo figures: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.figures;
}
