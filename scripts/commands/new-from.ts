/**
 * `gapreport new <id> --from <export.csv>`: a questionnaire.yaml proposed from an export's
 * headers and first rows, for the analyst to review — the survey tool it recognises (then
 * `source:` brings its header rows, dates and completion rules), the rating columns it can
 * name (0–10 "recommend" → nps, "overall"/"satisfied" → overall, other ratings → items), the
 * answer columns with few values (segments). Nothing is guessed silently: every proposed line
 * carries a comment saying what it was read from.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isImportIdRow, readCsv } from '../../src/data/csv';
import { decodeText } from '../../src/data/encoding';
import { ProblemSink } from '../../src/data/problems';
import type { Source } from '../../src/schemas/mapping';
import { TOOL_PRESETS } from '../../src/data/tool-presets';

/** Data rows read to guess each column's kind. */
const SAMPLE_ROWS = 200;
/** A column with at most this many distinct answers (and some repeats) is proposed as a segment. */
const MAX_SEGMENT_VALUES = 12;

/** Metadata columns of each tool (and of any export) that are never items or segments. */
const METADATA =
  /^(startdate|enddate|start date|end date|status|ipaddress|ip address|progress|duration.*|finished|recordeddate|responseid|recipient.*|externalreference|location.*|distributionchannel|userlanguage|respondent id|collector id|email address|first name|last name|custom data.*|id|submitdate|lastpage|startlanguage|seed|startdate|datestamp|timestamp|token|refurl|ipaddr)$/i;

/** The tool whose export this is, from its header names (and Qualtrics' ImportId row). */
export function recogniseTool(names: string[], below: string[][]): Source | undefined {
  const has = (n: string) => names.some((h) => h.trim().toLowerCase() === n.toLowerCase());
  if (has('ResponseId') && (has('Finished') || has('RecordedDate') || below.some(isImportIdRow))) return 'qualtrics';
  if (has('Respondent ID') && has('Collector ID')) return 'surveymonkey';
  if (has('submitdate') && (has('lastpage') || has('startlanguage'))) return 'limesurvey';
  if (names[0]?.trim().toLowerCase() === 'timestamp') return 'google-forms';
  return undefined;
}

interface Column {
  index: number;
  name: string;
  /** The question text under the name (Qualtrics, SurveyMonkey), if any. */
  text?: string;
  numbers: number[];
  texts: string[];
}

/** What a column is called in the proposal: its question text when the name is blank or a code (Q5_1, G01Q02[SQ001]), else its name. */
function titleOf(c: Column): string {
  return subText(c) ?? (c.name.trim() || `column ${c.index + 1}`);
}

/** The text under a column's name when it says what the column is (a matrix row, a Qualtrics question), not "Response". */
function subText(c: Column): string | undefined {
  return c.text && !/^(response|open-ended response|other \(please specify\))$/i.test(c.text) && !c.text.startsWith('{')
    ? c.text
        .replace(/^.* - /, '')
        .replace(/\s+/g, ' ')
        .trim()
    : undefined;
}

const quote = (s: string) => (/^[\w-]+$/.test(s) ? s : JSON.stringify(s));
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'q$1')
    .slice(0, 30) || 'item';

/** The proposal, as questionnaire.yaml text. `exportPath`: the export as files: should name it (relative to the dataset folder). */
export function proposeQuestionnaire(text: string, exportPath: string): string {
  const sink = new ProblemSink('export');
  let header: string[] = [];
  let below: string[][] = [];
  const rows: string[][] = [];
  // Read with the tool's header rows once known: first the names and what lies under them.
  readCsv(text, { sink, headerRows: 0 }, { header: (h) => (header = h.names), record: (f) => void (rows.length < SAMPLE_ROWS + 3 && rows.push(f)) });
  below = rows.slice(0, 3);
  const tool = recogniseTool(header, below);
  const skip = tool ? TOOL_PRESETS[tool].headerRows + (tool === 'qualtrics' && below.slice(1).some(isImportIdRow) ? 1 : 0) : 0;
  const texts = skip > 0 ? below[0] : undefined;
  const data = rows.slice(skip);
  const columns: Column[] = header.map((name, index) => {
    const cells = data.map((r) => (r[index] ?? '').trim()).filter((c) => c !== '');
    const numbers = cells.filter((c) => /^-?\d+(\.\d+)?$/.test(c)).map(Number);
    return { index, name, text: texts?.[index]?.trim() || undefined, numbers, texts: cells.filter((c) => !/^-?\d+(\.\d+)?$/.test(c)) };
  });
  const preset = tool ? TOOL_PRESETS[tool] : undefined;
  const used = new Set(Object.values(preset?.columns ?? {}).map((n) => n.toLowerCase()));
  const candidates = columns.filter((c) => !METADATA.test(c.name.trim()) && !used.has(c.name.trim().toLowerCase()));
  const ratings = candidates.filter(
    (c) => c.numbers.length > 0 && c.texts.length === 0 && Math.min(...c.numbers) >= 0 && Math.max(...c.numbers) <= 10 && c.numbers.every(Number.isInteger),
  );
  const label = (c: Column) => `${c.name}${c.text && c.text !== c.name ? ` — ${c.text.replace(/\s+/g, ' ').slice(0, 70)}` : ''}`;
  const where = (c: Column) => (c.name.trim() === '' ? `by_position: ${c.index + 1}` : quote(c.name));
  // The 0–10 "would recommend" question: named so, or (export of codes) the one 0–10 column among ratings of 7 points or fewer.
  const wide = ratings.filter((c) => Math.max(...c.numbers) >= 9);
  const narrow = ratings.length - wide.length >= 2 && ratings.every((c) => wide.includes(c) || Math.max(...c.numbers) <= 7);
  const nps =
    ratings.find((c) => /recommend/i.test(`${c.name} ${c.text ?? ''}`) && Math.max(...c.numbers) > 7) ?? (narrow && wide.length === 1 ? wide[0] : undefined);
  const overall = ratings.find((c) => c !== nps && /overall|satisf/i.test(`${c.name} ${c.text ?? ''}`));
  const items = ratings.filter((c) => c !== nps && c !== overall);
  const segments = candidates.filter(
    (c) => c.texts.length > 0 && c.numbers.length === 0 && new Set(c.texts).size <= MAX_SEGMENT_VALUES && new Set(c.texts).size < c.texts.length,
  );
  const top = Math.max(5, ...items.map((c) => Math.max(...c.numbers)), ...(overall ? overall.numbers : []));
  const low = Math.min(1, ...items.map((c) => Math.min(...c.numbers)));
  const ids = new Map<Column, string>();
  for (const c of items) {
    let id = slug(titleOf(c));
    while ([...ids.values()].includes(id)) id = `${id}_${c.index + 1}`;
    ids.set(c, id);
  }

  const lines = [`# Proposed by \`gapreport new --from\` from ${exportPath}: review every line, then run npx gapreport validate.`];
  lines.push(
    tool
      ? `source: ${tool}                # recognised from its headers: header rows, id, dates and completion rules`
      : '# source: qualtrics | surveymonkey | limesurvey | google-forms   # (the tool was not recognised)',
  );
  lines.push(`files: { responses.csv: ${quote(exportPath)} }`);
  if (!tool)
    lines.push(
      '# header_rows: 1                 # rows between the names and the first respondent',
      '# columns: { respondent_id: "#row" }   # or the id column',
      '# wave_from: date                 # with columns: { date: <its date column> }',
    );
  lines.push(`scale: { min: ${low}, max: ${top} }            # the ratings seen run ${low}–${top}: check the questionnaire's real scale`);
  const mapped = [
    ...(nps ? [['nps', nps] as const] : []),
    ...(overall ? [['overall', overall] as const] : []),
    ...items.map((c) => [`p_${ids.get(c)}`, c] as const),
    ...segments.map((c) => [slug(titleOf(c)), c] as const),
  ];
  // A column whose own text under the names is unique is found by it (by_text:, robust to renumbered codes); else by name, else by position.
  const unique = (c: Column) => c.text !== undefined && columns.filter((o) => o.text === c.text).length === 1;
  const byText = mapped.filter(
    ([k, c]) => k.startsWith('p_') && subText(c) !== undefined && unique(c) && (c.name.trim() === '' || !/^[\w[\].-]+$/.test(c.name.trim())),
  );
  const byName = mapped.filter((m) => !byText.includes(m) && m[1].name.trim() !== '');
  const byPosition = mapped.filter((m) => !byText.includes(m) && m[1].name.trim() === '');
  if (byName.length)
    lines.push(
      'columns:',
      ...byName.map(([k, c]) => `  ${k}: ${quote(c.name.trim())}${' '.repeat(Math.max(1, 28 - k.length - quote(c.name.trim()).length))}# ${label(c)}`),
    );
  if (byText.length)
    lines.push('by_text:                          # the question text under the names', ...byText.map(([k, c]) => `  ${k}: ${quote(c.text!.trim())}`));
  if (byPosition.length)
    lines.push(
      'by_position:                      # blank headers',
      ...byPosition.map(([k, c]) => `  ${k}: ${c.index + 1}   # ${where(c)}${c.text ? ` — ${c.text}` : ''}`),
    );
  if (items.length) {
    lines.push('items:                            # each rating as a perception item: set its SERVQUAL dimension, or group them under constructs:');
    for (const c of items)
      lines.push(`  - { id: ${ids.get(c)}, dimension: reliability, text: ${quote(titleOf(c).replace(/\s+/g, ' ').trim())} }   # review the dimension`);
  }
  if (segments.length) lines.push(`segments: [${segments.map((c) => slug(titleOf(c))).join(', ')}]   # answers with few values`);
  if (overall || nps) lines.push(`outcome: ${overall ? 'overall' : 'nps'}`);
  return `${lines.join('\n')}\n`;
}

/** Reads the export and proposes its questionnaire (files: relative to the dataset folder), or says why it cannot. */
export async function proposalFor(root: string, from: string, dataDir: string): Promise<{ yaml: string; segments: string[] } | { error: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(root, from));
  } catch {
    return { error: `gapreport new: --from "${from}" is not a file that can be read.` };
  }
  const decoded = decodeText(bytes);
  if (decoded.problem) return { error: `gapreport new: --from "${from}" ${decoded.problem.message}${decoded.problem.hint ? ` ${decoded.problem.hint}` : ''}` };
  const yaml = proposeQuestionnaire(decoded.text, relative(resolve(root, dataDir), resolve(root, from)).split('\\').join('/'));
  const segments = (parseYaml(yaml) as { segments?: string[] }).segments ?? [];
  return { yaml, segments };
}
