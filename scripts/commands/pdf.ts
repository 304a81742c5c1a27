/**
 * `gapreport pdf [report-id] [--format A4|Letter] [--site-url URL]`: prints each built
 * report (or the one named) to dist/pdf/<id>.pdf with headless Chromium, from dist/ served
 * on 127.0.0.1 — the same HTML the site publishes, with its print CSS (no chart or table
 * row split across pages), a cover, page numbers, the title and language, and a tagged
 * PDF with an outline. `--per` prints each entity page of the `per:` reports instead
 * (scripts/commands/pdf-per.ts). Exit 0 written, 1 dist/ or Chromium missing, a print failed or
 * recipients.csv has a problem, 2 usage.
 */
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { readReports, type ReportSource } from '../../src/build/reports-fs';
import type { Figures } from '../../src/schemas/figures';
import { readArgs } from './args';
import { CHROMIUM_ARGS, chromiumMissing, findChromium } from './chromium';
import type { Io } from './io';
import { CONTENTS_LABEL, COVER_CSS, coverHtml, fixLinks, footerTemplate, insertContents, withoutDates } from './pdf-print';
import { specOf, usageLine } from './specs';
import { serveStatic } from './static-server';
import { builtFigures, clearEntityPdfs, perReports, planDeliveries, writeDeliveries } from './pdf-per';
import { printProblems } from './report-problems';

const SPEC = specOf('pdf');
const USAGE = usageLine(SPEC);
export const FORMATS = ['A4', 'Letter'] as const;

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = readArgs(args, SPEC, io);
  if (typeof parsed === 'number') return parsed;
  const format = FORMATS.find((f) => f.toLowerCase() === String(parsed.flags.format ?? 'A4').toLowerCase());
  if (parsed.positionals.length > 1 || !format) {
    io.err(`${!format ? `gapreport pdf: --format takes A4 or Letter (got "${String(parsed.flags.format)}").\n` : ''}${USAGE}`);
    return 2;
  }
  const root = io.cwd;
  const dist = resolve(root, typeof parsed.flags.dist === 'string' ? parsed.flags.dist : 'dist');
  const shown = relative(root, dist) || '.';
  if (!(await stat(join(dist, 'index.html')).catch(() => undefined))) {
    io.err(`gapreport pdf: ${shown}/ has no built site — run npm run build first.`);
    return 1;
  }
  const read = await readReports(root);
  const only = parsed.positionals[0];
  const named = read.reports.filter((r) => r.settings && (!only || r.id === only));
  // A draft has a page only after build --drafts: unless named, one the build left out is not printed either.
  const hasPage = (id: string) =>
    stat(join(dist, 'reports', id, 'index.html')).then(
      () => true,
      () => false,
    );
  const reports: ReportSource[] = [];
  for (const r of named) if (only || !r.settings!.draft || (await hasPage(r.id))) reports.push(r);
  if (only && reports.length === 0) {
    io.err(`gapreport pdf: no report "${only}" in content/reports/ (reports: ${read.reports.map((r) => r.id).join(', ') || 'none'}).`);
    return 2;
  }
  for (const r of reports) {
    if (!(await stat(join(dist, 'reports', r.id, 'index.html')).catch(() => undefined))) {
      io.err(`gapreport pdf: ${shown}/reports/${r.id}/ is missing — run npm run build first.`);
      return 1;
    }
  }
  if (reports.length === 0) {
    io.out('pdf: no reports to print.');
    return 0;
  }
  const siteUrl = typeof parsed.flags['site-url'] === 'string' ? parsed.flags['site-url'] : io.env.GAPREPORT_SITE_URL || undefined;
  if (parsed.flags.per === true) return printPer({ root, dist, reports, format, siteUrl, io, prefix: 'gapreport pdf' }, only);
  const failures = await printPdfs({ root, dist, reports, format, siteUrl, io, prefix: 'gapreport pdf' });
  if (failures === undefined) return 1;
  if (failures > 0) return 1;
  io.out(`pdf: ${reports.length} report${reports.length === 1 ? '' : 's'} printed to ${relative(root, join(dist, 'pdf'))}/ (${format}).`);
  return 0;
}

/** `pdf --per`: each entity page of the `per:` reports to pdf/<id>/<slug>.pdf, and the delivery manifest beside the site. */
async function printPer(o: PrintOptions, only: string | undefined): Promise<number> {
  const { root, dist, io } = o;
  const reports = perReports(o.reports);
  if (reports.length === 0) {
    if (only) {
      io.err(`gapreport pdf: --per prints the entity pages of a report with per: in its frontmatter; ${only} has none.`);
      return 2;
    }
    io.out('pdf: no report has per: in its frontmatter, so there are no entity pages to print.');
    return 0;
  }
  const plan = await planDeliveries(root, dist, reports);
  if (plan.problems.length > 0) {
    printProblems(io, plan.problems);
    io.err(`gapreport pdf: ${plan.problems.length} problem(s); nothing was printed.`);
    return 1;
  }
  await clearEntityPdfs(dist, plan.deliveries);
  const jobs = plan.deliveries.flatMap((d) => d.jobs);
  const failures = await printJobs(o, jobs);
  if (failures === undefined || failures > 0) return 1;
  const dirs = await writeDeliveries(dist, plan.deliveries, o.siteUrl);
  const withheld = plan.deliveries.reduce((n, d) => n + Object.keys(d.figures.entities!.values).length, 0) - jobs.length;
  io.out(
    `pdf: ${jobs.length} entity page${jobs.length === 1 ? '' : 's'} printed to ${relative(root, join(dist, 'pdf'))}/<id>/ (${o.format}); ${withheld} withheld without a PDF; manifest${dirs.length === 1 ? '' : 's'} in ${dirs.map((d) => `${relative(root, d)}/`).join(', ')}.`,
  );
  return 0;
}

export interface PrintOptions {
  root: string;
  /** The built site (dist/, or build --pdf's temporary folder): served, and PDFs go to its pdf/. */
  dist: string;
  reports: readonly ReportSource[];
  format: (typeof FORMATS)[number];
  siteUrl?: string;
  io: Io;
  /** Who speaks in messages: `gapreport pdf` or `gapreport build`. */
  prefix: string;
}

/** One page to print: which page of the site, to which file, under which cover. */
export interface PrintJob {
  /** The name messages use: the report id, or `<id>/<slug>`. */
  label: string;
  /** The page's path on the site: `/reports/<id>/`, `/reports/<id>/<slug>/`. */
  path: string;
  /** The PDF written. */
  file: string;
  settings: NonNullable<ReportSource['settings']>;
  meta: Figures['meta'] | undefined;
  /** An entity page's name, for its cover and footer. */
  entity?: string;
}

/** Prints each report of a built site to <dist>/pdf/<id>.pdf: the number that failed, undefined without Chromium. */
export async function printPdfs(o: PrintOptions): Promise<number | undefined> {
  const jobs: PrintJob[] = [];
  for (const report of o.reports) {
    const meta = (await builtFigures(o.dist, report.id))?.meta;
    jobs.push({ label: report.id, path: `/reports/${report.id}/`, file: join(o.dist, 'pdf', `${report.id}.pdf`), settings: report.settings!, meta });
  }
  return printJobs(o, jobs);
}

/** Prints each job from the built site served on 127.0.0.1, in one browser: the number that failed, undefined without Chromium. */
export async function printJobs(o: Omit<PrintOptions, 'reports'>, jobs: readonly PrintJob[]): Promise<number | undefined> {
  const { root, dist, format, siteUrl, io } = o;
  const lookup = findChromium(io.env);
  if (!lookup.path) {
    io.err(`${o.prefix}: ${chromiumMissing(lookup)}`);
    return undefined;
  }
  const executablePath = lookup.path;

  const server = await serveStatic(dist);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  let failures = 0;
  try {
    for (const job of jobs) {
      const started = performance.now();
      const s = job.settings;
      const page = await browser.newPage();
      try {
        await mkdir(dirname(job.file), { recursive: true });
        const response = await page.goto(`${server.url}${job.path}`, { waitUntil: 'networkidle' });
        if (!response?.ok()) throw new Error(`the page answered ${response?.status() ?? 'nothing'}`);
        await page.emulateMedia({ media: 'print' });
        await page.addStyleTag({ content: COVER_CSS });
        await page.evaluate(
          (html) => {
            // Charts' data tables stay in their closed <details>, as the site's print CSS intends.
            document.body.insertAdjacentHTML('afterbegin', html);
          },
          coverHtml(s, job.meta, job.entity),
        );
        await page.evaluate(insertContents, CONTENTS_LABEL[s.locale]);
        await page.evaluate(fixLinks, { origin: server.url, siteUrl });
        const tmp = `${job.file}.tmp-${process.pid}`;
        const pdf = await page.pdf({
          format,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(s, job.entity),
          margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
          tagged: true,
          outline: true,
        });
        await writeFile(tmp, withoutDates(pdf));
        await rename(tmp, job.file);
        io.err(`${job.label}: ${relative(root, job.file)} (${format}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        failures++;
        io.err(`${o.prefix}: ${job.label} could not be printed: ${(error as Error).message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return failures;
}
