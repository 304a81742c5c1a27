/**
 * Claims in a real build (issue 12.3): a copy of the demo whose email respondents of 2026-Q3 all
 * promote, so "Email is the weak channel" is no longer true. gapreport build publishes (exit 0)
 * and warns at the claim's line in every edition — through Astro's compile with the lint's
 * remark plugin in place — and the claimed sentence reads on the page unchanged.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { copyProject } from './project-copy';

let project = '';
let code = -1;
let stderr: string[] = [];
let html = '';

beforeAll(async () => {
  project = await copyProject();
  // The three demo editions only: a report on another dataset (not copied) is not this test's subject.
  const reports = join(project, 'content/reports');
  for (const name of await readdir(reports)) if (!/^demo(-fr|-vi)?\.mdx$/.test(name)) await rm(join(reports, name));
  const file = join(project, 'data/demo/responses.csv');
  const [head, ...rows] = (await readFile(file, 'utf8')).split('\n');
  const nps = head.split(',').indexOf('nps');
  const promote = (row: string) =>
    row
      .split(',')
      .map((cell, i) => (i === nps ? '10' : cell))
      .join(',');
  // Only rows with no quoted comment are rewritten cell by cell: enough promoters to lift the channel.
  await writeFile(file, [head, ...rows.map((r) => (/^[^,]*,2026-Q3,[^,]*,email,/.test(r) && !r.includes('"') ? promote(r) : r))].join('\n'));
  const io = memoryIo(project);
  code = await main(['build', '--out', join(project, 'out')], io);
  stderr = io.stderr;
  html = await readFile(join(project, 'out/reports/demo/index.html'), 'utf8').catch(() => '');
}, 600_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('gapreport build with a claim the data no longer support', () => {
  it('publishes (exit 0)', () => {
    expect(code, stderr.join('\n')).toBe(0);
  });
  it('warns at the claim line of each edition, saying what the data now say', () => {
    const warnings = stderr.filter((l) => l.startsWith('warning: '));
    for (const name of ['demo', 'demo-fr', 'demo-vi'])
      expect(
        warnings.some((w) =>
          new RegExp(`^warning: content/reports/${name}\\.mdx:\\d+: <Claim> test: "segments\\.channel\\.email\\.nps\\.score is lowest" claimed: `).test(w),
        ),
        name,
      ).toBe(true);
  });
  it('renders the claimed sentence unchanged: a claim never hides text', () => {
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('Email is the weak channel (NPS');
    // Astro's smartypants prints the apostrophe typographically.
    expect(text).toContain('Northwind’s service is getting faster, but it is not yet getting more dependable — and dependability is what customers reward.');
    expect(html).not.toContain('Claim');
  });
});
