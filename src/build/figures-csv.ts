/**
 * The figures as a long CSV table (`figure_id,value`), for the report's download.
 * Pure: no I/O. Ids follow the <Metric id> convention: object keys joined by dots, array
 * entries named by their id field (wave, standard_id, metric, driver, item, id, company,
 * period), else by position. Suppressed figures keep `suppressed` and `n` and no value.
 */

/** Fields that name an array entry, in the order they are tried. */
export const ENTRY_KEYS = ['wave', 'standard_id', 'metric', 'driver', 'item', 'id', 'company', 'period'] as const;

export type Cell = string | number | boolean;

/** Flattens any JSON value into `[id, value]` rows, depth first, in key order. */
export function flattenFigures(value: unknown, prefix = ''): [string, Cell][] {
  const join = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (value === null || value === undefined) return [];
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return prefix ? [[prefix, value]] : [];
  if (Array.isArray(value)) {
    return value.flatMap((entry, i) => {
      const name = entry && typeof entry === 'object' ? ENTRY_KEYS.map((k) => (entry as Record<string, unknown>)[k]).find((x) => typeof x === 'string') : undefined;
      return flattenFigures(entry, join(typeof name === 'string' ? name : String(i)));
    });
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flattenFigures(v, join(k)));
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: spreadsheet formulas are neutralised (a text cell starting with = + - @,
 * tab or CR gets a leading ', per OWASP CSV injection) — plain numbers such as -0.71 are
 * data and stay numbers — then RFC 4180 quoting when the cell holds , " CR or LF.
 */
export function csvCell(value: Cell): string {
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (FORMULA_START.test(s) && !(typeof value === 'number' || PLAIN_NUMBER.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole download: header `figure_id,value`, one row per figure, CRLF line ends (RFC 4180). */
export function figuresCsv(figures: unknown): string {
  const rows = flattenFigures(figures).map(([id, v]) => `${csvCell(id)},${csvCell(v)}`);
  return `figure_id,value\r\n${rows.map((r) => `${r}\r\n`).join('')}`;
}
