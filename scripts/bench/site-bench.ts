/**
 * The site rows of `npm run bench` beside their anchor, Observable Framework
 * (../shared/anchors/observable, its README: the same kind of one-page survey report):
 *
 * - a project of the one report on the bench survey (1M responses by default) — NPS overall
 *   and by channel, the SERVQUAL gaps by dimension and their chart, as the anchor's page has,
 *   plus the headline cards and the methodology gapreport always prints — beside the
 *   checkout's sources (node_modules linked, Astro's cache its own, the CSV hard-linked);
 * - its cold build: `.gapreport/`, Astro's cache and the output absent, as a CI run pays it;
 * - the anchor copied into bench/out/observable (its pinned packages installed there once with
 *   `npm install`, outside this project's dependencies), its cold build (`dist/` and its loader
 *   cache removed) and its warm build after a markdown-only edit, on the same CSV.
 *
 * When the anchor cannot be installed (no network, no npm), its rows say so and fail; the
 * gapreport rows run regardless. Nothing fails on time.
 *
 * `npm run bench` runs these rows among the others; alone: `npx tsx scripts/bench/site-bench.ts
 * [--rows N] [--runs K]` (its survey in bench/out/site-only, the anchor in bench/out/observable).
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, link, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureData } from './generate';
import { measure, runChild, type Measured, type Run } from './measure';

const REPORT_ID = 'survey';

/** The report: the anchor's figures (NPS overall and by channel, SERVQUAL gap by dimension with its chart), in gapreport's components. */
export function reportMdx(edit = 0): string {
  return [
    '---',
    'title: "Customer service benchmark"',
    'company: Bench Telecom',
    `dataset: ${REPORT_ID}`,
    'locale: en',
    '---',
    '',
    '## Headline',
    '',
    '<HeadlineCards />',
    '',
    'Net Promoter Score: <Metric id="nps.score" /> (margin of error <Metric id="nps.moe95" />).',
    '',
    '<NpsBreakdown by="channel" />',
    '',
    '## SERVQUAL gap by dimension (perception − expectation)',
    '',
    '<ServqualGaps />',
    '',
    '<Methodology />',
    '',
    `{/* edit ${edit} */}`,
    '',
  ].join('\n');
}

/** A project of the one report over `data` (questionnaire.yaml and responses.csv), beside the checkout's sources. */
export async function reportProject(root: string, dir: string, data: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  for (const p of ['src', 'content/docs', 'public', 'tsconfig.json', 'package.json'])
    await cp(join(root, p), join(dir, p), { recursive: true }).catch(() => undefined);
  const config = await readFile(join(root, 'astro.config.mjs'), 'utf8');
  await writeFile(join(dir, 'astro.config.mjs'), config.replace('defineConfig({', "defineConfig({\n  cacheDir: './.astro-cache',"));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await mkdir(join(dir, 'data', REPORT_ID), { recursive: true });
  for (const f of ['questionnaire.yaml', 'responses.csv']) await link(join(data, f), join(dir, 'data', REPORT_ID, f)); // 145 MB at 1M: linked, not copied
  await mkdir(join(dir, 'content/reports'), { recursive: true });
  await writeFile(join(dir, 'content/reports', `${REPORT_ID}.mdx`), reportMdx());
  return dir;
}

/** Everything a cold build recomputes: the figures cache, Astro's caches, the output. */
export async function coldProject(dir: string): Promise<void> {
  for (const p of ['.gapreport', '.astro-cache', '.astro', 'dist']) await rm(join(dir, p), { recursive: true, force: true });
}

export interface SiteRows {
  cold: Measured;
  /** The report's text edited, figures reused from the cache: what an analyst pays per edit. */
  mdxOnly: Measured;
  observableCold: Measured;
  observableWarm: Measured;
}

const failedRow = (name: string, why: string): Measured => ({ name, runs: 0, seconds: NaN, all: [], failed: why });

/** The anchor: shared/anchors/observable beside the checkout, or beside a folder above it (a worktree of the checkout). */
function anchorSource(root: string): string {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const candidate = join(dir, '../shared/anchors/observable');
    if (existsSync(candidate) || dirname(dir) === dir) return existsSync(candidate) ? candidate : join(root, '../shared/anchors/observable');
  }
}

/** The anchor in bench/out/observable, its packages installed; a sentence when that cannot be done. */
async function observableAnchor(root: string, out: string, log: (line: string) => void): Promise<string | { failed: string }> {
  const source = anchorSource(root);
  const dir = join(out, 'observable');
  if (!existsSync(join(dir, 'node_modules/@observablehq/framework'))) {
    if (!existsSync(source)) return { failed: `the anchor is not at ${source}` };
    await cp(source, dir, { recursive: true });
    log('installing the Observable Framework anchor into bench/out/observable (npm install, once) …');
    const npm = await runChild('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir });
    if (npm.code !== 0) return { failed: `npm install of the anchor failed:\n${npm.stderr.split('\n').slice(-5).join('\n')}` };
  }
  return dir;
}

export async function siteBench(
  root: string,
  out: string,
  survey: string,
  runs: number,
  step: (m: Promise<Measured>) => Promise<Measured>,
  log: (line: string) => void,
): Promise<SiteRows> {
  const node = process.execPath;
  const dir = await reportProject(root, join(out, 'site-1m'), survey);
  const cold = await step(
    measure(
      'cold build of the survey report alone: gapreport build (figures, Astro, search index)',
      runs,
      () => runChild(node, [join(root, 'scripts/gapreport.mjs'), 'build'], { cwd: dir }),
      () => coldProject(dir),
    ),
  );
  let edit = 0;
  const mdxOnly = await step(
    measure(
      'MDX-only rebuild of the survey report alone: gapreport build (figures reused)',
      runs,
      () => runChild(node, [join(root, 'scripts/gapreport.mjs'), 'build'], { cwd: dir }),
      () => writeFile(join(dir, 'content/reports', `${REPORT_ID}.mdx`), reportMdx(++edit)),
    ),
  );
  const anchor = await observableAnchor(root, out, log);
  const coldName = 'Observable Framework, cold build of the same report (anchor)';
  const warmName = 'Observable Framework, warm build after a markdown-only edit (anchor)';
  if (typeof anchor !== 'string')
    return {
      cold,
      mdxOnly,
      observableCold: await step(Promise.resolve(failedRow(coldName, anchor.failed))),
      observableWarm: await step(Promise.resolve(failedRow(warmName, anchor.failed))),
    };
  const env = { OBSERVABLE_TELEMETRY_DISABLE: '1', SURVEY_CSV: join(survey, 'responses.csv') };
  const observable = (): Promise<Run> =>
    runChild(node, [join(anchor, 'node_modules/@observablehq/framework/dist/bin/observable.js'), 'build'], { cwd: anchor, env });
  const observableCold = await step(
    measure(coldName, runs, observable, async () => {
      for (const p of ['dist', 'src/.observablehq/cache']) await rm(join(anchor, p), { recursive: true, force: true });
    }),
  );
  await observable(); // the loader's cache in place
  const observableWarm = await step(measure(warmName, runs, observable, () => appendFile(join(anchor, 'src/index.md'), '\n')));
  return { cold, mdxOnly, observableCold, observableWarm };
}

/** The four rows with their ratios to the anchor, as text. */
export function siteTable(rows: SiteRows): string {
  const f = (x?: number) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(2));
  const line = (m: Measured) => `${m.name}: ${m.failed ? `failed: ${m.failed.split('\n')[0]}` : `${f(m.seconds)} s wall, ${f(m.cpuSeconds)} s CPU`}`;
  const ratio = (a: Measured, b: Measured, pick: (m: Measured) => number | undefined) => {
    const [x, y] = [pick(a), pick(b)];
    return x === undefined || y === undefined || a.failed || b.failed ? '—' : (x / y).toFixed(2);
  };
  return [
    line(rows.cold),
    line(rows.mdxOnly),
    line(rows.observableCold),
    line(rows.observableWarm),
    `cold / Observable cold (target ≤ 0.5): ${ratio(rows.cold, rows.observableCold, (m) => m.seconds)} wall, ${ratio(rows.cold, rows.observableCold, (m) => m.cpuSeconds)} CPU`,
    `MDX-only / Observable warm (target ≤ 1): ${ratio(rows.mdxOnly, rows.observableWarm, (m) => m.seconds)} wall, ${ratio(rows.mdxOnly, rows.observableWarm, (m) => m.cpuSeconds)} CPU`,
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const root = resolve(fileURLToPath(import.meta.url), '../../..');
  const flag = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i < 0 ? fallback : Number(argv[i + 1]);
  };
  const out = join(root, 'bench/out');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // A folder of its own: the full bench's survey (bench/out/survey) is stamped with its contacts too.
  const { survey } = await ensureData(join(out, 'site-only'), flag('rows', 1_000_000), 1, 20260701, log);
  const step = async (m: Promise<Measured>) => {
    const r = await m;
    log(
      `  ${r.name}: ${r.failed ? 'failed' : `${r.seconds.toFixed(2)} s (${r.all.map((s) => s.toFixed(1)).join(' ')}), CPU ${r.cpuSeconds?.toFixed(2) ?? '—'} s`}`,
    );
    return r;
  };
  process.stdout.write(`${siteTable(await siteBench(root, out, survey, flag('runs', 3), step, log))}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
