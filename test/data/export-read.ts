/** Test helper: a questionnaire and a responses.csv text read as the loader reads them (questionnaire lines included, for hints). */
import { expect } from 'vitest';
import { tableContexts } from '../../src/data/dataset';
import { DEFAULT_LIMITS } from '../../src/data/limits';
import { parseQuestionnaire } from '../../src/data/questionnaire';
import { parseResponses } from '../../src/data/responses';
import { formatProblem } from '../../src/schemas/problem';

/** Two items on 1–7 after `scale:` on line 1, so the settings given start on line 5. */
export const HEAD = 'scale: { min: 1, max: 7 }\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\n  - { id: care, dimension: empathy, text: Cares }\n';

/** The problems of questionnaire.yaml alone, formatted. */
export function questionnaireProblems(yaml: string): string[] {
  return parseQuestionnaire(HEAD + yaml).problems.map(formatProblem);
}

/** responses.csv read with HEAD + `yaml`: its problems (formatted), respondents and exclusions. */
export function readExport(yaml: string, csv: string) {
  const parsed = parseQuestionnaire(HEAD + yaml);
  expect(parsed.problems.map(formatProblem)).toEqual([]);
  const ctx = tableContexts(parsed.questionnaire, (f) => f, DEFAULT_LIMITS, undefined, parsed.settingLines).survey('responses.csv');
  const r = parseResponses(csv, ctx, parsed.questionnaire!, parsed.items);
  return { problems: r.problems.map(formatProblem), respondents: r.respondents, excluded: r.excluded, rows: r.rows };
}
