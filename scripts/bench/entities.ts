/**
 * Entity pages at scale (issue 15), as a user's build pays them: for each count of outlets
 * (10, 100, 1,000 by default) a seeded survey of `rows` responses (1M by default; every §2.2
 * column plus an `outlet` segment listed under `entities:`, scripts/bench/generate.ts) and a
 * project of one `per: outlet` report (the chain demo's template), then whole `gapreport build`
 * processes, medians of `runs`:
 *
 * - "cold": `.gapreport/` and the build's output absent, so the data are hashed, every
 *   entity's figures computed in the one pass, cached, and every page rendered and indexed;
 * - "MDX-only edit": the template's text changed, figures reused from the cache (the build
 *   log must say "reused", else the row fails), every page rendered again;
 * - "data change to one entity": with `chunk_cache: true` in the questionnaire (a cold build with it
 *   first, its own row), one row of one outlet edited (a score changed), and 1,000 rows
 *   of one outlet appended (a re-export of its rows): the figures are recomputed (the log must
 *   say "recomputed"), the stream engine reading back every chunk its per-chunk cache holds
 *   (src/stream/chunk-cache.ts) and refolding only the chunks the edit changed. The bench's
 *   rows are in random outlet order, so an outlet's rows lie in every chunk: a change to all
 *   of one outlet's rows in place would change every chunk (and refold them all).
 *
 * Per page: the MDX-only rebuild's time over its pages, and the marginal cost (the slope of
 * that time between the smallest and the largest count). Peak RSS is the build process's own
 * (`/usr/bin/time -f %M`). CPU seconds (user + system) are printed beside the wall time: on
 * a machine shared with other work, CPU time moves less than wall time does.
 *
 * `npm run bench` runs it (scripts/commands/bench.ts), `npm run bench -- --only entities` runs only
 * these rows; or `npx tsx scripts/bench/entities.ts [--rows N] [--runs K] [10 100 1000]`. Nothing fails on time.
 */
import { cp, link, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEntityData, outletName } from './generate.ts';
import { measure, runChild, type Measured, type Run } from './measure.ts';

/** The targets of issue 15 (seconds for a whole build on the 2-core machine). */
export const ENTITY_TARGETS: Record<number, number> = { 100: 15, 1000: 60 };

export interface EntityRow {
  entities: number;
  rows: number;
  cold: Measured;
  mdxOnly: Measured;
  /** Cold, with `chunk_cache: true` (chunks folded and stored). */
  chunked?: Measured;
  /** One row of one outlet edited: figures recomputed, unchanged chunks read from the chunk cache. */
  rowEdit?: Measured;
  /** 1,000 rows of one outlet appended. */
  appended?: Measured;
  /** MDX-only rebuild over its pages, ms. */
  perPageMs?: number;
}

const REPORT_ID = 'outlets';

/** The chain demo's template (content/reports/chain.mdx) on the bench dataset; its benchmark section left out (the bench data have no benchmarks.csv). */
async function template(root: string, n: number, edit: number): Promise<string> {
  const chain = await readFile(join(root, 'content/reports/chain.mdx'), 'utf8');
  const body = chain
    .replace(/^---[\s\S]*?\n---\n/, '')
    .replace(/## Against home retail\s*<BenchmarkPosition[^>]*\/>\s*/, '')
    .replace(/Hearth & Home/g, 'Bench Retail');
  const front = ['---', `title: "Outlet report, ${n} outlets"`, 'company: Bench Retail', `dataset: ${REPORT_ID}`, 'per: outlet', 'locale: en', '---', ''].join(
    '\n',
  );
  return `${front}${body}\n{/* edit ${edit} */}\n`;
}

/** A project of the one per: report over `data`, beside the checkout's sources (node_modules linked, Astro's cache its own). */
export async function project(root: string, dir: string, data: string, n: number): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  for (const p of ['src', 'content/docs', 'public', 'tsconfig.json', 'package.json'])
    await cp(join(root, p), join(dir, p), { recursive: true }).catch(() => undefined);
  const config = await readFile(join(root, 'astro.config.mjs'), 'utf8');
  await writeFile(join(dir, 'astro.config.mjs'), config.replace('defineConfig({', "defineConfig({\n  cacheDir: './.astro-cache',"));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await mkdir(join(dir, 'data', REPORT_ID), { recursive: true });
  for (const f of ['questionnaire.yaml', 'responses.csv']) await link(join(data, f), join(dir, 'data', REPORT_ID, f)); // 175 MB: linked, not copied
  await mkdir(join(dir, 'content/reports'), { recursive: true });
  await writeFile(join(dir, 'content/reports', `${REPORT_ID}.mdx`), await template(root, n, 0));
  return dir;
}

/** The CSV with the score after the outlet column (e_tan1) of data line `k` changed (7 ↔ 6, else to 7). */
export function editRow(csv: string, k: number): string {
  let at = 0;
  for (let i = 0; i < k; i++) at = csv.indexOf('\n', at) + 1;
  const end = csv.indexOf('\n', at);
  const line = csv.slice(at, end);
  const edited = line.replace(/^((?:[^,]*,){6})(\d?)/, (_, head: string, v: string) => `${head}${v === '7' ? '6' : '7'}`);
  return csv.slice(0, at) + edited + csv.slice(end);
}

/** The CSV with `count` rows of `outlet` appended, copies of its first rows under new ids (`tag` keeps each run's ids its own). */
export function appendRows(csv: string, outlet: string, count: number, tag: number): string {
  const rows: string[] = [];
  for (let at = csv.indexOf('\n') + 1; rows.length < count && at > 0 && at < csv.length;) {
    const end = csv.indexOf('\n', at);
    const line = csv.slice(at, end < 0 ? csv.length : end);
    if (line.includes(`,${outlet},`)) rows.push(line.replace(/^[^,]*/, `A${tag}-${rows.length}`));
    at = end + 1;
  }
  return `${csv}${csv.endsWith('\n') ? '' : '\n'}${rows.join('\n')}\n`;
}

/**
 * Measures the builds for each count. `step` prints and collects each Measured (bench.ts's own);
 * `log` gets progress lines.
 */
export async function entityBench(
  root: string,
  out: string,
  opts: { rows: number; runs: number; seed: number; counts: number[] },
  step: (m: Promise<Measured>) => Promise<Measured>,
  log: (s: string) => void,
): Promise<EntityRow[]> {
  const node = process.execPath;
  const rows: EntityRow[] = [];
  for (const n of opts.counts) {
    const data = await ensureEntityData(out, opts.rows, n, opts.seed, log);
    const site = await project(root, join(out, `entity-pages-${n}`, 'site'), data, n);
    const dist = join(site, 'dist');
    const build = (expectReused: boolean) => async (): Promise<Run> => {
      const r = await runChild(node, [join(root, 'scripts/gapreport.mjs'), 'build', '--out', dist], { cwd: site });
      const said = /\b(reused|recomputed) figures for data\/outlets/.exec(r.stderr)?.[1];
      // A row that measured the wrong thing fails rather than printing a number.
      if (r.code === 0 && said !== (expectReused ? 'reused' : 'recomputed'))
        return { ...r, code: 1, stderr: `${r.stderr}\nexpected ${expectReused ? 'reused' : 'recomputed'} figures, the log says ${said ?? 'nothing'}` };
      return r;
    };
    const cold = await step(
      measure(`build, ${n} entity pages, ${opts.rows.toLocaleString('en-US')} responses, cold (figures computed)`, opts.runs, build(false), async () => {
        await rm(join(site, '.gapreport'), { recursive: true, force: true });
        await rm(dist, { recursive: true, force: true });
      }),
    );
    let edit = 0;
    const mdxOnly = await step(
      measure(`build, ${n} entity pages, MDX-only edit (figures reused)`, opts.runs, build(true), async () => {
        await writeFile(join(site, 'content/reports', `${REPORT_ID}.mdx`), await template(root, n, ++edit));
      }),
    );
    // Data changes: the questionnaire opts in to the chunk cache (chunk_cache: true), a cold build fills it, then a new
    // file renamed over the link (the bench's data stay as they are) each time.
    const qPath = join(site, 'data', REPORT_ID, 'questionnaire.yaml');
    const plainQ = await readFile(qPath, 'utf8');
    await rm(qPath);
    await writeFile(qPath, `${plainQ.trimEnd()}\nchunk_cache: true\n`);
    const chunked = await step(
      measure(`build, ${n} entity pages, cold with chunk_cache: true (chunks folded and stored)`, opts.runs, build(false), async () => {
        await rm(join(site, '.gapreport'), { recursive: true, force: true });
      }),
    );
    // Cumulative edits: each run changes the file as the last left it (one row more, 1,000 rows more).
    let current = await readFile(join(data, 'responses.csv'), 'utf8');
    const csv = join(site, 'data', REPORT_ID, 'responses.csv');
    const replace = async (text: string) => {
      await writeFile(`${csv}.tmp`, text);
      await rename(`${csv}.tmp`, csv);
    };
    const rowEdit = await step(
      measure(`build, ${n} entity pages, one row of one entity edited (chunks reused)`, opts.runs, build(false), async () => {
        await replace((current = editRow(current, 1 + Math.floor(opts.rows / 2) + 1000 * ++edit)));
      }),
    );
    const appended = await step(
      measure(`build, ${n} entity pages, 1,000 rows of one entity appended (chunks reused)`, opts.runs, build(false), async () => {
        await replace((current = appendRows(current, outletName(0), 1000, ++edit)));
      }),
    );
    await link(join(data, 'responses.csv'), `${csv}.tmp`);
    await rename(`${csv}.tmp`, csv);
    await rm(qPath);
    await link(join(data, 'questionnaire.yaml'), qPath);
    rows.push({
      entities: n,
      rows: opts.rows,
      cold,
      mdxOnly,
      chunked,
      rowEdit,
      appended,
      perPageMs: mdxOnly.failed ? undefined : (mdxOnly.seconds / n) * 1000,
    });
  }
  return rows;
}

/** The table of the entity rows: whole build, per page, peak RSS, CPU, against the targets. */
export function entityTable(rows: EntityRow[]): string {
  const f = (x: number | undefined, d = 2) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
  const lines = [
    '| entity pages | responses | cold build s (median) | target | CPU s | peak RSS MiB | MDX-only rebuild s | CPU s | peak RSS MiB | per page ms | per page CPU ms | runs (cold) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  const cpuPerPage = (r: EntityRow) => (r.mdxOnly.failed || r.mdxOnly.cpuSeconds === undefined ? undefined : (r.mdxOnly.cpuSeconds / r.entities) * 1000);
  for (const r of rows) {
    const target = ENTITY_TARGETS[r.entities];
    lines.push(
      `| ${r.entities} | ${r.rows.toLocaleString('en-US')} | ${r.cold.failed ? 'failed' : f(r.cold.seconds)} | ${target ? `≤ ${target}` : '—'} | ${f(r.cold.cpuSeconds, 1)} | ${f(r.cold.rssMiB, 0)} | ${r.mdxOnly.failed ? 'failed' : f(r.mdxOnly.seconds)} | ${f(r.mdxOnly.cpuSeconds, 1)} | ${f(r.mdxOnly.rssMiB, 0)} | ${f(r.perPageMs, 1)} | ${f(cpuPerPage(r), 1)} | ${r.cold.all.map((s) => s.toFixed(1)).join(' ')} |`,
    );
  }
  const changed = rows.filter((r) => r.rowEdit || r.appended);
  if (changed.length) {
    const cell = (m?: Measured) => (!m ? '—' : m.failed ? 'failed' : `${f(m.seconds)} | ${f(m.cpuSeconds, 1)}`);
    lines.push(
      '',
      'Data change to one entity (`chunk_cache: true`; figures recomputed, the stream engine reads unchanged chunks from its chunk cache):',
      '',
      '| entity pages | responses | cold with chunk_cache: build s | CPU s | one row edited: build s | CPU s | 1,000 rows appended: build s | CPU s | cold build s (default) |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...changed.map(
        (r) =>
          `| ${r.entities} | ${r.rows.toLocaleString('en-US')} | ${cell(r.chunked)} | ${cell(r.rowEdit)} | ${cell(r.appended)} | ${r.cold.failed ? 'failed' : f(r.cold.seconds)} |`,
      ),
    );
  }
  const [lo, hi] = [rows[0], rows[rows.length - 1]];
  if (rows.length > 1 && !lo.mdxOnly.failed && !hi.mdxOnly.failed) {
    const slope = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : ((b - a) / (hi.entities - lo.entities)) * 1000);
    lines.push(
      '',
      `Marginal cost of one more page (MDX-only rebuild, ${lo.entities} → ${hi.entities} pages): ${f(slope(lo.mdxOnly.seconds, hi.mdxOnly.seconds), 1)} ms wall, ${f(slope(lo.mdxOnly.cpuSeconds, hi.mdxOnly.cpuSeconds), 1)} ms CPU.`,
    );
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const root = resolve(fileURLToPath(import.meta.url), '../../..');
  const flag = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const v = Number(argv[i + 1]);
    argv.splice(i, 2);
    return v;
  };
  const rows = flag('rows', 1_000_000);
  const runs = flag('runs', 3);
  const counts = argv.length ? argv.map(Number) : [10, 100, 1000];
  const step = async (m: Promise<Measured>) => {
    const r = await m;
    process.stderr.write(
      `  ${r.name}: ${r.failed ? `failed\n${r.failed}` : `${r.seconds.toFixed(2)} s (${r.all.map((s) => s.toFixed(1)).join(' ')}), ${f0(r.rssMiB)} MiB, CPU ${f0(r.cpuSeconds)} s`}\n`,
    );
    return r;
  };
  const f0 = (x?: number) => (x === undefined ? '—' : x.toFixed(0));
  const result = await entityBench(root, join(root, 'bench/out'), { rows, runs, seed: 20260701, counts }, step, (s) => process.stderr.write(`${s}\n`));
  process.stdout.write(`${entityTable(result)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
