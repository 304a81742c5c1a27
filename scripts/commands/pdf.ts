/**
 * `gapreport pdf [report-id] [--format A4|Letter] [--site-url URL]`: prints each built
 * report (or the one named) to dist/pdf/<id>.pdf with headless Chromium, from dist/ served
 * on 127.0.0.1 — the same HTML the site publishes, with its print CSS (no chart or table
 * row split across pages), a cover, page numbers, the title and language, and a tagged
 * PDF with an outline. Exit 0 written, 1 dist/ or Chromium missing or a print failed, 2 usage.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readReports, type ReportSource } from '../../src/build/reports-fs';
import type { Figures } from '../../src/schemas/figures';
import { readArgs } from './args';
import { CHROMIUM_ARGS, chromiumMissing, findChromium } from './chromium';
import type { Io } from './io';
import { CONTENTS_LABEL, COVER_CSS, coverHtml, fixLinks, footerTemplate, insertContents, withoutDates } from './pdf-print';
import { specOf, usageLine } from './specs';
import { serveStatic } from './static-server';

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
  const failures = await printPdfs({ root, dist, reports, format, siteUrl, io, prefix: 'gapreport pdf' });
  if (failures === undefined) return 1;
  if (failures > 0) return 1;
  io.out(`pdf: ${reports.length} report${reports.length === 1 ? '' : 's'} printed to ${relative(root, join(dist, 'pdf'))}/ (${format}).`);
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

/** Prints each report of a built site to <dist>/pdf/<id>.pdf: the number that failed, undefined without Chromium. */
export async function printPdfs(o: PrintOptions): Promise<number | undefined> {
  const { root, dist, reports, format, siteUrl, io } = o;
  const lookup = findChromium(io.env);
  if (!lookup.path) {
    io.err(`${o.prefix}: ${chromiumMissing(lookup)}`);
    return undefined;
  }
  const executablePath = lookup.path;

  const outDir = join(dist, 'pdf');
  await mkdir(outDir, { recursive: true });
  const server = await serveStatic(dist);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  let failures = 0;
  try {
    for (const report of reports) {
      const started = performance.now();
      const s = report.settings!;
      const figures = await readFile(join(dist, 'reports', report.id, 'figures.json'), 'utf8').then(
        (t) => JSON.parse(t) as Figures,
        () => undefined,
      );
      const page = await browser.newPage();
      try {
        const response = await page.goto(`${server.url}/reports/${report.id}/`, { waitUntil: 'networkidle' });
        if (!response?.ok()) throw new Error(`the page answered ${response?.status() ?? 'nothing'}`);
        await page.emulateMedia({ media: 'print' });
        await page.addStyleTag({ content: COVER_CSS });
        await page.evaluate(
          (html) => {
            // Charts' data tables stay in their closed <details>, as the site's print CSS intends.
            document.body.insertAdjacentHTML('afterbegin', html);
          },
          coverHtml(s, figures?.meta),
        );
        await page.evaluate(insertContents, CONTENTS_LABEL[s.locale]);
        await page.evaluate(fixLinks, { origin: server.url, siteUrl });
        const file = join(outDir, `${report.id}.pdf`);
        const tmp = `${file}.tmp-${process.pid}`;
        const pdf = await page.pdf({
          format,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(s),
          margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
          tagged: true,
          outline: true,
        });
        await writeFile(tmp, withoutDates(pdf));
        await rename(tmp, file);
        io.err(`${report.id}: ${relative(root, file)} (${format}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        failures++;
        io.err(`${o.prefix}: ${report.id} could not be printed: ${(error as Error).message.split('\n')[0]}`);
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
