/**
 * The three ways to the same figures (test/perf proves them equal to 1e-9):
 * - `memory`: loadDataset parses every file but contacts.csv into rows, then folds them (small data);
 * - `stream`: responses.csv and contacts.csv are read in byte ranges by worker threads
 *   and folded as they are read (src/stream) — flat memory, both cores;
 * - `duckdb`: SQL aggregation over the CSV (or Parquet) produces the accumulators
 *   (duckdb-fs.ts) — for data beyond one machine's patience, or to move onto a warehouse.
 * Every engine folds contacts.csv with the same KPI accumulator (src/analysis/kpi-acc.ts).
 * By default the stream engine takes over when responses.csv and contacts.csv together
 * exceed STREAM_ABOVE_BYTES; below that the in-memory path is as fast and starts sooner.
 */
import { stat, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { figuresFrom } from '../analysis/analyze';
import type { Figures } from '../schemas/figures';
import type { Problem } from '../schemas/problem';
import type { AnalysisOptions } from '../schemas/report';
import type { Engine as EngineName } from '../schemas/engine';
import { streamEngine } from '../stream/load-stream-fs';
import type { ChunkCacheOptions } from '../stream/chunk-cache';
import { prewarmWorkers } from '../stream/pool';
import { progress, type ProgressEffects } from '../stream/progress';
import type { Engine as AnalysisEngine } from './engine';
import { loadWith } from './load-with-fs';
import { memoryEngine } from './memory-fs';

/** The one list (src/schemas/engine.ts), re-exported for the CLI; `Engine` here is an engine's name. */
export { ENGINES } from '../schemas/engine';
import { WAREHOUSE_ENGINES } from '../schemas/engine';
export type Engine = EngineName;

/** The in-memory engine (memory-fs.ts): buildDataset parses responses.csv into rows, loadWith folds them; contacts.csv it folds itself. */
export { memoryEngine };

/** The engine by name (duckdb loaded only when asked for: its native module is slow to load). */
export async function engineNamed(name: Engine): Promise<AnalysisEngine> {
  if (name === 'memory') return memoryEngine;
  if (name === 'stream') return streamEngine;
  if (name === 'clickhouse') return (await import('./clickhouse-engine')).clickhouseEngine;
  return (await import('./duckdb-fs')).duckdbEngine;
}

/** Above this many bytes of responses.csv + contacts.csv, `stream` is the default engine. */
export const STREAM_ABOVE_BYTES = 20 * 1024 * 1024;

/** The dataset's big files, following `files:` in questionnaire.yaml; absent ones left out. */
export async function bigFiles(dir: string): Promise<{ file: 'responses.csv' | 'contacts.csv'; path: string; size: number }[]> {
  let mapped: Record<string, string> = {};
  try {
    mapped = (parseYaml(await readFile(join(dir, 'questionnaire.yaml'), 'utf8')) as { files?: Record<string, string> })?.files ?? {};
  } catch {
    // No or broken questionnaire: the contract names (validation reports the rest).
  }
  const out = [];
  for (const file of ['responses.csv', 'contacts.csv'] as const) {
    const path = resolve(dir, typeof mapped[file] === 'string' ? mapped[file] : file);
    const s = await stat(path).catch(() => undefined);
    if (s?.isFile()) out.push({ file, path, size: s.size });
  }
  return out;
}

/** The dataset's warehouse engine (questionnaire.yaml's warehouse:), else the requested engine, else `stream` for big data and `memory` for small. */
export async function chooseEngine(dir: string, requested?: Engine): Promise<Engine> {
  const warehouse = await warehouseOf(dir);
  if (warehouse) return warehouse;
  if (requested) return requested;
  const bytes = (await bigFiles(dir)).reduce((n, f) => n + f.size, 0);
  return bytes > STREAM_ABOVE_BYTES ? 'stream' : 'memory';
}

/** The warehouse a dataset's responses live in: no file engine can read them, so it is the engine whatever was asked. */
async function warehouseOf(dir: string): Promise<Engine | undefined> {
  try {
    const source = (parseYaml(await readFile(join(dir, 'questionnaire.yaml'), 'utf8')) as { warehouse?: { source?: unknown } })?.warehouse?.source;
    return WAREHOUSE_ENGINES.find((e) => e === source);
  } catch {
    return undefined; // no or broken questionnaire: validation reports it
  }
}

export interface RunEffects {
  /** Where progress is drawn (quiet unless a TTY without CI). */
  progress?: ProgressEffects;
  /** The stream engine's chunk cache (figures-fs.ts; none with noCache). */
  chunkCache?: ChunkCacheOptions;
}

export type RunResult = {
  figures?: Figures;
  problems: Problem[];
  /** Why the duckdb engine handed responses.csv to the stream engine (also in figures.meta.engine_fallback). */
  fallback?: string;
};

/** The line analyze and build print once when the duckdb engine handed over (never a silent switch). */
export function fallbackNote(dataset: string, reason: string): string {
  return `${dataset}: the duckdb engine handed responses.csv to the stream engine: ${reason}.`;
}

export async function analyzeWith(name: Engine, dir: string, options: AnalysisOptions, effects: RunEffects = {}): Promise<RunResult> {
  const engine = await engineNamed(name);
  let shown: ReturnType<typeof progress> | undefined;
  if (name === 'stream') {
    const total = (await bigFiles(dir)).reduce((n, f) => n + f.size, 0);
    if (total >= 2 * 4 * 1024 * 1024) prewarmWorkers();
    shown = effects.progress ? progress(`reading ${dir.split('/').pop()}`, total, effects.progress) : undefined;
  }
  try {
    const loaded = await loadWith(engine, dir, { onBytes: shown && ((bytes, rows) => shown!.update(bytes, rows)), chunkCache: effects.chunkCache });
    const fallback = loaded.fallback;
    if (!loaded.dataset || !loaded.source) return { problems: loaded.problems, fallback };
    const result = figuresFrom(loaded.dataset, loaded.source, options);
    if (!result.figures || fallback === undefined) return { ...result, fallback };
    return { figures: { ...result.figures, meta: { ...result.figures.meta, engine_requested: name, engine_fallback: fallback } }, problems: [], fallback };
  } finally {
    shown?.done();
  }
}
