/**
 * A dataset folder whose contract files are there in a form that cannot be read — a link
 * to nothing, a link loop, a name in the wrong case, a header without rows — is named for
 * what it is, never read as "no survey data". Held in the memory and the stream engines.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFolder } from '../../src/engines/load-with-fs';
import { buildDataset } from '../../src/data/dataset';
import { loadDatasetStreaming } from '../../src/stream/load-stream-fs';
import { formatProblem } from '../../src/schemas/problem';

const Q = 'scale: { min: 1, max: 7 }\n';
const RESPONSES = 'respondent_id,wave,nps\nR1,w1,9\n';
const root = mkdtempSync(join(tmpdir(), 'gapreport-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function folder(files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = join(root, `d${n++}`);
  mkdirSync(dir);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  for (const [f, target] of Object.entries(links)) symlinkSync(target, join(dir, f));
  return dir;
}

/** The problems of both engines, which must agree. */
async function problems(dir: string): Promise<string[]> {
  const memory = (await loadFolder(dir)).problems.map(formatProblem);
  expect((await loadDatasetStreaming(dir, { threads: false })).problems.map(formatProblem)).toEqual(memory);
  return memory;
}

describe('contract files that are there but cannot be read', () => {
  it('names a responses.csv that links to a missing file', async () => {
    expect(await problems(folder({ 'questionnaire.yaml': Q }, { 'responses.csv': 'exports/survey.csv' }))).toEqual([
      'responses.csv: is a link to a missing file (exports/survey.csv). Replace the link with the file itself, or point it at the file.',
    ]);
  });

  it('names a responses.csv that is a link loop', async () => {
    expect(await problems(folder({ 'questionnaire.yaml': Q }, { 'responses.csv': 'other.csv', 'other.csv': 'responses.csv' }))).toEqual([
      'responses.csv: is a link that loops (it leads back to itself through other links), so there is no file to read. Replace the link with the file itself, or point it at the file.',
    ]);
  });

  it('still reads a contract file through a link that resolves', async () => {
    const dir = folder({ 'questionnaire.yaml': Q, 'export.txt': RESPONSES }, { 'responses.csv': 'export.txt' });
    expect(await problems(dir)).toEqual([]);
  });

  it('reports a files: mapping onto something that is not a file once, not also as absent', async () => {
    expect(await problems(folder({ 'questionnaire.yaml': `${Q}files: { responses.csv: exports }\n`, 'exports/x.csv': RESPONSES }))).toEqual(['exports: is a folder, not a file. Put the file itself under this name, or rename what is there.']);
  });

  it('names a contract file whose name differs only by case, and suggests the right name', async () => {
    expect(await problems(folder({ 'questionnaire.yaml': Q, 'Responses.csv': RESPONSES, 'STANDARDS.CSV': 'x\n' }))).toEqual([
      'Responses.csv: is not read: file names are case-sensitive. Did you mean responses.csv? Rename it to responses.csv.',
      'STANDARDS.CSV: is not read: file names are case-sensitive. Did you mean standards.csv? Rename it to standards.csv.',
    ]);
  });

  it('names a questionnaire.yaml in the wrong case rather than saying the folder has no dataset files', async () => {
    expect(await problems(folder({ 'Questionnaire.yaml': Q }))).toEqual([
      'Questionnaire.yaml: is not read: file names are case-sensitive. Did you mean questionnaire.yaml? Rename it to questionnaire.yaml.',
    ]);
  });
});

describe('a CSV file with a header but no data rows', () => {
  const HEADER_ONLY = 'has a header but no data rows. Add the data, or move the file out of the dataset folder (gapreport new keeps its templates in templates/).';

  it.each([
    ['responses.csv', 'respondent_id,wave,nps\n'],
    ['responses.csv', '\uFEFFrespondent_id;wave;nps\r\n\r\n'],
    ['contacts.csv', 'contact_id,period,channel,opened_at\n'],
    ['standards.csv', 'standard_id,metric,target,direction,unit\n'],
  ])('is an error in %s (%j)', async (file, text) => {
    expect(await problems(folder({ 'questionnaire.yaml': Q, [file]: text }))).toEqual([`${file}: ${HEADER_ONLY}`]);
  });

  it('is an error after its declared header_rows too, but a file with one data row is not', () => {
    const q = `${Q}header_rows: 1\n`;
    const built = (text: string) => buildDataset({ name: 't', texts: { 'questionnaire.yaml': q, 'responses.csv': text } }).problems.map(formatProblem);
    expect(built('respondent_id,wave\nThe id,The wave\n')).toEqual([`responses.csv: ${HEADER_ONLY}`]);
    expect(built('respondent_id,wave\nThe id,The wave\nR1,w1\n')).toEqual([]);
  });

  it('is an error in the stream engine whichever range the header ends in', async () => {
    const dir = folder({ 'questionnaire.yaml': Q, 'responses.csv': 'respondent_id,wave\n\n\n' });
    for (const cut of [19, 20, 21]) {
      expect((await loadDatasetStreaming(dir, { threads: false, cuts: [cut] })).problems.map(formatProblem)).toEqual([`responses.csv: ${HEADER_ONLY}`]);
    }
  });
});
