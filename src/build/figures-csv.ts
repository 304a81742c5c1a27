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
  const out: [string, Cell][] = [];
  eachFigure(value, prefix, (id, v) => out.push([id, v]));
  return out;
}

// Keys repeat across a per: report's entities (score, n, ci95, …): each key's step is formatted once.
const steps = new Map<string, string>();
function step(prefix: string, name: string): string {
  let formatted = steps.get(name);
  if (formatted === undefined) {
    formatted = appendStep('x', name).slice(1);
    if (steps.size < 100_000) steps.set(name, formatted);
  }
  return prefix === '' ? appendStep('', name) : prefix + formatted;
}

/** flattenFigures' rows handed to `row` as they are reached, depth first: a per: report's figures hold millions (2.5M at 1,000 entities). */
function eachFigure(value: unknown, prefix: string, row: (id: string, value: Cell) => void): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    if (prefix) row(prefix, value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((entry, i) => eachFigure(entry, step(prefix, entryName(entry) ?? String(i)), row));
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) eachFigure(v, step(prefix, k), row);
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: spreadsheet formulas are neutralised (a text cell starting with = + - @,
 * tab or CR gets a leading ', per OWASP CSV injection) — plain numbers such as -0.71 are
 * data and stay numbers — then RFC 4180 quoting when the cell holds , " CR or LF.
 */
export function csvCell(value: Cell): string {
  // A number is data whatever its sign and never holds a comma, quote or line break.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (FORMULA_START.test(s) && !(typeof value === 'number' || PLAIN_NUMBER.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole download: header `figure_id,value`, one row per figure, CRLF line ends (RFC 4180). */
export function figuresCsv(figures: unknown): string {
  const chunks: string[] = [];
  writeCsv(figures, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

/**
 * The same text as UTF-8 pieces, each encoded as soon as it is written: the CSV of a per:
 * report with 1,000 entities is 225 MB, and built as one string, with its rows in arrays on
 * the way, it took 2.6 GB (the build's peak memory).
 */
export function figuresCsvBytes(figures: unknown): Uint8Array[] {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  writeCsv(figures, (chunk) => parts.push(encoder.encode(chunk)));
  return parts;
}

function writeCsv(figures: unknown, emit: (chunk: string) => void, size = 1 << 16): void {
  let chunk = 'figure_id,value\r\n';
  // eachFigure's walk, each id's cell built beside the id from its parent's: an id that starts no formula
  // is quoted when any of its steps holds , " CR or LF (a name in ["brackets"]: most ids of a per: report,
  // 2.5M at 1,000 entities), its quotes doubled step by step, so csvCell never scans a whole id. `cell`
  // is the id's text inside the quotes, `quoted` whether it needs them; undefined: csvCell decides.
  const walk = (value: unknown, id: string, cell: string | undefined, quoted: boolean): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      if (!id) return;
      const idCell = cell === undefined ? csvCell(id) : quoted ? `"${cell}"` : cell;
      chunk += `${idCell},${typeof value === 'string' ? csvCell(value) : typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value)}\r\n`;
      if (chunk.length >= size) {
        emit(chunk);
        chunk = '';
      }
      return;
    }
    const down = (entry: unknown, name: string) => {
      if (id === '') {
        const first = appendStep('', name);
        if (FORMULA_START.test(first)) walk(entry, first, undefined, false);
        else walk(entry, first, first.replace(/"/g, '""'), QUOTED.test(first));
      } else {
        const step = csvSteps.get(name) ?? csvStep(name);
        walk(entry, id + step.step, cell === undefined ? undefined : cell + step.cell, quoted || step.quoted);
      }
    };
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) down(value[i], entryName(value[i]) ?? String(i));
    else for (const k of Object.keys(value)) down((value as Record<string, unknown>)[k], k);
  };
  walk(figures, '', '', false);
  emit(chunk);
}

const QUOTED = /[",\r\n]/;

// A step as written after its parent, its text inside a quoted cell, and whether it makes the cell quoted.
const csvSteps = new Map<string, { step: string; cell: string; quoted: boolean }>();
function csvStep(name: string): { step: string; cell: string; quoted: boolean } {
  const step = appendStep('x', name).slice(1);
  const known = { step, cell: step.replace(/"/g, '""'), quoted: QUOTED.test(step) };
  if (csvSteps.size < 100_000) csvSteps.set(name, known);
  return known;
}
