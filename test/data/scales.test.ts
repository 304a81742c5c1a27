/**
 * recode:, scales:, reverse:, binary: and labels: (src/data/scales.ts, cells.ts): never
 * silently ignored — keyed by the export's header or the contract name, applied to segments
 * and to many columns by globs — and every name that matches nothing is a problem on its
 * questionnaire.yaml line with the nearest valid name.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/dataset';
import { parseQuestionnaire } from '../../src/data/questionnaire';
import { formatProblem } from '../../src/schemas/problem';
import { applyScale } from '../../src/data/scales';

const problems = (text: string) => parseQuestionnaire(text).problems.map(formatProblem);

const HEAD = `scale: { min: 1, max: 5 }
columns: { respondent_id: "#row", overall: satisfaction, p_a: Q1, p_b: Q2, region: Branch, nps: rec }
constants: { wave: "2026" }
segments: [region]
items:
  - { id: a, dimension: tangibles, text: A }
  - { id: b, dimension: tangibles, text: B }
`;

function load(extra: string, csv: string) {
  const r = buildDataset({ name: 'x', texts: { 'questionnaire.yaml': HEAD + extra, 'responses.csv': csv } });
  return { problems: r.problems.map(formatProblem), responses: r.dataset?.responses ?? [] };
}

describe('recode: is applied, whatever it is keyed by', () => {
  const csv = 'Q1,Q2,Branch,satisfaction,rec\n1,2,1,satisfied,9\n3,4,2,neutral or dissatisfied,3\n';

  it('applies a recode keyed by the export header that columns: maps (satisfaction → overall)', () => {
    const r = load('recode:\n  satisfaction: { satisfied: 1, "neutral or dissatisfied": 0 }\n', csv);
    expect(r.problems).toEqual([]);
    expect(r.responses.map((x) => x.overall)).toEqual([1, 0]);
  });

  it('applies a recode keyed by the contract name', () => {
    const r = load('recode:\n  overall: { satisfied: 1, "neutral or dissatisfied": 0 }\n', csv);
    expect(r.responses.map((x) => x.overall)).toEqual([1, 0]);
  });

  it('recodes a segment: its values become the recoded text (codes merged or renamed)', () => {
    const r = load('recode:\n  overall: { satisfied: 1, "neutral or dissatisfied": 0 }\n  Branch: { "2": "1" }\n', csv);
    expect(r.problems).toEqual([]);
    expect(r.responses.map((x) => x.segments.region)).toEqual(['1', '1']);
  });

  it('reports a misspelt recode key on its line with the nearest valid name', () => {
    expect(problems(HEAD + 'recode:\n  satisfation: { satisfied: 1 }\n')).toEqual([
      'questionnaire.yaml:9: setting "recode": "satisfation" is not a column of this questionnaire, so its labels would be ignored. Did you mean "satisfaction"?',
    ]);
  });

  it('refuses a text recode on a numeric column, naming the value', () => {
    expect(problems(HEAD + 'recode:\n  overall: { satisfied: yes }\n')).toEqual([
      'questionnaire.yaml:9: setting "recode.overall": "satisfied" becomes the text "yes", but overall holds numbers. Give a number (e.g. satisfied: 1); only a segment may be recoded to a text.',
    ]);
  });
});

describe('scales: named label tables and column scales', () => {
  it('applies one label table to every column a glob names (p_*)', () => {
    const r = load('scales:\n  agree: { labels: { disagree: 2, agree: 4, "strongly agree": 5 }, columns: ["p_*"] }\n', 'Q1,Q2,Branch,satisfaction,rec\nagree,Strongly Agree,1,,\n3,disagree,2,,\n');
    expect(r.problems).toEqual([]);
    expect(r.responses.map((x) => x.p)).toEqual([{ a: 4, b: 5 }, { a: 3, b: 2 }]);
  });

  it('reports a glob that matches no column on its line, with the nearest valid name', () => {
    expect(problems(HEAD + 'scales:\n  agree: { labels: { agree: 4 }, columns: ["q_*"] }\n')).toEqual([
      'questionnaire.yaml:9: setting "scales.agree.columns": "q_*" matches no numeric column of this questionnaire. Did you mean "p_a"?',
    ]);
  });

  it('reads a reverse-coded item as min + max − x (named by its header)', () => {
    const r = load('reverse: [Q2]\n', 'Q1,Q2,Branch,satisfaction,rec\n1,1,1,,\n2,4,1,,\n');
    expect(r.responses.map((x) => [x.p.a, x.p.b])).toEqual([[1, 5], [2, 2]]);
  });

  it('rescales a 1–10 item linearly onto the 1–5 item scale when declared', () => {
    const r = load('scales:\n  ten: { min: 1, max: 10, rescale: { min: 1, max: 5 }, columns: [p_a] }\n', 'Q1,Q2,Branch,satisfaction,rec\n10,3,1,,\n1,3,1,,\n5.5,3,1,,\n');
    expect(r.problems).toEqual([]);
    expect(r.responses.map((x) => x.p.a)).toEqual([5, 1, 3]);
  });

  it('accepts overall on its own declared scale (1–10 beside 1–5 items), and refuses 10 without the declaration', () => {
    expect(load('scales:\n  ten: { min: 1, max: 10, columns: [overall] }\n', 'Q1,Q2,Branch,satisfaction,rec\n3,3,1,10,\n').responses[0].overall).toBe(10);
    expect(load('', 'Q1,Q2,Branch,satisfaction,rec\n3,3,1,10,\n').problems).toEqual([
      'responses.csv:2: column "satisfaction": "10" is not within 1–5. If overall was asked on another scale than the items (1–5), declare it: scales: { overall_scale: { min: 1, max: 10, columns: [overall] } } (its own scale), with rescale: { min: 1, max: 5 } to put it on the items\' scale.',
    ]);
  });

  it('refuses an item column rescaled off the item scale, with the rescale to write', () => {
    expect(problems(HEAD + 'scales:\n  ten: { min: 1, max: 10, columns: [p_a] }\n')).toEqual([
      'questionnaire.yaml:9: setting "scales.ten": p_a must end on 1–5, but it is on 1–10. Add (or correct) rescale: { min: 1, max: 5 } to map it linearly onto 1–5.',
    ]);
  });
});

describe('nps must be 0–10', () => {
  it('refuses a 1–10 recommend question declared as nps, with the fix', () => {
    expect(problems(HEAD + 'scales:\n  recommend: { min: 1, max: 10, columns: [rec] }\n')).toEqual([
      'questionnaire.yaml:9: setting "scales.recommend": nps is the 0–10 likelihood to recommend, but this column is on 1–10; read as it is, its answers would be counted as if asked on 0–10. Map a 0–10 question to nps instead, or rescale it explicitly: rescale: { min: 0, max: 10 } (x ↦ 10·(x − 1)/9), which the methodology states.',
    ]);
  });

  it('maps a 1–10 recommend question onto 0–10 with the declared rescale, 10·(x − 1)/9', () => {
    const r = load('scales:\n  recommend: { min: 1, max: 10, rescale: { min: 0, max: 10 }, columns: [nps] }\n', 'Q1,Q2,Branch,satisfaction,rec\n1,1,1,,10\n1,1,1,,1\n1,1,1,,7\n');
    expect(r.problems).toEqual([]);
    expect(r.responses.map((x) => x.nps)).toEqual([10, 0, (10 * 6) / 9]);
  });
});

describe('binary: and labels:', () => {
  it('refuses a binary outcome whose recode gives another value than 0 or 1', () => {
    expect(problems(HEAD + 'recode:\n  satisfaction: { satisfied: 2, no: 0 }\nbinary: [overall]\n')).toEqual([
      'questionnaire.yaml:10: setting "binary": overall is a share of 1s, but recode: turns "satisfied" into 2. Recode the two answers to 1 (counted) and 0.',
    ]);
  });

  it('reads a binary overall as 0/1 and refuses any other number', () => {
    const r = load('binary: [overall]\n', 'Q1,Q2,Branch,satisfaction,rec\n3,3,1,1,\n3,3,1,0,\n3,3,1,0.5,\n');
    expect(r.problems).toEqual(['responses.csv:4: column "satisfaction": "0.5" is not a whole number 0–1.']);
  });

  it('reports labels for a segment the questionnaire does not declare, with the nearest one', () => {
    expect(problems(HEAD + 'labels:\n  regoin: { "1": North }\n')).toEqual([
      'questionnaire.yaml:9: setting "labels": "regoin" is not a segment of this questionnaire, so its labels would never be shown. Did you mean "region"?',
    ]);
  });
});

describe('applyScale(scale, x)', () => {
  it('reverses on the written scale before rescaling', () => {
    expect(applyScale({ from: { min: 1, max: 10 }, reverse: true, to: { min: 1, max: 7 } }, 10)).toBe(1);
    expect(applyScale({ from: { min: 1, max: 10 }, reverse: false, to: { min: 1, max: 7 } }, 10)).toBe(7);
  });
});
