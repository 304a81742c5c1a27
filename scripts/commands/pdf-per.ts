/**
 * `pdf --per` and `build --pdf` for a `per:` report (issue 15): one PDF per entity page to
 * pdf/<id>/<slug>.pdf, its cover titled with the entity's name, and the delivery manifest CI
 * mails or uploads from (src/build/delivery.ts), written to delivery/<id>/ beside the site.
 *
 * A withheld entity (under min_base) gets no PDF: its page publishes nothing but that it is
 * withheld, and a document mailed to its manager would say only that. The manifest lists it
 * as `withheld` with no PDF, so CI can tell the recipient why nothing came.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readRecipients, writeManifest } from '../../src/build/delivery-fs';
import type { Recipients } from '../../src/build/delivery';
import type { ReportSource } from '../../src/build/reports-fs';
import type { Figures } from '../../src/schemas/figures';
import type { Problem } from '../../src/schemas/problem';
import type { PrintJob } from './pdf';

/** The figures.json the built site publishes for a report: its meta for the cover, its entities for `--per`. */
export const builtFigures = (dist: string, id: string): Promise<Figures | undefined> =>
  readFile(join(dist, 'reports', id, 'figures.json'), 'utf8').then(
    (t) => JSON.parse(t) as Figures,
    () => undefined,
  );

export interface Delivery {
  report: ReportSource;
  figures: Figures;
  recipients?: Recipients;
  /** One per published entity. */
  jobs: PrintJob[];
}

/** The `per:` reports among `reports`. */
export const perReports = (reports: readonly ReportSource[]) => reports.filter((r) => r.settings?.per !== undefined);

/**
 * What to print for each `per:` report of a built site, and its recipients read: problems in
 * recipients.csv (named data/<dataset>/recipients.csv:line) come back before anything is printed.
 */
export async function planDeliveries(root: string, dist: string, reports: readonly ReportSource[]): Promise<{ deliveries: Delivery[]; problems: Problem[] }> {
  const deliveries: Delivery[] = [];
  const problems: Problem[] = [];
  for (const report of perReports(reports)) {
    const s = report.settings!;
    const figures = await builtFigures(dist, report.id);
    if (!figures?.entities) {
      problems.push({
        file: `reports/${report.id}/figures.json`,
        message: 'has no entities: the built site predates per: or failed.',
        hint: 'Run gapreport build first.',
      });
      continue;
    }
    const recipients = await readRecipients(join(root, 'data', s.dataset), figures);
    for (const p of recipients?.problems ?? []) problems.push({ ...p, file: `data/${s.dataset}/${p.file}` });
    const values = figures.entities.values;
    const jobs = Object.keys(values)
      .sort()
      .filter((name) => !values[name].withheld)
      .map((name) => ({
        label: `${report.id}/${values[name].slug}`,
        path: `/reports/${report.id}/${values[name].slug}/`,
        file: join(dist, 'pdf', report.id, `${values[name].slug}.pdf`),
        settings: s,
        meta: figures.meta,
        entity: name,
      }));
    deliveries.push({ report, figures, recipients, jobs });
  }
  return { deliveries, problems };
}

/** Clears each report's pdf/<id>/ before printing: a PDF of an entity since withheld or renamed must not stay published. */
export async function clearEntityPdfs(dist: string, deliveries: readonly Delivery[]): Promise<void> {
  for (const d of deliveries) await rm(join(dist, 'pdf', d.report.id), { recursive: true, force: true });
}

/** Writes each report's manifest beside `siteDir` (the site's final folder, not build's temporary one); returns the folders. */
export async function writeDeliveries(siteDir: string, deliveries: readonly Delivery[], siteUrl: string | undefined): Promise<string[]> {
  const dirs: string[] = [];
  for (const d of deliveries) dirs.push(await writeManifest({ siteDir, id: d.report.id, figures: d.figures, siteUrl, recipients: d.recipients }));
  return dirs;
}
