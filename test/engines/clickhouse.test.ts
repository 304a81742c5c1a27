/**
 * The warehouse engine on a real sharded ClickHouse: two clickhouse-server processes on
 * loopback (Debian's package, started and stopped here), a MergeTree table on each holding
 * half of a dataset's responses, a Distributed table over both — and the figures equal the
 * in-memory engine's on the CSV to 1e-9, weighted (the demo's post-stratification, raking, a weight
 * column) or not, from one grouping by every segment or one per segment. Under CI=true a missing server fails the suite;
 * elsewhere it is skipped, saying why.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickhouseServerPath, startCluster, type Cluster } from '../../scripts/bench/clickhouse-servers';
import { analyzeWith, chooseEngine } from '../../src/engines/run-fs';
import { clickhouseEngineWith } from '../../src/engines/clickhouse-engine';
import { loadWith } from '../../src/engines/load-with-fs';
import { figuresFrom } from '../../src/analysis/analyze';
import { computeFigures } from '../../src/build/figures-fs';
import { formatProblem } from '../../src/schemas/problem';
import { differences, FIXTURES, memoryPath, OPTIONS, ROOT } from '../perf/compare';
import { loadIntoCluster, type Loaded } from './clickhouse-cluster';

const binary = clickhouseServerPath();
const CI = process.env.CI === 'true';

if (!binary && !CI) console.warn('test/engines/clickhouse.test.ts skipped: clickhouse-server is not installed (apt-get install clickhouse-server).');

describe.runIf(!binary && CI)('the clickhouse engine under CI', () => {
  it('needs clickhouse-server installed (.ci/run installs it)', () => {
    expect(binary, 'clickhouse-server is not installed; .ci/run installs it with apt-get').toBeDefined();
  });
});

describe.runIf(binary)('the clickhouse engine over a Distributed table of two shards', () => {
  let cluster: Cluster;
  const work = mkdtempSync(join(tmpdir(), 'gapreport-ch-datasets-'));
  const loaded: Record<string, Loaded> = {};
  // The demo is weighted; the plain equality runs on its responses without the weighting: block,
  // and the weighted tests below put it back (and rake, and read a weight column).
  const unweightedDemo = join(work, 'demo-unweighted');
  cpSync(join(ROOT, 'data/demo'), unweightedDemo, { recursive: true });
  const yaml = readFileSync(join(unweightedDemo, 'questionnaire.yaml'), 'utf8');
  writeFileSync(join(unweightedDemo, 'questionnaire.yaml'), yaml.replace(/^weighting:\n(?: {2}.*\n)+/m, ''));
  const cases = [
    { name: 'demo', from: unweightedDemo, typed: true },
    { name: 'servqual_preset', from: join(FIXTURES, 'valid/servqual-preset'), typed: true },
    { name: 'missing_codes', from: join(FIXTURES, 'valid/missing-codes'), typed: false },
    { name: 'recode', from: join(FIXTURES, 'valid/recode'), typed: false },
  ];

  beforeAll(async () => {
    cluster = await startCluster(2);
    for (const c of cases) loaded[c.name] = await loadIntoCluster(cluster, c.from, join(work, c.name, c.from.split('/').pop()!), c.name, c.typed);
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }, 30_000);

  /** A copy of dataset `from` (CSV) with `edit` applied to its questionnaire, and its warehouse copy reading `table` with the same edit. */
  const variant = (name: string, from: string, warehouseDir: string, edit: (yaml: string) => string) => {
    const csv = join(work, `${name}-csv`, basename(from));
    cpSync(from, csv, { recursive: true });
    writeFileSync(join(csv, 'questionnaire.yaml'), edit(readFileSync(join(from, 'questionnaire.yaml'), 'utf8')));
    const table = join(work, `${name}-warehouse`, basename(from));
    cpSync(warehouseDir, table, { recursive: true });
    const warehouseLine = /^warehouse:.*$/m.exec(readFileSync(join(warehouseDir, 'questionnaire.yaml'), 'utf8'))![0];
    writeFileSync(join(table, 'questionnaire.yaml'), `${readFileSync(join(csv, 'questionnaire.yaml'), 'utf8').trimEnd()}\n${warehouseLine}\n`);
    return { csv, table };
  };
  const sameFigures = async (csv: string, table: string) => {
    const memory = await memoryPath(csv);
    const warehouse = await analyzeWith('clickhouse', table, OPTIONS);
    expect(memory.problems).toEqual([]);
    expect(warehouse.problems.map(formatProblem)).toEqual([]);
    expect(warehouse.figures?.meta.engine).toBe('clickhouse');
    expect(memory.figures).toBeDefined();
    expect(differences(memory.figures, warehouse.figures)).toEqual([]);
    return warehouse.figures!;
  };

  it('weighs the demo as declared (post-stratification by region) from the per-cell sums of the shards, equal to the in-memory figures to 1e-9', async () => {
    expect(yaml).toMatch(/^weighting:\n  method: post-stratification/m);
    const { csv, table } = variant('demo-weighted', join(ROOT, 'data/demo'), loaded.demo.dir, (y) => y);
    const figures = await sameFigures(csv, table);
    expect(figures.meta.weighting?.method).toBe('post-stratification');
    // Weighted, not merely counted: the weighted base differs from the respondents somewhere.
    expect(JSON.stringify(figures)).not.toEqual(JSON.stringify((await analyzeWith('clickhouse', loaded.demo.dir, OPTIONS)).figures));
  }, 120_000);

  it('rakes the demo to channel and region margins with trimming, equal to the in-memory figures to 1e-9', async () => {
    const raking = [
      'weighting:',
      '  method: raking',
      '  trim: { lower: 0.5, upper: 2 }',
      '  targets:',
      '    channel: { phone: 0.35, chat: 0.3, store: 0.2, email: 0.15 }',
      '    region: { North: 0.22, South: 0.25, East: 0.31, West: 0.205, Islands: 0.015 }',
      '',
    ].join('\n');
    const { csv, table } = variant('demo-raked', join(ROOT, 'data/demo'), loaded.demo.dir, (y) => y.replace(/^weighting:\n(?: {2}.*\n)+/m, raking));
    const figures = await sameFigures(csv, table);
    expect(figures.meta.weighting?.method).toBe('raking');
    expect(figures.meta.weighting?.variables).toEqual(['channel', 'region']);
  }, 120_000);

  it('weighs by a weight column of the table (read as text), equal to the in-memory figures to 1e-9', async () => {
    const csv = join(work, 'weight-column', 'demo');
    cpSync(unweightedDemo, csv, { recursive: true });
    const lines = readFileSync(join(csv, 'responses.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(join(csv, 'responses.csv'), `${lines.map((l, i) => `${l},${i === 0 ? 'weight' : (0.5 + (i % 7) / 4).toString()}`).join('\n')}\n`);
    const into = await loadIntoCluster(cluster, csv, join(work, 'weight-column-warehouse', 'demo'), 'weight_column', false);
    const figures = await sameFigures(csv, into.dir);
    expect(figures.meta.weighting?.method).toBe('column');
  }, 120_000);

  it('folds the same figures from one grouping per segment (UNION ALL) as from the one grouping by every segment', async () => {
    const { csv, table } = variant('demo-union', join(ROOT, 'data/demo'), loaded.demo.dir, (y) => y);
    const union = await loadWith(clickhouseEngineWith(process.env, undefined, 0), table);
    expect(union.problems.map(formatProblem)).toEqual([]);
    const unionFigures = figuresFrom(union.dataset!, union.source!, OPTIONS).figures;
    const fine = await sameFigures(csv, table);
    expect(differences(fine, unionFigures)).toEqual([]);
    for (const c of cases.filter((k) => k.name !== 'demo')) {
      const r = await loadWith(clickhouseEngineWith(process.env, undefined, 0), loaded[c.name].dir);
      expect(differences((await memoryPath(c.from)).figures, figuresFrom(r.dataset!, r.source!, OPTIONS).figures)).toEqual([]);
    }
  }, 180_000);

  it('reads the dates as date_format: says: a table of ISO days read day-first gives the count of rows and the format in words, not figures', async () => {
    const { table } = variant('demo-day-first', unweightedDemo, loaded.demo.dir, (y) => `${y.trimEnd()}\ndate_format: day-first\n`);
    const r = await analyzeWith('clickhouse', table, OPTIONS);
    expect(r.figures).toBeUndefined();
    const rows = Number(JSON.parse(await cluster.sql('SELECT count() FROM gap.demo_all FORMAT JSON')).data[0]['count()']);
    expect(r.problems.map(formatProblem)).toContain(
      `clickhouse:gap.demo_all: column "date": ${rows.toLocaleString('en-US')} rows break a rule of the data contract: a date as date_format: day-first reads them (like 30/09/2026 or 30.09.2026 22:11). Find them in the table, fix the values (or list a code under missing:), and run again.`,
    );
  });

  it('holds the rows on both shards, so the figures come from a sharded table', async () => {
    const counts = await Promise.all(cluster.urls.map((_, i) => cluster.sql('SELECT count() FROM gap.demo', i)));
    expect(counts.map(Number)).toEqual([1800, 1800]);
  });

  it.each(cases.map((c) => [c.name, c]))(
    'computes %s in ClickHouse, equal to the in-memory figures of its CSV to 1e-9',
    async (_n, c) => {
      const memory = await memoryPath(c.from);
      const warehouse = await analyzeWith('clickhouse', loaded[c.name].dir, OPTIONS);
      expect(warehouse.problems.map(formatProblem)).toEqual([]);
      expect(warehouse.figures?.meta.engine).toBe('clickhouse');
      expect(memory.figures).toBeDefined();
      expect(differences(memory.figures, warehouse.figures)).toEqual([]);
    },
    120_000,
  );

  it('is the engine of a dataset whose questionnaire names a warehouse, whatever engine was asked', async () => {
    expect(await chooseEngine(loaded.demo.dir, 'stream')).toBe('clickhouse');
    expect(await chooseEngine(join(ROOT, 'data/demo'))).toBe('memory');
  });

  it('never caches warehouse figures: the table changes with no file changing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gapreport-ch-cache-'));
    try {
      const first = await computeFigures(root, loaded.recode.dir, {});
      await cluster.sql(
        `INSERT INTO gap.recode FORMAT JSONEachRow`,
        1,
        JSON.stringify({ respondent_id: 'R99', wave: '2026-Q3', nps: '10', overall: 'satisfied' }),
      );
      const second = await computeFigures(root, loaded.recode.dir, {});
      expect(first.reused).toBe(false);
      expect(second.reused).toBe(false);
      expect(first.figures).toBeDefined();
      expect(differences(first.figures, second.figures)).not.toEqual([]);
    } finally {
      await cluster.sql(`ALTER TABLE gap.recode DELETE WHERE respondent_id = 'R99'`, 1).catch(() => {});
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports values that break the contract per column, with their count, instead of figures', async () => {
    await cluster.sql('CREATE TABLE gap.bad_rows AS gap.missing_codes ENGINE = MergeTree ORDER BY tuple()', 0);
    await cluster.sql(
      'INSERT INTO gap.bad_rows FORMAT JSONEachRow',
      0,
      [
        '{"respondent_id":"a","wave":"W","nps":"11","p_speed":"5"}',
        '{"respondent_id":"b","wave":"W","nps":"12","p_speed":"x"}',
        '{"respondent_id":"a","wave":null,"nps":"3"}',
      ].join('\n'),
    );
    const dir = join(work, 'bad');
    await loadIntoCluster(cluster, join(FIXTURES, 'valid/missing-codes'), dir, 'unused_bad', false);
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'questionnaire.yaml'), readFileSync(join(dir, 'questionnaire.yaml'), 'utf8').replace(/table: \S+,/, 'table: gap.bad_rows,'));
    const r = await analyzeWith('clickhouse', dir, OPTIONS);
    expect(r.figures).toBeUndefined();
    expect(r.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "clickhouse:gap.bad_rows: column "p_speed": 1 row breaks a rule of the data contract: a number from 1 to 7. Find it in the table, fix the values (or list a code under missing:), and run again.",
        "clickhouse:gap.bad_rows: column "nps": 2 rows break a rule of the data contract: a whole number from 0 to 10. Find them in the table, fix the values (or list a code under missing:), and run again.",
        "clickhouse:gap.bad_rows: column "wave": 1 row breaks a rule of the data contract: present on every row. Find it in the table, fix the values (or list a code under missing:), and run again.",
        "clickhouse:gap.bad_rows: column "respondent_id": 1 respondent id is used more than once. Each respondent is one row: remove the repeated rows.",
      ]
    `);
  });

  it('says which table the server does not have, naming the server without credentials', async () => {
    const dir = join(work, 'missing');
    await loadIntoCluster(cluster, join(FIXTURES, 'valid/recode'), dir, 'unused_missing', false);
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'questionnaire.yaml'), readFileSync(join(dir, 'questionnaire.yaml'), 'utf8').replace(/table: \S+,/, 'table: gap.nosuch,'));
    const r = await analyzeWith('clickhouse', dir, OPTIONS);
    expect(r.problems.map(formatProblem).join('\n').replace(cluster.urls[0], 'http://127.0.0.1:PORT')).toMatchInlineSnapshot(
      `"clickhouse:gap.nosuch: cannot be read: ClickHouse at http://127.0.0.1:PORT answered 404: Table gap.nosuch doesn't exist. Check warehouse: in questionnaire.yaml (url, table) and GAPREPORT_CLICKHOUSE_URL / _USER / _PASSWORD, and that the server answers."`,
    );
  });
});
