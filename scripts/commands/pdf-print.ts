/**
 * What the PDF adds to a report page before Chromium prints it: a cover (company, title,
 * wave and period, data-as-of date), a contents page, the footer with page numbers, and links fixed so none
 * points at the temporary local server.
 */
import { formatters } from '../../src/i18n/format';
import { strings } from '../../src/i18n';
import type { Figures } from '../../src/schemas/figures';
import type { Locale } from '../../src/schemas/questionnaire';
import type { ReportFrontmatter } from '../../src/schemas/report';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The cover, inserted as the first element of <body>; it ends with a page break. An entity
 * page's PDF (`pdf --per`) is titled with the entity's name, the report's title beneath it,
 * so the recipient sees at once whose report it is.
 */
export function coverHtml(settings: ReportFrontmatter, meta: Figures['meta'] | undefined, entity?: string): string {
  const t = strings(settings.locale);
  const fmt = formatters(settings.locale);
  const when = [meta?.wave && `${t.wave} ${meta.wave}`, meta?.period && meta.period !== meta.wave && `${t.period} ${meta.period}`].filter(Boolean).join(' · ');
  const asOf = meta?.as_of ? t.dataAsOf.replace('{date}', fmt.date(meta.as_of)) : '';
  const title = entity ?? settings.title;
  return `<section class="gr-pdf-cover" aria-label="${escapeHtml(title)}">
  <p class="gr-pdf-company">${escapeHtml(settings.company)}</p>
  <h1 class="gr-pdf-title">${escapeHtml(title)}</h1>
  ${entity !== undefined ? `<p class="gr-pdf-entity-of">${escapeHtml(settings.title)}</p>` : ''}
  ${when ? `<p class="gr-pdf-when">${escapeHtml(when)}</p>` : ''}
  ${asOf ? `<p class="gr-pdf-asof">${escapeHtml(asOf)}</p>` : ''}
  ${settings.description ? `<p class="gr-pdf-description">${escapeHtml(settings.description)}</p>` : ''}
</section>`;
}

/**
 * Cover layout; the cover fills the first page and the report starts on the second. The
 * site header and the report's own title block are hidden: the cover carries both.
 */
export const COVER_CSS = `
.site-header, article.report > header { display: none !important; }
.gr-pdf-cover { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; break-after: page; page-break-after: always; border-left: 6px solid #0072b2; padding-left: 12mm; }
.gr-pdf-company { font-size: 14pt; letter-spacing: 0.04em; text-transform: uppercase; color: #444; margin: 0 0 6mm; }
.gr-pdf-title { font-size: 28pt; line-height: 1.15; margin: 0 0 8mm; border: 0; }
.gr-pdf-entity-of { font-size: 16pt; margin: -4mm 0 8mm; color: #222; }
.gr-pdf-when { font-size: 14pt; margin: 0 0 2mm; }
.gr-pdf-asof { font-size: 12pt; color: #444; margin: 0 0 10mm; }
.gr-pdf-description { font-size: 12pt; max-width: 130mm; color: #222; }
.gr-pdf-contents { break-after: page; page-break-after: always; padding-top: 10mm; }
.gr-pdf-contents-title { font-size: 18pt; font-weight: 600; margin: 0 0 6mm; }
.gr-pdf-contents ol { font-size: 12pt; line-height: 1.8; padding-left: 8mm; }
.gr-pdf-contents a { color: inherit; text-decoration: none; }
`;

/** The contents page's heading, by locale (the PDF's own word; the site has no contents list). */
export const CONTENTS_LABEL: Record<Locale, string> = { en: 'Contents', fr: 'Sommaire', vi: 'Mục lục' };

/**
 * Runs in the page: a contents page after the cover, listing the report's top-level sections
 * (its h2 headings) as in-document links. Chromium cannot print page numbers for them
 * (no target-counter); the PDF outline carries the same list with pages. Returns the entries.
 */
export function insertContents(label: string): number {
  const headings = Array.from(document.querySelectorAll<HTMLElement>('article.report h2'));
  if (headings.length === 0) return 0;
  const nav = document.createElement('nav');
  nav.className = 'gr-pdf-contents';
  const title = document.createElement('p');
  title.className = 'gr-pdf-contents-title';
  title.textContent = label;
  const list = document.createElement('ol');
  headings.forEach((h, i) => {
    if (!h.id) h.id = `gr-section-${i + 1}`;
    const a = document.createElement('a');
    a.href = `#${h.id}`;
    a.textContent = h.textContent?.trim() ?? '';
    list.appendChild(document.createElement('li')).appendChild(a);
  });
  nav.append(title, list);
  document.querySelector('.gr-pdf-cover')?.after(nav);
  return headings.length;
}

/** Footer: company · title (· entity) on the left, page X / Y on the right (Chromium fills the spans). */
export function footerTemplate(settings: ReportFrontmatter, entity?: string): string {
  const style = 'font-family: system-ui, sans-serif; font-size: 8pt; color: #555; width: 100%; margin: 0 14mm; display: flex; justify-content: space-between;';
  return `<div style="${style}"><span>${escapeHtml(settings.company)} · ${escapeHtml(settings.title)}${entity !== undefined ? ` · ${escapeHtml(entity)}` : ''}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
}

/**
 * Runs in the page: links into the site become absolute on `siteUrl` when it is known;
 * without it they are unwrapped (the local server is gone once the PDF is written).
 * Fragment links stay (in-document links) and external links are kept as they are.
 */
export function fixLinks(args: { origin: string; siteUrl?: string }): number {
  let changed = 0;
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const raw = a.getAttribute('href') ?? '';
    if (raw.startsWith('#')) continue;
    const url = new URL(raw, document.baseURI);
    if (url.origin !== args.origin) continue;
    if (url.pathname === location.pathname && url.hash) {
      a.setAttribute('href', url.hash);
      continue;
    }
    changed++;
    if (args.siteUrl) a.setAttribute('href', new URL(url.pathname.replace(/^\//, '') + url.search + url.hash, args.siteUrl.replace(/\/?$/, '/')).href);
    else a.removeAttribute('href');
  }
  return changed;
}

/**
 * Chromium dates every PDF (/CreationDate, /ModDate in the document info), so the same site
 * printed twice differed. The entries are blanked with spaces of the same length — whitespace
 * between dictionary tokens is valid PDF and every cross-reference offset stays right — so
 * `build --pdf` run twice on the same data writes the same bytes.
 */
export function withoutDates(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const blanked = text.replace(/\/(?:CreationDate|ModDate)\s*\(D:[^)]*\)/g, (m) => ' '.repeat(m.length));
  return blanked === text ? pdf : Buffer.from(blanked, 'latin1');
}
