/** employees.csv is a contract file with its own validation: every problem as file:line: column "x": "value" message. hint. */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/dataset';
import { formatProblem } from '../../src/schemas/problem';

const Q = 'scale: { min: 1, max: 7 }\nsegments: [branch]\nitems:\n  - { id: rel1, dimension: reliability, text: On time }\n';
const load = (employees: string, q = Q) => buildDataset({ name: 't', texts: { 'questionnaire.yaml': q, 'employees.csv': employees } });

describe('employees.csv', () => {
  it('reads each employee with their branch, perceptions, expectations, eNPS and role', () => {
    const r = load('respondent_id,branch,role,enps,p_rel1,e_rel1\nE1,North,lead,9,5,6\nE2,South,,,4,\n');
    expect(r.problems).toEqual([]);
    expect(r.dataset?.employees).toEqual([
      { id: 'E1', segments: { branch: 'North' }, e: { rel1: 6 }, p: { rel1: 5 }, enps: 9, role: 'lead', line: 2 },
      { id: 'E2', segments: { branch: 'South' }, e: { rel1: undefined }, p: { rel1: 4 }, enps: undefined, role: undefined, line: 3 },
    ]);
  });

  it('reports bad cells, duplicate ids and unknown items with file, line, column and value', () => {
    const r = load('respondent_id,branch,enps,p_rel1,p_speed\nE1,North,11,5,3\nE1,North,7,8,3\n');
    expect(r.problems.map(formatProblem)).toEqual([
      'employees.csv:1: column "p_speed": names item "speed", which questionnaire.yaml does not declare. Declare it under items: (or use preset: servqual-22), or rename the column.',
      'employees.csv:2: column "enps": "11" is not a whole number 0–10.',
      'employees.csv:3: column "respondent_id": "E1" is used twice, on lines 2 and 3. Each respondent_id must be unique.',
      'employees.csv:3: column "p_rel1": "8" is not within 1–7.',
    ]);
  });

  it('refuses a file with no team or branch column among the declared segments', () => {
    expect(load('respondent_id,team,enps\nE1,x,9\n').problems.map(formatProblem)).toEqual([
      'employees.csv:1: has no team or branch column: none of the segments declared in questionnaire.yaml (branch) is in the header. Add a column named like a segment of questionnaire.yaml (e.g. branch), so employees meet their customers by branch.',
    ]);
  });

  it('refuses a file that measures nothing', () => {
    expect(load('respondent_id,branch\nE1,North\n').problems.map(formatProblem)).toEqual([
      'employees.csv:1: has neither an enps column nor any p_<item> column, so it measures nothing. Add enps (0–10) and the p_ columns of the items employees rate.',
    ]);
  });

  it('refuses a branch column that names each employee, as a customer segment would be', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `E${i},Person ${i},8`).join('\n');
    const problems = load(`respondent_id,branch,enps\n${rows}\n`).problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^employees\.csv: column "branch": /);
  });

  it('needs a questionnaire beside it', () => {
    const r = buildDataset({ name: 't', texts: { 'employees.csv': 'respondent_id,branch,enps\nE1,N,9\n' } });
    expect(r.problems.map(formatProblem)).toEqual([
      'employees.csv: needs a questionnaire.yaml beside it (the scale, the items and the segments of its columns). Add questionnaire.yaml with scale:, items and segments:.',
    ]);
  });
});
