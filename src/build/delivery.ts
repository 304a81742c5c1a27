/**
 * Per-entity delivery (issue 15): the manifest CI reads to mail or upload each entity's PDF,
 * and the analyst's recipients.csv joined into it. Pure: the caller reads and writes files
 * (src/build/delivery-fs.ts).
 *
 * The manifest is not part of the published site: it names recipients (e-mail addresses), so it
 * is written beside dist/, under delivery/<id>/, and no recipient ever reaches dist/.
 */
import { readCsv } from '../data/csv';
import { ProblemSink } from '../data/problems';
import { closest } from '../schemas/did-you-mean';
import type { Figures } from '../schemas/figures';
import type { Problem } from '../schemas/problem';

export const RECIPIENTS_FILE = 'recipients.csv';

/** recipients.csv read: entity → the row's other cells by header name (recipient, cc, …). */
export interface Recipients {
  columns: string[];
  byEntity: Map<string, Record<string, string>>;
  problems: Problem[];
}

/**
 * Reads recipients.csv: a header `entity,recipient[,…]`, one row per entity. A row naming no
 * entity of the report, or an entity named twice, is a problem on its line — a recipient
 * silently mailed nothing (or another outlet's report) is the mistake this prevents.
 */
export function parseRecipients(text: string, entities: readonly string[], per: string): Recipients {
  const sink = new ProblemSink(RECIPIENTS_FILE);
  const byEntity = new Map<string, Record<string, string>>();
  const lineOf = new Map<string, number>();
  const known = new Set(entities);
  let columns: string[] = [];
  const header = readCsv(
    text,
    { sink },
    {
      header: (h) => {
        columns = h.names.slice(1);
        if (h.names[0] !== 'entity')
          sink.add({
            line: 1,
            column: h.names[0],
            message: 'is not "entity": the first column names the entity.',
            hint: 'Write the header as entity,recipient.',
          });
        else if (columns.length === 0) sink.add({ line: 1, message: 'has no column beside entity.', hint: 'Write the header as entity,recipient.' });
      },
      record: (fields, line) => {
        if (columns.length === 0) return;
        const name = fields[0].trim();
        const near = closest(name, entities);
        if (!known.has(name)) {
          sink.add({
            line,
            column: 'entity',
            value: name,
            message: `is no ${per} of the report.`,
            hint: near ? `Did you mean "${near}"?` : `The ${per}s are the values of the ${per} column.`,
          });
          return;
        }
        if (byEntity.has(name)) {
          sink.add({ line, column: 'entity', value: name, message: `already has a row on line ${lineOf.get(name)}.`, hint: 'Put each entity on one row.' });
          return;
        }
        lineOf.set(name, line);
        byEntity.set(name, Object.fromEntries(columns.map((c, i) => [c, fields[i + 1].trim()])));
      },
    },
  );
  if (!header && sink.kept.length === 0) sink.add({ message: 'is empty.', hint: 'Write the header entity,recipient and one row per entity.' });
  return { columns: header ? columns : [], byEntity, problems: sink.list() };
}

/** One entity's line of the manifest. */
export interface ManifestRow {
  entity: string;
  slug: string;
  /** `printed`, or `withheld`: under min_base, no PDF (its page only says so). */
  status: 'printed' | 'withheld';
  /** The PDF, relative to the folder that holds dist/ and delivery/; empty when withheld. */
  pdf: string;
  /** The entity's page: absolute on the site URL when it is known, else the site path. */
  url: string;
  /** The recipients.csv columns, by header name. */
  recipients: Record<string, string>;
}

export interface ManifestOptions {
  id: string;
  /** The PDF of an entity, as the manifest writes it (`dist/pdf/<id>/<slug>.pdf`). */
  pdfPath: (slug: string) => string;
  siteUrl?: string;
  recipients?: Recipients;
}

/** The manifest's rows, one per entity in name order (withheld ones included, marked so). */
export function manifestRows(figures: Figures, o: ManifestOptions): ManifestRow[] {
  const values = figures.entities?.values ?? {};
  const blank = Object.fromEntries((o.recipients?.columns ?? []).map((c) => [c, '']));
  return Object.keys(values)
    .sort()
    .map((entity) => {
      const { slug, withheld } = values[entity];
      const path = `reports/${o.id}/${slug}/`;
      return {
        entity,
        slug,
        status: withheld ? 'withheld' : 'printed',
        pdf: withheld ? '' : o.pdfPath(slug),
        url: o.siteUrl ? new URL(path, o.siteUrl.replace(/\/?$/, '/')).href : `/${path}`,
        recipients: o.recipients?.byEntity.get(entity) ?? blank,
      };
    });
}

/** RFC 4180: a cell with a comma, quote or line break is quoted. Not neutralised: CI reads it, no spreadsheet. */
const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function manifestCsv(rows: readonly ManifestRow[], columns: readonly string[]): string {
  const head = ['entity', 'slug', 'status', 'pdf', 'url', ...columns];
  const lines = rows.map((r) => [r.entity, r.slug, r.status, r.pdf, r.url, ...columns.map((c) => r.recipients[c] ?? '')].map(cell).join(','));
  return `${[head.map(cell).join(','), ...lines].join('\n')}\n`;
}

export function manifestJson(id: string, rows: readonly ManifestRow[]): string {
  return `${JSON.stringify({ report: id, entities: rows }, null, 2)}\n`;
}
