/**
 * Writes the demo dataset (Northwind Telecom) to data/demo/ — or to the folder
 * given. The output is committed, so builds never need to run this.
 *
 *   npx tsx scripts/generate-demo.ts [outDir]
 *
 * Deterministic: the same seed gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDemoFiles, type DemoOptions } from './demo/index.ts';

export { buildDemoFiles, DEMO_DEFAULTS, type DemoOptions } from './demo/index.ts';

/** Generates the demo files and writes them into `outDir`; returns the paths written. */
export async function generateDemo(outDir: string, options: DemoOptions = {}): Promise<string[]> {
  const files = buildDemoFiles(options);
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(outDir, name);
    writeFileSync(path, text, 'utf8');
    written.push(path);
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && /generate-demo\.[cm]?[jt]s$/.test(resolve(process.argv[1]));

if (invokedDirectly) {
  const outDir = process.argv[2] ?? 'data/demo';
  const written = await generateDemo(outDir);
  for (const path of written) console.log(`wrote ${path}`);
}
