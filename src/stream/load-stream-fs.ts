/**
 * A dataset folder through the streaming engine: the small files through the in-memory
 * loader (loadDataset), responses.csv and contacts.csv streamed into accumulators
 * (engine.ts). Same problems, same Dataset — without `responses`, whose accumulators
 * come back as the SurveySource figuresFrom finishes with.
 */
import type { SurveySource } from '../analysis/analyze';
import { surveyAccs } from '../analysis/accumulate';
import { chooseOutcome, surveyLayout } from '../analysis/layout';
import { stat } from 'node:fs/promises';
import { tableContexts, type DatasetInput, type LoadResult } from '../data/dataset';
import type { ContractFile } from '../data/files';
import { serviceLevelThresholds } from '../data/kpis';
import { loadDataset, type LoadOptions } from '../data/load-fs';
import { parseQuestionnaire } from '../data/questionnaire';
import { parseStandards } from '../data/standards';
import type { Limits } from '../data/limits';
import { streamContacts, streamResponses, type StreamOptions } from './engine';

export interface StreamLoadResult extends LoadResult {
  /** The survey accumulators, when the dataset loaded. */
  source?: SurveySource;
}

export async function loadDatasetStreaming(dir: string, options: LoadOptions & StreamOptions = {}): Promise<StreamLoadResult> {
  let source: SurveySource | undefined;
  const loaded = await loadDataset(dir, {
    limits: options.limits,
    stream: {
      files: ['responses.csv', 'contacts.csv'],
      read: async (paths, texts, shownAs, limits: Limits) => {
        const shown = (f: ContractFile) => shownAs?.[f] ?? f;
        const parsedQ = texts['questionnaire.yaml'] !== undefined ? parseQuestionnaire(texts['questionnaire.yaml'], shown('questionnaire.yaml')) : undefined;
        const q = parsedQ?.questionnaire;
        const items = parsedQ?.items ?? [];
        const { base, survey } = tableContexts(q, shown, limits);
        const streamed: NonNullable<DatasetInput['streamed']> = {};
        let total = 0;
        const progress = (done: number, rows: number) => options.onBytes?.(total + done, rows);
        if (paths['responses.csv']) {
          if (q) {
            const r = await streamResponses(paths['responses.csv'], survey('responses.csv'), q, items, { ...options, onBytes: progress });
            source = { layout: r.layout, accs: r.accs, engine: 'stream' };
            streamed['responses.csv'] = r;
          } else streamed['responses.csv'] = { problems: [], rows: 0 };
          total += (await stat(paths['responses.csv'])).size;
        }
        if (paths['contacts.csv']) {
          // Thresholds come from the standards' metrics, as in buildDataset.
          const standards = texts['standards.csv'] !== undefined ? parseStandards(texts['standards.csv'], base('standards.csv')).standards : [];
          streamed['contacts.csv'] = await streamContacts(paths['contacts.csv'], base('contacts.csv'), serviceLevelThresholds(standards.map((s) => s.metric)), { ...options, onBytes: progress });
        }
        return streamed;
      },
    },
  });
  if (!loaded.dataset) return loaded;
  if (!source) {
    // No responses.csv: the same empty accumulators the in-memory path would have.
    const layout = surveyLayout(loaded.dataset.items, loaded.dataset.questionnaire, chooseOutcome(loaded.dataset.questionnaire, []));
    source = { layout, accs: surveyAccs(), engine: 'stream' };
  }
  return { ...loaded, source };
}
