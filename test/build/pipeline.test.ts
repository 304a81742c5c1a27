/**
 * The report pipeline (src/build/pipeline-fs.ts), the one seam build, check and the Astro
 * loader share: problems placed in the project, a shared dataset computed and reported once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { figuresComputations, reportsFigures } from '../../src/build/pipeline-fs';
import { readReports } from '../../src/build/reports-fs';
import { formatProblem } from '../../src/schemas/problem';
import { removeProject, writeProject } from '../workflow/project';

const STANDARDS = 'standard_id,metric,unit,direction,target,tolerance\nwait,asa_seconds,seconds,lower,30,0.05\n';
const OPS = 'period,metric,value,n\n2026-Q3,asa_seconds,25,1000\n';
const report = (extra = '', body = 'Text.') => `---\ntitle: T\ncompany: Acme\ndataset: acme\n${extra}---\n\n${body}\n`;

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeProject));
});

async function pipeline(files: Record<string, string>, lint?: boolean) {
  const dir = await writeProject(files);
  dirs.push(dir);
  const { reports } = await readReports(dir);
  return reportsFigures(dir, reports, { lint });
}

describe('reportsFigures (one pipeline for build, check and the Astro loader)', () => {
  it('places a problem in the report settings on the report file and the line of its key', async () => {
    const { problems } = await pipeline({
      'content/reports/acme.mdx': report('min_base: 40\nlow_base: 20\n'),
      'data/acme/standards.csv': STANDARDS,
      'data/acme/operations.csv': OPS,
    });
    expect(problems.map(formatProblem)).toEqual([
      'content/reports/acme.mdx:6: frontmatter "low_base": "20" is below min_base (40). low_base marks figures that are published, so it must be at least min_base (defaults: min_base 10, low_base 30).',
    ]);
  });

  it('names a data file by its path from the project, and a shared dataset problem once with both reports', async () => {
    const bad = { 'data/acme/questionnaire.yaml': 'scale: { min: 1, max: 7 }\n', 'data/acme/responses.csv': 'respondent_id,wave,nps\nr1,2026-Q3,11\n' };
    const { problems, headers } = await pipeline({ 'content/reports/acme.mdx': report(), 'content/reports/acme-fr.mdx': report('locale: fr\n'), ...bad });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file.startsWith('data/acme/'))).toBe(true);
    expect(new Set(problems.map(formatProblem)).size).toBe(problems.length);
    expect([...headers.values()]).toEqual(['data/acme (used by acme-fr, acme):']);
  });

  it('computes a dataset once for two reports with the same settings (the French edition reuses it)', async () => {
    const before = figuresComputations();
    const { results } = await pipeline({
      'content/reports/acme.mdx': report(),
      'content/reports/acme-fr.mdx': report('locale: fr\n'),
      'data/acme/standards.csv': STANDARDS,
      'data/acme/operations.csv': OPS,
    });
    expect(figuresComputations() - before).toBe(1);
    expect(results.map((r) => [r.report.id, r.figures === undefined, r.reused])).toEqual([
      ['acme-fr', false, false],
      ['acme', false, true],
    ]);
  });

  it('refuses a report whose MDX has code, unless asked not to lint (check renders nothing)', async () => {
    const files = { 'content/reports/acme.mdx': report('', 'export const x = 1'), 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': OPS };
    expect((await pipeline(files)).problems.map((p) => `${p.file}:${p.line}`)).toEqual(['content/reports/acme.mdx:7']);
    expect((await pipeline(files, false)).problems).toEqual([]);
  });
});
