/**
 * What an analysis engine is (memory, stream, duckdb, and a warehouse engine to come):
 * given questionnaire.yaml and standards.csv as the loader parsed them — once, for every
 * engine — and the paths of the files it reads itself, it returns those files' problems
 * and row counts and the survey accumulators. Everything else (reading the small files,
 * the cross-file checks, figuresFrom) is the same code for every engine (run-fs.ts:
 * loadWith), so an engine holds no copy of the loader's rules about other files.
 */
import type { SurveySource } from '../analysis/analyze';
import type { DatasetInput, FirstFiles } from '../data/dataset';
import type { StreamedFile } from '../data/load-fs';
import type { Engine as EngineName } from '../schemas/engine';
import type { StreamOptions } from '../stream/engine';

export type { EngineName };

export interface EngineInput extends FirstFiles {
  /** The dataset folder. */
  dir: string;
  /** The engine's files (Engine.files) that are there, resolved through `files:`. */
  paths: Partial<Record<StreamedFile, string>>;
  options: StreamOptions;
}

export interface Accumulated {
  /** Per file read: its problems, data rows, latest date; contacts.csv also its operations. */
  streamed: NonNullable<DatasetInput['streamed']>;
  /** The survey accumulators; undefined when responses.csv is absent or unusable (loadWith then folds no rows). */
  source?: SurveySource;
  /** Why the engine handed responses.csv to another (meta.engine_fallback); never silent. */
  fallback?: string;
}

export interface Engine {
  name: EngineName;
  /**
   * The contract files the engine reads itself, instead of the loader reading them as
   * text (memory: none — it folds the rows buildDataset parsed).
   */
  files: readonly StreamedFile[];
  accumulate(input: EngineInput): Promise<Accumulated>;
}
