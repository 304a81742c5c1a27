/**
 * Two reports on one dataset (an edition per language): a bad cell in it is one problem,
 * printed once under the dataset with the reports that read it, in build and in check.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { removeProject, writeProject } from '../workflow/project';

const report = (title: string, locale: string) => `---\ntitle: "${title}"\ncompany: Acme\ndataset: acme\nlocale: ${locale}\n---\n\nText.\n`;
const FILES = {
  'content/reports/acme.mdx': report('Acme', 'en'),
  'content/reports/acme-fr.mdx': report('Acme FR', 'fr'),
  'content/reports/other.mdx': '---\ntitle: "Other"\ncompany: Beta\ndataset: beta\n---\n\nText.\n',
  'data/acme/questionnaire.yaml': 'scale: { min: 1, max: 7 }\n',
  'data/beta/questionnaire.yaml': 'scale: { min: 1, max: 7 }\n',
  'data/acme/responses.csv': 'respondent_id,wave,nps\nr1,2026-Q3,11\nr2,2026-Q3,9\n',
  'data/beta/responses.csv': 'respondent_id,wave,nps\nr1,2026-Q3,12\n',
};

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeProject));
});

async function run(...argv: string[]) {
  const dir = await writeProject(FILES);
  dirs.push(dir);
  const io = memoryIo(dir);
  const code = await main(argv, io);
  return { code, err: io.stderr };
}

describe('a dataset shared by two reports', () => {
  it('gapreport build prints its problem once, naming both reports; a dataset of one report has no header', async () => {
    const r = await run('build');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'data/acme (used by acme-fr, acme):',
      'data/acme/responses.csv:2: column "nps": "11" is not a whole number 0–10.',
      'data/beta/responses.csv:2: column "nps": "12" is not a whole number 0–10.',
      'gapreport build: 2 problem(s); dist/ is unchanged.',
    ]);
  });

  it('gapreport check does the same', async () => {
    const r = await run('check');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'data/acme (used by acme-fr, acme):',
      'data/acme/responses.csv:2: column "nps": "11" is not a whole number 0–10.',
      'data/beta/responses.csv:2: column "nps": "12" is not a whole number 0–10.',
      'gapreport check: the data has 2 problem(s); no gates were checked. Run npx gapreport validate data/<dataset> for details.',
    ]);
  });
});
