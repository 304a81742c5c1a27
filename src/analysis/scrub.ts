/**
 * Contact and payment details removed from free text before a comment is published
 * (SPEC §4 `comments: true`): customers write their e-mail, phone or card number into
 * "anything else?" boxes, and a published report (and its search index) must not carry them.
 * Each match becomes a visible token in the report's language, so a reader sees that
 * something was taken out. Patterns favour removing too much over publishing a detail:
 * a false positive costs a few words of a comment, a miss publishes someone's number.
 */

/** The replacement texts, in the report's language (src/i18n strings `comments.removed`). */
export interface ScrubTokens {
  email: string;
  phone: string;
  card: string;
  iban: string;
  link: string;
  /** A name of the questionnaire's `redact:` list; optional so callers without one need none. */
  name?: string;
}

/** A URL carrying a query or fragment (tokens, e-mails and ids travel there); plain addresses stay. */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']*[?#][^\s<>"']*/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Two letters, two check digits, then letters or digits, optionally in groups of four (the words after it too: see ibanPrefix). */
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4})+\b/giu;
/** 13–19 digits, single spaces or dashes between them (ISO/IEC 7812 lengths). */
const CARD = /(?<![\p{N}])\d(?:[ -]?\d){12,18}(?![\p{N}])/gu;
/** A run of digits with the separators phone numbers are written with; judged by isPhone. */
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|00)?\(?\d[\d .()-]{6,}\d\)?(?![\p{L}\p{N}])/gu;
const DATE = /^(?:\d{1,2}[.-]\d{1,2}[.-]\d{2,4}|\d{4}[.-]\d{1,2}[.-]\d{1,2})$/;

/** Luhn (ISO/IEC 7812-1) checksum: what every payment card number satisfies. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 check: the rearranged number, letters as 10–35, is 1 modulo 97. */
export function ibanValid(candidate: string): boolean {
  const s = candidate.replace(/ /g, '').toUpperCase();
  if (s.length < 15 || s.length > 34) return false;
  let rest = 0;
  for (const ch of s.slice(4) + s.slice(0, 4)) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of v) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

/** The longest run of whole space-separated groups at the start of `match` that is a valid IBAN ("… 606 thanks"). */
function ibanPrefix(match: string): string | undefined {
  const parts = match.split(' ');
  for (let k = parts.length; k > 0; k--) {
    const candidate = parts.slice(0, k).join(' ');
    if (ibanValid(candidate)) return candidate;
  }
  return undefined;
}

/**
 * A phone number: 8–15 digits (E.164's longest), not a date, and written as one — with an
 * international prefix (+, 00), an area code in parentheses or a trunk 0, or as ten or more
 * digits (bare, or in dash/dot groups ending in four). That leaves amounts ("12 345 678"),
 * decimals and dates alone.
 */
function isPhone(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15 || DATE.test(match)) return false;
  if (/^(?:\+|00|\(|0)/.test(match)) return true;
  if (/^\d+$/.test(match)) return digits.length >= 10;
  return digits.length >= 10 && /^\d{2,4}(?:[-.]\d{2,4})+$/.test(match) && /\d{4}$/.test(match);
}

/** Case and accents folded, one code unit per code unit of the original where possible (NFD marks dropped). */
function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

/**
 * The text with each name of `names` replaced by `token`, as a whole word or words, whatever its
 * case or accents ("jose" finds "José"). Matched on the folded text, replaced on the original.
 */
export function redactNames(text: string, names: readonly string[], token: string): string {
  const wanted = names.map((n) => fold(n.trim())).filter((n) => n !== '');
  if (!wanted.length) return text;
  // Fold character by character so a match's offsets map back onto the original text.
  const chars = [...text];
  const folded = chars.map(fold);
  const starts: number[] = [];
  let flat = '';
  for (const f of folded) {
    starts.push(flat.length);
    flat += f;
  }
  const word = /[\p{L}\p{N}]/u;
  const hits: [number, number][] = [];
  for (const name of wanted.sort((a, b) => b.length - a.length)) {
    for (let at = flat.indexOf(name); at !== -1; at = flat.indexOf(name, at + 1)) {
      const end = at + name.length;
      if ((at > 0 && word.test(flat[at - 1])) || (end < flat.length && word.test(flat[end]))) continue;
      const from = starts.findIndex((s) => s === at);
      const to = starts.findIndex((s) => s >= end);
      if (from === -1 || hits.some(([a, b]) => from < b && a < (to === -1 ? chars.length : to))) continue;
      hits.push([from, to === -1 ? chars.length : to]);
    }
  }
  hits.sort((a, b) => b[0] - a[0]);
  for (const [a, b] of hits) chars.splice(a, b - a, token);
  return chars.join('');
}

/** The text with links carrying a query, e-mail addresses, IBANs, card numbers, phone numbers and the `names` given replaced. */
export function scrubPersonalData(text: string, tokens: ScrubTokens, names: readonly string[] = []): string {
  // Names last: a name inside an e-mail address must not break the address's pattern first.
  const scrubbed = text
    .replace(LINK, () => tokens.link)
    .replace(EMAIL, () => tokens.email)
    .replace(IBAN, (m) => {
      const iban = ibanPrefix(m);
      return iban === undefined ? m : tokens.iban + m.slice(iban.length);
    })
    .replace(CARD, (m) => (luhnValid(m.replace(/\D/g, '')) ? tokens.card : m))
    .replace(PHONE, (m) => {
      // The pattern may take a trailing space or bracket of the sentence: judge and keep only the number.
      const core = m.replace(/[ .-]+$/, '');
      return isPhone(core) ? tokens.phone + m.slice(core.length) : m;
    });
  return tokens.name === undefined ? scrubbed : redactNames(scrubbed, names, tokens.name);
}
