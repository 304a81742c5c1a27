/**
 * questionnaire.yaml → Questionnaire and its resolved items (preset + overrides + custom).
 * YAML syntax errors and schema errors become Problems with the line of the offending key.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ZodIssue } from 'zod';
import type { Problem } from '../schemas/problem';
import { QuestionnaireSchema, type Item, type Questionnaire } from '../schemas/questionnaire';
import { PRESETS } from './preset';
import { checkWeighting } from './weighting';
import { checkEntities } from './segments';
import { resolvePlan, type ColumnPlan } from './scales';
import { checkLabels, resolveConstructs } from './constructs';
import { stripBidiControls } from '../schemas/text';
import { ProblemSink } from './problems';
import { checkExportSettings, suggestSetting, suggestValue, type SettingLines } from './mapping-check';
import { formatBytes, MAX_ITEMS, MAX_QUESTIONNAIRE_BYTES, MAX_YAML_ALIASES } from './limits';

export const QUESTIONNAIRE_FILE = 'questionnaire.yaml';

export interface ParsedQuestionnaire {
  questionnaire?: Questionnaire;
  /** Preset items (texts overridden by id) followed by custom items. */
  items: Item[];
  /** recode:, scales:, reverse:, binary: resolved to contract columns (src/data/scales.ts), for the survey files' cells. */
  plan?: ColumnPlan;
  /** Where each top-level setting (and each keep: rule) is written, for hints that name the line to change (src/data/mapping-check.ts). */
  settingLines?: SettingLines;
  problems: Problem[];
}

/** The line of the node at `path`, or of the nearest ancestor that exists. */
function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function describe(issue: ZodIssue, value: unknown): { message: string; hint?: string } {
  // Indexes are left out: the line number already points at the list entry.
  const name = issue.path.filter((k) => typeof k === 'string').join('.');
  const where = name ? `setting "${name}"` : 'the file';
  const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'nan') return { message: `${where}: .nan is not a number.`, hint: 'Write a number, e.g. 7.' };
      return issue.received === 'undefined'
        ? { message: `${where} is required.` }
        : {
            message: `${where}: ${typeof value === 'string' ? `"${shown}"` : shown} should be ${issue.expected === 'object' ? 'a map (key: value)' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not a ${issue.received}.`,
            hint: issue.expected === 'array' ? 'Write it as a list: [a, b], or one "- value" per line.' : issue.expected === 'object' ? 'Write it as a map: { key: value }, or one "key: value" per line.' : undefined,
          };
    case 'unrecognized_keys':
      return { message: `${where} has unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`, hint: suggestSetting(issue.path, issue.keys[0]) ?? 'Check the spelling against SPEC §2.1 (and data/README.md for extensions).' };
    case 'invalid_enum_value':
      if (name === 'preset') return { message: `${where}: "${shown}" is not a known preset (use ${issue.options.join(' or ')}, or list items:).` };
      return { message: `${where}: "${shown}" is not one of ${issue.options.join(', ')}.`, hint: suggestValue(shown, issue.options.map(String)) };
    case 'invalid_literal':
      return { message: `${where}: "${shown}" is not a known preset (use servqual-22, or list items:).` };
    case 'invalid_union':
      // A missing text is required, not "undefined should be a text".
      if (value === undefined) return { message: `${where} is required.`, hint: 'Write a text, or a map of texts by locale (en, fr, vi).' };
      return { message: `${where}: ${shown} should be a text, or a map of texts by locale (en, fr, vi).` };
    default:
      return { message: value !== undefined && typeof value !== 'object' ? `${where}: "${shown}" ${issue.message}.` : `${where}: ${issue.message}.` };
  }
}

/** Lets an item of `items:` override a preset item by id without repeating its dimension. */
function fillPresetDimensions(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || (raw as { preset?: unknown }).preset !== 'servqual-22') return raw;
  const items = (raw as { items?: unknown }).items;
  if (!Array.isArray(items)) return raw;
  const preset = new Map(PRESETS['servqual-22'].map((i) => [i.id, i]));
  const filled = items.map((item) => (item && typeof item === 'object' && !('dimension' in item) && preset.has((item as { id?: string }).id ?? '') ? { ...item, dimension: preset.get((item as { id: string }).id)!.dimension } : item));
  return { ...raw, items: filled };
}

export function parseQuestionnaire(text: string, file = QUESTIONNAIRE_FILE): ParsedQuestionnaire {
  const sink = new ProblemSink(file);
  // Measured in bytes only when it could be near the limit (a UTF-8 character is ≤ 3 bytes per UTF-16 unit).
  const bytes = text.length * 3 > MAX_QUESTIONNAIRE_BYTES ? new TextEncoder().encode(text).length : text.length;
  if (bytes > MAX_QUESTIONNAIRE_BYTES) {
    sink.add({ message: `is ${formatBytes(bytes)}; the limit for a questionnaire is ${formatBytes(MAX_QUESTIONNAIRE_BYTES)}.`, hint: 'Is this the right file? A questionnaire lists the scale, items and segments.' });
    return { items: [], problems: sink.list() };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  // Only the first syntax error: the later ones are usually its echoes.
  for (const error of doc.errors.slice(0, 1)) {
    sink.add({ line: counter.linePos(error.pos[0]).line, message: `is not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`.replace(/\.\.$/, '.'), hint: 'Check the indentation and the brackets and quotes on this line.' });
  }
  if (doc.errors.length) return { items: [], problems: sink.list() };
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // yaml throws a ReferenceError past maxAliasCount ("billion laughs"); anything else is a bug.
    if (!(error instanceof ReferenceError)) throw error;
    sink.add({ message: `uses more than ${MAX_YAML_ALIASES} YAML aliases (*name); gapreport does not expand that many.`, hint: 'Write the values out instead of repeating them with aliases.' });
    return { items: [], problems: sink.list() };
  }
  const declared = (js as { items?: unknown } | null)?.items;
  if (Array.isArray(declared) && declared.length > MAX_ITEMS) {
    // Checked before the schema: validating and resolving 100,000 items takes most of a minute.
    sink.add({ line: lineOf(doc, counter, ['items']), message: `setting "items" declares ${declared.length} items; the limit is ${MAX_ITEMS}.`, hint: 'Split the survey into several datasets, or keep the items the report discusses.' });
    return { items: [], problems: sink.list() };
  }
  const raw = fillPresetDimensions(js);
  const parsed = QuestionnaireSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const found = parsed.error.issues.map((issue) => {
      const value = issue.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], raw);
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
      return { line: lineOf(doc, counter, path), ...describe(issue, value) };
    });
    // In file order, as a reader fixes them.
    found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).forEach((p) => sink.add(p));
    return { items: [], problems: sink.list() };
  }
  const q = parsed.data;
  const report: Report = (path, message, hint) => sink.add({ line: lineOf(doc, counter, path), message, hint });
  const items = resolveItems(q, report);
  checkSegments(q.segments, report);
  checkEntities(q.entities, q.segments, report);
  checkWeighting(q, report);
  const settingLines = checkExportSettings(q, items, report, (path) => lineOf(doc, counter, path), Object.keys((js as object | null) ?? {}));
  const plan = resolvePlan(q, items, report);
  checkLabels(q, report);
  // The preset's constructs join the questionnaire's, so every engine (and worker) reads them from q alone.
  const constructs = resolveConstructs(q, items, report);
  return { questionnaire: { ...q, constructs }, items, plan, settingLines, problems: sink.list() };
}

type Report = (path: (string | number)[], message: string, hint?: string) => void;

function resolveItems(q: Questionnaire, report: Report): Item[] {
  const preset = q.preset ? PRESETS[q.preset].map((i) => ({ ...i })) : [];
  const byId = new Map(preset.map((i) => [i.id, i]));
  const custom: Item[] = [];
  const seen = new Set<string>();
  q.items.forEach((item, i) => {
    if (seen.has(item.id)) return report(['items', i, 'id'], `item "${item.id}" is declared twice.`, 'Give each item its own id.');
    seen.add(item.id);
    const base = byId.get(item.id);
    if (base) Object.assign(base, item); // an override of the preset's text (or dimension) by id
    else custom.push(item);
  });
  // Item texts become chart labels: no bidi overrides (src/schemas/text.ts).
  return [...preset, ...custom].map((i) => ({ ...i, text: typeof i.text === 'string' ? stripBidiControls(i.text) : Object.fromEntries(Object.entries(i.text).map(([k, v]) => [k, stripBidiControls(v as string)])) }));
}

/** Columns responses.csv reads as something else: a segment of the same name would read them twice. */
const NOT_SEGMENTS = ['respondent_id', 'wave', 'date', 'nps', 'csat', 'ces', 'overall', 'comment', 'weight'];

function checkSegments(segments: string[], report: Report): void {
  const seen = new Set<string>();
  segments.forEach((s, i) => {
    const name = s.trim().toLowerCase();
    if (seen.has(name)) return report(['segments', i], `segment "${s}" is listed twice.`, 'List each segment once.');
    seen.add(name);
    if (NOT_SEGMENTS.includes(name) || /^[epmw]_/.test(name)) report(['segments', i], `segment "${s}" is a contract column, not a breakdown.`, 'Segments are other columns, like channel or region; remove it from segments:.');
  });
}
