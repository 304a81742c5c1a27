/**
 * A dataset folder through an engine: the loader reads the small files and parses
 * questionnaire.yaml and standards.csv once (readFirst), the engine reads its own files
 * into accumulators (contacts.csv always: the KPIs, src/analysis/kpi-acc.ts), buildDataset
 * checks the whole. The one driver every engine runs in.
 */
import type { SurveySource } from '../analysis/analyze';
import { accumulateResponses } from '../analysis/accumulate';
import { thresholdsOf } from '../analysis/kpi-acc';
import { chooseOutcome, surveyLayout } from '../analysis/layout';
import type { LoadResult } from '../data/dataset';
import { loadDataset, type LoadOptions, type StreamHook } from '../data/load-fs';
import type { Dataset } from '../schemas/dataset';
import type { StreamOptions } from '../stream/engine';
import type { Accumulated, Engine, EngineName } from './engine';
import { memoryEngine } from './memory-fs';

export interface EngineLoadResult extends LoadResult {
  /** The survey accumulators, when the dataset loaded. */
  source?: SurveySource;
  /** Why the engine handed responses.csv to another (Accumulated.fallback). */
  fallback?: string;
}

/** The accumulators of the rows buildDataset parsed (the memory engine; none when an engine read responses.csv itself). */
export function rowsSource(dataset: Dataset, engine: EngineName): SurveySource {
  const layout = surveyLayout(dataset.items, dataset.questionnaire, chooseOutcome(dataset.questionnaire, dataset.responses ?? []));
  return { layout, accs: accumulateResponses(dataset, layout), engine };
}

type Options = Pick<LoadOptions, 'limits'> & StreamOptions;

/** The folder validated through the engine, with what the engine accumulated (the survey accumulators only when it read responses.csv). */
async function loadThrough(engine: Engine, dir: string, options: Options): Promise<LoadResult & { out?: Accumulated }> {
  let out: Accumulated | undefined;
  const stream: StreamHook = {
    files: engine.files,
    read: async (paths, first) =>
      (out = await engine.accumulate({ ...first, thresholds: thresholdsOf(first.standards?.standards), dir, paths, options })).streamed,
  };
  const loaded = await loadDataset(dir, { limits: options.limits, stream });
  return { ...loaded, out };
}

export async function loadWith(engine: Engine, dir: string, options: Options = {}): Promise<EngineLoadResult> {
  const { out, ...loaded } = await loadThrough(engine, dir, options);
  const fallback = out?.fallback;
  if (!loaded.dataset) return { ...loaded, fallback };
  return { ...loaded, source: out?.source ?? rowsSource(loaded.dataset, engine.name), fallback };
}

/**
 * A dataset folder read and validated whole, for what needs the Dataset but no figures
 * (validate, the comment and audience readers): the in-memory engine, which folds
 * contacts.csv into its KPIs so that standards are checked against them. loadDataset
 * (src/data) alone does not fold, and refuses a contacts.csv.
 */
export async function loadFolder(dir: string, options: Pick<LoadOptions, 'limits'> = {}): Promise<LoadResult> {
  const { out: _, ...loaded } = await loadThrough(memoryEngine, dir, options);
  return loaded;
}
