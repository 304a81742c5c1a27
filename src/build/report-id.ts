import { slug } from 'github-slugger';

/**
 * A report's id and URL slug (/reports/<id>/) from its file name: github-slugger's `slug`
 * of the name without `.mdx`, which is what Astro's glob loader does by default
 * (astro/dist/content/utils.js getContentEntryIdAndSlug). content.config.ts passes this
 * function to the loader as `generateId`, so the page, the figures entry and every message
 * agree by construction — and a frontmatter `slug:` cannot move a page away from its figures.
 * Distinct names can share a slug (`atk.mdx`, `Atk.mdx`, `atk~.mdx`); readReports refuses that.
 */
export function reportId(fileName: string): string {
  return slug(fileName.replace(/\.mdx$/i, ''));
}
