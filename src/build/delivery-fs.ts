/**
 * Reads the analyst's recipients.csv and writes the delivery manifest (src/build/delivery.ts)
 * to delivery/<id>/manifest.{csv,json} beside the site folder — never inside it: the manifest
 * names recipients, and dist/ is published.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { decodeText } from '../data/encoding';
import type { Figures } from '../schemas/figures';
import { RECIPIENTS_FILE, manifestCsv, manifestJson, manifestRows, parseRecipients, type Recipients } from './delivery';

/** The dataset's recipients.csv, read against the report's entities; undefined when the analyst keeps none. */
export async function readRecipients(datasetDir: string, figures: Figures): Promise<Recipients | undefined> {
  const bytes = await readFile(join(datasetDir, RECIPIENTS_FILE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!bytes) return undefined;
  const decoded = decodeText(bytes);
  if (decoded.problem) return { columns: [], byEntity: new Map(), problems: [{ file: RECIPIENTS_FILE, ...decoded.problem }] };
  return parseRecipients(decoded.text, Object.keys(figures.entities?.values ?? {}), figures.entities?.per ?? 'entity');
}

/** The folder a report's manifest goes to: delivery/<id>/ beside the site folder. */
export const deliveryDir = (siteDir: string, id: string) => join(dirname(siteDir), 'delivery', id);

/** Writes delivery/<id>/manifest.csv and manifest.json (each through a temporary file); returns the folder. */
export async function writeManifest(o: { siteDir: string; id: string; figures: Figures; siteUrl?: string; recipients?: Recipients }): Promise<string> {
  const dir = deliveryDir(o.siteDir, o.id);
  const site = dirname(o.siteDir);
  const rel = (p: string) =>
    p
      .slice(site.length + 1)
      .split('\\')
      .join('/');
  const rows = manifestRows(o.figures, {
    id: o.id,
    siteUrl: o.siteUrl,
    recipients: o.recipients,
    pdfPath: (slug) => rel(join(o.siteDir, 'pdf', o.id, `${slug}.pdf`)),
  });
  await mkdir(dir, { recursive: true });
  for (const [name, text] of [
    ['manifest.csv', manifestCsv(rows, o.recipients?.columns ?? [])],
    ['manifest.json', manifestJson(o.id, rows)],
  ]) {
    const tmp = join(dir, `${name}.tmp-${process.pid}`);
    await writeFile(tmp, text);
    await rename(tmp, join(dir, name));
  }
  return dir;
}
