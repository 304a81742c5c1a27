/** questionnaire.yaml built to exhaust the reader: each ends in one clear problem, quickly. */
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/data/questionnaire';
import { MAX_ITEMS, MAX_QUESTIONNAIRE_BYTES, MAX_YAML_ALIASES } from '../../src/data/limits';
import { formatProblem } from '../../src/schemas/problem';

const problems = (text: string) => parseQuestionnaire(text).problems.map(formatProblem);

/** Nine aliases of the level above on each level: 9⁹ strings once expanded. */
const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'scale: { min: 1, max: 7 }'].join('\n');

const items = (n: number) => `scale: { min: 1, max: 7 }\nitems:\n${Array.from({ length: n }, (_, i) => `  - { id: i${i}, dimension: empathy, text: T }`).join('\n')}\n`;

describe('parseQuestionnaire on hostile input', () => {
  it(`reports a YAML alias bomb (more than ${MAX_YAML_ALIASES} aliases) instead of expanding it`, () => {
    const started = Date.now();
    expect(problems(BILLION_LAUGHS)).toEqual([
      `questionnaire.yaml: uses more than ${MAX_YAML_ALIASES} YAML aliases (*name); gapreport does not expand that many. Write the values out instead of repeating them with aliases.`,
    ]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('still reads a few aliases', () => {
    const parsed = parseQuestionnaire('scale: &s { min: 1, max: 7 }\nitems:\n  - { id: a, dimension: empathy, text: &t Kind }\n  - { id: b, dimension: empathy, text: *t }\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.items.map((i) => i.text)).toEqual(['Kind', 'Kind']);
  });

  it(`reports a questionnaire over ${MAX_QUESTIONNAIRE_BYTES} bytes without parsing it`, () => {
    expect(problems(`scale: { min: 1, max: 7 }\n# ${'x'.repeat(MAX_QUESTIONNAIRE_BYTES)}\n`)).toEqual([
      'questionnaire.yaml: is 1.0 MiB; the limit for a questionnaire is 1.0 MiB. Is this the right file? A questionnaire lists the scale, items and segments.',
    ]);
  });

  it(`reports more than ${MAX_ITEMS} items with the count and the limit, in well under a second`, () => {
    const started = Date.now();
    expect(problems(items(MAX_ITEMS + 1))).toEqual([
      `questionnaire.yaml:3: setting "items" declares ${MAX_ITEMS + 1} items; the limit is ${MAX_ITEMS}. Split the survey into several datasets, or keep the items the report discusses.`,
    ]);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('words a .nan where a number belongs as not a number', () => {
    expect(problems('scale: { min: .nan, max: 7 }\n')).toEqual(['questionnaire.yaml:1: setting "scale.min": .nan is not a number. Write a number, e.g. 7.']);
  });

  it(`accepts exactly ${MAX_ITEMS} items`, () => {
    const parsed = parseQuestionnaire(items(MAX_ITEMS));
    expect(parsed.problems).toEqual([]);
    expect(parsed.items).toHaveLength(MAX_ITEMS);
  });
});
