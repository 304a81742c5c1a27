import { describe, expect, it } from 'vitest';
import { redactNames, scrubPersonalData } from '../../src/analysis/scrub';
import { selectComments } from '../../src/analysis/comments';
import type { Respondent } from '../../src/schemas/dataset';
import { strings } from '../../src/i18n';

const TOKENS = strings('en').comments.removed;

describe('redactNames(text, names, token)', () => {
  it.each([
    ['Ask for JOSÉ Álvarez please', ['jose alvarez'], 'Ask for [name removed] please'],
    ['Nguyen Thi Anh helped', ['Nguyễn Thị Ánh'], '[name removed] helped'],
    ['Annabelle and Ann', ['Ann'], 'Annabelle and [name removed]'],
    ['Ann, ann; ANN.', ['ann'], '[name removed], [name removed]; [name removed].'],
    ['nothing here', [], 'nothing here'],
  ])('%s → %s', (text, names, expected) => {
    expect(redactNames(text, names, TOKENS.name)).toBe(expected);
  });
});

describe('scrubPersonalData with a redact list', () => {
  it('removes the e-mail address whole before the name in it', () => {
    expect(scrubPersonalData('Jane at jane.doe@example.com', TOKENS, ['Jane'])).toBe('[name removed] at [e-mail removed]');
  });

  it('reaches the published comments', () => {
    const rs = Array.from(
      { length: 3 },
      (_, i) => ({ id: `r${i}`, wave: 'W', segments: {}, e: {}, p: {}, w: {}, comment: `Thanks Bob ${i}` }) as unknown as Respondent,
    );
    expect(selectComments(rs, 'W', { min_base: 3, low_base: 3 }, TOKENS, ['bob'])?.items.map((c) => c.text)).toEqual([
      'Thanks [name removed] 0',
      'Thanks [name removed] 1',
      'Thanks [name removed] 2',
    ]);
  });
});
