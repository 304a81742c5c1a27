/**
 * Entity pages at scale (issue 15): `npx tsx scripts/bench/entities.ts [10 100 1000]`. For each
 * count it writes the chain demo with that many outlets (about 29 respondents each, four waves)
 * into bench/out/entities-<n>/, then, in a child process per count so peak memory is its own:
 * the analysis with `per: outlet` (one pass, every entity's figures), the size of those figures,
 * and the cost of composing every entity page's figures (src/build/entities.ts, what a page pays
 * before its components render). Prints one row per count; nothing fails on time.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChainFiles, CHAIN_REGIONS, CHAIN_SEED } from '../demo/chain.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const OUT = join(ROOT, 'bench/out');

async function one(n: number): Promise<void> {
  const { analyzeWith } = await import('../../src/engines/run-fs.ts');
  const { entityPageFigures, entityPages } = await import('../../src/build/entities.ts');
  const { resolveMetric } = await import('../../src/analysis/metric-id.ts');
  const { AnalysisOptionsSchema } = await import('../../src/schemas/report.ts');
  const dir = join(OUT, `entities-${n}`);
  const started = performance.now();
  const result = await analyzeWith('memory', dir, AnalysisOptionsSchema.parse({ per: 'outlet' }));
  const analysis = (performance.now() - started) / 1000;
  if (!result.figures) {
    // A refusal is a result too (e.g. the segment limit of src/data/limits.ts): print it as the row.
    process.stdout.write(`${JSON.stringify({ entities: n, refused: result.problems[0]?.message ?? 'no figures' })}\n`);
    return;
  }
  const pages = entityPages(result.figures);
  const composeStart = performance.now();
  for (const page of pages) {
    const f = entityPageFigures(result.figures, page.name);
    if (f) for (const id of ['nps.score', 'parent.nps.score', 'entity.rank.nps', 'entity.tests.nps.p_holm']) resolveMetric(f, id);
  }
  const perPage = (performance.now() - composeStart) / pages.length;
  const mib = JSON.stringify(result.figures).length / 2 ** 20;
  const rss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ entities: pages.length, rows: result.figures.waves.reduce((a, w) => a + w.n, 0), analysis, mib, perPage, rss })}\n`);
}

async function main(counts: number[]): Promise<void> {
  process.stdout.write('entities  respondents  analysis (s)  figures (MiB)  compose/page (ms)  peak RSS (MiB)\n');
  for (const n of counts) {
    const dir = join(OUT, `entities-${n}`);
    await mkdir(dir, { recursive: true });
    const perRegion = Math.max(1, Math.round(n / CHAIN_REGIONS.length));
    for (const [name, text] of Object.entries(buildChainFiles(CHAIN_SEED, perRegion))) await writeFile(join(dir, name), text);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', String(n)], { cwd: ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    if (r.refused) {
      process.stdout.write(`${String(r.entities).padStart(8)}  refused: ${r.refused}\n`);
      continue;
    }
    process.stdout.write(
      `${String(r.entities).padStart(8)}  ${String(r.rows).padStart(11)}  ${r.analysis.toFixed(2).padStart(12)}  ${r.mib.toFixed(1).padStart(13)}  ${r.perPage.toFixed(3).padStart(17)}  ${r.rss.toFixed(0).padStart(14)}\n`,
    );
  }
}

const args = process.argv.slice(2);
if (args[0] === '--one') await one(Number(args[1]));
else await main(args.length ? args.map(Number) : [10, 100, 1000]);
