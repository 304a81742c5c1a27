/**
 * What content.config.ts builds its collections from, in one module: gapreport build hands this
 * module as its prebuilt JavaScript has it (globalThis.__gapreportContentParts), so Vite compiles
 * content.config.ts alone; astro build and astro dev import it (the same code, compiled by Vite).
 */
export { FiguresSchema } from '../schemas/figures';
export { ReportFrontmatterSchema } from '../schemas/report';
export { figuresLoader } from './figures-loader';
export { reportId } from './report-id';
