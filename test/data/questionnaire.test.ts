import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/data/questionnaire';
import { formatProblem } from '../../src/schemas/problem';

const problems = (text: string) => parseQuestionnaire(text).problems.map(formatProblem);

describe('parseQuestionnaire(text)', () => {
  it('resolves preset servqual-22 to 22 items with the short labels, in dimension order', () => {
    const { items } = parseQuestionnaire('scale: { min: 1, max: 7 }\npreset: servqual-22\n');
    expect(items).toHaveLength(22);
    expect(items[0]).toEqual({ id: 'tan1', dimension: 'tangibles', text: { en: 'Up-to-date equipment', fr: 'Équipements modernes', vi: 'Trang thiết bị hiện đại' } });
    expect(items.map((i) => i.id).slice(4, 9)).toEqual(['rel1', 'rel2', 'rel3', 'rel4', 'rel5']);
    expect(items[21]).toMatchObject({ id: 'emp5', dimension: 'empathy', text: { en: "Understands customers' specific needs" } });
  });

  it('overrides a preset text by id without repeating the dimension, and appends custom items', () => {
    const { items, problems: p } = parseQuestionnaire('scale: { min: 1, max: 7 }\npreset: servqual-22\nitems:\n  - { id: res2, text: { en: Quick answers, vi: Trả lời nhanh } }\n  - { id: app, dimension: tangibles, text: Easy app }\n');
    expect(p).toEqual([]);
    expect(items.find((i) => i.id === 'res2')).toEqual({ id: 'res2', dimension: 'responsiveness', text: { en: 'Quick answers', vi: 'Trả lời nhanh' } });
    expect(items.map((i) => i.id).at(-1)).toBe('app');
  });

  it('reports a YAML syntax error with its line, and nothing more', () => {
    expect(problems('scale: { min: 1, max: 7 }\nsegments: [channel\noutcome: nps\n')).toHaveLength(1);
    expect(problems('scale:\n  min: 1\n max: 7\n')[0]).toMatch(/^questionnaire\.yaml:3: is not valid YAML: /);
  });

  it('reports schema errors at the line of the offending setting, in plain words', () => {
    expect(problems('scale: { min: 1, max: 7 }\ndrivers: everything\nheader_rows: two\n')).toEqual([
      'questionnaire.yaml:2: setting "drivers": "everything" is not one of dimensions, items, constructs.',
      'questionnaire.yaml:3: setting "header_rows": "two" should be a number, not a string.',
    ]);
  });

  it('reports an item declared twice', () => {
    expect(problems('scale: { min: 1, max: 5 }\nitems:\n  - { id: a, dimension: empathy, text: A }\n  - { id: a, dimension: empathy, text: B }\n')).toEqual([
      'questionnaire.yaml:4: item "a" is declared twice. Give each item its own id.',
    ]);
  });
});
