/**
 * `per: benchmarks` as built: a report over the chain's benchmark companies renders one page per
 * company at /reports/<id>/<slug>/ with its own NPS, its rank among the companies and its
 * position among the other seven, beside the parent page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { slugOf } from '../../src/analysis/entities-slug';
import { copyProject } from '../site/project-copy';

const TEMPLATE = `---
title: "Home retail peers — Q4 2026"
company: Hearth & Home
dataset: chain
per: benchmarks
locale: en
---

<When test="entity.of.nps > 0">This company's NPS is <Metric id="benchmarks.nps.value" />: rank <Metric id="entity.rank.nps" /> of <Metric id="entity.of.nps" /> home retailers, the <Metric id="benchmarks.nps.percentile" /> percentile of the other ones.<Otherwise>Hearth & Home's NPS is <Metric id="nps.score" />.</Otherwise></When>

<BenchmarkPosition metric="nps" />
`;

describe('a per: benchmarks report as built', () => {
  let project = '';
  let dist = '';
  const page = (path: string) => readFile(join(dist, path, 'index.html'), 'utf8');

  beforeAll(async () => {
    project = await copyProject({ chain: true });
    for (const f of ['demo.mdx', 'demo-fr.mdx', 'demo-vi.mdx', 'chain.mdx']) await rm(join(project, 'content/reports', f), { force: true });
    await writeFile(join(project, 'content/reports/peers.mdx'), TEMPLATE);
    dist = join(project, 'dist');
    const io = memoryIo(project);
    if ((await main(['build', '--out', dist], io)) !== 0) throw new Error(`build failed:\n${io.stderr.join('\n')}`);
  }, 600_000);

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('builds a page per company of benchmarks.csv, each with its own value, rank and position among the others', async () => {
    const dirs = (await readdir(join(dist, 'reports/peers'), { withFileTypes: true }))
      .filter((d) => d.isDirectory() && d.name !== 'entities')
      .map((d) => d.name);
    expect(dirs).toHaveLength(8);
    expect(dirs).toContain(slugOf('Trellis'));
    const trellis = await page(`reports/peers/${slugOf('Trellis')}`);
    expect(trellis).toMatch(/This company’s NPS is <span class="metric" data-figure="benchmarks.nps.value">\+?47<\/span>/);
    expect(trellis).toMatch(/rank <span class="metric" data-figure="entity.rank.nps">1<\/span> of <span class="metric" data-figure="entity.of.nps">8<\/span>/);
    const parent = await page('reports/peers');
    expect(parent).toContain('data-figure="nps.score"');
  });
});
