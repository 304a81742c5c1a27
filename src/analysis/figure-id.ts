/**
 * The figure id syntax, shared by `<Metric id>` (resolveMetric), `data-figure` attributes
 * and the `figure_id` column of figures.csv, so an id copied from the CSV works in MDX.
 *
 *   id    = name { "." name | "[" quoted "]" }
 *   name  = one or more characters other than . [ ] " ' \ , whitespace and control characters
 *   quoted = a JSON string ("St. Louis", with \" and \\ escapes) or the same in single quotes
 *
 * `segments.region.North.nps.score` is an id of bare names; a name a bare step cannot hold
 * (a dot, space, bracket, quote, or nothing at all) is quoted: `segments.region["St. Louis"].nps.score`.
 * In MDX write such an id in single quotes: `<Metric id='segments.region["St. Louis"].n' />`.
 */

/** One step of an id: the name, and whether it was written in brackets (then it is never split on dots). */
export interface IdStep {
  name: string;
  quoted: boolean;
}

/** Fields that name an array entry, in the order they are tried: the first string one is the entry's name. */
export const ENTRY_KEYS = ['wave', 'standard_id', 'driver', 'item', 'id', 'metric', 'company', 'period'] as const;

/** The name of an array entry (its first ENTRY_KEYS field holding a string), else undefined. */
export function entryName(entry: unknown): string | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  for (const k of ENTRY_KEYS) {
    const v = Object.hasOwn(entry, k) ? (entry as Record<string, unknown>)[k] : undefined;
    if (typeof v === 'string') return v;
  }
  return undefined;
}

// \p{C}: control, format (zero-width), unassigned and surrogate code points — invisible or unprintable when bare.
const BARE = /^[^.[\]"'\\\s\p{C}]+$/u;

/** Whether a name can be written as a bare step. */
export const isBareName = (name: string): boolean => BARE.test(name);

/** One step as written after its parent: `.name`, or `["name"]` when the name needs quoting. */
export function formatStep(name: string, first = false): string {
  if (isBareName(name)) return first ? name : `.${name}`;
  return `[${JSON.stringify(name)}]`;
}

/** The canonical id of a path of names (bare where possible, else quoted). */
export function formatFigureId(names: readonly string[]): string {
  return names.map((n, i) => formatStep(n, i === 0)).join('');
}

/** Appends a name to an already formatted id. */
export const appendStep = (id: string, name: string): string => (id === '' ? formatStep(name, true) : id + formatStep(name));

export type ParsedId = { ok: true; steps: IdStep[] } | { ok: false; message: string };

/** Splits an id into its steps; a malformed bracket is an error naming where it is. */
export function parseFigureId(id: string): ParsedId {
  const steps: IdStep[] = [];
  let i = 0;
  let bare = '';
  let afterBracket = false;
  const flush = (): boolean => {
    if (bare === '' && !afterBracket) return false;
    if (bare !== '') steps.push({ name: bare, quoted: false });
    bare = '';
    afterBracket = false;
    return true;
  };
  const fail = (what: string): ParsedId => ({
    ok: false,
    message: `"${id}": ${what} at character ${i + 1}. A name with a dot, space or quote is written in brackets: segments.region["St. Louis"].n`,
  });
  while (i < id.length) {
    const ch = id[i];
    if (ch === '.') {
      if (!flush()) return fail('an empty name');
      i++;
      if (i === id.length) return fail('an empty name');
    } else if (ch === '[') {
      if (bare !== '') flush();
      const q = id[i + 1];
      if (q !== '"' && q !== "'") return fail('a "[" not followed by a quote');
      const end = closingQuote(id, i + 2, q);
      if (end < 0 || id[end + 1] !== ']') return fail('an unclosed quoted name');
      const body = id.slice(i + 2, end);
      let name: string;
      if (q === '"') {
        try {
          name = JSON.parse(`"${body}"`) as string;
        } catch {
          return fail('a bad escape in a quoted name');
        }
      } else name = body.replace(/\\(['\\])/g, '$1');
      steps.push({ name, quoted: true });
      afterBracket = true;
      i = end + 2;
      if (i < id.length && id[i] !== '.' && id[i] !== '[') return fail('a name right after "]" (put a dot between)');
    } else if (ch === ']') {
      return fail('a stray "]"');
    } else {
      bare += ch;
      afterBracket = false;
      i++;
    }
  }
  if (bare !== '') steps.push({ name: bare, quoted: false });
  if (steps.length === 0) return { ok: false, message: `"${id}": an empty id` };
  return { ok: true, steps };
}

/** Index of the quote closing a quoted name that starts at `from`, skipping backslash escapes; −1 when none. */
function closingQuote(id: string, from: number, quote: string): number {
  for (let j = from; j < id.length; j++) {
    if (id[j] === '\\') j++;
    else if (id[j] === quote) return j;
  }
  return -1;
}
