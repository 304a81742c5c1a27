/** The sentiment scorer's documented rules, one behaviour a test (src/analysis/sentiment.ts). */
import { describe, expect, it } from 'vitest';
import { commentLanguage, scoreComment, sentimentFigures } from '../../src/analysis/sentiment';
import { sentimentLexicons } from '../../src/data/sentiment-lexicons-fs';
import type { Respondent } from '../../src/schemas/dataset';

const { en, fr } = sentimentLexicons();

describe('scoreComment', () => {
  it('reverses a word a negator precedes within three words, and reads the comment negative', () => {
    const plain = scoreComment('The agent was helpful', en!);
    const negated = scoreComment('The agent was not very helpful', en!);
    expect(plain.label).toBe('positive');
    expect(negated.hits).toEqual([{ term: 'helpful', valence: 2, negated: true }]);
    expect(negated.label).toBe('negative');
    expect(negated.score).toBeCloseTo(-plain.score, 12);
  });

  it('stops a negation at a clause break: punctuation or "but"', () => {
    expect(scoreComment('not late, good service', en!).hits.find((h) => h.term === 'good')?.negated).toBe(false);
    expect(scoreComment('no queue but good service', en!).hits.find((h) => h.term === 'good')?.negated).toBe(false);
  });

  it('reaches no further than three words back', () => {
    expect(scoreComment('not that it was really very good', en!).hits).toEqual([{ term: 'good', valence: 3, negated: false }]);
    expect(scoreComment('never was the agent so rude', en!).hits.find((h) => h.term === 'rude')?.negated).toBe(false);
  });

  it('scores a lexicon phrase that holds its own negation once, unreversed (AFINN\'s "does not work", "can\'t stand")', () => {
    expect(scoreComment('the app does not work', en!).hits).toEqual([{ term: 'does not work', valence: -3, negated: false }]);
    expect(scoreComment("I can't stand it", en!).hits).toEqual([{ term: "can't stand", valence: -3, negated: false }]);
  });

  it('normalises the sum to (−1, 1) as s/√(s²+15) and calls a comment without a lexicon word neutral at 0', () => {
    const s = scoreComment('good', en!);
    expect(s.score).toBeCloseTo(3 / Math.sqrt(9 + 15), 12);
    expect(scoreComment('the parcel came on Tuesday', en!)).toMatchObject({ score: 0, label: 'neutral', hits: [] });
  });

  it('negates French with ne … pas once, through an elision, without diacritics', () => {
    const s = scoreComment('Le personnel n’était pas aimable', fr!);
    expect(s.hits.filter((h) => h.negated).map((h) => h.term)).toEqual(['aimabl']);
    expect(s.label).toBe('negative');
    expect(scoreComment('tres aimable', fr!).score).toBe(scoreComment('très aimable', fr!).score);
  });

  it('finds a French feminine or plural form under its masculine entry before its stem ("mauvaise" → "mauvais")', () => {
    expect(scoreComment('une réponse mauvaise', fr!).hits.map((h) => h.term)).toContain('mauvais');
    expect(scoreComment('une réponse mauvaise', fr!).label).toBe('negative');
  });
});

describe('commentLanguage', () => {
  it('reads Vietnamese from its own letters, French from its function words, and English otherwise', () => {
    expect(commentLanguage('Nhân viên rất tốt')).toBe('vi');
    expect(commentLanguage('chờ đợi quá lâu')).toBe('vi');
    expect(commentLanguage("Le service n'est pas à la hauteur")).toBe('fr');
    expect(commentLanguage('The château was lovely')).toBe('en');
    expect(commentLanguage('Great!')).toBe('en');
  });
});

describe('sentimentFigures', () => {
  const people = (texts: string[], wave = 'W2') =>
    texts.map((comment, i) => ({ id: `${wave}-${i}`, wave, segments: { region: i % 2 ? 'a' : 'b' }, e: {}, p: {}, w: {}, comment }) as unknown as Respondent);
  const lexicons = sentimentLexicons();

  it('publishes nothing when the wave has fewer comments than min_base, as the themes', () => {
    expect(sentimentFigures(people(['good', 'bad']), { lexicons, wave: 'W2', rule: { min_base: 3, low_base: 5 }, segmentNames: [] })).toBeUndefined();
  });

  it('suppresses the overall figure when the scorable comments fall under min_base (all Vietnamese), never guessing them', () => {
    const f = sentimentFigures(people(['rất tốt', 'chờ lâu', 'cảm ơn', 'good']), {
      lexicons,
      wave: 'W2',
      rule: { min_base: 3, low_base: 5 },
      segmentNames: [],
    })!;
    expect(f.languages.vi).toEqual({ comments: 3, available: false });
    expect(f.overall).toEqual({ n: 1, suppressed: true });
  });

  it('counts shares of negative and positive comments and suppresses a segment value under min_base', () => {
    const f = sentimentFigures(people(['good', 'bad', 'terrible', 'fine', 'ok then', 'awful']), {
      lexicons,
      wave: 'W2',
      rule: { min_base: 3, low_base: 5 },
      segmentNames: ['region'],
    })!;
    expect(f.overall).toMatchObject({ n: 6, negative: 3, positive: 2, neutral: 1, share_negative: 0.5 });
    expect(f.segments.region.a).toMatchObject({ n: 3 });
    const small = sentimentFigures(people(['good', 'bad', 'terrible', 'fine']), {
      lexicons,
      wave: 'W2',
      rule: { min_base: 3, low_base: 5 },
      segmentNames: ['region'],
    })!;
    expect(small.segments.region.a).toEqual({ n: 2, suppressed: true });
  });
});
