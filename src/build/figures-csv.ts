import { appendStep, entryName } from '../analysis/figure-id';

/**
 * The figures as a long CSV table (`figure_id,value`), for the report's download.
 * Pure: no I/O. Ids are written in the <Metric id> syntax of src/analysis/figure-id.ts
 * (object keys joined by dots, a name with a dot, space or quote in `["brackets"]`; array
 * entries named by `entryName`, else by position), so an id copies from the CSV into MDX.
 * Suppressed figures keep `suppressed` and `n` and no value.
 */

export type Cell = string | number | boolean;

/** Flattens any JSON value into `[id, value]` rows, depth first, in key order (own keys only). */
export function flattenFigures(value: unknown, prefix = ''): [string, Cell][] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return prefix ? [[prefix, value]] : [];
  if (Array.isArray(value)) {
    return value.flatMap((entry, i) => flattenFigures(entry, appendStep(prefix, entryName(entry) ?? String(i))));
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flattenFigures(v, appendStep(prefix, k)));
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
