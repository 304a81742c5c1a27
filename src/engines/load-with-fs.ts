/**
 * A dataset folder through an engine: the loader reads the small files and parses
 * questionnaire.yaml and standards.csv once (readFirst), the engine reads its own files
 * into accumulators, buildDataset checks the whole. The one driver every engine runs in.
 */
import type { SurveySource } from '../analysis/analyze';
import { accumulateResponses } from '../analysis/accumulate';
import { chooseOutcome, surveyLayout } from '../analysis/layout';
import type { LoadResult } from '../data/dataset';
import { loadDataset, type LoadOptions, type StreamHook } from '../data/load-fs';
import type { Dataset } from '../schemas/dataset';
import type { StreamOptions } from '../stream/engine';
import type { Accumulated, Engine, EngineName } from './engine';

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

export async function loadWith(engine: Engine, dir: string, options: Pick<LoadOptions, 'limits'> & StreamOptions = {}): Promise<EngineLoadResult> {
  let out: Accumulated | undefined;
  const stream: StreamHook | undefined =
    engine.files.length === 0
      ? undefined
      : {
          files: engine.files,
          read: async (paths, first) => (out = await engine.accumulate({ ...first, dir, paths, options })).streamed,
        };
  const loaded = await loadDataset(dir, { limits: options.limits, stream });
  const fallback = (out as Accumulated | undefined)?.fallback;
  if (!loaded.dataset) return { ...loaded, fallback };
  return { ...loaded, source: (out as Accumulated | undefined)?.source ?? rowsSource(loaded.dataset, engine.name), fallback };
}
