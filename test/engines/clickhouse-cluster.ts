/**
 * For the warehouse engine's tests: a dataset folder's responses.csv loaded into a ClickHouse
 * MergeTree table on every shard of a two-server cluster (rows dealt out in turn), a
 * Distributed table over them on the first server, and the folder copied without responses.csv
 * but with `warehouse:` in its questionnaire — the same dataset, its responses in a sharded table.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Cluster } from '../../scripts/bench/clickhouse-servers';

/** Columns the contract reads as numbers (typed tables hold them as Float64). */
const NUMBER = /^(e_|p_|w_|m_)|^(nps|csat|ces|overall)$/;

export interface Loaded {
  /** The copy of the dataset, reading `db.<name>_all`. */
  dir: string;
  table: string;
}

/**
 * `typed`: number columns as Nullable(Float64) (a warehouse's usual schema); else every column
 * Nullable(String), cells as written, so the cell rules (missing codes, recode) run in SQL.
 * `headerRows`: a survey tool's header rows under the names, which a table loaded from the export
 * does not hold as rows: the first (the question texts) becomes the columns' comments.
 */
export async function loadIntoCluster(cluster: Cluster, from: string, into: string, name: string, typed: boolean, headerRows = 0): Promise<Loaded> {
  const parsed = Papa.parse<string[]>(readFileSync(join(from, 'responses.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...all] = parsed.data;
  const texts = headerRows > 0 ? all[0] : [];
  const rows = all.slice(headerRows);
  const isNumber = (c: string) => typed && NUMBER.test(c);
  const comment = (j: number) => (texts[j] ? ` COMMENT '${texts[j].replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : '');
  const columns = header.map((c, j) => `\`${c}\` ${isNumber(c) ? 'Nullable(Float64)' : 'Nullable(String)'}${comment(j)}`).join(', ');
  const table = `gap.${name}`;
  for (let i = 0; i < cluster.urls.length; i++) {
    await cluster.sql('CREATE DATABASE IF NOT EXISTS gap', i);
    await cluster.sql(`CREATE TABLE ${table} (${columns}) ENGINE = MergeTree ORDER BY tuple()`, i);
  }
  await cluster.sql(`CREATE TABLE ${table}_all AS ${table} ENGINE = Distributed(${cluster.cluster}, gap, ${name})`, 0);
  const json = (r: string[]) =>
    JSON.stringify(Object.fromEntries(header.map((c, j) => [c, isNumber(c) ? (r[j] === undefined || r[j] === '' ? null : Number(r[j])) : (r[j] ?? null)])));
  for (let i = 0; i < cluster.urls.length; i++) {
    const mine = rows.filter((_, k) => k % cluster.urls.length === i);
    if (mine.length) await cluster.sql(`INSERT INTO ${table} FORMAT JSONEachRow`, i, mine.map(json).join('\n'));
  }
  mkdirSync(into, { recursive: true });
  for (const f of readdirSync(from)) if (f !== 'responses.csv' && f !== 'questionnaire.yaml') copyFileSync(join(from, f), join(into, f));
  const q = readFileSync(join(from, 'questionnaire.yaml'), 'utf8');
  writeFileSync(join(into, 'questionnaire.yaml'), `${q.trimEnd()}\nwarehouse: { source: clickhouse, table: ${table}_all, url: "${cluster.urls[0]}" }\n`);
  return { dir: into, table: `${table}_all` };
}
