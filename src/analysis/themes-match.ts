/**
 * Does a comment mention a theme? Both the comment and the keywords are normalised and
 * stemmed by the rules of the keyword's language, then a keyword (one word or a phrase)
 * matches where its tokens appear consecutively. So no language detection is needed: an
 * English keyword is looked for with English rules, a French one with French rules.
 * - Case and compatibility forms fold (NFKC, lower case) in every language.
 * - fr and vi match without diacritics ("resilie" finds "résilié", "cham soc" finds
 *   "chăm sóc"; đ folds to d), en too (café/cafe).
 * - en and fr strip common inflectional endings (a light stemmer in the spirit of Porter
 *   1980 and Savoy 1999's light French stemmer, not either in full); vi writes words as
 *   unchanging syllables, so it has none.
 * - A keyword ending in `*` matches any word beginning with it ("refund*").
 */
import type { ThemeLanguage } from '../schemas/themes';

/** The comment's words, folded: lower case, diacritics removed. */
export function tokens(text: string): string[] {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Shortest stem an ending is stripped to: below it "bus" would lose its s. */
const MIN_STEM = 3;
const ENDINGS: Record<ThemeLanguage, readonly string[]> = {
  // Longest first: the first ending that leaves a stem of MIN_STEM letters wins.
  en: [
    'ational',
    'fulness',
    'iveness',
    'ations',
    'ation',
    'ments',
    'ness',
    'ment',
    'ings',
    'ing',
    'ies',
    'ied',
    'ers',
    'est',
    'ful',
    'ed',
    'er',
    'es',
    'ly',
    's',
    'e',
    'y',
  ],
  fr: [
    'issements',
    'issement',
    'ements',
    'ement',
    'ations',
    'ation',
    'ments',
    'ment',
    'euses',
    'euse',
    'ables',
    'able',
    'ees',
    'ee',
    'es',
    'er',
    'ez',
    'e',
    's',
    'x',
  ],
  vi: [],
};

/** The stem of one folded word: an ending stripped twice at most, so "rudeness" → "rude" → "rud" meets "rude" → "rud". */
export function stem(word: string, lang: ThemeLanguage): string {
  return strip(strip(word, lang), lang);
}

function strip(word: string, lang: ThemeLanguage): string {
  for (const ending of ENDINGS[lang]) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/** A keyword ready to match: its stemmed tokens, the last one a prefix when written with `*`. */
export interface CompiledKeyword {
  words: string[];
  prefix: boolean;
}

export function compileKeyword(keyword: string, lang: ThemeLanguage): CompiledKeyword | undefined {
  const prefix = keyword.trimEnd().endsWith('*');
  const words = tokens(keyword);
  if (!words.length) return undefined;
  return { words: words.map((w, i) => (prefix && i === words.length - 1 ? w : stem(w, lang))), prefix };
}

/** Whether the stemmed comment words contain the keyword (its words consecutive). */
export function containsKeyword(folded: readonly string[], stemmed: readonly string[], k: CompiledKeyword): boolean {
  const last = k.words.length - 1;
  for (let i = 0; i + last < stemmed.length; i++) {
    let ok = true;
    for (let j = 0; j <= last && ok; j++) {
      ok = k.prefix && j === last ? folded[i + j].startsWith(k.words[j]) : stemmed[i + j] === k.words[j];
    }
    if (ok) return true;
  }
  return false;
}

/** A matcher for a set of keywords per language: text → whether any keyword occurs. */
export function keywordMatcher(keywords: Partial<Record<ThemeLanguage, readonly string[]>>): (text: string) => boolean {
  const compiled = (Object.entries(keywords) as [ThemeLanguage, readonly string[]][]).map(([lang, list]) => ({
    lang,
    list: list.map((k) => compileKeyword(k, lang)).filter((k): k is CompiledKeyword => k !== undefined),
  }));
  return (text) => {
    const folded = tokens(text);
    return compiled.some(({ lang, list }) => {
      const stemmed = folded.map((w) => stem(w, lang));
      return list.some((k) => containsKeyword(folded, stemmed, k));
    });
  };
}
