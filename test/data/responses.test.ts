/** responses.csv rules (SPEC §2.2), read through buildDataset so the mapping applies. */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/dataset';
import { formatProblem } from '../../src/schemas/problem';

const Q = 'scale: { min: 1, max: 7 }\npreset: servqual-22\n';
const load = (responses: string, questionnaire = Q) => buildDataset({ name: 't', texts: { 'questionnaire.yaml': questionnaire, 'responses.csv': responses } });
const problems = (responses: string, questionnaire = Q) => load(responses, questionnaire).problems.map(formatProblem);

describe('responses.csv', () => {
  it('reports a respondent_id used twice, with both lines', () => {
    expect(problems('respondent_id,wave\nA,2026-Q3\nB,2026-Q3\nA,2026-Q3\n')).toEqual([
      'responses.csv:4: column "respondent_id": "A" is used twice, on lines 2 and 4. Each respondent_id must be unique.',
    ]);
  });

  it('reports an nps that is not a whole number 0–10, and suggests recode: or missing: for text', () => {
    expect(problems('respondent_id,wave,nps\nA,2026-Q3,11\nB,2026-Q3,Don\'t know\n')).toEqual([
      'responses.csv:2: column "nps": "11" is not a whole number 0–10.',
      'responses.csv:3: column "nps": "Don\'t know" is not a whole number 0–10. Map the text to a number with recode:, or list it under missing:.',
    ]);
  });

  it('points at the physical line of a record after a quoted line break', () => {
    expect(problems('respondent_id,wave,comment,csat\nA,2026-Q3,"two\nlines",4\nB,2026-Q3,x,9\n')).toEqual(['responses.csv:4: column "csat": "9" is not a whole number 1–5.']);
  });

  it('names the file\'s own header in messages when a column is mapped', () => {
    expect(problems('ResponseId,Q12\nA,12\n', `${Q}columns: { respondent_id: ResponseId, nps: Q12 }\nconstants: { wave: "2026-Q3" }\n`)).toEqual([
      'responses.csv:2: column "Q12": "12" is not a whole number 0–10.',
    ]);
  });

  it('numbers the data rows when respondent_id is mapped to "#row", counting after extra header rows', () => {
    const { dataset } = load('nps\nHow likely?\n9\n7\n', `${Q}header_rows: 1\ncolumns: { respondent_id: "#row" }\nconstants: { wave: w1 }\n`);
    expect(dataset?.responses?.map((r) => [r.id, r.nps, r.line])).toEqual([['1', 9, 3], ['2', 7, 4]]);
  });

  it('reads not_applicable item values as missing, but not other columns', () => {
    const { dataset, problems: p } = load('respondent_id,wave,p_tan1,nps\nA,w,0,0\n', `${Q}not_applicable: [0]\n`);
    expect(p).toEqual([]);
    expect(dataset?.responses?.[0]).toMatchObject({ p: { tan1: undefined }, nps: 0 });
  });

  it('accepts importance points that sum to 100 within ±1, and reports others', () => {
    const head = 'respondent_id,wave,w_tangibles,w_reliability,w_responsiveness,w_assurance,w_empathy\n';
    expect(problems(`${head}A,w,20,20,20,20,21\nB,w,20,20,20,20,22\n`)).toEqual(['responses.csv:3: importance points w_… sum to 102, not 100 (±1). Importance points are shares of 100.']);
  });

  it('reports an e_/p_ column naming an item the questionnaire does not declare', () => {
    expect(problems('respondent_id,wave,p_tan9\nA,w,5\n')).toEqual([
      'responses.csv:1: column "p_tan9": names item "tan9", which questionnaire.yaml does not declare. Declare it under items: (or use preset: servqual-22), or rename the column.',
    ]);
  });

  it('sets as_of to the latest response date, never the clock', () => {
    expect(load('respondent_id,wave,date\nA,w,2026-01-31\nB,w,2025-12-01\nC,w,\n').dataset?.as_of).toBe('2026-01-31');
    expect(load('respondent_id,wave\nA,w\n').dataset?.as_of).toBeUndefined();
  });
});
