import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commentFigures } from '../../src/build/comments-fs';
import type { Figures } from '../../src/schemas/figures';
import { formatProblem } from '../../src/schemas/problem';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const dirs: string[] = [];
const dataset = (themes?: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'gapreport-themes-'));
  dirs.push(dir);
  cpSync(join(FIXTURES, 'hostile/hostile'), dir, { recursive: true });
  if (themes !== undefined) writeFileSync(join(dir, 'themes.yaml'), themes);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const figures = { meta: { wave: '2026-Q3', min_base: 30 } } as unknown as Figures;
const options = AnalysisOptionsSchema.parse({});

describe('commentFigures(datasetDir) for the build', () => {
  it("stops on a bad themes.yaml with the file's line and a did-you-mean", async () => {
    const r = await commentFigures(dataset('themes:\n  - id: a\n    label: { en: A }\n    keyword: { en: [x] }\n'), figures, options);
    expect(r.problems.map(formatProblem)).toEqual([
      'themes.yaml:4: key "keyword": is not a theme setting. Did you mean "keywords"?',
      'themes.yaml:2: key "keywords": is missing. Write e.g. keywords: { en: [wait, queue, on hold] }.',
    ]);
    expect(r.themes).toBeUndefined();
  });

  it('gives theme figures without the comments opt-in, and nothing without a codebook', async () => {
    const r = await commentFigures(dataset('themes:\n  - { id: script, label: { en: Script }, keywords: { en: [script] } }\n'), figures, options);
    expect(r.problems).toEqual([]);
    expect(r.comments).toBeUndefined();
    expect(r.themes?.script.mentions).toBeGreaterThan(0);
    expect(await commentFigures(dataset(), figures, options)).toEqual({ problems: [] });
  });
});
