/**
 * A fresh scaffold (gapreport new: every file header-only, no survey response) built at once:
 * each survey chart shows one sentence in the report's locale naming the file that fills it,
 * never empty axes ("NPS by channel" over 0.0…+1.0) or a table with no rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { copyProject } from '../workflow/project';

let project = '';
const page = (id: string) => readFile(join(project, 'out/reports', id, 'index.html'), 'utf8');
const EN = 'No survey responses yet: this section fills in when data/acme/responses.csv has rows.';
// French typography (src/i18n/typography.ts): a narrow no-break space before the colon.
const FR = 'Pas encore de réponses à l’enquête\u202f: cette section se remplira quand data/acme/responses.csv aura des lignes.';
const VI = 'Chưa có câu trả lời khảo sát: phần này sẽ hiện khi data/acme/responses.csv có dữ liệu.';
/** The panels of a page: component name → sentence. */
const panels = (html: string) =>
  [...html.matchAll(/<p class="no-data" data-component="(\w+)"[^>]*>([^<]*)<\/p>/g)].map((m) => [m[1], m[2].replace(/&#39;|&rsquo;/g, '’')]);

beforeAll(async () => {
  project = await copyProject();
  const io = memoryIo(project);
  if ((await main(['new', 'acme', '--company', 'Acme', '--segments', 'channel,region'], io)) !== 0) throw new Error(io.stderr.join('\n'));
  const mdx = await readFile(join(project, 'content/reports/acme.mdx'), 'utf8');
  for (const locale of ['fr', 'vi'])
    await writeFile(join(project, `content/reports/acme-${locale}.mdx`), mdx.replace(/^locale: en\b/m, `locale: ${locale}\ntranslation_of: acme`));
  await writeFile(join(project, 'content/reports/acme.mdx'), `${mdx}\n<NpsBreakdown by="channel" />\n`);
  const code = await main(['build', '--drafts', '--out', join(project, 'out')], io);
  if (code !== 0) throw new Error(`build failed:\n${io.stderr.join('\n')}`);
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('a report whose dataset has no survey responses', () => {
  it('shows one sentence per survey chart instead of empty axes or empty tables', async () => {
    const html = await page('acme');
    expect(panels(html)).toEqual([
      ['ServqualGaps', EN],
      ['DriverMatrix', EN],
      ['Trend', EN],
      ['SegmentTable', EN],
      ['SegmentTable', EN],
      ['NpsBreakdown', EN],
    ]);
    expect(html).not.toContain('data-chart="segment-bars"');
    expect(html).not.toContain('data-chart="driver-matrix"');
    expect(html).not.toContain('data-chart="nps-breakdown"');
  });

  it("writes the sentence in the report's locale (fr, vi)", async () => {
    expect(new Set(panels(await page('acme-fr')).map(([, s]) => s))).toEqual(new Set([FR]));
    expect(new Set(panels(await page('acme-vi')).map(([, s]) => s))).toEqual(new Set([VI]));
  });

  it('still draws the charts of a dataset that has responses (the demo)', async () => {
    const html = await page('demo');
    expect(html).toContain('data-chart="segment-bars"');
    expect(html).not.toContain('class="no-data"');
  });
});
