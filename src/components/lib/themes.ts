import type { Figures } from '../../schemas/figures';
import type { ThemeShareRow } from '../../charts/theme-shares';
import type { ThemeDriverRow } from '../../charts/theme-drivers';
import type { ThemeSentimentRow } from '../../charts/theme-sentiment';
import { fillTemplate } from '../../i18n';

/**
 * The <Themes/> chart's rows: top-level themes by share (most mentioned first, ties by id),
 * each followed by its sub-themes in the same order; names in the report's locale, else English, else the id.
 */
export function themeRows(themes: NonNullable<Figures['themes']>, locale: string): ThemeShareRow[] {
  const entries = Object.entries(themes).sort(([a, x], [b, y]) => y.share - x.share || (a < b ? -1 : a > b ? 1 : 0));
  const rows: ThemeShareRow[] = [];
  const add = (parent: string | undefined, child: boolean, seen: Set<string>) => {
    for (const [id, t] of entries) {
      if (t.parent !== parent || seen.has(id)) continue;
      seen.add(id);
      rows.push({ label: t.label[locale] ?? t.label.en ?? Object.values(t.label)[0] ?? id, share: t.share, ci95: t.ci95, mentions: t.mentions, child });
      add(id, true, seen);
    }
  };
  add(undefined, false, new Set());
  return rows;
}

/** Names in the report's locale: the theme's label, else English, else its id; a dimension by the locale's dimension names. */
function themeLabel(themes: Figures['themes'], id: string, locale: string): string {
  const t = themes?.[id];
  return t ? (t.label[locale] ?? t.label.en ?? Object.values(t.label)[0] ?? id) : id;
}

/** The theme-drivers chart's rows: every predictor, largest share first (ties by id). */
export function themeDriverRows(figures: Figures, locale: string, dimensionNames: Record<string, string>): ThemeDriverRow[] {
  const d = figures.theme_drivers;
  if (!d) return [];
  return [...d.drivers]
    .sort((a, b) => b.share - a.share || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => ({ label: p.kind === 'theme' ? themeLabel(figures.themes, p.id, locale) : (dimensionNames[p.id] ?? p.id), kind: p.kind, share: p.share }));
}

/** The sentiment chart's rows: all scored comments, then each theme in the theme chart's order (suppressed ones say so). */
export function themeSentimentRows(figures: Figures, locale: string, allLabel: string): ThemeSentimentRow[] {
  const s = figures.sentiment;
  if (!s || 'suppressed' in s.overall) return [];
  const o = s.overall;
  const rows: ThemeSentimentRow[] = [{ label: allLabel, n: o.n, share_negative: o.share_negative, share_positive: o.share_positive, mean: o.mean, all: true }];
  const order = figures.themes ? themeRows(figures.themes, locale).map((r) => r.label) : [];
  const entries = Object.entries(s.themes).map(([id, g]) => ({ label: themeLabel(figures.themes, id, locale), g }));
  entries.sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
  for (const { label, g } of entries)
    rows.push(
      'suppressed' in g
        ? { label, n: g.n, suppressed: true }
        : { label, n: g.n, share_negative: g.share_negative, share_positive: g.share_positive, mean: g.mean },
    );
  return rows;
}

/** The languages whose comments are not scored, with their sentence (labels.unavailable[lang], {n} comments): always Vietnamese on a Vietnamese edition. */
export function sentimentUnavailable(figures: Figures, locale: string, unavailable: Record<string, string>): string[] {
  const s = figures.sentiment;
  if (!s) return [];
  return Object.entries(s.languages)
    .filter(([lang, l]) => !l.available && (l.comments > 0 || lang === locale) && unavailable[lang] !== undefined)
    .map(([lang, l]) => fillTemplate(unavailable[lang], { n: l.comments }));
}

/** The methodology's sentiment paragraph: the method with each lexicon, its package and licence; then the languages not scored. */
export function sentimentMethodology(
  figures: Figures,
  locale: string,
  labels: { sentimentText: string; sentimentLexicon: string },
  unavailable: Record<string, string>,
): string[] {
  const s = figures.sentiment;
  if (!s) return [];
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const lexicons = Object.entries(s.languages)
    .filter(([, l]) => l.available)
    .map(([lang, l]) =>
      fillTemplate(labels.sentimentLexicon, { language: names.of(lang) ?? lang, lexicon: l.lexicon ?? '', package: l.package ?? '', licence: l.licence ?? '' }),
    )
    .join('; ');
  const notScored = Object.entries(s.languages)
    .filter(([lang, l]) => !l.available && unavailable[lang] !== undefined)
    .map(([lang, l]) => fillTemplate(unavailable[lang], { n: l.comments }));
  return [fillTemplate(labels.sentimentText, { lexicons }), ...notScored];
}
