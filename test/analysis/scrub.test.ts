import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid, scrubPersonalData } from '../../src/analysis/scrub';

const T = { email: '[e-mail]', phone: '[phone]', card: '[card]', iban: '[iban]', link: '[link]' };

describe('scrubPersonalData(text, tokens)', () => {
  describe.each([
    ['an e-mail address', 'write to jane.doe+survey@example.co.uk please', 'write to [e-mail] please'],
    ['an e-mail with accented letters', 'é: chloé.dupont@exemple.fr', 'é: [e-mail]'],
    ['a mailto: address', 'mailto:bob@example.com', 'mailto:[e-mail]'],
    ['an international phone with spaces', 'call +33 6 12 34 56 78 today', 'call [phone] today'],
    ['a phone with 00 prefix and dots', 'tel 0033.6.12.34.56.78', 'tel [phone]'],
    ['a US phone with area code in parentheses', 'ring (555) 123-4567 after 5', 'ring [phone] after 5'],
    ['a +1 phone with dashes', '+1-555-123-4567', '[phone]'],
    ['a French phone with a trunk 0', 'mon numéro 06 12 34 56 78', 'mon numéro [phone]'],
    ['a Vietnamese mobile', 'số 0912 345 678 nhé', 'số [phone] nhé'],
    ['a +84 mobile', '+84 912 345 678', '[phone]'],
    ['a UK number', 'on 020 7946 0958.', 'on [phone].'],
    ['a bare ten-digit number', 'my number is 5551234567', 'my number is [phone]'],
    ['a dotted US number', '555.123.4567', '[phone]'],
    ['a Visa number with spaces', 'card 4111 1111 1111 1111 was charged twice', 'card [card] was charged twice'],
    ['a card number with dashes', '5500-0000-0000-0004', '[card]'],
    ['an Amex number (15 digits)', 'amex 3782 822463 10005', 'amex [card]'],
    ['a bare 16-digit card number', '4012888888881881', '[card]'],
    ['an IBAN in groups of four', 'refund to FR14 2004 1010 0505 0001 3M02 606 thanks', 'refund to [iban] thanks'],
    ['a British IBAN without spaces', 'GB82WEST12345698765432', '[iban]'],
    ['a lower-case IBAN', 'de89 3704 0044 0532 0130 00', '[iban]'],
    ['a link with a query string', 'see https://shop.example.com/track?order=123&email=a%40b.c now', 'see [link] now'],
    ['a www link with a fragment', 'www.example.com/account#token=abc', '[link]'],
  ])('removes %s', (_, input, expected) => {
    it(`"${input}" → "${expected}"`, () => expect(scrubPersonalData(input, T)).toBe(expected));
  });

  describe.each([
    ['a plain link without query', 'the help page https://example.com/help was useless'],
    ['a date with dashes', 'since 2026-07-01 nothing works'],
    ['a date with dots', 'le 01.07.2026 à 10:30'],
    ['a date with slashes', 'on 01/07/2026'],
    ['an amount with space thousands', 'I paid 12 345 678 dong'],
    ['an amount with decimals', 'charged €1,234.56 instead of €123.45'],
    ['a decimal with many digits', 'pi is 3.14159265'],
    ['a short number', 'waited 45 minutes, called 3 times, ticket 123456'],
    ['a 16-digit number that fails Luhn', 'reference 1234 5678 9012 3450'],
    ['an IBAN-like code with a wrong checksum', 'code FR15 2004 1010 0505 0001 3M02 606'],
    ['an @-mention without a domain', 'thanks @support team'],
    ['a version and a quarter', 'app v2.3.1 since Q3 2026'],
    ['a range', 'took 3-5 days, 10-12 calls'],
  ])('keeps %s', (_, input) => {
    it(`"${input}"`, () => expect(scrubPersonalData(input, T)).toBe(input));
  });

  it('removes several details in one comment and nothing else', () => {
    expect(scrubPersonalData('Jane, jane@x.org, +44 20 7946 0958, card 4111111111111111.', T)).toBe('Jane, [e-mail], [phone], card [card].');
  });
});

describe('checksums', () => {
  it('luhnValid accepts the Visa test number and refuses one changed digit', () => {
    expect([luhnValid('4111111111111111'), luhnValid('4111111111111112')]).toEqual([true, false]);
  });
  it('ibanValid accepts the ISO 13616 example and refuses a changed digit', () => {
    expect([ibanValid('GB82 WEST 1234 5698 7654 32'), ibanValid('GB82 WEST 1234 5698 7654 33')]).toEqual([true, false]);
  });
});
