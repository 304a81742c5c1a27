/**
 * The warehouse rows of `npm run bench`: a survey of N responses generated inside ClickHouse
 * (numbers() and rand(), no CSV), half on each of two shards behind a Distributed table,
 * then `gapreport analyze` on a dataset whose questionnaire names that table, beside its
 * anchor — ClickHouse itself answering the headline figures in one SQL statement
 * (clickhouse-client), as scripts/bench/duckdb-headline.mjs does for DuckDB. Each is a median of
 * at least MIN_RUNS runs, whatever --runs says: one run of a shared machine's warehouse is noise.
 * Alone: `node --import tsx scripts/bench/clickhouse-bench.ts [rows] [runs]` prints the two rows.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCluster } from './clickhouse-servers';
import { QUESTIONNAIRE } from './generate';
import { readFileSync } from 'node:fs';
import { measure, runChild, type Measured, type Run } from './measure';

/** Clock ticks per second of /proc/<pid>/stat (Linux's USER_HZ, 100 on every common kernel). */
const TICKS = 100;

/** User + system CPU seconds a process has used so far, from /proc (undefined off Linux or once it is gone). */
function cpuOf(pid: number): number | undefined {
  try {
    // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
    const after = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(after[11]) + Number(after[12])) / TICKS;
  } catch {
    return undefined;
  }
}

/** `run`, with the servers' CPU seconds spent meanwhile added to the child's own: the warehouse work is theirs. */
async function withServerCpu(pids: number[], run: () => Promise<Run>): Promise<Run> {
  const before = pids.map(cpuOf);
  const r = await run();
  const spent = pids.map((p, i) => (cpuOf(p) ?? NaN) - (before[i] ?? NaN)).reduce((a, b) => a + b, 0);
  return { ...r, cpuSeconds: Number.isFinite(spent) ? (r.cpuSeconds ?? 0) + spent : r.cpuSeconds };
}

const DIMS: Record<string, string[]> = {
  tangibles: ['tan1', 'tan2', 'tan3', 'tan4'],
  reliability: ['rel1', 'rel2', 'rel3', 'rel4', 'rel5'],
  responsiveness: ['res1', 'res2', 'res3', 'res4'],
  assurance: ['ass1', 'ass2', 'ass3', 'ass4'],
  empathy: ['emp1', 'emp2', 'emp3', 'emp4', 'emp5'],
};
const ITEMS = Object.values(DIMS).flat();
const WEIGHTS = ['w_tangibles', 'w_reliability', 'w_responsiveness', 'w_assurance', 'w_empathy'];

const numberCols = [...ITEMS.flatMap((i) => [`e_${i}`, `p_${i}`]), ...WEIGHTS, 'nps', 'csat', 'ces', 'overall'];
const CREATE = `(respondent_id String, wave String, date String, channel String, region String, ${numberCols.map((c) => `${c} Nullable(Float64)`).join(', ')}) ENGINE = MergeTree ORDER BY tuple()`;

/** Rows `offset`… of the seeded-by-rand survey: one item answer in 20 missing, the five weights 30/25/20/15/10. */
function insertSql(rows: number, offset: number): string {
  let k = 0;
  const likert = (span: number) => `if(rand(${++k}) % 20 = 0, NULL, toFloat64(1 + rand(${++k}) % ${span}))`;
  const cols = [
    `concat('R', toString(number + ${offset}))`,
    `arrayElement(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'], 1 + number % 4)`,
    `toString(toDate('2025-10-01') + (number % 4) * 91 + rand(${++k}) % 90)`,
    `arrayElement(['phone', 'chat', 'email', 'store'], 1 + rand(${++k}) % 4)`,
    `arrayElement(['North', 'South', 'East', 'West', 'Central'], 1 + rand(${++k}) % 5)`,
    ...ITEMS.flatMap(() => [likert(7), likert(7)]),
    '30',
    '25',
    '20',
    '15',
    '10',
    `toFloat64(rand(${++k}) % 11)`,
    likert(5),
    likert(7),
    likert(7),
  ];
  return `INSERT INTO gap.survey SELECT ${cols.join(', ')} FROM numbers(${rows})`;
}

/** The headline figures (NPS, CSAT top-2-box, CES, the dimensions' E, P and gap with the half rule) by wave and channel, in one statement. */
function headlineSql(): string {
  const half = (xs: string[]) => {
    const n = xs.map((x) => `toInt64(${x} IS NOT NULL)`).join(' + ');
    return `if((${n}) > 0 AND (${n}) >= ${xs.length / 2}, (${xs.map((x) => `ifNull(${x}, 0)`).join(' + ')}) / (${n}), NULL)`;
  };
  const means = Object.entries(DIMS).flatMap(([d, items]) => [
    `avg(${half(items.map((i) => `e_${i}`))}) AS ${d}_e`,
    `avg(${half(items.map((i) => `p_${i}`))}) AS ${d}_p`,
    `avg(${half(items.map((i) => `(p_${i} - e_${i})`))}) AS ${d}_g`,
  ]);
  return `SELECT wave, channel, count() AS n, 100 * (countIf(nps >= 9) - countIf(nps <= 6)) / count(nps) AS nps,
    100 * countIf(csat >= 4) / count(csat) AS csat_top2box, avg(ces) AS ces, ${means.join(', ')}
    FROM gap.survey_all GROUP BY wave, channel ORDER BY wave, channel FORMAT Null`;
}

/** The fewest runs each warehouse row is the median of. */
export const MIN_RUNS = 3;

/** Starts the cluster, loads `rows` responses, measures both; undefined (with a note) when clickhouse-server is not installed. */
export async function warehouseBench(
  root: string,
  out: string,
  rows: number,
  asked: number,
  step: (m: Promise<Measured>) => Promise<Measured>,
  log: (s: string) => void,
): Promise<{ analyze: Measured; oneSql: Measured } | undefined> {
  let cluster;
  try {
    cluster = await startCluster(2);
  } catch (e) {
    log(`  warehouse rows skipped: ${(e as Error).message}`);
    return undefined;
  }
  const runs = Math.max(asked, MIN_RUNS);
  try {
    const t = performance.now();
    const half = Math.ceil(rows / 2);
    for (let i = 0; i < 2; i++) {
      await cluster.sql('CREATE DATABASE gap', i);
      await cluster.sql(`CREATE TABLE gap.survey ${CREATE}`, i);
      await cluster.sql(insertSql(i === 0 ? half : rows - half, i * half), i);
    }
    await cluster.sql(`CREATE TABLE gap.survey_all AS gap.survey ENGINE = Distributed(${cluster.cluster}, gap, survey)`, 0);
    log(`  ${rows.toLocaleString('en-US')} responses generated in ClickHouse (two shards) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const dir = join(out, 'warehouse');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'questionnaire.yaml'), `${QUESTIONNAIRE}warehouse: { source: clickhouse, table: gap.survey_all, url: "${cluster.urls[0]}" }\n`);
    const node = process.execPath;
    const label = `${(rows / 1e6).toLocaleString('en-US')}M responses`;
    // CPU seconds: the child's and both servers' (gapreport or clickhouse-client waits; the shards work).
    const pids = cluster.pids;
    const analyze = await step(
      measure(`gapreport analyze, clickhouse engine, ${label} on 2 shards`, runs, () =>
        withServerCpu(pids, () => runChild(node, [join(root, 'scripts/gapreport.mjs'), 'analyze', dir, '--out', '/dev/null'], { cwd: root })),
      ),
    );
    const oneSql = await step(
      measure(`ClickHouse SQL, headline figures, ${label} (clickhouse-client)`, runs, () =>
        withServerCpu(pids, () =>
          runChild('clickhouse-client', ['--host', '127.0.0.1', '--port', String(cluster!.tcpPorts[0]), '--query', headlineSql()], { cwd: root }),
        ),
      ),
    );
    return { analyze, oneSql };
  } finally {
    await cluster.stop();
  }
}

/** The two warehouse rows alone, medians of `runs` (at least MIN_RUNS), with CPU seconds of the child and the servers. */
async function alone(rows: number, runs: number): Promise<void> {
  const root = new URL('../../', import.meta.url).pathname;
  const out = await mkdtemp(join(tmpdir(), 'gapreport-ch-bench-'));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const step = async (m: Promise<Measured>) => {
    const r = await m;
    log(
      `  ${r.name}: ${r.failed ? `failed\n${r.failed}` : `median ${r.seconds.toFixed(2)} s of ${r.all.map((x) => x.toFixed(2)).join(', ')}${r.cpuSeconds === undefined ? '' : `, ${r.cpuSeconds.toFixed(2)} s CPU`}`}`,
    );
    return r;
  };
  try {
    const r = await warehouseBench(root, out, rows, runs, step, log);
    if (r) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [rows = '10000000', runs = String(MIN_RUNS)] = process.argv.slice(2);
  await alone(Number(rows), Number(runs));
}
