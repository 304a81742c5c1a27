import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectComments } from '../../src/analysis/comments';
import { computeFigures } from '../../src/build/figures-fs';
import type { Respondent } from '../../src/schemas/dataset';

const respondent = (id: string, wave: string, comment?: string): Respondent => ({ id, wave, segments: {}, e: {}, p: {}, w: {}, comment, line: 2 });
const rule = { min_base: 3, low_base: 5 };
const TOKENS = {
  email: '[e-mail removed]',
  phone: '[phone number removed]',
  card: '[card number removed]',
  iban: '[bank account removed]',
  link: '[link removed]',
};

describe('selectComments(responses, wave, rule)', () => {
  it('returns the wave’s comments trimmed, blanks dropped, grouped and sorted so none ties back to a row', () => {
    const rs = [
      respondent('a', 'W2', ' zebra '),
      respondent('b', 'W2', 'apple'),
      respondent('c', 'W2', ''),
      respondent('d', 'W2', 'mango'),
      respondent('f', 'W2', 'zebra'),
      respondent('e', 'W1', 'old'),
    ];
    expect(selectComments(rs, 'W2', rule, TOKENS)).toEqual({
      wave: 'W2',
      n: 4,
      items: [
        { text: 'zebra', count: 2 },
        { text: 'apple', count: 1 },
        { text: 'mango', count: 1 },
      ],
    });
  });

  it('withholds every comment when fewer than min_base were written', () => {
    const rs = [respondent('a', 'W', 'one'), respondent('b', 'W', 'two'), respondent('c', 'W'), respondent('d', 'W')];
    expect(selectComments(rs, 'W', rule, TOKENS)).toBeUndefined();
  });

  it('withholds comments when the wave’s base is under min_base', () => {
    expect(selectComments([respondent('a', 'W', 'x'), respondent('b', 'W', 'y')], 'W', { min_base: 3, low_base: 3 }, TOKENS)).toBeUndefined();
  });
});

describe('selectComments scrubs contact and payment details', () => {
  it('replaces e-mails, phones and card numbers before grouping, so two comments differing only by address count as one', () => {
    const rs = [
      respondent('a', 'W', 'Call me on +33 6 12 34 56 78'),
      respondent('b', 'W', 'Call me on 06 98 76 54 32'),
      respondent('c', 'W', 'mail ann@example.com, card 4111 1111 1111 1111'),
    ];
    expect(selectComments(rs, 'W', rule, TOKENS)).toEqual({
      wave: 'W',
      n: 3,
      items: [
        { text: 'Call me on [phone number removed]', count: 2 },
        { text: 'mail [e-mail removed], card [card number removed]', count: 1 },
      ],
    });
  });

  it('keeps the token of a comment that was only an e-mail address, so the reader sees something was removed', () => {
    const rs = ['x@y.org', 'fine', 'fine'].map((c, i) => respondent(String(i), 'W', c));
    expect(selectComments(rs, 'W', rule, TOKENS)?.items).toEqual([
      { text: 'fine', count: 2 },
      { text: '[e-mail removed]', count: 1 },
    ]);
  });
});

describe('computeFigures with comments', () => {
  const root = mkdtempSync(join(tmpdir(), 'gapreport-comments-'));
  const demo = new URL('../../data/demo', import.meta.url).pathname;

  it('publishes the report wave’s comments only when the report opts in, without respondent ids', async () => {
    const off = await computeFigures(root, demo, {});
    expect(off.figures?.comments).toBeUndefined();
    const on = await computeFigures(root, demo, { comments: true });
    const comments = on.figures?.comments;
    expect(comments?.wave).toBe('2026-Q3');
    expect(comments!.n).toBeGreaterThanOrEqual(10);
    expect(comments!.items.reduce((s, c) => s + c.count, 0)).toBe(comments!.n);
    expect(JSON.stringify(comments)).not.toMatch(/R26Q\d-\d{5}/);
  });
});
