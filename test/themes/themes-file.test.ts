import { describe, expect, it } from 'vitest';
import { parseThemes } from '../../src/data/themes-file';
import { formatProblem } from '../../src/schemas/problem';

const problems = (text: string) => parseThemes(text).problems.map(formatProblem);

describe('parseThemes(themes.yaml)', () => {
  it('reads themes with labels and keywords per language and an optional parent', () => {
    const r = parseThemes(`themes:
  - id: waiting
    label: { en: Waiting times, fr: Temps d'attente }
    keywords: { en: [wait, on hold], fr: [attente] }
  - id: hold-music
    parent: waiting
    label: { en: Hold music }
    keywords: { en: [music] }
`);
    expect(r.problems).toEqual([]);
    expect(r.codebook?.themes).toEqual([
      {
        id: 'waiting',
        label: { en: 'Waiting times', fr: "Temps d'attente" },
        keywords: { en: ['wait', 'on hold'], fr: ['attente'] },
        parent: undefined,
        line: 2,
      },
      { id: 'hold-music', label: { en: 'Hold music' }, keywords: { en: ['music'] }, parent: 'waiting', line: 5 },
    ]);
  });

  it('names the line and the nearest setting, language or parent of a mistyped name', () => {
    expect(
      problems(`themes:
  - id: waiting
    label: { en: Waiting }
    keywrods: { en: [wait] }
  - id: staff
    label: { en: Staff }
    keywords: { fre: [rude] }
  - id: music
    parent: waitin
    label: { en: Music }
    keywords: { en: [music] }
`),
    ).toMatchInlineSnapshot(`
      [
        "themes.yaml:4: key "keywrods": is not a theme setting. Did you mean "keywords"?",
        "themes.yaml:2: key "keywords": is missing. Write e.g. keywords: { en: [wait, queue, on hold] }.",
        "themes.yaml:7: key "keywords.fre": is not a language gapreport matches comments in. Did you mean "fr"?",
        "themes.yaml:9: key "parent": "waitin" is not a theme id in this file. Did you mean "waiting"?",
      ]
    `);
  });

  it('reports a repeated id, a parent cycle and a missing list', () => {
    expect(problems('themes: nope\n')).toEqual(['themes.yaml:1: needs a "themes:" list. Write themes: followed by entries "- id: …, label: …, keywords: …".']);
    expect(
      problems(`themes:
  - { id: a, label: { en: A }, keywords: { en: [x] } }
  - { id: a, label: { en: A }, keywords: { en: [y] } }
  - { id: b, parent: c, label: { en: B }, keywords: { en: [z] } }
  - { id: c, parent: b, label: { en: C }, keywords: { en: [w] } }
`),
    ).toMatchInlineSnapshot(`
      [
        "themes.yaml:3: key "id": "a" is given again; line 2 has it already. Give each theme its own id.",
        "themes.yaml:4: key "parent": "c" makes a cycle of parents (b → c → b). A theme cannot be its own ancestor: remove one parent.",
        "themes.yaml:5: key "parent": "b" makes a cycle of parents (c → b → c). A theme cannot be its own ancestor: remove one parent.",
      ]
    `);
  });

  it('reports broken YAML on its line', () => {
    expect(problems('themes:\n  - id: [a\n')).toHaveLength(1);
    expect(problems('themes:\n  - id: [a\n')[0]).toMatch(/^themes\.yaml:\d+: is not valid YAML/);
  });
});
