/**
 * The locale registry: one line per locale, and nothing else lists locales — the
 * `locale:` frontmatter enum (src/schemas/questionnaire.ts LOCALES), the language links
 * and Base.astro all read it. Adding a locale is its file (a translated copy of en.ts,
 * checked by src/i18n/schema.ts) and its line here.
 *
 * The locale files import nothing, so the schemas can read this list without a cycle.
 */
export { en } from './en';
export { fr } from './fr';
export { vi } from './vi';
