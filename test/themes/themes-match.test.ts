import { describe, expect, it } from 'vitest';
import { keywordMatcher, stem, tokens } from '../../src/analysis/themes-match';

describe('keywordMatcher(keywords per language)', () => {
  it.each([
    ['en', 'wait', 'I waited for ages and kept waiting', true],
    ['en', 'queue', 'the queues were long', true],
    ['en', 'rude', 'such rudeness', true],
    ['en', 'on hold', 'kept on hold', true],
    ['en', 'on hold', 'hold on, I was kept', false],
    ['en', 'refund*', 'no refunds yet', true],
    ['en', 'bus', 'the business line', false],
    ['fr', 'resilie', 'J’ai résilié mon contrat', true],
    ['fr', 'résiliation', 'RESILIATION impossible', true],
    ['fr', 'attente', "l'attente était longue", true],
    ['fr', 'facture', 'mes factures sont fausses', true],
    ['vi', 'cham soc', 'Dịch vụ chăm sóc khách hàng tệ', true],
    ['vi', 'dien thoai', 'gọi điện thoại mãi không được', true],
    ['vi', 'chờ', 'phải cho rất lâu', true],
  ] as const)('%s keyword "%s" in "%s": %s', (lang, keyword, text, found) => {
    expect(keywordMatcher({ [lang]: [keyword] })(text)).toBe(found);
  });

  it('folds case and diacritics into words, and stems only en and fr', () => {
    expect(tokens('Đã GỌI: café, l’été!')).toEqual(['da', 'goi', 'cafe', 'l', 'ete']);
    expect([stem('waiting', 'en'), stem('attendre', 'fr'), stem('nhanh', 'vi')]).toEqual(['wait', 'attendr', 'nhanh']);
  });
});
