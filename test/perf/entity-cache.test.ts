/**
 * Issue 15's rebuild target, for a `per:` report (the chain demo: 120 outlets): an MDX-only
 * edit of the template — its text, a component, the description — rebuilds from the cached
 * figures, every entity's among them, without reading the data again; a setting the figures
 * depend on (min_base) or a changed data row recomputes. Through reportsFigures, the seam
 * `gapreport build` and the Astro loader use.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportsFigures } from '../../src/build/pipeline-fs';
import { readReports } from '../../src/build/reports-fs';
import { ROOT } from '../site/demo-figures';

const root = mkdtempSync(join(tmpdir(), 'gapreport-entity-cache-'));
cpSync(join(ROOT, 'data/chain'), join(root, 'data/chain'), { recursive: true });
mkdirSync(join(root, 'content/reports'), { recursive: true });
const mdx = join(root, 'content/reports/chain.mdx');
const template = readFileSync(join(ROOT, 'content/reports/chain.mdx'), 'utf8');
writeFileSync(mdx, template);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function build() {
  const { reports, problems } = await readReports(root);
  expect(problems).toEqual([]);
  const { results } = await reportsFigures(root, reports);
  expect(results).toHaveLength(1);
  expect(results[0].figures?.entities?.per).toBe('outlet');
  return results[0];
}

describe('a per: report through the figures cache', () => {
  it('reuses every entity’s figures after an MDX-only edit of the template, bit for bit', async () => {
    const cold = await build();
    expect(cold.reused).toBe(false);
    expect(Object.keys(cold.figures!.entities!.values)).toHaveLength(120);
    // Text, a component and the description change; no setting the figures depend on.
    writeFileSync(
      mdx,
      template
        .replace(/^description: .*$/m, 'description: "Edited: every outlet on its own page."')
        .replace('## Summary', '## Summary, edited\n\nA new sentence on every outlet page: <Metric id="nps.score" />.\n\n<LeagueTable metric="nps" />'),
    );
    const edited = await build();
    expect(edited.report.text).not.toBe(cold.report.text);
    expect(edited.reused).toBe(true);
    expect(JSON.stringify(edited.figures)).toBe(JSON.stringify(cold.figures));
  });

  it('recomputes when a setting the figures depend on changes (min_base), and when one data row changes', async () => {
    writeFileSync(mdx, template.replace('per: outlet', 'per: outlet\nmin_base: 12'));
    expect((await build()).reused).toBe(false);
    writeFileSync(mdx, template);
    expect((await build()).reused).toBe(true);
    const csv = join(root, 'data/chain/responses.csv');
    const text = readFileSync(csv, 'utf8');
    const lines = text.split('\n');
    lines[1] = lines[1].replace(/,(\d),/, (_, d: string) => `,${d === '5' ? '4' : '5'},`);
    writeFileSync(csv, lines.join('\n'));
    expect((await build()).reused).toBe(false);
  });
});
