/**
 * FastResponses (src/stream/fast-rows.ts) reads a row whole only when the loader would accept
 * every cell as written, and hands every other row to the loader's handler untouched: the
 * stream engine then gives the in-memory loader's problems (text, line, column, order) and
 * figures, on a seeded survey with one odd cell of each kind among regular rows.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { figuresFrom } from '../../src/analysis/analyze';
import { FastResponses } from '../../src/stream/fast-rows';
import { loadDatasetStreaming } from '../../src/stream/load-stream-fs';
import { writeSurvey } from '../../scripts/bench/generate';
import { differences, memoryPath, OPTIONS, texts } from '../perf/compare';

const dir = mkdtempSync(join(tmpdir(), 'gapreport-fast-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Cell edits: [data row (1-based), column name, new cell]. */
const EDITS: [number, string, string][] = [
  [5, 'e_tan1', '8'], // out of the 1–7 scale
  [6, 'p_rel2', ' 5'], // a space to trim
  [7, 'nps', '9.5'], // not a whole number
  [8, 'csat', '-1'], // a sign
  [9, 'respondent_id', ''], // a required cell empty
  [10, 'respondent_id', 'R0000003'], // a duplicate id
  [11, 'date', '2026-02-30'], // not a calendar day
  [12, 'w_tangibles', '90'], // importance points not summing to 100
  [14, 'region', ' North'], // trimmed to a known value
  [15, 'respondent_id', 'R\u200B0000015'], // an invisible character in an id
  [16, 'wave', ''], // no wave
  [17, 'overall', '7.00001'], // beyond the scale
  [18, 'e_emp5', '1e0'], // an exponent
  [19, 'ces', '1234567890'], // ten digits
  [20, 'region', 'Nörth'], // not ASCII
  [21, 'p_tan1', '3.'], // a trailing point: 3
  [22, 'overall', '.5'], // a leading point, below the scale
  [190, 'channel', 'e"mail'], // a quote inside a value: papaparse reads the rest of the file
];

async function surveyWith(edits: [number, string, string][]): Promise<void> {
  await writeSurvey(dir, 200, 7);
  const path = join(dir, 'responses.csv');
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0].split(',');
  for (const [row, column, cell] of edits) {
    const fields = lines[row].split(','); // the edited columns come before the comment, the only one with commas inside quotes
    const k = header.indexOf(column);
    expect(k).toBeGreaterThanOrEqual(0);
    fields[k] = cell;
    lines[row] = fields.join(',');
  }
  writeFileSync(path, lines.join('\n'));
}

/** The stream engine's problems and figures, in one range or two, with rows read whole or (`generic`) by the loader's handler alone. */
async function stream(options: { generic?: boolean; cuts?: number[] } = {}) {
  const none = options.generic ? vi.spyOn(FastResponses, 'for').mockReturnValue(undefined) : undefined;
  const loaded = await loadDatasetStreaming(dir, { threads: false, cuts: options.cuts });
  none?.mockRestore();
  const figures = loaded.dataset ? figuresFrom(loaded.dataset, loaded.source!, OPTIONS).figures : undefined;
  return { problems: texts(loaded.problems), figures: figures && JSON.stringify({ ...figures, meta: { ...figures.meta, generated: undefined } }) };
}

describe('the stream engine reading rows whole', () => {
  it('gives the in-memory problems, and hands every odd row to the loader', async () => {
    await surveyWith(EDITS);
    const read = vi.spyOn(FastResponses.prototype, 'read');
    const streamed = await stream();
    const memory = await memoryPath(dir);
    expect(streamed.problems).toEqual(memory.problems);
    expect(memory.problems.length).toBeGreaterThan(10);
    const taken = read.mock.results.filter((r) => r.value === true).length;
    // Every odd row but the duplicate id (a problem the reader reports as the loader does) and "3." (3) went back to the loader; from the quote on, papaparse read the rows.
    expect(read.mock.results.length - taken).toBe(EDITS.length - 3);
    expect(read.mock.results.length).toBe(189 - 3);
    read.mockRestore();
  });

  it("gives the figures of the loader's handler bit for bit, in one range and in two", async () => {
    await surveyWith([
      [30, 'p_rel2', ' 5'],
      [31, 'overall', '4.25'],
      [32, 'region', ''],
      [33, 'e_tan1', ''],
    ]);
    const generic = await stream({ generic: true });
    expect(generic.figures).toBeDefined();
    expect(await stream()).toEqual(generic);
    const cut = readFileSync(join(dir, 'responses.csv')).indexOf('\nR0000101,') + 1;
    expect(await stream({ cuts: [cut] })).toEqual(generic);
  });
});
