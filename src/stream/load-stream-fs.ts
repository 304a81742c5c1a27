/**
 * The streaming engine: responses.csv and contacts.csv streamed into accumulators
 * (engine.ts), with the questionnaire and standards the loader parsed once; the small
 * files through the loader (loadWith). Same problems, same Dataset — without `responses`,
 * whose accumulators come back as the SurveySource figuresFrom finishes with.
 */
import { stat } from 'node:fs/promises';
import type { SurveySource } from '../analysis/analyze';
import type { LoadOptions } from '../data/load-fs';
import type { Engine } from '../engines/engine';
import { loadWith, type EngineLoadResult } from '../engines/load-with-fs';
import { streamContacts, streamResponses, type StreamOptions } from './engine';

export type StreamLoadResult = EngineLoadResult;

export const streamEngine: Engine = {
  name: 'stream',
  files: ['responses.csv', 'contacts.csv'],
  async accumulate({ paths, parsedQ, contexts, thresholds, options }) {
    const q = parsedQ?.questionnaire;
    // Chunks only when the questionnaire asks for them: the figures then depend on the chunks, with or without the cache.
    const stream: StreamOptions = { ...options, chunks: options.chunks ?? q?.chunk_cache === true };
    const streamed: Awaited<ReturnType<Engine['accumulate']>>['streamed'] = {};
    let source: SurveySource | undefined;
    let total = 0;
    const progress = (done: number, rows: number) => options.onBytes?.(total + done, rows);
    if (paths['responses.csv']) {
      if (q) {
        const r = await streamResponses(paths['responses.csv'], contexts.survey('responses.csv'), q, parsedQ!.items, { ...stream, onBytes: progress });
        source = { layout: r.layout, accs: r.accs, engine: 'stream' };
        streamed['responses.csv'] = r;
      } else streamed['responses.csv'] = { problems: [], rows: 0 };
      total += (await stat(paths['responses.csv'])).size;
    }
    if (paths['contacts.csv'])
      streamed['contacts.csv'] = await streamContacts(paths['contacts.csv'], contexts.base('contacts.csv'), thresholds, { ...stream, onBytes: progress });
    return { streamed, source };
  },
};

export const loadDatasetStreaming = (dir: string, options: Pick<LoadOptions, 'limits'> & StreamOptions = {}): Promise<StreamLoadResult> =>
  loadWith(streamEngine, dir, options);
