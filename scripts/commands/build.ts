import { rm } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { faultPoint } from '../../src/build/fault';
import { fallbackNote } from '../../src/engines/run-fs';
import { describeIoError, ioErrorCode } from '../../src/build/io-errors';
import { refuseOutDir } from '../../src/build/out-dir-fs';
import { reportsFigures } from '../../src/build/pipeline-fs';
import { readReports, splitDrafts } from '../../src/build/reports-fs';
import * as integration from '../../src/integration';
import * as contentParts from '../../src/build/content-parts';
import type { Problem } from '../../src/schemas/problem';
import { readArgs } from './args';
import { specOf, usageLine } from './specs';
import type { Io } from './io';
import { printProblems } from './report-problems';
import { printFindings } from './findings';
import { markBuild, prepareOutDir, swapIn, tempDirFor } from '../../src/build/swap-fs';
import { writeSearchIndex } from './search-index';
import { printJobs, printPdfs } from './pdf';
import { planDeliveries, writeDeliveries, type Delivery } from './pdf-per';
import { parseAudience } from '../../src/build/audience';
import { audienceCut } from '../../src/build/audience-fs';

const SPEC = specOf('build');
const HELP = usageLine(SPEC);

/**
 * The whole site: validate and analyze every report's dataset (through the cache),
 * lint the MDX, let Astro render into a temporary folder, index it for search (Pagefind),
 * and swap it into dist/
 * only when everything succeeded — a failed build leaves the last good site intact.
 */
export async function run(args: string[], io: Io): Promise<number> {
  const parsed = readArgs(args, SPEC, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 0) {
    io.err(HELP);
    return 2;
  }
  const root = io.cwd;
  const withPdf = parsed.flags.pdf === true;
  const audience = typeof parsed.flags.audience === 'string' ? parseAudience(parsed.flags.audience) : undefined;
  if (typeof audience === 'string') {
    io.err(`${audience}\n${HELP}`);
    return 2;
  }
  const outDir = resolve(root, typeof parsed.flags.out === 'string' ? parsed.flags.out : 'dist');
  const started = performance.now();
  const refusal = await refuseOutDir(root, outDir);
  if (refusal) {
    io.err(refusal);
    return 2;
  }
  const outName = `${relative(root, outDir) || outDir}/`;
  try {
    // Before anything can fail: a build killed mid-swap left no output folder, put it back.
    const prepared = await prepareOutDir(outDir);
    if (prepared.restored) io.err(`restored ${outName} from an interrupted build (${relative(root, prepared.restored)})`);
  } catch (error) {
    const code = ioErrorCode(error);
    if (!code) throw error;
    io.err(describeIoError('clean up beside', outName, code));
    return 1;
  }

  const { reports: all, problems } = await readReports(root);
  if (problems.length > 0) return fail(io, problems);
  // Drafts (draft: true) are neither computed nor published unless --drafts; say which, so none goes missing unseen.
  const drafts = parsed.flags.drafts === true;
  const { built: reports, skipped } = splitDrafts(all, drafts);
  if (skipped.length > 0) io.err(`skipped ${skipped.length} draft(s): ${skipped.map((r) => r.id).join(', ')} (build --drafts to include them)`);
  const progress = { isTTY: io.isTTY, env: io.env, write: (t: string) => process.stderr.write(t) };
  const pipeline = await reportsFigures(root, reports, { progress });
  const seen = new Map<string, string>();
  for (const { report, figures, reused, fallback } of pipeline.results) {
    if (!figures) continue;
    const dataset = report.settings!.dataset;
    const note = `${reused ? 'reused' : 'recomputed'} figures for data/${dataset}`;
    if (fallback !== undefined && !seen.has(dataset)) io.err(fallbackNote(`data/${dataset}`, fallback)); // once per dataset
    if (seen.get(dataset) !== note) io.err(`${report.id}: ${note}`);
    seen.set(dataset, note);
  }
  if (pipeline.problems.length > 0) return fail(io, pipeline.problems, pipeline.headers);
  // A sentence the figures now contradict is published with a warning; gapreport check fails on it.
  printFindings(
    io,
    pipeline.results.flatMap((r) => r.findings ?? []),
    'gapreport build',
  );
  if (audience) {
    // Each per: report cut to the audience's entities before anything renders: no other audience's entity reaches the site.
    const cut = await audienceCut(
      root,
      pipeline.results.flatMap((r) =>
        r.figures ? [{ id: r.report.id, dataset: r.report.settings!.dataset, per: r.report.settings!.per, figures: r.figures }] : [],
      ),
      audience,
    );
    if (cut.problems.length > 0) return fail(io, cut.problems);
    pipeline.results = pipeline.results.map((r) => (cut.figures.has(r.report.id) ? { ...r, figures: cut.figures.get(r.report.id) } : r));
    io.err(
      `audience ${audience.segment}=${audience.value}: ${[...cut.figures].map(([id, f]) => `${id} ${Object.keys(f.entities?.values ?? {}).length} entities`).join(', ') || 'no per: report'}`,
    );
  }
  const dataDone = performance.now();

  const tmp = tempDirFor(outDir);
  const unchanged = `${outName} is unchanged.`;
  const removeTmp = () => rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  await removeTmp();
  try {
    const build = await astroBuild();
    // The figures just computed go to the loader in-process: the build computes each dataset once.
    const figures = new Map(pipeline.results.map((r) => [r.report.id, r]));
    // Astro writes its server bundle beside the pages only when outDir lies inside process.cwd(), else into
    // <cwd>/.astro/: build from the project folder, as the CLI runs, so a build called in-process from another
    // folder (the tests, two at once) never shares that folder with another build.
    const cwd = process.cwd();
    if (cwd !== root) process.chdir(root);
    // astro.config.mjs and content.config.ts take these modules from this process instead of compiling the TypeScript through Vite.
    handOver(await astroContentModules());
    try {
      await build({
        root,
        outDir: tmp,
        logLevel: io.env.GAPREPORT_VERBOSE ? 'info' : 'warn',
        integrations: [integration.gapreport({ root, figures, drafts, pdf: withPdf })],
      });
    } finally {
      handOver(undefined);
      if (process.cwd() !== cwd) process.chdir(cwd);
    }
  } catch (error) {
    await removeTmp();
    const code = ioErrorCode(error);
    if (code) {
      io.err(describeIoError('write the site into', `${relative(root, tmp) || tmp}/`, code, unchanged));
      return 1;
    }
    io.err(`gapreport build: the site did not build; dist/ is unchanged.\n${firstLines((error as Error).message)}`);
    return 1;
  } finally {
    integration.forgetGapreportOptions();
  }
  const astroDone = performance.now();
  const search = await writeSearchIndex(tmp);
  if (search.errors.length > 0) {
    await removeTmp();
    const code = ioErrorCode({ message: search.errors.join('\n') });
    if (code) {
      io.err(describeIoError('write the search index into', `${relative(root, tmp) || tmp}/`, code, unchanged));
      return 1;
    }
    io.err(`gapreport build: the search index (Pagefind) failed; dist/ is unchanged.\n${search.errors.slice(0, 5).join('\n')}`);
    return 1;
  }
  if (io.env.GAPREPORT_VERBOSE) io.err(`search index: ${search.pages} page(s)`);
  let deliveries: Delivery[] = [];
  if (withPdf) {
    // recipients.csv is checked before anything is printed: a mistyped entity fails the build on its line.
    const plan = await planDeliveries(root, tmp, reports);
    if (plan.problems.length > 0) {
      await removeTmp();
      return fail(io, plan.problems);
    }
    deliveries = plan.deliveries;
    // Printed from the new site before the swap: the PDFs are part of it, and a failed print keeps the old site.
    const failures = await printPdfs({
      root,
      dist: tmp,
      reports: reports.filter((r) => r.settings),
      format: 'A4',
      siteUrl: io.env.GAPREPORT_SITE_URL || undefined,
      io,
      prefix: 'gapreport build',
    });
    const perFailures =
      failures === 0 && deliveries.length > 0
        ? await printJobs(
            { root, dist: tmp, format: 'A4', siteUrl: io.env.GAPREPORT_SITE_URL || undefined, io, prefix: 'gapreport build' },
            deliveries.flatMap((d) => d.jobs),
          )
        : 0;
    if (failures !== 0 || perFailures !== 0) {
      await removeTmp();
      io.err(`gapreport build: the PDFs were not printed; ${unchanged}`);
      return 1;
    }
  }
  try {
    // The marker goes in last: a folder that has it is a complete site.
    await markBuild(tmp);
    faultPoint('build:marked');
    await swapIn(tmp, outDir);
  } catch (error) {
    await removeTmp();
    const code = ioErrorCode(error);
    if (!code) throw error;
    io.err(describeIoError('put the new site in place of', outName, code, unchanged));
    return 1;
  }
  try {
    // The manifests name recipients: beside the published site, never in it.
    await writeDeliveries(outDir, deliveries, io.env.GAPREPORT_SITE_URL || undefined);
  } catch (error) {
    const code = ioErrorCode(error);
    if (!code) throw error;
    io.err(describeIoError('write the delivery manifest into', 'delivery/', code));
    return 1;
  }
  const end = performance.now();
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  io.err(
    `built ${reports.length} report(s) into ${outDir.startsWith(root) ? outDir.slice(root.length + 1) : outDir}/ in ${sec(end - started)} (data ${sec(dataDone - started)}, Astro ${sec(astroDone - dataDone)}, search index ${sec(end - astroDone)})`,
  );
  return 0;
}

/**
 * Astro's build() alone. The package's entry also loads its dev server and its preview server
 * (a tenth of the ~1,300 modules Node loads for Astro, ~0.13 s CPU) before this build starts; the
 * entry re-exports build() from this module, so it is the same function. Should a later Astro move
 * it, the package entry serves as before.
 */
async function astroBuild(): Promise<(typeof import('astro'))['build']> {
  try {
    const own = (await import(new URL('./core/build/index.js', import.meta.resolve('astro')).href)) as { default?: unknown };
    if (typeof own.default === 'function') return own.default as (typeof import('astro'))['build'];
  } catch {
    // not where Astro 5 keeps it
  }
  return (await import('astro')).build;
}

/**
 * The integration (astro.config.mjs) and the content collections' parts (content.config.ts) as this
 * CLI was built with them, on globalThis while Astro builds: Node loads the config file natively and
 * Vite compiles content.config.ts alone, not the two hundred modules behind them, twice per build.
 * With them, the three Astro modules content.config.ts imports, as this process already loaded them
 * (integration.ts, handedAstroModules): the content sync's Vite server would otherwise compile the
 * fifty modules of Astro's behind them again, for the same functions.
 */
function handOver(astro: Record<string, object> | undefined): void {
  const g = globalThis as { __gapreportIntegration?: unknown; __gapreportContentParts?: unknown; [integration.HANDED_ASTRO]?: unknown };
  if (astro) {
    g.__gapreportIntegration = integration;
    g.__gapreportContentParts = contentParts;
    g[integration.HANDED_ASTRO] = astro;
  } else {
    delete g.__gapreportIntegration;
    delete g.__gapreportContentParts;
    delete g[integration.HANDED_ASTRO];
  }
}

/** Astro's modules content.config.ts imports, by specifier, as Node loads them (Astro's own build has loaded most of them already). */
async function astroContentModules(): Promise<Record<string, object>> {
  const [config, zod, loaders] = await Promise.all([import('astro/content/config'), import('astro/zod'), import('astro/loaders')]);
  return { 'astro/content/config': config, 'astro/zod': zod, 'astro/loaders': loaders };
}

function fail(io: Io, problems: Problem[], headers?: Map<Problem, string>): number {
  printProblems(io, problems, undefined, headers);
  io.err(`gapreport build: ${problems.length} problem(s); dist/ is unchanged.`);
  return 1;
}

const firstLines = (s: string) =>
  s
    .split('\n')
    .filter((l) => !/^\s+at /.test(l))
    .slice(0, 12)
    .join('\n');
