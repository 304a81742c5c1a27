/**
 * The texts of a dataset folder → a validated Dataset, or the problems that stop it.
 * Pure: load-fs.ts reads the files. Files are parsed in dependency order (questionnaire
 * before surveys). contacts.csv is never parsed here: an engine reads and folds it
 * (src/analysis/kpi-acc.ts, with the service-level thresholds standards.csv names) and
 * hands in its KPIs as `streamed`, so the cross-file checks see them.
 */
import type { Dataset, Operation, Standard } from '../schemas/dataset';
import type { Questionnaire } from '../schemas/questionnaire';
import type { Problem } from '../schemas/problem';
import { parseBenchmarks } from './benchmarks';
import { parseCommunications } from './communications';
import { parseEmployees } from './employees';
import { checkCommunications, checkStandards } from './cross';
import { CONTRACT_FILES, type ContractFile } from './files';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { parseManagement } from './management';
import { mergeOperations, parseOperations } from './operations';
import { capPerFile } from './problems';
import { parseQuestionnaire, type ParsedQuestionnaire } from './questionnaire';
import type { ColumnPlan } from './scales';
import type { SettingLines } from './mapping-check';
import { exportLayout } from './tool-presets';
import type { Exclusion } from './row-filter';
import { parseResponses, RESPONSES_NUMBER_HINT } from './responses';
import { parseStandards } from './standards';
import type { TableContext, TableResult } from './table';

export interface DatasetInput {
  /** Folder name, e.g. `demo`. */
  name: string;
  /** Contract file → its text; an absent key is an absent file. */
  texts: Partial<Record<ContractFile, string>>;
  /** Contract file → the name messages use (the mapped path under `files:`); default the contract name. */
  shownAs?: Partial<Record<ContractFile, string>>;
  limits?: Limits;
  /**
   * Files an engine read itself (src/engines/engine.ts), folded into accumulators instead
   * of rows: their problems and row counts take the place of parsing their text. contacts.csv
   * always comes this way (every engine folds it), with the KPIs derived from it.
   */
  streamed?: {
    'responses.csv'?: TableResult & { latest?: string; unreadable?: boolean };
    'contacts.csv'?: TableResult & { operations: Operation[]; latest?: string; unreadable?: boolean };
  };
  /** questionnaire.yaml and standards.csv as already parsed (readFirst), so that no one parses them twice. */
  first?: FirstFiles;
}

/** What every other file is read with: the questionnaire, the tables' contexts and the standards (whose metrics name the contacts' service-level thresholds). */
export interface FirstFiles {
  parsedQ?: ParsedQuestionnaire;
  standards?: TableResult & { standards: Standard[] };
  contexts: ReturnType<typeof tableContexts>;
}

/** Parses questionnaire.yaml (unless given already parsed) and standards.csv, once for the loader and every engine. */
export function readFirst(texts: DatasetInput['texts'], shownAs: DatasetInput['shownAs'], limits: Limits, parsedQ?: ParsedQuestionnaire): FirstFiles {
  const shown = (f: ContractFile) => shownAs?.[f] ?? f;
  parsedQ ??= texts['questionnaire.yaml'] !== undefined ? parseQuestionnaire(texts['questionnaire.yaml'], shown('questionnaire.yaml')) : undefined;
  const contexts = tableContexts(parsedQ?.questionnaire, shown, limits, parsedQ?.plan, parsedQ?.settingLines);
  const standards = texts['standards.csv'] !== undefined ? parseStandards(texts['standards.csv'], contexts.base('standards.csv')) : undefined;
  return { parsedQ, standards, contexts };
}

/** How each contract file is read: the firm's own files get the column mapping; survey exports also the survey settings. */
export function tableContexts(q: Questionnaire | undefined, shown: (f: ContractFile) => string, limits: Limits, plan?: ColumnPlan, lines?: SettingLines) {
  const mapping = { columns: q?.columns ?? {}, constants: q?.constants ?? {} };
  // A survey tool's export (source:, keep:, dates, by_text:/by_position:): src/data/tool-presets.ts.
  const layout = q ? exportLayout(q, lines?.lines, lines?.keepLines) : undefined;
  const surveyMapping = layout ? { ...mapping, byText: layout.byText, byPosition: layout.byPosition, defaults: layout.defaults, lines: layout.lines } : mapping;
  const base = (f: ContractFile): TableContext => ({ file: shown(f), mapping, limits, cells: { missing: q?.missing } });
  const survey = (f: ContractFile): TableContext => ({
    ...base(f),
    mapping: surveyMapping,
    headerRows: layout?.headerRows ?? q?.header_rows,
    layout,
    cells: { missing: q?.missing, recode: plan?.recode, plan, numberHint: RESPONSES_NUMBER_HINT, dates: layout?.dates },
  });
  return { base, survey };
}

export interface LoadResult {
  /** Undefined when there is any problem. */
  dataset?: Dataset;
  problems: Problem[];
  warnings: Problem[];
  /** Data rows read per contract file. */
  rowCounts: Record<string, number>;
}

export function buildDataset(input: DatasetInput): LoadResult {
  const { texts, limits = DEFAULT_LIMITS } = input;
  const shown = (f: ContractFile) => input.shownAs?.[f] ?? f;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const rowCounts: Record<string, number> = {};
  const streamed = { ...input.streamed };
  // A streamed file that is not UTF-8 text is reported like an unreadable file, and read as absent.
  for (const f of ['responses.csv', 'contacts.csv'] as const) {
    if (!streamed[f]?.unreadable) continue;
    problems.push(...streamed[f]!.problems);
    delete streamed[f];
  }
  const present = (f: ContractFile) => texts[f] !== undefined || (f === 'responses.csv' || f === 'contacts.csv' ? streamed[f] !== undefined : false);
  const files = Object.keys(texts).filter((f) => texts[f as ContractFile] !== undefined);
  for (const f of ['responses.csv', 'contacts.csv'] as const) if (streamed[f] && !files.includes(f)) files.push(f);
  if (input.streamed) files.sort((a, b) => CONTRACT_FILES.indexOf(a as ContractFile) - CONTRACT_FILES.indexOf(b as ContractFile));
  const dataset: Dataset = { name: input.name, items: [], files };

  const first = input.first ?? readFirst(texts, input.shownAs, limits);
  const parsedQ = first.parsedQ;
  problems.push(...(parsedQ?.problems ?? []));
  const q = parsedQ?.questionnaire;
  dataset.questionnaire = q;
  dataset.items = parsedQ?.items ?? [];
  const { base, survey } = first.contexts;
  const count = (f: ContractFile, r: { problems: Problem[]; rows: number; excluded?: Exclusion[] }) => {
    problems.push(...r.problems);
    rowCounts[f] = r.rows;
    // keep: excluded some rows of the export: validate and the methodology say how many, by which rule.
    if (f === 'responses.csv' && r.excluded) dataset.rows_filter = { read: r.rows, excluded: r.excluded };
  };

  let latestResponse: string | undefined;
  for (const f of ['responses.csv', 'management.csv'] as const) {
    const text = texts[f];
    if (!present(f)) continue;
    if (!q) {
      if (!parsedQ) problems.push({ file: shown(f), message: 'needs a questionnaire.yaml beside it (the scale and the items of its columns).', hint: 'Add questionnaire.yaml with scale: and preset: servqual-22 or items:.' });
      continue;
    }
    const given = f === 'responses.csv' ? streamed[f] : undefined;
    if (given) {
      count(f, given);
      latestResponse = given.latest;
    } else if (text === undefined) continue;
    else if (f === 'responses.csv') {
      const r = parseResponses(text, survey(f), q, dataset.items);
      count(f, r);
      dataset.responses = r.respondents;
    } else {
      const r = parseManagement(text, survey(f), q, dataset.items);
      count(f, r);
      dataset.management = r.managers;
    }
  }
  if (texts['employees.csv'] !== undefined) {
    if (q) {
      const r = parseEmployees(texts['employees.csv'], base('employees.csv'), q, dataset.items);
      count('employees.csv', r);
      dataset.employees = r.employees;
    } else if (!parsedQ) problems.push({ file: shown('employees.csv'), message: 'needs a questionnaire.yaml beside it (the scale, the items and the segments of its columns).', hint: 'Add questionnaire.yaml with scale:, items and segments:.' });
  }
  if (first.standards) {
    const r = first.standards;
    count('standards.csv', r);
    dataset.standards = r.standards;
  }
  if (texts['operations.csv'] !== undefined) {
    const r = parseOperations(texts['operations.csv'], base('operations.csv'));
    count('operations.csv', r);
    dataset.operations = r.operations;
  }
  let latestContact: string | undefined;
  if (present('contacts.csv')) {
    const r = streamed['contacts.csv'];
    // A programming error, not the user's: contacts are folded by an engine (src/engines/load-with-fs.ts loadWith, loadFolder).
    if (!r) throw new Error('buildDataset: contacts.csv was given as text; an engine folds it into KPIs and passes them as streamed["contacts.csv"] (load the folder through src/engines/load-with-fs.ts).');
    count('contacts.csv', r);
    latestContact = r.latest;
    dataset.operations = mergeOperations(dataset.operations ?? [], r.operations);
  }
  if (texts['communications.csv'] !== undefined) {
    const r = parseCommunications(texts['communications.csv'], base('communications.csv'));
    count('communications.csv', r);
    dataset.communications = r.claims;
  }
  if (texts['benchmarks.csv'] !== undefined) {
    const r = parseBenchmarks(texts['benchmarks.csv'], base('benchmarks.csv'));
    count('benchmarks.csv', r);
    dataset.benchmarks = r.benchmarks;
  }
  if (dataset.standards) checkStandards(dataset.standards, dataset.operations, shown('standards.csv'), problems, warnings);
  if (dataset.communications) checkCommunications(dataset.communications, dataset.standards, dataset.operations, shown('communications.csv'), problems);

  dataset.as_of = latest([...(dataset.responses ?? []).map((r) => r.date), latestResponse, latestContact]);
  const capped = capPerFile(problems);
  return { dataset: capped.length ? undefined : dataset, problems: capped, warnings, rowCounts };
}

/** The latest ISO date among those given (ISO dates sort as text). */
function latest(dates: (string | undefined)[]): string | undefined {
  let max: string | undefined;
  for (const d of dates) if (d !== undefined && (max === undefined || d > max)) max = d;
  return max;
}
