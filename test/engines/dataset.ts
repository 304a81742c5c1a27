/** Small datasets written into a temporary folder for the engine tests, removed after the file's tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const Q =
  'scale: { min: 1, max: 7 }\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\n  - { id: care, dimension: empathy, text: Cares }\n';

/** A `dataset(name, files)` writer whose folders are removed when the test file ends. */
export function tempDatasets(prefix: string): (name: string, files: Record<string, string>) => string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return (name, files) => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    return dir;
  };
}
