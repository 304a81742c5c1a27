/**
 * `npm run bench` — gapreport at a million responses, in one run: generates seeded data
 * into bench/out/ (scripts/bench/generate.ts), then measures whole processes, medians of
 * --runs. `gapreport analyze` (stream engine, and --engine duckdb) on the survey, and on
 * the contacts with their standards (so KPI status and trend run), each as a user's CI run
 * pays it: a fresh checkout, .gapreport/ absent, so every data file is hashed, the figures
 * computed and the cache written ("cold"); the survey also with the file-hash index kept
 * from the run before and only the figures recomputed ("warm index"). The same headline
 * figures in one DuckDB SQL statement; the I/O floor (read the bytes, count lines); an
 * MDX-only rebuild of the demo site (`gapreport build` after touching an MDX) against
 * Astro's own floor (`astro build`, figures cached); the survey report alone, cold and after
 * an MDX-only edit, beside Observable Framework's cold and warm builds of the same report
 * (scripts/bench/site-bench.ts). Prints a table with the ratios and
 * writes bench/out/results.json; then whole builds of a per: report with 10, 100 and 1,000 entity
 * pages on the same number of responses (scripts/bench/entities.ts). `--only entities` runs those
 * alone. Nothing fails on time.
 */
import { mkdir, readdir, rm, utimes, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CACHE_DIR } from '../../src/build/figures-fs';
import { warehouseBench } from '../bench/clickhouse-bench';
import { ensureData } from '../bench/generate';
import { entityBench, entityTable } from '../bench/entities';
import { measure, runChild, type Measured } from '../bench/measure';
import { siteBench, type SiteRows } from '../bench/site-bench';
import { readArgs } from './args';
import type { Io } from './io';
import { specOf, usageLine } from './specs';

const SPEC = specOf('bench');
const HELP = usageLine(SPEC);

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = readArgs(args, SPEC, io);
  if (typeof parsed === 'number') return parsed;
  const num = (name: string, fallback: number) => (parsed.flags[name] === undefined ? fallback : Number(parsed.flags[name]));
  const rows = num('rows', 1_000_000);
  const contacts = num('contacts', 5 * rows);
  const runs = num('runs', 3);
  const seed = num('seed', 20260701);
  if (parsed.positionals.length || ![rows, contacts, runs, seed].every((n) => Number.isInteger(n) && n >= 1)) {
    io.err(HELP);
    return 2;
  }
  const only = parsed.flags.only;
  if (only !== undefined && only !== 'entities') {
    io.err(`gapreport bench: --only takes entities, not "${String(only)}".`);
    io.err(HELP);
    return 2;
  }
  const root = io.cwd;
  const out = join(root, 'bench/out');
  if (only === 'entities') {
    // The entity rows alone (issue 15): the same builds and table as the full run, without its other measurements.
    const entities = await entityBench(
      root,
      out,
      { rows, runs, seed, counts: [10, 100, 1000] },
      async (m) => {
        const r = await m;
        io.err(
          `  ${r.name}: ${r.failed ? `failed\n${r.failed}` : `${r.seconds.toFixed(2)} s, CPU ${r.cpuSeconds?.toFixed(1) ?? '—'} s, ${r.rssMiB?.toFixed(0) ?? '—'} MiB`}`,
        );
        return r;
      },
      io.err,
    );
    io.out(entityTable(entities));
    await writeFile(
      join(out, 'entities.json'),
      `${JSON.stringify({ rows, runs, seed, date: new Date().toISOString(), node: process.version, entities }, null, 2)}\n`,
    );
    io.err('results written to bench/out/entities.json');
    return 0;
  }
  const { survey, contacts: calls } = await ensureData(out, rows, contacts, seed, io.err);
  const surveyCsv = join(survey, 'responses.csv');
  const mb = (p: string) => stat(p).then((s) => s.size / 1024 ** 2);
  io.err(`survey ${(await mb(surveyCsv)).toFixed(1)} MB, contacts ${(await mb(join(calls, 'contacts.csv'))).toFixed(1)} MB; ${runs} run(s) each …`);

  const node = process.execPath;
  const cli =
    (...a: string[]) =>
    () =>
      runChild(node, ['scripts/gapreport.mjs', ...a], { cwd: root });
  // The analyze runs work in a checkout of their own (bench/out/ci), so clearing its .gapreport/ leaves this repository's cache alone.
  const ciRoot = join(out, 'ci');
  await mkdir(ciRoot, { recursive: true });
  const cache = join(ciRoot, CACHE_DIR);
  const analyzeIn =
    (dir: string, ...a: string[]) =>
    () =>
      runChild(node, [join(root, 'scripts/gapreport.mjs'), 'analyze', dir, '--out', '/dev/null', ...a], { cwd: ciRoot });
  const cold = () => rm(join(ciRoot, '.gapreport'), { recursive: true, force: true });
  const warmIndex = async () => {
    for (const f of await readdir(cache).catch(() => [])) if (f !== 'file-hashes.json') await rm(join(cache, f), { force: true });
  };
  const results: Measured[] = [];
  const step = async (m: Promise<Measured>) => {
    const r = await m;
    results.push(r);
    io.err(`  ${r.name}: ${r.failed ? `failed\n${r.failed}` : `${r.seconds.toFixed(2)} s${r.rssMiB ? `, ${r.rssMiB.toFixed(0)} MiB` : ''}`}`);
    return r;
  };
  const ioFloor = await step(
    measure('I/O floor (read bytes, count lines)', runs, () => runChild(node, ['scripts/bench/io-floor.mjs', surveyCsv], { cwd: root })),
  );
  const analyze = await step(
    measure('gapreport analyze, stream engine, cold (CI: hash + compute + cache write)', runs, analyzeIn(survey, '--engine', 'stream'), cold),
  );
  const analyzeWarm = await step(measure('gapreport analyze, stream engine, warm file-hash index', runs, analyzeIn(survey, '--engine', 'stream'), warmIndex));
  const duck = await step(measure('DuckDB SQL, headline figures', runs, () => runChild(node, ['scripts/bench/duckdb-headline.mjs', surveyCsv], { cwd: root })));
  const analyzeDuck = await step(measure('gapreport analyze --engine duckdb, cold (CI)', runs, analyzeIn(survey, '--engine', 'duckdb'), cold));
  const analyzeDuckWarm = await step(
    measure('gapreport analyze --engine duckdb, warm file-hash index', runs, analyzeIn(survey, '--engine', 'duckdb'), warmIndex),
  );
  const contactsFloor = await step(
    measure('I/O floor, contacts', runs, () => runChild(node, ['scripts/bench/io-floor.mjs', join(calls, 'contacts.csv')], { cwd: root })),
  );
  const analyzeContacts = await step(
    measure('gapreport analyze contacts + standards (KPI status, trend), stream, cold (CI)', runs, analyzeIn(calls, '--engine', 'stream'), cold),
  );

  // Start-up alone, beside a bare Node process: what every command pays before it reads a byte.
  // As npm ci leaves it: the prebuilt CLI (scripts/build-js.mjs), rebuilt first when a source changed since.
  const stale = await runChild(node, ['--input-type=module', '-e', "process.exit((await import('./scripts/build-js.mjs')).fresh() ? 0 : 1)"], { cwd: root });
  if (stale.code !== 0) {
    io.err('  the prebuilt CLI is older than its sources: rebuilding it (node scripts/build-js.mjs) …');
    await runChild(node, ['scripts/build-js.mjs'], { cwd: root });
  }
  const nodeStart = await step(measure("Node's own start-up (node -e '')", runs, () => runChild(node, ['-e', ''], { cwd: root })));
  const help = await step(measure('gapreport --help (start-up alone)', runs, cli('--help')));

  // Three times the rows (3M at the default): the stream engine against DuckDB's one SQL on the same file.
  const { survey: big } = await ensureData(join(out, 'large'), 3 * rows, 1, seed, io.err);
  const bigCsv = join(big, 'responses.csv');
  io.err(`large survey ${(await mb(bigCsv)).toFixed(1)} MB …`);
  const analyzeBig = await step(measure(`gapreport analyze ${3 * rows} responses, stream engine, cold (CI)`, runs, analyzeIn(big, '--engine', 'stream'), cold));
  const duckBig = await step(
    measure(`DuckDB SQL, headline figures, ${3 * rows} responses`, runs, () => runChild(node, ['scripts/bench/duckdb-headline.mjs', bigCsv], { cwd: root })),
  );

  // The warehouse engine at ten times the rows (10M), generated inside a two-shard ClickHouse, beside ClickHouse's one SQL.
  const warehouse = await warehouseBench(root, out, 10 * rows, runs, step, io.err);

  let rebuild: Measured | undefined;
  let astro: Measured | undefined;
  let site: SiteRows | undefined;
  if (!parsed.flags['skip-site']) {
    // The survey report alone, cold and after an MDX-only edit, beside Observable Framework's cold and warm builds of the same report.
    site = await siteBench(root, out, survey, runs, step, io.err);
    const demoSite = join(out, 'site');
    const mdx = join(root, 'content/reports/demo.mdx');
    const touch = async () => {
      const t = new Date();
      await utimes(mdx, t, t).catch(() => {});
    };
    await runChild(node, ['scripts/gapreport.mjs', 'build', '--out', demoSite], { cwd: root }); // warms the figures cache
    rebuild = await step(measure('MDX-only rebuild of the demo site (every report): gapreport build', runs, cli('build', '--out', demoSite), touch));
    astro = await step(
      measure(
        "Astro's floor: astro build (figures cached)",
        runs,
        () => runChild(node, ['node_modules/astro/astro.js', 'build', '--outDir', join(out, 'astro-dist')], { cwd: root }),
        touch,
      ),
    );
  }

  // Entity pages (issue 15): whole builds of one per: report over 10, 100 and 1,000 outlets on `rows` responses (scripts/bench/entities.ts).
  const entities = await entityBench(root, out, { rows, runs, seed, counts: [10, 100, 1000] }, step, io.err);

  const ratio = (a?: Measured, b?: Measured) => (a && b && a.seconds > 0 && b.seconds > 0 ? a.seconds / b.seconds : undefined);
  const perRow = (a: Measured | undefined, aRows: number, b: Measured | undefined, bRows: number) => {
    const r = ratio(a, b);
    return r === undefined ? undefined : (r * bRows) / aRows;
  };
  const ratios = {
    'analyze (cold) / DuckDB': ratio(analyze, duck),
    'analyze (cold) / I-O floor': ratio(analyze, ioFloor),
    'analyze (cold) / analyze (warm index)': ratio(analyze, analyzeWarm),
    'analyze --engine duckdb (cold) / DuckDB': ratio(analyzeDuck, duck),
    'analyze --engine duckdb (cold) / (warm index)': ratio(analyzeDuck, analyzeDuckWarm),
    'analyze contacts (cold) / I-O floor': ratio(analyzeContacts, contactsFloor),
    'MDX-only rebuild / astro build': ratio(rebuild, astro),
    'gapreport --help / node start-up': ratio(help, nodeStart),
    'gapreport --help / 0.15 s (issue 16 target ≤ 1)': help.failed ? undefined : help.seconds / 0.15,
    'cold build, survey report alone / Observable Framework cold (target ≤ 0.5)': ratio(site?.cold, site?.observableCold),
    'MDX-only rebuild, survey report alone / Observable Framework warm (target ≤ 1)': ratio(site?.mdxOnly, site?.observableWarm),
    'MDX-only rebuild, demo site / Observable Framework warm': ratio(rebuild, site?.observableWarm),
    'analyze 3× rows (cold) / DuckDB 3× rows': ratio(analyzeBig, duckBig),
    'analyze, clickhouse engine (10× rows) / ClickHouse one SQL': ratio(warehouse?.analyze, warehouse?.oneSql),
    // Per row: the warehouse engine at 10× rows against the embedded engine and DuckDB at 3× rows (a 10M-row CSV is not generated).
    'analyze, clickhouse engine (10× rows) / stream engine (3× rows), per row': perRow(warehouse?.analyze, 10, analyzeBig, 3),
    'analyze, clickhouse engine (10× rows) / DuckDB (3× rows), per row': perRow(warehouse?.analyze, 10, duckBig, 3),
  };
  io.out(table(results, ratios));
  io.out(`\n${entityTable(entities)}`);
  const json = { rows, contacts, runs, seed, date: new Date().toISOString(), node: process.version, results, ratios, entities };
  await writeFile(join(out, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  io.err(`results written to bench/out/results.json`);
  return 0;
}

function table(results: Measured[], ratios: Record<string, number | undefined>): string {
  const lines = ['| step | median s | peak RSS MiB | runs |', '|---|---:|---:|---:|'];
  for (const r of results)
    lines.push(`| ${r.name} | ${r.failed ? 'failed' : r.seconds.toFixed(2)} | ${r.rssMiB?.toFixed(0) ?? '—'} | ${r.all.map((s) => s.toFixed(2)).join(' ')} |`);
  lines.push('', '| ratio | value |', '|---|---:|');
  for (const [k, v] of Object.entries(ratios)) lines.push(`| ${k} | ${v === undefined ? '—' : `${v.toFixed(2)}×`} |`);
  return lines.join('\n');
}
