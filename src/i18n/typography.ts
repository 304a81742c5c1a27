/** Typography rules over strings; imports nothing, so locale files can use it without an import cycle. */

/**
 * French typography: a narrow no-break space (U+202F) before `:` `;` `?` `!` `%` and inside
 * « », so a line never starts with the punctuation. Intl already puts U+202F between
 * thousands ("1 200") but U+00A0 before "%"; both become U+202F so numbers and templates match.
 */
export function frenchSpacing(s: string): string {
  return s.replace(/[ \u00a0]+([:;?!%»])/g, '\u202f$1').replace(/«[ \u00a0]+/g, '«\u202f');
}

/** Every string of a locale file through `fix` (French spacing), keeping its shape and type. */
export function mapStrings<T>(value: T, fix: (s: string) => string): T {
  if (typeof value === 'string') return fix(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fix)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fix)])) as T;
  return value;
}
