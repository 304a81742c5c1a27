import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { annotation, plainLine } from '../../scripts/commands/workflow-commands';
import { removeProject, writeProject } from './project';

const REPORT = '---\ntitle: "Gates"\ncompany: Acme\ndataset: acme\n---\n\nText.\n';
const STANDARDS =
  'standard_id,metric,unit,direction,target,tolerance\nanswer-30s,service_level_30s,percent,higher,80,0.05\nwait,asa_seconds,seconds,lower,30,0.05\n';
const ops = (sl: number, asa: number) => `period,metric,value,n\n2026-Q3,service_level_30s,${sl},1000\n2026-Q3,asa_seconds,${asa},1000\n`;

/** Two waves of 40 respondents each; NPS falls from `from` to `to` (every respondent answers the same). */
function responses(from: number, to: number): string {
  const rows = ['respondent_id,wave,nps'];
  for (let i = 0; i < 40; i++) rows.push(`a${i},2026-Q2,${i % 2 ? from : 10}`, `b${i},2026-Q3,${i % 2 ? to : 10}`);
  return `${rows.join('\n')}\n`;
}

const dirs: string[] = [];
async function project(files: Record<string, string>) {
  const dir = await writeProject({ 'content/reports/acme.mdx': REPORT, ...files });
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeProject));
});

async function check(files: Record<string, string>, args: string[] = [], env: Record<string, string> = {}) {
  const dir = await project(files);
  const io = memoryIo(dir, env);
  const code = await main(['check', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n'), stdout: io.stdout };
}

describe('gapreport check', () => {
  it('passes (exit 0) when every standard is met and nothing got significantly worse', async () => {
    const r = await check({ 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': ops(85, 25) });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^report +gate +figure +value +against +status/);
    expect(r.out).toMatch(/acme +kpi +answer-30s \(service_level_30s\) +85% +≥ 80% +met +ok/);
    expect(r.stdout.at(-1)).toBe('check: passed — 2 gates in 1 report (fail on: KPI missed, significant worsening).');
  });

  it('fails (exit 1) when a KPI misses its standard, naming the standards.csv line', async () => {
    const r = await check({ 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': ops(85, 40) });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/acme +kpi +wait \(asa_seconds\) +40 s +≤ 30 s +missed +FAIL/);
    expect(r.stdout.slice(-2)).toEqual([
      'check: FAILED — 1 of 2 gates (fail on: KPI missed, significant worsening):',
      '  data/acme/standards.csv:3: acme: KPI wait (asa_seconds) missed its standard: 40 s in 2026-Q3, target ≤ 30 s.',
    ]);
  });

  it('lets an at-risk KPI pass by default and fails it with --fail-on at-risk', async () => {
    const files = { 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': ops(78, 25) };
    const lenient = await check(files);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toMatch(/answer-30s \(service_level_30s\) +78% +≥ 80% +at risk +warn/);
    const strict = await check(files, ['--fail-on', 'at-risk']);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain(
      'data/acme/standards.csv:2: acme: KPI answer-30s (service_level_30s) is at risk (within tolerance of its target): 78% in 2026-Q3, target ≥ 80%.',
    );
  });

  it('fails when a figure moves significantly against its direction', async () => {
    const q = 'scale: { min: 1, max: 7 }\n';
    const worse = await check({ 'data/acme/questionnaire.yaml': q, 'data/acme/responses.csv': responses(10, 0) });
    expect(worse.code).toBe(1);
    expect(worse.out).toMatch(/acme +change +nps\.score .* significantly worse +FAIL/);
    // Numbers as the site prints them: NPS signed, its difference to one decimal, a typographic minus.
    expect(worse.stdout.at(-1)).toBe(
      '  data/acme/responses.csv: acme: nps.score moved significantly against its direction: +100 (2026-Q2) → 0 (2026-Q3), −100.0, p < 0.001 (nps z-test).',
    );
    const better = await check({ 'data/acme/questionnaire.yaml': q, 'data/acme/responses.csv': responses(0, 10) });
    expect(better.code).toBe(0);
    expect(better.out).toMatch(/nps\.score .* significantly better +ok/);
  });

  it('heads every column of the table and formats its numbers as the English site does', async () => {
    const standards = 'standard_id,metric,unit,direction,target,tolerance\nhandle,aht_seconds,seconds,lower,1200,0.05\nfix,fcr_rate,percent,higher,72.5,0.05\n';
    const operations = 'period,metric,value,n\n2026-Q3,aht_seconds,1234.4,1000\n2026-Q3,fcr_rate,70.25,1000\n';
    const r = await check({ 'data/acme/standards.csv': standards, 'data/acme/operations.csv': operations });
    expect(r.stdout[0].split('\n')).toEqual([
      'report  gate  figure                value      against    status   result',
      '------  ----  --------------------  ---------  ---------  -------  ------',
      'acme    kpi   handle (aht_seconds)  1,234.4 s  ≤ 1,200 s  at risk  warn',
      'acme    kpi   fix (fcr_rate)        70.3%      ≥ 72.5%    at risk  warn',
    ]);
  });

  it('writes GitHub annotations on the file and line under GITHUB_ACTIONS=true', async () => {
    const r = await check({ 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': ops(78, 40) }, [], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    expect(r.stdout.filter((l) => l.startsWith('::'))).toEqual([
      '::warning file=data/acme/standards.csv,line=2,title=gapreport check%3A KPI::acme: KPI answer-30s (service_level_30s) is at risk (within tolerance of its target): 78%25 in 2026-Q3, target ≥ 80%25.',
      '::error file=data/acme/standards.csv,line=3,title=gapreport check%3A KPI::acme: KPI wait (asa_seconds) missed its standard: 40 s in 2026-Q3, target ≤ 30 s.',
    ]);
    const plain = await check({ 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': ops(78, 40) });
    expect(plain.stdout.some((l) => l.startsWith('::'))).toBe(false);
  });

  it('exits 1 with the data problems (annotated in CI) when a dataset is invalid', async () => {
    const r = await check({ 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': 'period,metric,value,n\n2026-Q3,asa_seconds,fast,10\n' }, [], {
      GITHUB_ACTIONS: 'true',
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('data/acme/operations.csv:2:');
    expect(r.stdout.some((l) => l.startsWith('::error file=data/acme/operations.csv,line=2::'))).toBe(true);
  });

  it('checks only the report named by --report, and refuses an unknown one or a bad --fail-on', async () => {
    const files = { 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': ops(85, 25) };
    expect((await check(files, ['--report', 'acme'])).code).toBe(0);
    const unknown = await check(files, ['--report', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe('gapreport check: no report "nope" in content/reports/ (reports: acme).');
    expect((await check(files, ['--fail-on', 'sometimes'])).code).toBe(2);
  });

  describe('under GitHub Actions, data cannot write workflow commands', () => {
    const INJECT = '::warning title=INJECTED::x';
    /** Every physical line the runner would read (it splits on CR and LF), from stdout and stderr. */
    const runnerLines = (r: { stdout: string[]; err: string }) => [...r.stdout, r.err].flatMap((t) => t.split(/\r\n|\r|\n/));
    /** The runner acts on `::cmd …::` at the start of a line (after spaces) and on the legacy `##[cmd]` anywhere. */
    const commands = (lines: string[]) => lines.filter((l) => l.trimStart().startsWith('::') || l.includes('##['));

    it('escapes a standard name holding a command, line breaks and % in the annotation, and keeps it out of the line starts of the table', async () => {
      const id = `wait\n${INJECT} 100% ##[error]y\r\n${INJECT}`;
      const standards = `standard_id,metric,unit,direction,target,tolerance\n"${id}",asa_seconds,seconds,lower,30,0.05\n`;
      const r = await check({ 'data/acme/standards.csv': standards, 'data/acme/operations.csv': ops(85, 40) }, [], { GITHUB_ACTIONS: 'true' });
      expect(r.code).toBe(1);
      const escaped = 'wait%0A::warning title=INJECTED::x 100%25 ## [error]y%0D%0A::warning title=INJECTED::x';
      expect(commands(runnerLines(r))).toEqual([
        // (no line=: the quoted name spans lines, and lineOfId reads one line per row)
        `::error file=data/acme/standards.csv,title=gapreport check%3A KPI::acme: KPI ${escaped} (asa_seconds) missed its standard: 40 s in 2026-Q3, target ≤ 30 s.`,
      ]);
      // The table and the summary show the name on one line, its breaks visible.
      expect(r.out).toContain(
        'acme: KPI wait\\n::warning title=INJECTED::x 100% ## [error]y\\r\\n::warning title=INJECTED::x (asa_seconds) missed its standard',
      );
    });

    it('escapes a data problem whose value holds a command (annotation and plain line)', async () => {
      const r = await check({ 'data/acme/operations.csv': `period,metric,value,n\n2026-Q3,asa_seconds,"fast\n${INJECT}%",10\n` }, [], {
        GITHUB_ACTIONS: 'true',
      });
      expect(r.code).toBe(1);
      const found = commands(runnerLines(r));
      expect(found, found.join('\n')).toHaveLength(1);
      expect(found[0]).toMatch(
        /^::error file=data\/acme\/operations\.csv,line=2::data\/acme\/operations\.csv:2: column "value": "fast%0A::warning title=INJECTED::x%25" is not a number\.$/,
      );
      expect(r.err).toContain('data/acme/operations.csv:2: column "value": "fast\\n::warning title=INJECTED::x%" is not a number.');
    });
  });

  it('escapes % CR LF in an annotation message and also : and , in its properties', () => {
    expect(annotation('warning', { file: 'data/a,b:c%.csv', line: 3, title: 'T: x,y' }, '50%\r\n::x')).toBe(
      '::warning file=data/a%2Cb%3Ac%25.csv,line=3,title=T%3A x%2Cy::50%25%0D%0A::x',
    );
    expect(plainLine('::warning::x\n::y')).toBe('> ::warning::x\\n::y');
  });
});
