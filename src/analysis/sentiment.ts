/**
 * Sentiment of comments (issue 17 item 2), offline, by lexicon: no model, no network. The
 * lexicons are passed in (src/data/sentiment-lexicons.ts reads them from their packages);
 * this file only scores.
 *
 * One comment:
 * 1. Its language is identified, not guessed at sentiment: Vietnamese when it holds a letter
 *    only Vietnamese writes (ă đ ơ ư or a tone-marked vowel of U+1EA0–U+1EF9); otherwise French
 *    when it has more French than English function words (FUNCTION_WORDS), else English. A
 *    language without a lexicon (Vietnamese) is not scored: its comments are counted apart and
 *    the page says sentiment is not available for them.
 * 2. The text is folded (NFKC, lower case, ’ → ', without diacritics when the lexicon has none)
 *    and cut into clauses at punctuation (. , ; : ! ? brackets, quotes, dashes, line breaks) and
 *    before the lexicon's clause words ("but", "mais"). Words keep an inner apostrophe or hyphen
 *    ("can't", "well-being"), except a French elision (a part of one or two letters, or ending in
 *    "qu", before the apostrophe: "n'est" → "n", "est").
 * 3. Each word, or the longest phrase of the lexicon starting at it ("does not work"), is looked up
 *    under the lexicon's variants of the word (fr: the word, the word without a plural -s/-x, then
 *    without a feminine -e, then its Snowball stem); the first variant found gives its valence (−5…+5).
 * 4. Negation: a valence whose word has a negator among the NEGATION_WINDOW words before it in
 *    the same clause ("not", "never", "don't", …; fr "ne", "n", "pas", "jamais", "sans", …) counts
 *    with its sign reversed, once however many negators ("n'est pas bon" is one negation). A
 *    lexicon phrase that holds its own negation ("not good") is one entry and is not reversed by it.
 * 5. s = the sum of the valences; the comment's score is s / √(s² + α) with α = 15 (the
 *    normalisation of VADER, Hutto & Gilbert 2014), in (−1, 1); it reads positive at +0.05 or
 *    more, negative at −0.05 or less, neutral between (no lexicon word at all: 0, neutral).
 *
 * A group's figures: counts and shares of negative and positive comments (Wilson intervals) and
 * the mean score (Student-t interval), unweighted like the theme shares (the base is comments).
 */
import { meanEstimate } from '../stats/descriptive';
import { wilsonInterval } from '../stats/proportion';
import type { Respondent } from '../schemas/dataset';
import {
  SENTIMENT_LANGUAGES,
  type SentimentFigure,
  type SentimentGroup,
  type SentimentLanguage,
  type SentimentLexicon,
  type SentimentLexicons,
} from '../schemas/sentiment';
import type { BaseRule } from './suppress';

export const SENTIMENT_THRESHOLD = 0.05;
export const SENTIMENT_ALPHA = 15;
export const NEGATION_WINDOW = 3;

/** Function words that tell French from English comments (folded, without diacritics). */
export const FUNCTION_WORDS: Record<'en' | 'fr', ReadonlySet<string>> = {
  en: new Set(
    'the an and is was were are not very but for with i we you it this that to of in my our they have had be been too so at me your his her from'.split(' '),
  ),
  fr: new Set(
    'le la les des du de un une est et pas tres mais pour avec je nous vous il elle ils elles ce cette ces qui que au aux sur dans ne n j c l qu etait ete sont ont mon ma mes votre vos leur tout trop bien en'.split(
      ' ',
    ),
  ),
};

const VIETNAMESE_LETTER = /[ăđơưĂĐƠƯ\u1EA0-\u1EF9]/u;
const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”«»…\n\r]+|\s[-–—]+\s/u;
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

function fold(text: string, diacritics: boolean): string {
  const lower = text.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'");
  return diacritics
    ? lower
        .replace(/đ/g, 'd')
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
    : lower;
}

/** The words of one clause; a French elision ("n'", "qu'") is a word of its own. */
function words(clause: string): string[] {
  const out: string[] = [];
  for (const w of clause.match(WORD) ?? []) {
    const apostrophe = w.indexOf("'");
    const head = apostrophe > 0 ? w.slice(0, apostrophe) : '';
    if (head && (head.length <= 2 || head.endsWith('qu'))) out.push(head, ...words(w.slice(apostrophe + 1)));
    else out.push(w);
  }
  return out;
}

/** The comment's clauses, each a list of folded words; clause words of the lexicon start a new clause. */
export function clauses(text: string, diacritics: boolean, breaks: ReadonlySet<string> = new Set()): string[][] {
  const out: string[][] = [];
  for (const part of fold(text, diacritics).split(CLAUSE_BREAK)) {
    let current: string[] = [];
    for (const w of words(part)) {
      if (breaks.has(w) && current.length) {
        out.push(current);
        current = [];
      }
      current.push(w);
    }
    if (current.length) out.push(current);
  }
  return out;
}

/** The language a comment is written in (see the file's comment): vi, fr or en. */
export function commentLanguage(text: string): SentimentLanguage {
  if (VIETNAMESE_LETTER.test(text)) return 'vi';
  let fr = 0;
  let en = 0;
  for (const clause of clauses(text, true)) {
    for (const w of clause) {
      if (FUNCTION_WORDS.fr.has(w)) fr++;
      if (FUNCTION_WORDS.en.has(w)) en++;
    }
  }
  return fr > en ? 'fr' : 'en';
}

export interface SentimentHit {
  /** The lexicon entry found (a word or a phrase). */
  term: string;
  valence: number;
  negated: boolean;
}

export interface CommentSentiment {
  /** s / √(s² + α), in (−1, 1). */
  score: number;
  /** The sum of the (negation-signed) valences. */
  sum: number;
  label: 'negative' | 'neutral' | 'positive';
  hits: SentimentHit[];
}

/** The longest phrase length of a lexicon (1 for words only). */
const phraseLengths = new WeakMap<SentimentLexicon, number>();
function longestPhrase(lex: SentimentLexicon): number {
  let n = phraseLengths.get(lex);
  if (n === undefined) {
    n = 1;
    for (const k of lex.words.keys()) n = Math.max(n, k.split(' ').length);
    phraseLengths.set(lex, n);
  }
  return n;
}

function lookup(lex: SentimentLexicon, word: string): [string, number] | undefined {
  for (const v of lex.variants ? lex.variants(word) : [word]) {
    const valence = lex.words.get(v);
    if (valence !== undefined) return [v, valence];
  }
  return undefined;
}

/** One comment's score and label by one lexicon. */
export function scoreComment(text: string, lex: SentimentLexicon): CommentSentiment {
  const hits: SentimentHit[] = [];
  const longest = longestPhrase(lex);
  for (const clause of clauses(text, lex.foldDiacritics, lex.breaks)) {
    let i = 0;
    while (i < clause.length) {
      let found: [string, number, number] | undefined;
      for (let len = Math.min(longest, clause.length - i); len >= 2 && !found; len--) {
        const phrase = clause.slice(i, i + len).join(' ');
        const valence = lex.words.get(phrase);
        if (valence !== undefined) found = [phrase, valence, len];
      }
      if (!found) {
        const one = lookup(lex, clause[i]);
        if (one) found = [one[0], one[1], 1];
      }
      if (found) {
        const negated = clause.slice(Math.max(0, i - NEGATION_WINDOW), i).some((w) => lex.negators.has(w));
        hits.push({ term: found[0], valence: found[1], negated });
        i += found[2];
      } else i++;
    }
  }
  const sum = hits.reduce((s, h) => s + (h.negated ? -h.valence : h.valence), 0);
  const score = sum / Math.sqrt(sum * sum + SENTIMENT_ALPHA);
  const label = score >= SENTIMENT_THRESHOLD ? 'positive' : score <= -SENTIMENT_THRESHOLD ? 'negative' : 'neutral';
  return { score, sum, label, hits };
}

/** A comment as the figures need it: its author's wave and segments, and its score when its language has a lexicon. */
interface Scored {
  wave: string;
  segments: Record<string, string | undefined>;
  language: SentimentLanguage;
  sentiment?: CommentSentiment;
  text: string;
}

/** The figures of a group of scored comments (at least one). */
export function sentimentGroup(scores: readonly CommentSentiment[]): SentimentGroup {
  const n = scores.length;
  const count = (l: CommentSentiment['label']) => scores.filter((s) => s.label === l).length;
  const [negative, neutral, positive] = [count('negative'), count('neutral'), count('positive')];
  const mean = meanEstimate(scores.map((s) => s.score))!;
  return {
    n,
    negative,
    neutral,
    positive,
    share_negative: negative / n,
    share_negative_ci95: wilsonInterval(negative, n)!,
    share_positive: positive / n,
    share_positive_ci95: wilsonInterval(positive, n)!,
    mean: mean.mean,
    ...(mean.ci95 ? { mean_ci95: mean.ci95 } : {}),
  };
}

export interface SentimentInputs {
  lexicons: SentimentLexicons;
  wave: string | undefined;
  rule: BaseRule;
  segmentNames: readonly string[];
  /** Theme id → whether a comment mentions it (the codebook's matcher), when the dataset keeps one. */
  themes?: { ids: readonly string[]; mentions: (text: string) => Set<string> };
}

/** The sentiment figures of the report's wave; undefined without a wave or under min_base comments (as the themes). */
export function sentimentFigures(responses: readonly Respondent[], inputs: SentimentInputs): SentimentFigure | undefined {
  const { lexicons, wave, rule } = inputs;
  if (wave === undefined) return undefined;
  const all: Scored[] = responses
    .filter((r) => (r.comment ?? '').trim() !== '' && r.wave <= wave)
    .map((r) => {
      const text = r.comment as string;
      const language = commentLanguage(text);
      const lex = lexicons[language];
      return { wave: r.wave, segments: r.segments, language, text, ...(lex ? { sentiment: scoreComment(text, lex) } : {}) };
    });
  const inWave = all.filter((c) => c.wave === wave);
  if (inWave.length < rule.min_base) return undefined;
  const scored = (group: readonly Scored[]) => group.flatMap((c) => (c.sentiment ? [c.sentiment] : []));
  const figure = (group: readonly Scored[]) => {
    const s = scored(group);
    return s.length < rule.min_base ? { n: s.length, suppressed: true as const } : sentimentGroup(s);
  };
  const languages: SentimentFigure['languages'] = {};
  for (const lang of SENTIMENT_LANGUAGES) {
    const lex = lexicons[lang];
    languages[lang] = {
      comments: inWave.filter((c) => c.language === lang).length,
      available: lex !== undefined,
      ...(lex ? { lexicon: lex.source.lexicon, package: lex.source.package, licence: lex.source.licence } : {}),
    };
  }
  const waves = [...new Set(all.map((c) => c.wave))].sort();
  const trend = waves.flatMap((w) => {
    const s = scored(all.filter((c) => c.wave === w));
    return s.length >= rule.min_base ? [{ wave: w, ...sentimentGroup(s) }] : [];
  });
  const segments: SentimentFigure['segments'] = {};
  for (const name of inputs.segmentNames) {
    const values = [...new Set(inWave.map((c) => c.segments[name]).filter((v): v is string => v !== undefined))].sort();
    if (values.length) segments[name] = Object.fromEntries(values.map((v) => [v, figure(inWave.filter((c) => c.segments[name] === v))]));
  }
  const themes: SentimentFigure['themes'] = {};
  if (inputs.themes) {
    const mentioned = inWave.map((c) => ({ c, found: inputs.themes!.mentions(c.text) }));
    for (const id of inputs.themes.ids) themes[id] = figure(mentioned.filter((m) => m.found.has(id)).map((m) => m.c));
  }
  return {
    wave,
    comments: inWave.length,
    method: { kind: 'lexicon', threshold: SENTIMENT_THRESHOLD, alpha: SENTIMENT_ALPHA, negation_window: NEGATION_WINDOW },
    languages,
    overall: figure(inWave),
    waves: trend,
    segments,
    themes,
  };
}
