import type { APIRoute, GetStaticPaths } from 'astro';
import { isBuilt } from '../../../integration';
import { getCollection, type CollectionEntry } from 'astro:content';
import { figuresEntry } from '../../../components/lib/figures-entry';
import { editionFigures } from '../../../build/edition-fs';
import { figuresCsvBytes } from '../../../build/figures-csv';
import { publishedFigures } from '../../../components/lib/item-labels';

export const getStaticPaths: GetStaticPaths = async () =>
  (await getCollection('reports', isBuilt)).map((r) => ({ params: { id: r.id }, props: { report: r } }));

/** The report's figures as a long CSV table (figure_id,value); suppressed figures carry no value; labels in its locale. */
export const GET: APIRoute = async ({ params, props }) => {
  const entry = await figuresEntry(params.id as string);
  const { report } = props as { report: CollectionEntry<'reports'> };
  const data = entry ? publishedFigures(await editionFigures(entry.data, report.data), report.data.locale) : {};
  // A BOM so spreadsheet programs read the UTF-8 labels (é, ệ) correctly; UTF-8 pieces, never one string (225 MB for 1,000 entities).
  const body = new Blob([new TextEncoder().encode('\uFEFF'), ...figuresCsvBytes(data)]);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
