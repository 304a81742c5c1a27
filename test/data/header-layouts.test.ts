/**
 * Header layouts (src/data/header-layout.ts, csv.ts, columns.ts): header_rows counts exactly
 * the rows between the names and the first respondent; Qualtrics' ImportId row is known;
 * columns are found by question text or position, blank and repeated names included.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeWith, ENGINES } from '../../src/engines/run-fs';
import { formatProblem } from '../../src/schemas/problem';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { HEAD, questionnaireProblems, readExport } from './export-read';

const NAMES = 'ResponseId,Q12,Q3_1';
const TEXTS = 'Response ID,How likely are you to recommend us?,Answers quickly';
const IMPORT = '"{""ImportId"":""_recordId""}","{""ImportId"":""QID12""}","{""ImportId"":""QID3_1""}"';
const MAP = 'columns: { respondent_id: ResponseId, nps: Q12, p_speed: Q3_1 }\nconstants: { wave: W1 }\n';
const ids = (r: ReturnType<typeof readExport>) => r.respondents.map((x) => x.id);

describe('header_rows', () => {
  it('is an error, not a lost respondent, when it counts the first respondent as a header row', () => {
    // The case: names + one row of question texts, but header_rows: 2 — R_1 used to vanish with validate passing.
    const r = readExport(`${MAP}header_rows: 2\n`, [NAMES, TEXTS, 'R_1,10,7', 'R_2,6,5'].join('\n'));
    expect(r.problems).toEqual([
      'responses.csv:3: is skipped as a header row by header_rows: 2 (questionnaire.yaml line 7), but it reads as a respondent (numbers where the ratings are). header_rows counts the rows between the names and the first respondent: here 1. Set header_rows: 1.',
    ]);
  });

  it('is the same error in every engine (the SQL engine hands such a file to the stream engine)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gapreport-header-rows-'));
    writeFileSync(join(dir, 'questionnaire.yaml'), `${HEAD}${MAP}header_rows: 2\n`);
    writeFileSync(join(dir, 'responses.csv'), [NAMES, TEXTS, 'R_1,10,7', 'R_2,6,5', ''].join('\n'));
    for (const engine of ENGINES) {
      const result = await analyzeWith(engine, dir, AnalysisOptionsSchema.parse({}));
      expect(result.figures).toBeUndefined();
      expect(result.problems.map(formatProblem)).toEqual([expect.stringMatching(/^responses\.csv:3: is skipped as a header row by header_rows: 2 \(questionnaire\.yaml line 7\)/)]);
    }
  });

  it('reads every respondent when it counts exactly the rows between the names and the first respondent', () => {
    const r = readExport(`${MAP}header_rows: 1\n`, [NAMES, TEXTS, 'R_1,10,7', 'R_2,6,5'].join('\n'));
    expect(r.problems).toEqual([]);
    expect(ids(r)).toEqual(['R_1', 'R_2']);
  });

  it('points at header_rows, not recode:, when a question-text row is read as a respondent', () => {
    const r = readExport(MAP, [NAMES, TEXTS, 'R_1,10,7'].join('\n'));
    expect(r.problems).toEqual([
      'responses.csv:2: reads as a header row (text where the ratings are, no number), not a respondent. header_rows: 0 (the default) counts the rows between the names and the first respondent: set header_rows: 1.',
    ]);
    expect(r.problems.join('\n')).not.toMatch(/recode/);
  });

  it('keeps the recode: hint for a first respondent who answered in labels', () => {
    const r = readExport('constants: { wave: W1 }\n', 'respondent_id,p_speed,p_care\nR1,Agree,Agree\nR2,5,6\n');
    expect(r.problems).toEqual([
      'responses.csv:2: column "p_speed": "Agree" is not a number within 1–7. Map the text to a number with recode:, or list it under missing:.',
      'responses.csv:2: column "p_care": "Agree" is not a number within 1–7. Map the text to a number with recode:, or list it under missing:.',
    ]);
  });

  it("recognises Qualtrics' ImportId row whether header_rows counts it or not", () => {
    const file = [NAMES, TEXTS, IMPORT, 'R_1,10,7', 'R_2,6,5'].join('\n');
    for (const rows of [1, 2]) {
      const r = readExport(`${MAP}header_rows: ${rows}\n`, file);
      expect(r.problems).toEqual([]);
      expect(ids(r)).toEqual(['R_1', 'R_2']);
      expect(r.rows).toBe(2);
    }
  });

  it('counts a multi-line question text as one header row, and numbers lines as the file does', () => {
    const r = readExport(`${MAP}header_rows: 1\n`, [NAMES, 'Response ID,"How likely…\n(0 = not at all)",Answers quickly', 'R_1,10,7', 'R_2,11,5'].join('\n'));
    expect(r.problems).toEqual(['responses.csv:5: column "Q12": "11" is not a whole number 0–10.']);
  });
});

describe('by_text: columns by their question text', () => {
  const csv = [NAMES, TEXTS, IMPORT, 'R_1,10,7'].join('\n');

  it('finds a column by the text under its name, ignoring case and spacing', () => {
    const r = readExport('header_rows: 1\ncolumns: { respondent_id: ResponseId }\nconstants: { wave: W1 }\nby_text: { nps: "how likely  are you to recommend us?", p_speed: Answers quickly }\n', csv);
    expect(r.problems).toEqual([]);
    expect(r.respondents[0]).toMatchObject({ nps: 10, p: { speed: 7 } });
  });

  it('names the nearest text when none matches', () => {
    const r = readExport('header_rows: 1\ncolumns: { respondent_id: ResponseId }\nconstants: { wave: W1 }\nby_text: { p_speed: Answers quicky }\n', csv);
    expect(r.problems).toEqual(['responses.csv:1: by_text: finds "p_speed" by the question text "Answers quicky" (questionnaire.yaml line 8), but no column has that text. Did you mean "Answers quickly"?']);
  });

  it('names the columns and their positions when several have the text', () => {
    const r = readExport('header_rows: 1\ncolumns: { respondent_id: Id }\nconstants: { wave: W1 }\nby_text: { nps: Response }\n', 'Id,Q1,Q2\n,Response,Response\nR1,9,3\n');
    expect(r.problems).toEqual(['responses.csv:1: by_text: finds "nps" by the question text "Response" (questionnaire.yaml line 8), but 2 columns have it ("Q1", "Q2"). Map the one you mean by position, e.g. by_position: { nps: 2 }.']);
  });

  it('needs a header row under the names', () => {
    const r = readExport('columns: { respondent_id: ResponseId }\nconstants: { wave: W1 }\nby_text: { nps: Recommend }\n', 'ResponseId,Q12\nR1,9\n');
    expect(r.problems[0]).toBe(
      'responses.csv:1: by_text: finds "nps" by its question text (questionnaire.yaml line 7), but the file has no header row under the names. Set header_rows: to the rows between the names and the first respondent (question texts are the first of them), or map the column by name with columns:.',
    );
  });

  it('refuses a key that is no contract column, with the nearest one', () => {
    expect(questionnaireProblems('by_text: { p_sped: Answers quickly }\n')).toEqual([
      'questionnaire.yaml:5: by_text: maps "p_sped", which is not a column of the contract or a segment. Did you mean p_speed?',
    ]);
  });
});

describe('by_position: blank, repeated and unnamed headers', () => {
  it('maps an empty first header (R row names) and a blank matrix header by position', () => {
    const r = readExport('constants: { wave: W1 }\nby_position: { respondent_id: 1, p_care: 4 }\n', ',p_speed,How likely,\n1,5,9,6\n2,4,3,7\n');
    expect(r.problems).toEqual([]);
    expect(r.respondents.map((x) => [x.id, x.p.speed, x.p.care])).toEqual([
      ['1', 5, 6],
      ['2', 4, 7],
    ]);
  });

  it('lists blank headers by their position when a mapped column is missing', () => {
    const r = readExport('constants: { wave: W1 }\ncolumns: { respondent_id: ResponseId }\n', ',p_speed,\n1,5,6\n');
    expect(r.problems).toEqual(['responses.csv:1: questionnaire.yaml (line 6) maps column "respondent_id" to "ResponseId", but the header has no such column. Headers are: (blank, column 1), "p_speed", (blank, column 3).']);
  });

  it('reads a file whose header repeats a name no mapping needs, and picks one of a repeated name by position', () => {
    const csv = 'respondent_id,wave,Comments,p_speed,Comments\nR1,W1,a,5,b\n';
    expect(readExport('', csv).problems).toEqual([]);
    const r = readExport('by_position: { comment: 5 }\n', csv);
    expect(r.problems).toEqual([]);
    expect(r.respondents[0].comment).toBe('b');
  });

  it('reports a repeated name a mapping needs, with the by_position line that picks one', () => {
    const r = readExport('columns: { comment: Comments }\n', 'respondent_id,wave,Comments,p_speed,Comments\nR1,W1,a,5,b\n');
    expect(r.problems).toEqual(['responses.csv:1: column "Comments": appears twice in the header (columns 3 and 5). Rename or remove one of them, or map the one you mean by its position, e.g. by_position: { comment: 5 }.']);
  });

  it('reports a position beyond the header', () => {
    const r = readExport('by_position: { p_care: 9 }\n', 'respondent_id,wave,p_speed\nR1,W1,5\n');
    expect(r.problems).toEqual(['responses.csv:1: by_position: puts "p_care" in column 9 (questionnaire.yaml line 5), but the header has 3 columns. Count columns from 1, the first column of the file.']);
  });
});
