/**
 * A claim the data no longer support fails gapreport check (exit 1) at the report's line, with
 * an ::error annotation under GitHub Actions, and is a warning of gapreport build (printFindings,
 * ::warning): the two commands read the same finding from the report pipeline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { printFindings } from '../../scripts/commands/findings';
import { memoryIo } from '../../scripts/commands/io';
import { removeProject, writeProject } from '../workflow/project';

const STANDARDS = 'standard_id,metric,unit,direction,target,tolerance\nanswer-30s,service_level_30s,percent,higher,80,0.05\n';
const OPS = 'period,metric,value,n\n2026-Q3,service_level_30s,85,1000\n';
const report = (claim: string) =>
  `---\ntitle: "Claims"\ncompany: Acme\ndataset: acme\n---\n\nIntro.\n\n<Claim test="${claim}">Calls are not answered fast enough.</Claim>\n`;

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeProject));
});
async function check(claim: string, env: Record<string, string> = {}) {
  const dir = await writeProject({ 'content/reports/acme.mdx': report(claim), 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': OPS });
  dirs.push(dir);
  const io = memoryIo(dir, env);
  const code = await main(['check'], io);
  return { code, out: io.stdout.join('\n'), stdout: io.stdout };
}

const MESSAGE = 'acme: claim "kpis.answer-30s.status is missed" claimed: missed; now: met (85% vs target 80%).';

describe('gapreport check with a claim', () => {
  it('fails (exit 1) on a claim the data contradict, at the claim line of the report', async () => {
    const r = await check('kpis.answer-30s.status is missed');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^acme +claim +kpis\.answer-30s\.status is missed +met \(85% vs target 80%\) +claimed: missed +contradicted +FAIL$/m);
    expect(r.stdout).toContain(`  content/reports/acme.mdx:9: ${MESSAGE}`);
  });
  it('annotates the claim as an ::error on its line under GitHub Actions', async () => {
    const r = await check('kpis.answer-30s.status is missed', { GITHUB_ACTIONS: 'true' });
    // The annotation's data is escaped as the runner unescapes it: % is %25 (workflow-commands.ts).
    expect(r.stdout).toContain(`::error file=content/reports/acme.mdx,line=9,title=gapreport check%3A claim::${MESSAGE.replace(/%/g, '%25')}`);
  });
  it('passes a claim the data support', async () => {
    const r = await check('kpis.answer-30s.status is met');
    expect(r.code).toBe(0);
  });
  it('fails a claim on a figure the data do not give, as "cannot be checked", at its line: it does not pass silently', async () => {
    const r = await check('gaps.gap4.value < 0');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^acme +claim +gaps\.gap4\.value < 0 +gaps\.gap4\.value is not measured \(.+\) +claimed: value < 0 +cannot be checked +FAIL$/m);
    expect(r.stdout).toContainEqual(
      expect.stringMatching(
        /^ {2}content\/reports\/acme\.mdx:9: acme: claim "gaps\.gap4\.value < 0" claimed: value < 0; cannot be checked: gaps\.gap4\.value is not measured/,
      ),
    );
  });
});

describe('gapreport check with a figure typed in prose', () => {
  it('fails on it at its line, saying what to write instead', async () => {
    const dir = await writeProject({
      'content/reports/acme.mdx': '---\ntitle: "Typed"\ncompany: Acme\ndataset: acme\n---\n\nIntro.\n\nService level is 85%.\n',
      'data/acme/standards.csv': STANDARDS,
      'data/acme/operations.csv': OPS,
    });
    dirs.push(dir);
    const io = memoryIo(dir, {});
    expect(await main(['check'], io)).toBe(1);
    const out = io.stdout.join('\n');
    expect(out).toMatch(/^acme +prose +85% +<Metric id="kpis\.answer-30s\.value" \/> +typed in prose +FAIL$/m);
    expect(io.stdout).toContain(
      '  content/reports/acme.mdx:9: acme: typed figure "85%" is typed: it is the figure kpis.answer-30s.value (85%), which the next build may change. Write <Metric id="kpis.answer-30s.value" /> instead.',
    );
  });
});

describe('gapreport build with a claim the data contradict', () => {
  const finding = { file: 'content/reports/acme.mdx', line: 9, column: '<Claim> test', value: 'x is y', message: 'claimed: y; now: z.' };
  it('warns on stderr and publishes (printFindings writes no error)', () => {
    const io = memoryIo('/p', {});
    printFindings(io, [finding], 'gapreport build');
    expect(io.stderr).toEqual(['warning: content/reports/acme.mdx:9: <Claim> test: "x is y" claimed: y; now: z.']);
    expect(io.stdout).toEqual([]);
  });
  it('annotates it as a ::warning under GitHub Actions', () => {
    const io = memoryIo('/p', { GITHUB_ACTIONS: 'true' });
    printFindings(io, [finding], 'gapreport build');
    expect(io.stdout).toEqual([
      '::warning file=content/reports/acme.mdx,line=9,title=gapreport build%3A claim::content/reports/acme.mdx:9: <Claim> test: "x is y" claimed: y; now: z.',
    ]);
  });
});
