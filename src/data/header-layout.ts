/**
 * Header layouts of survey-tool exports: columns found by their question text (`by_text:`,
 * the first header row under the names) or their position (`by_position:`, for blank,
 * repeated or unnamed headers), and the checks that `header_rows:` counts exactly the rows
 * between the names and the first respondent — a respondent read as a header row is lost
 * without a trace, and a header row read as a respondent is not a labelling problem.
 */
import type { ProblemSink } from './problems';
import { closest } from '../schemas/did-you-mean';

/** How a header is named in messages: `"Q5_1"`, or `(blank, column 7)`. */
export function headerLabel(name: string, index: number): string {
  return name.trim() === '' ? `(blank, column ${index + 1})` : `"${name}"`;
}

/** What a Columns object knows, and the part of its Mapping read here (structural: columns.ts imports this module). */
interface HeaderView {
  header: string[];
  below?: string[];
}
interface Mapping {
  byText?: Record<string, string>;
  byPosition?: Record<string, number>;
  lines?: Record<string, number>;
}
type Source = { kind: 'header'; index: number; name: string };

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The source `by_position:` gives a contract column: undefined when it does not map it, null
 * when it names a column the file lacks (reported to `sink`, when given).
 */
export function byPositionSource(cols: HeaderView, mapping: Mapping, contract: string, sink: ProblemSink | undefined): Source | null | undefined {
  const position = mapping.byPosition && Object.hasOwn(mapping.byPosition, contract) ? mapping.byPosition[contract] : undefined;
  if (position === undefined) return undefined;
  if (position > cols.header.length) {
    sink?.add({ line: 1, message: `by_position: puts "${contract}" in column ${position}${at(mapping, 'by_position')}, but the header has ${cols.header.length} columns.`, hint: 'Count columns from 1, the first column of the file.' });
    return null;
  }
  const index = position - 1;
  return { kind: 'header', index, name: cols.header[index].trim() === '' ? `column ${position}` : cols.header[index] };
}

/** The source `by_text:` gives a contract column, by the question text under the names (undefined / null as byPositionSource). */
export function byTextSource(cols: HeaderView, mapping: Mapping, contract: string, sink: ProblemSink | undefined): Source | null | undefined {
  const text = mapping.byText && Object.hasOwn(mapping.byText, contract) ? mapping.byText[contract] : undefined;
  if (text === undefined) return undefined;
  const where = at(mapping, 'by_text');
  if (!cols.below) {
    sink?.add({ line: 1, message: `by_text: finds "${contract}" by its question text${where}, but the file has no header row under the names.`, hint: 'Set header_rows: to the rows between the names and the first respondent (question texts are the first of them), or map the column by name with columns:.' });
    return null;
  }
  const want = squash(text);
  const found = cols.below.flatMap((t, i) => (squash(t) === want ? [i] : []));
  if (found.length === 1) {
    const index = found[0];
    return { kind: 'header', index, name: cols.header[index].trim() === '' ? text : cols.header[index] };
  }
  if (found.length === 0) {
    const near = closest(text, cols.below.filter((t) => t.trim() !== ''));
    sink?.add({ line: 1, message: `by_text: finds "${contract}" by the question text "${text}"${where}, but no column has that text.`, hint: near !== undefined ? `Did you mean "${near}"?` : 'Copy the text from the header row under the names (it is compared ignoring case and spacing).' });
  } else {
    sink?.add({
      line: 1,
      message: `by_text: finds "${contract}" by the question text "${text}"${where}, but ${found.length} columns have it (${found.map((i) => headerLabel(cols.header[i], i)).join(', ')}).`,
      hint: `Map the one you mean by position, e.g. by_position: { ${contract}: ${found[0] + 1} }.`,
    });
  }
  return null;
}

function at(mapping: Mapping, key: string): string {
  const line = mapping.lines?.[key];
  return line !== undefined ? ` (questionnaire.yaml line ${line})` : '';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** How a row's number columns read: cells that are numbers, and cells that are text no number rule accepts. */
function tally(fields: string[], numeric: number[], isMissing: (raw: string) => boolean): { numbers: number; texts: string[] } {
  let numbers = 0;
  const texts: string[] = [];
  for (const i of numeric) {
    const cell = (fields[i] ?? '').trim();
    if (cell === '' || isMissing(cell)) continue;
    if (NUMBER.test(cell) || /^[+-]?\d+,\d+$/.test(cell)) numbers++;
    else texts.push(cell);
  }
  return { numbers, texts };
}

/** A cell that reads as a question, not an answer label: a question mark or colon, or three words or more. */
const QUESTION = (t: string) => /[?:]/.test(t) || t.split(/\s+/).length >= 3;

/** The header_rows setting as messages name it. */
function headerRowsSetting(rows: number, line: number | undefined, source: string | undefined): string {
  if (line !== undefined) return `header_rows: ${rows} (questionnaire.yaml line ${line})`;
  return source ? `the ${source} preset's header rows (${rows})` : `header_rows: ${rows} (the default)`;
}

export interface HeaderRowCheck {
  /** Header indexes read as numbers (items, nps, csat, ces, overall) without labels. */
  numeric: number[];
  headerRows: number;
  headerRowsLine?: number;
  source?: string;
  isMissing: (raw: string) => boolean;
}

/**
 * A skipped header row that reads as a respondent (numbers where the ratings are, no text):
 * header_rows is too large, and that respondent would be dropped without a word.
 * `lines`: the physical line of each row under the names.
 */
export function respondentsInHeaderRows(below: string[][], lines: number[], check: HeaderRowCheck, sink: ProblemSink): void {
  if (check.numeric.length === 0) return;
  const rows = below.slice(0, check.headerRows);
  const first = rows.findIndex((r) => {
    const t = tally(r, check.numeric, check.isMissing);
    return t.numbers > 0 && t.texts.length === 0;
  });
  if (first < 0) return;
  sink.add({
    line: lines[first],
    message: `is skipped as a header row by ${headerRowsSetting(check.headerRows, check.headerRowsLine, check.source)}, but it reads as a respondent (numbers where the ratings are).`,
    hint: `header_rows counts the rows between the names and the first respondent: here ${first}. Set header_rows: ${first}.`,
  });
}

/**
 * Whether a data row near the top reads as a header row (question texts where the ratings are,
 * no number): header_rows is too small. Returns the problem to report instead of its cells'.
 * `before`: how many data rows above it read as header rows too.
 */
export function headerRowAsData(fields: string[], before: number, check: HeaderRowCheck): { message: string; hint: string } | undefined {
  if (check.numeric.length === 0) return undefined;
  const t = tally(fields, check.numeric, check.isMissing);
  // Question texts: no number, most rating columns written, each column its own text, some of them questions.
  // Answer labels (Agree, Agree, Very satisfied) repeat and are short: they stay cell problems, with the recode: hint.
  if (t.numbers > 0 || t.texts.length < 2 || t.texts.length * 2 < check.numeric.length) return undefined;
  if (new Set(t.texts.map((x) => x.toLowerCase())).size < t.texts.length || !t.texts.some(QUESTION)) return undefined;
  const want = check.headerRows + before + 1;
  return {
    message: `reads as a header row (text where the ratings are, no number), not a respondent.`,
    hint: `${headerRowsSetting(check.headerRows, check.headerRowsLine, check.source)} counts the rows between the names and the first respondent: set header_rows: ${want}.`,
  };
}
