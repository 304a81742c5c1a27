/**
 * The real public exports in ../shared/datasets (beside the checkout, never copied into it)
 * import by mapping alone through data/airline, data/reputation and data/tickets, and match
 * an independent numpy computation (test/reference/exports_reference.py →
 * exports_real_expected.json) to 1e-9. A fresh clone (CI) may not have ../shared: then the
 * check is skipped with the reason — also under CI=true, because the files are not the
 * project's to ship and the committed test (exports-reference.test.ts) covers the same
 * shapes with project-made fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../../src/engines/run-fs';
import { formatProblem } from '../../src/schemas/problem';
import { OPTIONS, ROOT } from '../perf/compare';
import { close, lookup } from './exports-lookup';

const SHARED = join(ROOT, '..', 'shared', 'datasets');
const present = existsSync(SHARED);
const expected: Record<string, Record<string, number>> = JSON.parse(readFileSync(join(ROOT, 'test/reference/exports_real_expected.json'), 'utf8'));

if (!present) console.warn(`skipped "the real exports": ${SHARED} is absent (a fresh clone has no ../shared); test/data/exports-reference.test.ts covers the same shapes.`);

describe.skipIf(!present)('the real exports in ../shared/datasets, against numpy (test/reference/exports_reference.py)', () => {
  it.each(Object.keys(expected))('data/%s imports by mapping alone and matches every reference figure to 1e-9', async (name) => {
    const result = await analyzeWith('memory', join(ROOT, 'data', name), OPTIONS);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const figures = result.figures!;
    const wrong = Object.entries(expected[name]).filter(([id, want]) => !close(lookup(figures, id), want));
    expect(wrong.map(([id, want]) => `${id}: ${String(lookup(figures, id))} vs ${want}`)).toEqual([]);
  });

  it('reads cusl_1 (would recommend, 1–7) as a loyalty item, not as NPS', async () => {
    const { figures } = await analyzeWith('memory', join(ROOT, 'data', 'reputation'), OPTIONS);
    expect(figures?.nps).toBeUndefined();
    expect(figures?.constructs?.cusl).toMatchObject({ suppressed: false, items: 3 });
  });
});
