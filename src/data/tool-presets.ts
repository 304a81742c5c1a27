/**
 * What each survey tool's export looks like (`source:` in questionnaire.yaml): the header
 * rows below the names, the id and date columns, how dates are written, and which rows are
 * not respondents (previews, spam, unfinished). Every setting written in questionnaire.yaml
 * wins over the preset's; a preset's completion rule applies only when its column is in the
 * file, an analyst's `keep:` rule always (its column must exist).
 */
import type { Condition, DateFormat, Source, WavePeriod } from '../schemas/mapping';
import type { Questionnaire } from '../schemas/questionnaire';
import type { DateSetting } from './dates';

export interface ToolPreset {
  /** Header rows below the names (Qualtrics' ImportId row is recognised on its own, src/data/csv.ts). */
  headerRows: number;
  /** Contract name → the tool's header, used when questionnaire.yaml maps the column no other way. */
  columns: Record<string, string>;
  dateFormat: DateFormat;
  /** Rows that are respondents; each applies when its column is in the export. */
  keep: Condition[];
}

/** Qualtrics' Status codes and names of responses that are not a respondent's (previews, tests, spam). */
const QUALTRICS_NOT_RESPONSES = ['Survey Preview', 'Survey Test', 'Spam', 'Preview Spam', 'Imported Spam', 'Offline Preview', 1, 2, 8, 9, 12, 17];

export const TOOL_PRESETS: Record<Source, ToolPreset> = {
  // Names (ResponseId, Q5_1), then the question texts, then (since 2017) the JSON ImportId row.
  qualtrics: {
    headerRows: 1,
    columns: { respondent_id: 'ResponseId', date: 'RecordedDate' },
    dateFormat: 'iso',
    keep: [
      { column: 'Finished', in: [1, 'true'], label: 'unfinished (Finished is not 1)' },
      { column: 'Status', not_in: QUALTRICS_NOT_RESPONSES, label: 'preview, test or spam (Status)' },
      { column: 'DistributionChannel', not_in: ['preview', 'test'], label: 'preview or test link (DistributionChannel)' },
    ],
  },
  // Question texts as names, then a row of answer options / matrix rows ("Response", "Reliability").
  surveymonkey: {
    headerRows: 1,
    columns: { respondent_id: 'Respondent ID', date: 'End Date' },
    dateFormat: 'month-first',
    keep: [{ column: 'End Date', not_empty: true, label: 'partial (no End Date)' }],
  },
  // Question codes as names (id, submitdate, Q1, Q2[SQ001]); an incomplete response has no submitdate.
  limesurvey: {
    headerRows: 0,
    columns: { respondent_id: 'id', date: 'submitdate' },
    dateFormat: 'iso',
    keep: [{ column: 'submitdate', not_empty: true, label: 'incomplete (no submitdate)' }],
  },
  // Question texts as names; a Timestamp column and no id (rows are numbered).
  'google-forms': {
    headerRows: 0,
    columns: { respondent_id: '#row', date: 'Timestamp' },
    dateFormat: 'year-first',
    keep: [],
  },
};

/** A rule of `keep:` as it applies to a file: the analyst's (its column must exist) or a preset's (only where its column is). */
export interface KeepRule {
  condition: Condition;
  /** The line of questionnaire.yaml that states it (the `keep:` entry, or `source:`). */
  line?: number;
  fromPreset: boolean;
}

/** How responses.csv is read beyond the plain contract: plain data, so the streaming engine's workers receive it as it is. */
export interface ExportLayout {
  source?: Source;
  headerRows: number;
  /** Whether header_rows was written (else it is the preset's, or 0). */
  headerRowsLine?: number;
  dates: DateSetting;
  keep: KeepRule[];
  /** Derive each row's wave from its date by this period. */
  wavePeriod?: WavePeriod;
  /** Contract name → header, from the preset, used only when nothing else maps the column. */
  defaults: Record<string, string>;
  byText: Record<string, string>;
  byPosition: Record<string, number>;
  /** questionnaire.yaml's top-level setting → its line, for hints that name the line to change. */
  lines: Record<string, number>;
}

/** The layout questionnaire.yaml describes: its own settings over the tool preset's. `lines`: top-level setting → line. */
export function exportLayout(q: Questionnaire, lines: Record<string, number> = {}, keepLines: number[] = []): ExportLayout {
  const preset = q.source ? TOOL_PRESETS[q.source] : undefined;
  const written = (key: string) => lines[key] !== undefined;
  const dateFormat = q.date_format ?? preset?.dateFormat ?? 'iso';
  const dates: DateSetting = q.date_format
    ? { format: dateFormat, line: lines.date_format, from: 'date_format' }
    : preset
      ? { format: dateFormat, line: lines.source, from: 'source' }
      : { format: dateFormat };
  // A tool export has no wave column: unless one is mapped or given, the wave is the date's quarter.
  const waveGiven = Object.hasOwn(q.constants, 'wave') || Object.hasOwn(q.columns, 'wave') || Object.hasOwn(q.by_text, 'wave') || Object.hasOwn(q.by_position, 'wave');
  const fromDate = q.wave_from === 'date' || (preset !== undefined && !waveGiven);
  return {
    source: q.source,
    headerRows: written('header_rows') || !preset ? q.header_rows : preset.headerRows,
    headerRowsLine: lines.header_rows,
    dates,
    keep: [
      ...(preset?.keep ?? []).map((condition) => ({ condition, line: lines.source, fromPreset: true })),
      ...q.keep.map((condition, i) => ({ condition, line: keepLines[i] ?? lines.keep, fromPreset: false })),
    ],
    wavePeriod: fromDate ? (q.wave_period ?? 'quarter') : undefined,
    defaults: preset?.columns ?? {},
    byText: q.by_text,
    byPosition: q.by_position,
    lines,
  };
}

/** Whether reading the export needs the row rules of src/data (keep:, dates other than ISO days, derived waves, columns by text or position): the SQL engine hands such a file on. */
export function usesExportRules(layout: ExportLayout): boolean {
  return layout.source !== undefined || layout.keep.length > 0 || layout.wavePeriod !== undefined || layout.dates.format !== 'iso' || Object.keys(layout.byText).length > 0 || Object.keys(layout.byPosition).length > 0;
}
