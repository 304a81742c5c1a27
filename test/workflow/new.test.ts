import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { contractCsvs } from '../../scripts/commands/new-scaffold';
import { loadDataset } from '../../src/data/load-fs';
import { parseReport } from '../../src/build/reports-fs';
import { removeProject, writeProject } from './project';

const dirs: string[] = [];
async function project(files: Record<string, string> = { 'content/reports/.keep': '' }) {
  const dir = await writeProject(files);
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeProject));
});

describe('gapreport new <report-id>', () => {
  it('scaffolds the report and a dataset folder with every contract file', async () => {
    const dir = await project();
    const io = memoryIo(dir);
    expect(await main(['new', 'acme-2026-q3', '--company', 'Acme Telecom', '--segments', 'channel,region'], io)).toBe(0);
    expect(io.stdout[0]).toBe(
      'created content/reports/acme-2026-q3.mdx and data/acme-2026-q3/ (questionnaire.yaml; header-only templates of every contract file in data/acme-2026-q3/templates/).',
    );
    expect((await readdir(join(dir, 'data/acme-2026-q3'))).sort()).toEqual(['questionnaire.yaml', 'templates']);
    expect((await readdir(join(dir, 'data/acme-2026-q3/templates'))).sort()).toEqual([
      'README.md',
      'benchmarks.csv',
      'communications.csv',
      'contacts.csv',
      'management.csv',
      'operations.csv',
      'responses.csv',
      'standards.csv',
    ]);
    const text = await readFile(join(dir, 'content/reports/acme-2026-q3.mdx'), 'utf8');
    const { report, problems } = parseReport('acme-2026-q3', 'content/reports/acme-2026-q3.mdx', text);
    expect(problems).toEqual([]);
    expect(report.settings).toMatchObject({ company: 'Acme Telecom', dataset: 'acme-2026-q3', locale: 'en' });
    for (const tag of [
      '<Metric id="nps.score" />',
      '<GapModel />',
      '<ServqualGaps />',
      '<DriverMatrix />',
      '<KpiScorecard />',
      '<BenchmarkPosition metric="nps" />',
      '<Trend metric="nps" />',
      '<SegmentTable by="channel" />',
      '<SegmentTable by="region" />',
    ]) {
      expect(text).toContain(tag);
    }
    expect(text).toMatch(/## Methodology/);
  });

  it('writes draft: true, so a fresh scaffold is built by npm run dev and build --drafts but not published', async () => {
    const dir = await project();
    const io = memoryIo(dir);
    expect(await main(['new', 'acme'], io)).toBe(0);
    const text = await readFile(join(dir, 'content/reports/acme.mdx'), 'utf8');
    expect(text).toMatch(/^draft: true\b/m);
    expect(parseReport('acme', 'content/reports/acme.mdx', text).report.settings?.draft).toBe(true);
    expect(io.stdout.at(-1)).toBe(
      '  3. npm run dev — live preview at /reports/acme/ (the report is a draft: delete its draft: true line to publish it with npm run build)',
    );
  });

  it('writes the exact contract headers as templates, and a dataset that validates as it is', async () => {
    const dir = await project();
    expect(await main(['new', 'acme'], memoryIo(dir))).toBe(0);
    const responses = (await readFile(join(dir, 'data/acme/templates/responses.csv'), 'utf8')).trim().split(',');
    expect(responses.slice(0, 5)).toEqual(['respondent_id', 'wave', 'date', 'channel', 'e_tan1']);
    expect(responses.filter((c) => c.startsWith('p_'))).toHaveLength(22);
    expect(responses.slice(-5)).toEqual(['nps', 'csat', 'ces', 'overall', 'comment']);
    expect(await readFile(join(dir, 'data/acme/templates/standards.csv'), 'utf8')).toBe(
      'standard_id,metric,dimension,unit,direction,target,management_expectation,tolerance\n',
    );
    expect(contractCsvs([])['contacts.csv']).toBe('contact_id,opened_at,channel,wait_seconds,handle_seconds,abandoned,resolved_first_contact');
    const q = await readFile(join(dir, 'data/acme/questionnaire.yaml'), 'utf8');
    expect(q).toMatch(/^preset: servqual-22/m);
    expect(q).toMatch(/^# columns:/m);
    const loaded = await loadDataset(join(dir, 'data/acme'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings).toEqual([]);
  });

  it('leaves out SegmentTable when no segment is declared', async () => {
    const dir = await project();
    expect(await main(['new', 'plain', '--segments', ''], memoryIo(dir))).toBe(0);
    expect(await readFile(join(dir, 'content/reports/plain.mdx'), 'utf8')).not.toContain('<SegmentTable');
    expect(await readFile(join(dir, 'data/plain/questionnaire.yaml'), 'utf8')).toMatch(/^segments: \[\]/m);
  });

  it('refuses to overwrite, names the existing file and writes nothing', async () => {
    const dir = await project({ 'content/reports/acme.mdx': 'mine\n' });
    const io = memoryIo(dir);
    expect(await main(['new', 'acme'], io)).toBe(1);
    expect(io.stderr).toEqual([
      'gapreport new: content/reports/acme.mdx already exists; nothing was written. Choose another report id, or delete the file to scaffold it again.',
    ]);
    expect(await readFile(join(dir, 'content/reports/acme.mdx'), 'utf8')).toBe('mine\n');
    expect(await stat(join(dir, 'data/acme')).catch(() => undefined)).toBeUndefined();
  });

  it('refuses an existing dataset folder unless --dataset asks to reuse it', async () => {
    const dir = await project({ 'data/acme/questionnaire.yaml': 'scale: { min: 1, max: 7 }\nsegments: [region]\n' });
    const io = memoryIo(dir);
    expect(await main(['new', 'acme'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/^gapreport new: data\/acme\/ already exists; nothing was written\. .*--dataset acme$/);
    expect(await main(['new', 'acme-q4', '--dataset', 'acme'], memoryIo(dir))).toBe(0);
    const text = await readFile(join(dir, 'content/reports/acme-q4.mdx'), 'utf8');
    expect(text).toMatch(/^dataset: acme /m);
    expect(text).toContain('<SegmentTable by="region" />');
  });

  it.each(['Acme', 'acme_q3', '-acme', 'acme--q3', 'acme q3'])('rejects the id %j (kebab-case only)', async (id) => {
    const dir = await project();
    const io = memoryIo(dir);
    expect(await main(['new', id], io)).toBe(2);
    expect(io.stderr[0]).toContain('is not a report id. Use kebab-case');
  });

  it('refuses an over-long id with a message, not a stack trace (ENAMETOOLONG), and writes nothing', async () => {
    const dir = await project();
    const io = memoryIo(dir);
    expect(await main(['new', 'a'.repeat(300)], io)).toBe(2);
    expect(io.stderr).toEqual([
      `gapreport new: the report id "${'a'.repeat(20)}…" is 300 characters long; use at most 64 (it becomes a file name and the report's URL).`,
    ]);
    expect(await readdir(join(dir, 'content/reports'))).toEqual(['.keep']);
    expect(await main(['new', 'a'.repeat(64)], memoryIo(dir))).toBe(0);
  });

  it('refuses an over-long --dataset the same way', async () => {
    const dir = await project();
    const io = memoryIo(dir);
    expect(await main(['new', 'acme', '--dataset', 'd'.repeat(300)], io)).toBe(2);
    expect(io.stderr).toEqual([`gapreport new: --dataset "${'d'.repeat(20)}…" is 300 characters long; use at most 64 (it becomes a folder name).`]);
  });
});
