import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { figuresEntry } from '../../../components/lib/figures-entry';
import { isBuilt } from '../../../integration';
import { editionFigures } from '../../../build/edition-fs';
import { publishedFigures } from '../../../components/lib/item-labels';

export const getStaticPaths: GetStaticPaths = async () =>
  (await getCollection('reports', isBuilt)).map((r) => ({ params: { id: r.id }, props: { report: r } }));

/** The report's figures as published (aggregates only; suppressed figures carry no value), labels in its locale. */
export const GET: APIRoute = async ({ params, props }) => {
  const entry = await figuresEntry(params.id as string);
  const { report } = props as { report: CollectionEntry<'reports'> };
  const data = entry ? publishedFigures(await editionFigures(entry.data, report.data), report.data.locale) : {};
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
