/**
 * Issue 12's "done when" for claims: mutate the demo's data in a copy of the project — a
 * target in standards.csv, one benchmark row, one wave's answers (every email respondent of
 * 2026-Q3 a promoter) — and run gapreport check, the report pipeline gapreport build runs too:
 * every <Claim> of the three demo editions that the new figures contradict is reported at its
 * file:line, and no other. The claims expected false are found by evaluating each claim's test
 * against the new figures; the email claim must be among them.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { testCondition } from '../../src/analysis/condition';
import { computeFigures } from '../../src/build/figures-fs';
import type { Figures } from '../../src/schemas/figures';
import { copyProject } from '../site/project-copy';

const EDITIONS = ['demo.mdx', 'demo-fr.mdx', 'demo-vi.mdx'];
let project = '';
let figures: Figures;
let out = '';
let code = -1;

/** Sets column `index` (0-based) of the rows that match, leaving the rest of each line (quoted comments) as written. */
function setCell(line: string, index: number, value: string): string {
  let at = 0;
  for (let i = 0; i < index; i++) at = line.indexOf(',', at) + 1;
  const end = line.indexOf(',', at);
  return line.slice(0, at) + value + (end < 0 ? '' : line.slice(end));
}

beforeAll(async () => {
  project = await copyProject();
  const data = join(project, 'data/demo');
  const standards = await readFile(join(data, 'standards.csv'), 'utf8');
  await writeFile(join(data, 'standards.csv'), standards.replace(/^(first-contact-fix,fcr_rate,reliability,percent,higher,)75,/m, '$165,'));
  const benchmarks = await readFile(join(data, 'benchmarks.csv'), 'utf8');
  await writeFile(join(data, 'benchmarks.csv'), benchmarks.replace(/^(csat,telecom,2026-Q3,"Telecom CX Panel, 2026",Bluepeak Broadband,,)67\.0,/m, '$195.0,'));
  const [head, ...rows] = (await readFile(join(data, 'responses.csv'), 'utf8')).split('\n');
  const nps = head.split(',').indexOf('nps');
  const promoters = rows.map((r) => (/^[^,]*,2026-Q3,[^,]*,email,/.test(r) ? setCell(r, nps, '10') : r));
  await writeFile(join(data, 'responses.csv'), [head, ...promoters].join('\n'));
  const computed = await computeFigures(project, resolve(data), {});
  if (!computed.figures) throw new Error(JSON.stringify(computed.problems.slice(0, 3)));
  figures = computed.figures;
  const io = memoryIo(project);
  code = await main(['check'], io);
  out = io.stdout.join('\n');
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

/** Every claim of an edition, with its line, whose test the figures no longer satisfy. */
async function falseClaims(name: string): Promise<string[]> {
  const lines = (await readFile(join(project, 'content/reports', name), 'utf8')).split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/<Claim test="([^"]*)"/g)) {
      const r = testCondition(figures, m[1]);
      if (!r.ok) throw new Error(r.message);
      if (!r.holds) found.push(`content/reports/${name}:${i + 1}: ${m[1]}`);
    }
  });
  return found;
}

/** The claims check reported, as file:line: test. */
const reported = () => [...out.matchAll(/^ {2}(content\/reports\/[^:]+:\d+): [\w-]+: claim "([^"]*)" claimed: /gm)].map((m) => `${m[1]}: ${m[2]}`).sort();

describe('claims after the demo data change', () => {
  it('fails check (exit 1): a claim the data contradict is a failing gate', () => {
    expect(code).toBe(1);
  });
  it('reports every claim that became false, at its line, in every edition, and no other', async () => {
    const expected = (await Promise.all(EDITIONS.map(falseClaims))).flat().sort();
    expect(reported()).toEqual(expected);
    for (const name of EDITIONS)
      expect(expected.some((c) => c.startsWith(`content/reports/${name}:`) && c.endsWith('segments.channel.email.nps.score is lowest'))).toBe(true);
  });
  it('says which channel is now the lowest and what the email channel now scores', () => {
    expect(out).toMatch(
      /content\/reports\/demo\.mdx:\d+: demo: claim "segments\.channel\.email\.nps\.score is lowest" claimed: segments\.channel\.email\.nps\.score is the lowest; now: segments\.channel\.\w+\.nps\.score is the lowest \([+−]\d+, against \+\d+\)\./,
    );
  });
  it('keeps the claims that still hold silent (the reliability gap is still the widest driver of satisfaction)', () => {
    expect(out).not.toContain('drivers.items.reliability.share is highest');
  });
});
