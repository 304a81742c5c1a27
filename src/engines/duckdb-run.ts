/**
 * SQL on an in-process DuckDB, loaded only when the duckdb engine or the bench runs. One
 * instance per process (creating one costs more than a small query).
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export type SqlRow = Record<string, DuckDBValue>;

let connection: Promise<DuckDBConnection> | undefined;

async function connect(): Promise<DuckDBConnection> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

export async function runSql(sql: string): Promise<SqlRow[]> {
  connection ??= connect();
  const reader = await (await connection).runAndReadAll(sql);
  return reader.getRowObjects();
}
