import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { figuresCsv } from '../../../build/figures-csv';

export const getStaticPaths: GetStaticPaths = async () => (await getCollection('reports')).map((r) => ({ params: { id: r.id } }));

/** The report's figures as a long CSV table (figure_id,value); suppressed figures carry no value. */
export const GET: APIRoute = async ({ params }) => {
  const entry = await getEntry('figures', params.id as string);
  // A BOM so spreadsheet programs read the UTF-8 labels (é, ệ) correctly.
  return new Response(`\uFEFF${figuresCsv(entry?.data ?? {})}`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
