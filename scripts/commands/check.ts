/**
 * `gapreport check [--fail-on missed|at-risk] [--report id]`: quality gates for CI.
 * Computes every report's figures (through the cache) and fails (exit 1) when a KPI
 * misses its standard — or is at risk, with `--fail-on at-risk` — or when a figure moved
 * significantly (p < 0.05) against its direction since the previous wave, or when a
 * report's <Claim> is no longer supported by the data (src/build/claims.ts), or its prose types
 * a figure (src/build/lint-typed-figures.ts). Prints one
 * table of every gate; under GitHub Actions each failure is an `::error` annotation on
 * the file the figure comes from. Exit 0 clean, 1 a gate failed or the data is invalid,
 * 2 usage.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportsFigures } from '../../src/build/pipeline-fs';
import { readReports } from '../../src/build/reports-fs';
import { formatInUnit } from '../../src/components/lib/metric-format';
import { strings } from '../../src/i18n';
import { formatFigure, formatters } from '../../src/i18n/format';
import type { Change, Kpi } from '../../src/schemas/figures';
import type { Problem } from '../../src/schemas/problem';
import { readArgs } from './args';
import type { Io } from './io';
import { printProblems } from './report-problems';
import { findingKind } from './findings';
import { specOf, usageLine } from './specs';
import { annotation, plainLine, plainText } from './workflow-commands';

const SPEC = specOf('check');
const USAGE = usageLine(SPEC);
const FAIL_ON = ['missed', 'at-risk'] as const;
type FailOn = (typeof FAIL_ON)[number];

/** One row of the summary table. */
export interface GateRow {
  report: string;
  gate: 'kpi' | 'change' | 'claim' | 'prose';
  figure: string;
  value: string;
  against: string;
  status: string;
  fails: boolean;
  /** Where the figure comes from, for annotations: `data/demo/standards.csv`, line. */
  file: string;
  line?: number;
  message: string;
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = readArgs(args, SPEC, io);
  if (typeof parsed === 'number') return parsed;
  const failOn = (parsed.flags['fail-on'] ?? 'missed') as FailOn;
  if (parsed.positionals.length > 0 || !FAIL_ON.includes(failOn) || parsed.flags.report === true) {
    const why = !FAIL_ON.includes(failOn) ? `--fail-on takes missed or at-risk (got "${String(failOn)}")` : undefined;
    io.err(why ? `gapreport check: ${why}.\n${USAGE}` : USAGE);
    return 2;
  }
  const root = io.cwd;
  const read = await readReports(root);
  if (read.problems.length > 0) return invalid(io, read.problems);
  const only = parsed.flags.report as string | undefined;
  const reports = only ? read.reports.filter((r) => r.id === only) : read.reports;
  if (only && reports.length === 0) {
    io.err(`gapreport check: no report "${only}" in content/reports/ (reports: ${read.reports.map((r) => r.id).join(', ') || 'none'}).`);
    return 2;
  }
  if (reports.length === 0) {
    io.out('check: no reports in content/reports/ — nothing to check.');
    return 0;
  }

  const rows: GateRow[] = [];
  const pipeline = await reportsFigures(root, reports, { lint: false });
  for (const { report, figures, findings } of pipeline.results) {
    if (!figures) continue;
    for (const f of findings ?? []) rows.push(claimRow(report.id, f));
    const dataDir = join('data', report.settings!.dataset);
    const standardsText = await readFile(join(root, dataDir, 'standards.csv'), 'utf8').catch(() => '');
    for (const kpi of figures.kpis) rows.push(kpiRow(report.id, kpi, failOn, join(dataDir, 'standards.csv'), lineOfId(standardsText, kpi.standard_id)));
    for (const change of figures.changes.filter((c) => c.significant)) rows.push(changeRow(report.id, change, join(dataDir, 'responses.csv')));
  }
  if (pipeline.problems.length > 0) return invalid(io, pipeline.problems, pipeline.headers);

  io.out(table(rows));
  const failed = rows.filter((r) => r.fails);
  if (io.env.GITHUB_ACTIONS === 'true') {
    for (const r of rows.filter((r) => r.fails || r.status === 'at risk')) io.out(gateAnnotation(r.fails ? 'error' : 'warning', r));
  }
  const gates = `fail on: KPI ${failOn === 'at-risk' ? 'missed or at risk' : 'missed'}, significant worsening`;
  if (failed.length === 0) {
    io.out(`check: passed — ${rows.length} gate${rows.length === 1 ? '' : 's'} in ${reports.length} report${reports.length === 1 ? '' : 's'} (${gates}).`);
    return 0;
  }
  io.out(`check: FAILED — ${failed.length} of ${rows.length} gate${rows.length === 1 ? '' : 's'} (${gates}):`);
  for (const r of failed) io.out(plainLine(`  ${r.file}${r.line ? `:${r.line}` : ''}: ${r.message}`));
  return 1;
}

// Numbers read as the English site prints them (src/i18n/format.ts): grouping, a typographic minus, each figure's decimals.
const EN = formatters('en');

const EN_STRINGS = strings('en');

/** A KPI number in its unit, as <Metric> prints KPI values (77.8%, 26 s, 4.6 days). */
const inUnit = (v: number | undefined, unit: string): string => (v === undefined ? '—' : formatInUnit(v, unit, false, EN, EN_STRINGS));

/** A change's value by its figure key (`nps.score` reads +13, `csat.top2box` 78.4%), its difference and p as the site prints them. */
const changeValue = (metric: string, v: number) => formatFigure(metric.split('.').at(-1) ?? metric, v, EN);
const changeDifference = (metric: string, d: number) => formatFigure('difference', d, EN, ['changes', metric]);

export function kpiRow(report: string, k: Kpi, failOn: FailOn, file: string, line?: number): GateRow {
  const fails = k.status === 'missed' || (failOn === 'at-risk' && k.status === 'at risk');
  const value = inUnit(k.value, k.unit);
  const against = `${k.direction === 'higher' ? '≥' : '≤'} ${inUnit(k.target, k.unit)}`;
  const verb = k.status === 'missed' ? 'missed its standard' : k.status === 'at risk' ? 'is at risk (within tolerance of its target)' : k.status;
  const message = `${report}: KPI ${k.standard_id} (${k.metric}) ${verb}: ${value} in ${k.period}, target ${against}.`;
  return { report, gate: 'kpi', figure: `${k.standard_id} (${k.metric})`, value, against, status: k.status, fails, file, line, message };
}

export function changeRow(report: string, c: Change, file: string): GateRow {
  const fails = c.direction === 'worse';
  const diff = changeDifference(c.metric, c.difference);
  const p = c.p < 0.001 ? `p < ${EN.number(0.001, 3)}` : `p = ${EN.number(c.p, 3)}`;
  const [from, to] = [changeValue(c.metric, c.from_value), changeValue(c.metric, c.to_value)];
  const message = `${report}: ${c.metric} moved significantly ${c.direction === 'worse' ? 'against its direction' : c.direction === 'better' ? 'for the better' : ''}: ${from} (${c.from}) → ${to} (${c.to}), ${diff}, ${p} (${c.test}).`;
  return {
    report,
    gate: 'change',
    figure: c.metric,
    value: `${to} (${c.to})`,
    against: `${diff} vs ${c.from}, ${p}`,
    status: `significantly ${c.direction}`,
    fails,
    file,
    message,
  };
}

/** A claim of the report's prose that the figures no longer support (src/build/claims.ts), or a figure typed in prose: always a failure. */
export function claimRow(report: string, f: Problem): GateRow {
  const said = /^claimed: (.*); now: (.*)\.$/.exec(f.message);
  if (findingKind(f) === 'prose') {
    // A typed figure: the table shows what to write instead; the failure line says why.
    const use = /^Write (.*) instead\.$/.exec(f.hint ?? '')?.[1] ?? '';
    const message = `${report}: ${f.column ?? 'prose'} "${f.value ?? ''}" ${f.message}${f.hint ? ` ${f.hint}` : ''}`;
    return {
      report,
      gate: 'prose',
      figure: f.value ?? '',
      value: use,
      against: '',
      status: 'typed in prose',
      fails: true,
      file: f.file,
      line: f.line,
      message,
    };
  }
  // A claim on a suppressed or unmeasured figure is neither supported nor contradicted: it cannot be checked, and fails too.
  const unchecked = /^claimed: (.*); cannot be checked: (.*)\.$/.exec(f.message);
  return {
    report,
    gate: 'claim',
    figure: f.value ?? '',
    value: said?.[2] ?? unchecked?.[2] ?? f.message,
    against: said || unchecked ? `claimed: ${(said ?? unchecked)![1]}` : '',
    status: unchecked ? 'cannot be checked' : 'contradicted',
    fails: true,
    file: f.file,
    line: f.line,
    message: `${report}: claim "${f.value ?? ''}" ${f.message}`,
  };
}

/** The 1-based line of the CSV row whose cells include the id (standards are short, unquoted files). */
export function lineOfId(text: string, id: string): number | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].split(/[;,]/).some((cell) => cell.trim().replace(/^"|"$/g, '') === id)) return i + 1;
  }
  return undefined;
}

export function table(rows: readonly GateRow[]): string {
  const head = ['report', 'gate', 'figure', 'value', 'against', 'status', 'result'];
  // Cells hold data (a standard's name): one line each, and no row may start a workflow command.
  const body = rows.map((r) =>
    [r.report, r.gate, r.figure, r.value, r.against, r.status, r.fails ? 'FAIL' : r.status === 'at risk' ? 'warn' : 'ok'].map(plainText),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map((b) => plainLine(line(b)))].join('\n');
}

/** The gate's GitHub Actions annotation on its source line (escaping: workflow-commands.ts). */
export function gateAnnotation(level: 'error' | 'warning', r: GateRow): string {
  return annotation(level, { file: r.file, line: r.line, title: `gapreport check: ${r.gate === 'kpi' ? 'KPI' : r.gate}` }, r.message);
}

function invalid(io: Io, problems: Problem[], headers?: Map<Problem, string>): number {
  printProblems(io, problems, undefined, headers);
  io.err(`gapreport check: the data has ${problems.length} problem(s); no gates were checked. Run npx gapreport validate data/<dataset> for details.`);
  return 1;
}
