import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, getEntry } from 'astro:content';

export const getStaticPaths: GetStaticPaths = async () => (await getCollection('reports')).map((r) => ({ params: { id: r.id } }));

/** The report's figures as published (aggregates only; suppressed figures carry no value). */
export const GET: APIRoute = async ({ params }) => {
  const entry = await getEntry('figures', params.id as string);
  return new Response(`${JSON.stringify(entry?.data ?? {}, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
