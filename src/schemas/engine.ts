import { z } from 'zod';

/**
 * The ways to the same figures (src/engines/run-fs.ts): `memory` folds parsed rows,
 * `stream` folds byte ranges in worker threads, `duckdb` aggregates in SQL.
 * The one list: the CLI's --engine, a report's `engine:` and the figures' meta.engine.
 */
export const ENGINES = ['memory', 'stream', 'duckdb'] as const;
export const EngineSchema = z.enum(ENGINES);
export type Engine = z.infer<typeof EngineSchema>;
