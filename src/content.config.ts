import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ReportFrontmatterSchema } from './schemas/report';
import { figuresLoader } from './build/figures-loader';

/** The analysts' MDX reports. */
const reports = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/reports' }),
  schema: ReportFrontmatterSchema,
});

/** The computed figures, one entry per report (same id), validated by FiguresSchema. */
const figures = defineCollection({ loader: figuresLoader() });

export const collections = { reports, figures };
