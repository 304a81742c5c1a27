/**
 * What an analysis engine is (memory, stream, duckdb, and a warehouse engine to come):
 * given questionnaire.yaml and standards.csv as the loader parsed them — once, for every
 * engine — and the paths of the files it reads itself, it returns those files' problems
 * and row counts and the accumulators: the survey accumulators (src/analysis/survey-acc.ts,
 * accumulate.ts) and the KPIs of contacts.csv, folded with the KPI accumulator
 * (src/analysis/kpi-acc.ts: KpiGroups) — every engine reads contacts.csv itself, the
 * loader never folds. Everything else (reading the small files, the cross-file checks,
 * figuresFrom) is the same code for every engine (load-with-fs.ts: loadWith), so an engine
 * holds no copy of the loader's rules about other files.
 */
import type { SurveySource } from '../analysis/analyze';
import type { DerivedKpis } from '../analysis/kpi-acc';
import type { FirstFiles } from '../data/dataset';
import type { StreamedFile } from '../data/load-fs';
import type { TableResult } from '../data/table';
import type { Engine as EngineName } from '../schemas/engine';
import type { StreamOptions } from '../stream/engine';

export type { EngineName };

export interface EngineInput extends FirstFiles {
  /** The dataset folder. */
  dir: string;
  /** The engine's files (Engine.files) that are there, resolved through `files:`. */
  paths: Partial<Record<StreamedFile, string>>;
  /** The service-level thresholds contacts are folded with (kpi-acc.ts thresholdsOf: the standards' metrics and the defaults). */
  thresholds: number[];
  options: StreamOptions;
}

/** Not UTF-8 text: the file's one problem is in `problems`, and it is read as absent. */
type Readable = { unreadable?: boolean };

export interface Accumulated {
  /** Per file read: its problems and data rows, and what its accumulators hold for the loader. */
  streamed: {
    /** responses.csv: the latest response date (the accumulators are `source`). */
    'responses.csv'?: TableResult & { latest?: string } & Readable;
    /** contacts.csv: the KPIs its KpiGroups folded (KpiGroups.derived()), checked by the loader against standards.csv. */
    'contacts.csv'?: TableResult & DerivedKpis & Readable;
  };
  /** The survey accumulators; undefined when responses.csv is absent or unusable (loadWith then folds the rows buildDataset parsed). */
  source?: SurveySource;
  /** Why the engine handed responses.csv to another (meta.engine_fallback); never silent. */
  fallback?: string;
}

export interface Engine {
  name: EngineName;
  /**
   * The contract files the engine reads itself, instead of the loader reading them as
   * text; contacts.csv always (memory: only it — responses.csv's rows are parsed by
   * buildDataset and folded by loadWith).
   */
  files: readonly StreamedFile[];
  accumulate(input: EngineInput): Promise<Accumulated>;
}
