// Not astro:content: in the content sync's Vite server that module pulls in Astro's whole server runtime
// (a hundred and fifty modules compiled for one function); these two are what it re-exports.
import { defineCollection } from 'astro/content/config';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import type * as Parts from './build/content-parts';

// gapreport build hands these over from its own prebuilt modules (scripts/commands/build.ts); otherwise
// they are compiled here, with the two hundred modules behind the loader (the whole report pipeline).
const handed = (globalThis as { __gapreportContentParts?: typeof Parts }).__gapreportContentParts;
const { FiguresSchema, ReportFrontmatterSchema, figuresLoader, reportId } = handed ?? (await import('./build/content-parts'));

/** The analysts' MDX reports; ids from reportId, the same function the figures loader and the CLI use. */
const reports = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/reports', generateId: ({ entry }) => reportId(entry) }),
  schema: ReportFrontmatterSchema,
});

/** The computed figures, one entry per report (same id), validated by FiguresSchema. */
const figures = defineCollection({ loader: figuresLoader(), schema: FiguresSchema });

/** The authoring guide (content/docs/*.mdx), published at /docs/. */
const docs = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/docs' }),
  schema: z.object({
    title: z.string().min(1),
    /** One sentence for the guide's index. */
    description: z.string(),
    /** Position in the guide's table of contents (ascending). */
    order: z.number().int(),
  }),
});

export const collections = { reports, figures, docs };
