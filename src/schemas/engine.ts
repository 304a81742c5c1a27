import { z } from 'zod';

/**
 * The ways to the same figures (src/engines/run-fs.ts): `memory` folds parsed rows,
 * `stream` folds byte ranges in worker threads, `duckdb` aggregates in SQL.
 * The one list of engines that read a dataset's files: the CLI's --engine and a report's `engine:`.
 */
export const ENGINES = ['memory', 'stream', 'duckdb'] as const;
/**
 * Engines that read a warehouse table instead of responses.csv (src/engines/clickhouse-*.ts):
 * chosen by the dataset (questionnaire.yaml's `warehouse:`), not by a flag, since no file
 * engine can read a table and a warehouse cannot read the folder's CSV.
 */
export const WAREHOUSE_ENGINES = ['clickhouse'] as const;
/** Any engine, as a report's `engine:` and the figures' meta.engine name it. */
export const EngineSchema = z.enum([...ENGINES, ...WAREHOUSE_ENGINES]);
export type Engine = z.infer<typeof EngineSchema>;

/**
 * questionnaire.yaml's `warehouse:`: the survey responses live in a warehouse table, read by
 * SQL where they lie, instead of responses.csv. Credentials are never written here (the file
 * is committed): they come from GAPREPORT_CLICKHOUSE_USER / GAPREPORT_CLICKHOUSE_PASSWORD.
 */
export const WarehouseSchema = z
  .object({
    /** The warehouse (ClickHouse 18.16 or later, over HTTP). */
    source: z.enum(WAREHOUSE_ENGINES),
    /** The table of responses, one row per respondent, columns named as responses.csv's (`columns:` maps them): `db.table` or `table`. */
    table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/, 'must be a table name, `table` or `database.table`'),
    /** The HTTP endpoint, e.g. `http://127.0.0.1:8123`; default GAPREPORT_CLICKHOUSE_URL. No user or password in it. */
    url: z.string().url().optional(),
  })
  .strict();
export type Warehouse = z.infer<typeof WarehouseSchema>;
