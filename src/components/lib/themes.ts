import type { Figures } from '../../schemas/figures';
import { fillTemplate } from '../../i18n';

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
