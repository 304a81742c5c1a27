/**
 * The warehouse engine translates the questionnaire's row rules into its SQL instead of refusing
 * them: keep: (a WHERE, with each rule's exclusions counted), scales:, reverse:, binary:, recode:
 * of numbers and of segment values, and constructs (scores, α, drivers: constructs) — equal to the
 * in-memory engine on the same rows to 1e-9, over a Distributed table of two shards. Cells are read
 * as Cells.text reads them (bidi controls stripped, JavaScript's trim, non-ASCII labels lower-cased
 * as JavaScript does), ids compared after normalizeId (NFC, invisible characters), and the
 * credentials of GAPREPORT_CLICKHOUSE_USER / _PASSWORD reach no file of a built site, no build
 * output, no cache and no problem. Skipped, saying why, without clickhouse-server (clickhouse.test.ts
 * fails the suite under CI instead).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickhouseServerPath, startCluster, type Cluster } from '../../scripts/bench/clickhouse-servers';
import { clickhouseEngineWith } from '../../src/engines/clickhouse-engine';
import { chLit, daySql, derivedWaveSql, isoDateSql } from '../../src/engines/clickhouse-sql';
import { DATE_FORMATS, readDate, waveOf } from '../../src/data/dates';
import { loadWith } from '../../src/engines/load-with-fs';
import { analyzeWith } from '../../src/engines/run-fs';
import { formatProblem } from '../../src/schemas/problem';
import { filesUnder, makeProject, removeProject, REPO } from '../robustness/site';
import { differences, memoryPath, OPTIONS, ROOT } from '../perf/compare';
import { loadIntoCluster } from './clickhouse-cluster';

const binary = clickhouseServerPath();
if (!binary) console.warn('test/engines/clickhouse-rules.test.ts skipped: clickhouse-server is not installed (apt-get install clickhouse-server).');

/** A user of the cluster with a password, as a CI secret would hold it. */
const USER = 'gap_reader';
const PASSWORD = 'h7-Pw-3141-ñ&<secret>';

/** Every fourth response of the demo (all its waves), with the export's extra columns and, when `noisy`, cells a tool writes untidily. */
function demoVariant(dir: string, noisy: boolean): void {
  const parsed = Papa.parse<string[]>(readFileSync(join(ROOT, 'data/demo/responses.csv'), 'utf8'), { skipEmptyLines: true });
  const [header, ...all] = parsed.data;
  const col = (name: string) => header.indexOf(name);
  const rows = all.filter((_, i) => i % 4 === 0);
  const out = rows.map((r, i) => {
    const row = [...r];
    const cycle = ['1', '1.0', 'true', ' TRUE '];
    // The few Islands respondents are always kept, so that every wave keeps some for the region weighting.
    const islands = row[col('region')] === 'Islands';
    const finished = i % 10 === 0 ? '0' : i % 10 === 1 ? '' : cycle[i % 4];
    const status = i % 13 === 0 ? ' spam ' : i % 17 === 0 ? '\u2066Test\u2069' : i % 19 === 0 ? 'Testing' : 'ok';
    const age = i % 11 === 0 ? '17' : i % 23 === 0 ? 'x' : i % 29 === 0 ? '' : i % 31 === 0 ? '18' : ` ${18 + (i % 50)} `;
    const overall = row[col('overall')];
    const satisfied = overall === '' ? '' : Number(overall) >= 5 ? (i % 3 ? 'Yes' : ' YES ') : 'no';
    if (noisy) {
      // Segment values: upper-case and accented labels a recode: merges, a bidi control, NFC and NFD spellings kept apart.
      const channel = col('channel');
      if (i % 7 === 0) row[channel] = 'TÉLÉPHONE';
      else if (i % 7 === 1) row[channel] = ' telephone\t';
      else if (i % 9 === 0) row[channel] = '\u202Ech\u2069at';
      else if (i % 37 === 0) row[channel] = '\u00e9mail';
      else if (i % 41 === 0) row[channel] = 'e\u0301mail';
      // Non-ASCII ids, one of each (normalizeId's path, no repeat).
      if (i % 5 === 0) row[col('respondent_id')] = `${row[col('respondent_id')]}-é`;
      // Dates with a time of day and a zone, as a warehouse's DateTime or an export writes them: the day is kept.
      const date = col('date');
      if (i % 6 === 1) row[date] = `${row[date]} 10:11:12`;
      else if (i % 6 === 2) row[date] = `${row[date]}T23:30:00+02:00`;
      else if (i % 6 === 3) row[date] = `${row[date]} 9:05 pm UTC`;
      const p = col('p_tan2');
      if (i % 8 === 0 && row[p] !== '') row[p] = ` ${row[p]}\u202C`;
    }
    return islands ? [...row, '1', 'ok', '30', satisfied] : [...row, finished, status, age, satisfied];
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'responses.csv'), Papa.unparse([[...header, 'Finished', 'Status', 'age', 'satisfied'], ...out]) + '\n');
}

const KEEP = [
  'keep:',
  '  - { column: Finished, in: [1, "true"], label: unfinished }',
  '  - { column: Status, not_in: [Spam, Test], label: spam or test }',
  '  - { column: age, at_least: 18 }',
].join('\n');

describe.runIf(binary)('the clickhouse engine translates row rules, scales, recodes and constructs', () => {
  let cluster: Cluster;
  const work = mkdtempSync(join(tmpdir(), 'gapreport-ch-rules-'));
  const demoYaml = readFileSync(join(ROOT, 'data/demo/questionnaire.yaml'), 'utf8');
  const withoutWeighting = demoYaml.replace(/^weighting:\n(?: {2}.*\n)+/m, '');

  beforeAll(async () => {
    cluster = await startCluster(2, undefined, undefined, { [USER]: PASSWORD });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }, 30_000);

  /** The dataset as CSV (memory engine) and as a sharded table (clickhouse engine), with the same questionnaire. */
  const both = async (name: string, yaml: string, noisy: boolean, typed: boolean) => {
    const csv = join(work, name, 'csv', 'demo');
    demoVariant(csv, noisy);
    writeFileSync(join(csv, 'questionnaire.yaml'), yaml);
    const table = await loadIntoCluster(cluster, csv, join(work, name, 'table', 'demo'), name, typed);
    return { csv, table: table.dir };
  };
  const sameFigures = async (csv: string, table: string) => {
    const memory = await memoryPath(csv);
    expect(memory.problems).toEqual([]);
    const warehouse = await analyzeWith('clickhouse', table, OPTIONS);
    expect(warehouse.problems.map(formatProblem)).toEqual([]);
    expect(warehouse.figures?.meta.engine).toBe('clickhouse');
    expect(memory.figures).toBeDefined();
    expect(differences(memory.figures, warehouse.figures)).toEqual([]);
    return warehouse.figures!;
  };

  it('filters rows by keep:, recodes segment values, reverses and rescales items, and scores constructs as drivers, weighted by region, equal to the in-memory figures to 1e-9', async () => {
    const yaml = [
      demoYaml.trimEnd(),
      KEEP,
      'recode: { channel: { téléphone: phone, telephone: phone } }',
      'reverse: [p_tan1, e_tan1]',
      'scales:',
      '  ces10: { min: 1, max: 10, columns: [ces], rescale: { min: 1, max: 7 } }',
      'drivers: constructs',
      'constructs:',
      '  - { id: conv, label: Convenience, items: [tan1, rel2, res3] }',
      '  - { id: care, label: Care, items: [emp1, emp2, emp3, emp4] }',
      '  - { id: trust, label: Trust, items: [ass1], driver: false }',
      '',
    ].join('\n');
    const { csv, table } = await both('rules_text', yaml, true, false);
    const figures = await sameFigures(csv, table);
    // The rules did apply: rows were excluded under each rule, the recoded and NFC/NFD channel values are segments, constructs drive.
    expect(figures.base?.excluded.map((e) => e.rule)).toEqual(['unfinished', 'spam or test', 'failing age ≥ 18']);
    expect(figures.base?.excluded.every((e) => e.rows > 0)).toBe(true);
    const text = JSON.stringify(figures);
    expect(text).not.toContain('TÉLÉPHONE');
    expect(text).toContain('\u00e9mail');
    expect(text).toContain('e\u0301mail');
    expect(text).not.toContain('\u202E');
    expect(Object.keys(figures.constructs ?? {})).toEqual(['conv', 'care', 'trust']);
  }, 180_000);

  it('reads a binary outcome recoded from labels (binary:, recode: by header) and reverses a number column of the table, equal to the in-memory figures to 1e-9', async () => {
    const yaml = [
      withoutWeighting.trimEnd(),
      'columns: { overall: satisfied }',
      'recode: { satisfied: { yes: 1, no: 0 } }',
      'binary: [overall]',
      'reverse: [p_tan1]',
      '',
    ].join('\n');
    const { csv, table } = await both('rules_typed', yaml, false, true);
    await sameFigures(csv, table);
  }, 180_000);

  it.each(['month', 'week'])(
    'derives the wave from the date by %s (wave_from: date), times of day dropped, equal to the in-memory figures to 1e-9',
    async (period) => {
      const { csv, table } = await both(`rules_wave_${period}`, `${withoutWeighting.trimEnd()}\nwave_from: date\nwave_period: ${period}\n`, true, false);
      const figures = await sameFigures(csv, table);
      expect(figures.meta.waves.length).toBeGreaterThan(4);
      expect(figures.meta.waves.every((w) => (period === 'month' ? /^\d{4}-\d{2}$/ : /^\d{4}-W\d{2}$/).test(w))).toBe(true);
    },
    180_000,
  );

  it('reads as dates exactly the cells readDate reads as ISO: a day, then a 24- or 12-hour time with a glued or worded zone', async () => {
    const cells = ['2026-09-30', '2026-02-30', '1999-12-31', '2026-9-30'].flatMap((day) =>
      ['', 'T', ' ', 'T ', '  ', 't'].flatMap((sep) =>
        [
          '',
          '10:11',
          '7:05',
          '23:59:59',
          '24:00',
          '10:60',
          '10:11:61',
          '10:11:12.345',
          '10:11:12,5',
          '12:30 pm',
          '12:30PM',
          '0:30 am',
          '13:00 pm',
          '9:05 p.m.',
          '10:11 a.m',
        ].flatMap((time) =>
          ['', 'Z', 'z', '+02', '+02:00', '-0500', ' Z', ' +02:00', ' GMT', ' UTC+2', ' GMT+02:00', ' utc-5', ' CET', '+2', ' +2', 'am+02'].map((zone) =>
            `${day}${sep}${time}${zone}`.trim(),
          ),
        ),
      ),
    );
    const unique = [...new Set(cells)];
    const answer = await cluster.sql(`SELECT arrayMap(x -> ${isoDateSql('x')}, [${unique.map(chLit).join(', ')}]) FORMAT JSONCompact`);
    const read = (JSON.parse(answer) as { data: number[][][] }).data[0][0];
    const differ = unique.filter((c, i) => (read[i] === 1) !== (readDate(c, 'iso') !== undefined));
    expect(differ).toEqual([]);
    // Both kinds occur: the test would see a reading that accepts or refuses everything.
    expect(read.filter((x) => x === 1).length).toBeGreaterThan(100);
    expect(read.filter((x) => x === 0).length).toBeGreaterThan(100);
  });

  it('reads the day of every date_format: as readDate does — any year from 1, before 1970 too, leap days, a time and zone after it — and its ISO week as waveOf', async () => {
    const days = ['30', '9', '29', '31', '00', '0030'];
    const months = ['09', '2', '02', '12', '13', '9'];
    const years = ['2026', '1968', '1900', '2000', '0001', '0000', '26', '9999', '02026'];
    const times = ['', ' 10:11', ' 9:05 pm UTC', '\u00a010:11:12', 'T10:11', ' 24:00', '  23:59:59 +02:00'];
    const cells = [
      ...new Set(
        ['/', '.', '-'].flatMap((sep) =>
          days.flatMap((d) =>
            months.flatMap((m) =>
              years.flatMap((y) => times.flatMap((t) => [`${d}${sep}${m}${sep}${y}${t}`, `${m}${sep}${d}${sep}${y}${t}`, `${y}${sep}${m}${sep}${d}${t}`])),
            ),
          ),
        ),
      ),
    ];
    // In batches: a query holds at most 256 KiB.
    const read: (string | null)[][] = DATE_FORMATS.map(() => []);
    for (let at = 0; at < cells.length; at += 2000) {
      const list = `[${cells
        .slice(at, at + 2000)
        .map(chLit)
        .join(', ')}]`;
      const answer = await cluster.sql(`SELECT ${DATE_FORMATS.map((f) => `arrayMap(x -> ${daySql('x', f)}, ${list})`).join(', ')} FORMAT JSONCompact`);
      (JSON.parse(answer) as { data: (string | null)[][][] }).data[0].forEach((days, k) => read[k].push(...days));
    }
    DATE_FORMATS.forEach((f, k) => {
      const differ = cells.flatMap((c, i) =>
        read[k][i] !== (readDate(c, f) ?? null) ? [`${f} ${JSON.stringify(c)}: ${read[k][i]} vs ${readDate(c, f)}`] : [],
      );
      expect(differ).toEqual([]);
      // Both kinds occur, before 1970 too: a reading that accepts or refuses everything would be seen.
      expect(read[k].filter((d) => d !== null && d < '1970').length).toBeGreaterThan(f === 'iso' ? 0 : 20);
      expect(read[k].filter((d) => d === null).length).toBeGreaterThan(100);
    });
    // ISO weeks around every new year from 1 to 9999 (and the days of one leap year), by arithmetic, not Date.
    const weekDays = [
      ...[1, 2, 399, 400, 1582, 1899, 1900, 1968, 1969, 1970, 2004, 2020, 2026, 2100, 9998].flatMap((y) =>
        ['01-01', '01-02', '01-03', '01-04', '12-28', '12-29', '12-30', '12-31'].map((md) => `${String(y).padStart(4, '0')}-${md}`),
      ),
      ...Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(1968, 0, 1 + i)).toISOString().slice(0, 10)),
      ...Array.from({ length: 270 }, (_, i) => `${String(1 + 37 * i).padStart(4, '0')}-${['03-15', '07-04', '10-31'][i % 3]}`),
    ];
    const weeks = await cluster.sql(`SELECT arrayMap(x -> ${derivedWaveSql('x', 'week')}, [${weekDays.map(chLit).join(', ')}]) FORMAT JSONCompact`);
    const got = (JSON.parse(weeks) as { data: string[][][] }).data[0][0];
    expect(weekDays.flatMap((d, i) => (got[i] !== waveOf(d, 'week') ? [`${d}: ${got[i]} vs ${waveOf(d, 'week')}`] : []))).toEqual([]);
  });

  it('reads a survey tool’s table as its export: source: qualtrics, day-first dates before 1970, by_text: from column comments, by_position: — equal to the in-memory figures of the export to 1e-9', async () => {
    const csv = join(work, 'qualtrics', 'csv', 'demo');
    demoVariant(csv, false);
    // demoVariant ends its CRLF lines with one LF: not part of the last cell.
    const parsed = Papa.parse<string[]>(readFileSync(join(csv, 'responses.csv'), 'utf8').replace(/\r?\n$/, ''), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    const names: Record<string, string> = { respondent_id: 'ResponseId', date: 'RecordedDate', nps: 'Q7', csat: 'Q8' };
    const keepColumns = header.map((c, j) => (c === 'wave' ? -1 : j)).filter((j) => j >= 0);
    const named = keepColumns.map((j) => names[header[j]] ?? header[j]);
    const texts = named.map((c) =>
      c === 'Q7' ? 'How likely are you to recommend Northwind to a friend?' : c === 'Q8' ? 'Overall, how satisfied are you?' : `About ${c}`,
    );
    const date = header.indexOf('date');
    const out = rows.map((r, i) =>
      keepColumns.map((j) => {
        if (j !== date) return r[j];
        const [y, m, d] = r[j].split('-');
        // Every fifth response dated 58 years earlier, before ClickHouse's Date begins; times as a tool writes them.
        return `${d}/${m}/${i % 5 === 0 ? Number(y) - 58 : y} ${i % 3 === 0 ? '9:05 pm' : '10:11'}`;
      }),
    );
    writeFileSync(join(csv, 'responses.csv'), Papa.unparse([named, texts, ...out]) + '\n');
    const position = named.indexOf('Q8') + 1;
    const yaml = [
      withoutWeighting.trimEnd(),
      'source: qualtrics',
      'date_format: day-first',
      'wave_period: year',
      'by_text: { nps: "How likely are you to recommend Northwind to a friend?" }',
      `by_position: { csat: ${position} }`,
      '',
    ].join('\n');
    writeFileSync(join(csv, 'questionnaire.yaml'), yaml);
    const { dir } = await loadIntoCluster(cluster, csv, join(work, 'qualtrics', 'table', 'demo'), 'qualtrics', false, 1);
    const figures = await sameFigures(csv, dir);
    expect(figures.meta.waves.some((w) => w < '1970')).toBe(true);
    // The preset's completion rules (Finished, Status) excluded rows in the table as in the export.
    expect(figures.base?.rows_excluded).toBeGreaterThan(0);
    expect(figures.base?.rows_read).toBe(out.length);
    // Without comments there is no question text to find: said in words, no figures.
    const bare = await loadIntoCluster(cluster, csv, join(work, 'qualtrics-bare', 'table', 'demo'), 'qualtrics_bare', false, 0);
    const r = await analyzeWith('clickhouse', bare.dir, OPTIONS);
    expect(r.figures).toBeUndefined();
    expect(r.problems.map(formatProblem).join('\n')).toContain(
      'by_text: finds "nps" by question text, but no column of clickhouse:gap.qualtrics_bare_all has a comment',
    );
  }, 120_000);

  it('refuses to number a table’s rows as ids (source: google-forms implies respondent_id: "#row"), in words, with no figures', async () => {
    const csv = join(work, 'forms', 'csv', 'small');
    mkdirSync(csv, { recursive: true });
    writeFileSync(join(csv, 'responses.csv'), 'Timestamp,nps\n2026/09/30 10:11:12 AM GMT+2,9\n2026/09/30 11:00:00 AM GMT+2,7\n');
    writeFileSync(
      join(csv, 'questionnaire.yaml'),
      'scale: { min: 1, max: 7 }\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\nsource: google-forms\n',
    );
    expect((await memoryPath(csv)).problems).toEqual([]);
    const { dir } = await loadIntoCluster(cluster, csv, join(work, 'forms', 'table', 'small'), 'forms', false);
    const r = await analyzeWith('clickhouse', dir, OPTIONS);
    expect(r.figures).toBeUndefined();
    expect(r.problems.map(formatProblem)).toEqual([
      'questionnaire.yaml: numbers the respondents by their row (respondent_id: "#row", as source: google-forms does), but the rows of clickhouse:gap.forms_all have no order to number them by. Map respondent_id to the column of the table that identifies each response (columns: { respondent_id: <column> }).',
    ]);
  }, 60_000);

  it('counts ids as the loader compares them: NFC and NFD spellings, and an id with a zero-width space, are repeats; an excluded row is none', async () => {
    const csv = join(work, 'ids', 'csv', 'small');
    mkdirSync(csv, { recursive: true });
    const rows = [
      ['R\u00e91', 'W', '9', '1'], // NFC
      ['Re\u03011', 'W', '8', '1'], // the same id in NFD
      ['R2', 'W', '7', '1'],
      ['R\u200B2', 'W', '6', '1'], // R2 with a zero-width space
      ['R3', 'W', '5', '1'],
      ['R3', 'W', '5', '0'], // a repeat, but excluded by keep:
      ['\u4e2d', 'W', '4', '1'],
      ['\u4e2d', 'W', '3', '1'],
    ];
    writeFileSync(join(csv, 'responses.csv'), `${['respondent_id,wave,nps,Finished', ...rows.map((r) => r.join(','))].join('\n')}\n`);
    writeFileSync(
      join(csv, 'questionnaire.yaml'),
      `scale: { min: 1, max: 7 }\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\nkeep:\n  - { column: Finished, equals: 1 }\n`,
    );
    const memory = await memoryPath(csv);
    const repeats = memory.problems.filter((p) => p.includes('is used twice'));
    expect(repeats).toHaveLength(3);
    const { dir } = await loadIntoCluster(cluster, csv, join(work, 'ids', 'table', 'small'), 'ids', false);
    const r = await analyzeWith('clickhouse', dir, OPTIONS);
    expect(r.figures).toBeUndefined();
    expect(r.problems.map(formatProblem)).toContain(
      'clickhouse:gap.ids_all: column "respondent_id": 3 respondent ids are used more than once. Each respondent is one row: remove the repeated rows.',
    );
  }, 60_000);

  it('reports a keep: column the table lacks as the loader words it, with no figures', async () => {
    const { table } = await both('rules_missing', `${withoutWeighting.trimEnd()}\nkeep:\n  - { column: Consent, equals: yes }\n`, false, false);
    const r = await loadWith(clickhouseEngineWith(process.env), table);
    expect(r.dataset).toBeUndefined();
    expect(r.problems.map(formatProblem).join('\n')).toMatch(
      /keep: tests column "Consent" \(questionnaire\.yaml line \d+\), but the header has no such column\./,
    );
  }, 60_000);

  it('keeps the password of GAPREPORT_CLICKHOUSE_PASSWORD out of every file of a built site, its cache, the build output and a wrong-password problem', async () => {
    const { dir } = await loadIntoCluster(cluster, join(ROOT, 'data/demo'), join(work, 'secret', 'demo'), 'secret', true);
    const report = [
      '---',
      'title: Warehouse report',
      'company: Northwind Telecom',
      'dataset: demo',
      'locale: en',
      '---',
      '',
      '## Headline',
      '',
      'NPS is <Metric id="nps.score" />.',
      '',
      '<HeadlineCards />',
      '',
      '<Methodology />',
      '',
    ].join('\n');
    const root = makeProject({ reports: { warehouse: report }, datasets: { demo: dir } }, 'gapreport-ch-secret-');
    const encoded = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const leaks = (text: string) => [PASSWORD, encodeURIComponent(PASSWORD), encoded].filter((s) => text.includes(s));
    try {
      const env = { GAPREPORT_CLICKHOUSE_USER: USER, GAPREPORT_CLICKHOUSE_PASSWORD: PASSWORD };
      const built = await buildWith(root, env);
      expect(built.code, built.stderr.slice(-2000)).toBe(0);
      expect(leaks(built.stdout + built.stderr)).toEqual([]);
      const written = filesUnder(root).filter((f) => !f.startsWith('node_modules/') && !f.startsWith('src/'));
      expect(written.some((f) => f.startsWith('dist/'))).toBe(true);
      // The caches a build leaves (Astro's content layer at least) are among the files read.
      expect(written.some((f) => f.startsWith('.astro-cache/') || f.startsWith('.gapreport/'))).toBe(true);
      for (const f of written) expect(leaks(readFileSync(join(root, f)).toString('latin1')).concat(leaks(readFileSync(join(root, f), 'utf8'))), f).toEqual([]);
      // The figures came from the table through the password-protected user, not from a file.
      expect(readFileSync(join(root, 'dist/reports/warehouse/figures.json'), 'utf8')).toMatch(/"engine": ?"clickhouse"/);
      // A wrong password: the server refuses, the problem names the server, never the password given.
      const wrong = `${PASSWORD}-wrong`;
      const refused = await loadWith(clickhouseEngineWith({ GAPREPORT_CLICKHOUSE_USER: USER, GAPREPORT_CLICKHOUSE_PASSWORD: wrong }), dir);
      expect(refused.dataset).toBeUndefined();
      const words = refused.problems.map(formatProblem).join('\n');
      expect(words).toMatch(/cannot be read: ClickHouse at http:\/\/127\.0\.0\.1:\d+ answered \d+: .*password/i);
      expect(words).not.toContain(wrong);
      expect(words).not.toContain(PASSWORD);
    } finally {
      removeProject(root);
    }
  }, 600_000);
});

/** `gapreport build` in its own process, as CI runs it, with the credentials in its environment only. */
function buildWith(root: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(REPO, 'scripts/gapreport.mjs'), 'build'],
      { cwd: root, env: { ...process.env, CI: 'true', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
