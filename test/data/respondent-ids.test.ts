/**
 * Two respondent ids that read the same are the same respondent: ids are compared after
 * NFC and without invisible characters, in memory and in the stream engine (hashed ids,
 * across byte ranges too).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/dataset';
import { normalizeId } from '../../src/data/responses';
import { loadDatasetStreaming } from '../../src/stream/load-stream-fs';
import { formatProblem } from '../../src/schemas/problem';

const Q = 'scale: { min: 1, max: 7 }\n';
const csv = (second: string) => `respondent_id,wave\nR1,w1\nR2,w1\n${second},w1\n`;
const expected = ['responses.csv:4: column "respondent_id": "R1" is used twice, on lines 2 and 4. Each respondent_id must be unique.'];

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function streamed(text: string, cut?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'gapreport-ids-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'questionnaire.yaml'), Q);
  writeFileSync(join(dir, 'responses.csv'), text);
  return (await loadDatasetStreaming(dir, { threads: false, cuts: cut === undefined ? undefined : [cut] })).problems.map(formatProblem);
}

describe('respondent_id uniqueness', () => {
  describe.each([
    ['zero-width space', 'R\u200B1'],
    ['zero-width non-joiner', 'R\u200C1'],
    ['zero-width joiner', '\u200DR1'],
    ['word joiner', 'R1\u2060'],
    ['byte order mark', 'R\uFEFF1'],
    ['left-to-right mark', 'R1\u200E'],
  ])('an id that differs only by a %s', (_name, id) => {
    it('is reported as a duplicate in memory', () => {
      expect(buildDataset({ name: 't', texts: { 'questionnaire.yaml': Q, 'responses.csv': csv(id) } }).problems.map(formatProblem)).toEqual(expected);
    });
    it('is reported as a duplicate by the stream engine, in one range and across two', async () => {
      const text = csv(id);
      expect(await streamed(text)).toEqual(expected);
      expect(await streamed(text, Buffer.byteLength(text.slice(0, text.indexOf('R2'))))).toEqual(expected);
    });
  });

  it('treats a composed and a decomposed accent as one id', () => {
    const text = 'respondent_id,wave\nJos\u00e9,w1\nJose\u0301,w1\n';
    expect(buildDataset({ name: 't', texts: { 'questionnaire.yaml': Q, 'responses.csv': text } }).problems.map(formatProblem)).toEqual([
      'responses.csv:3: column "respondent_id": "José" is used twice, on lines 2 and 3. Each respondent_id must be unique.',
    ]);
  });

  it('keeps ids that differ by a visible character apart, and ASCII ids as they are', () => {
    expect(normalizeId('R1')).toBe('R1');
    expect(normalizeId('R\u200B1')).toBe('R1');
    expect(normalizeId('R1\u00a0')).not.toBe('R1');
  });
});
