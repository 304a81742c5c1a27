/**
 * keep: (src/data/row-filter.ts): rows that are not respondents are excluded before their
 * cells are validated, counted under the first rule they fail, and stated by validate.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { holds } from '../../src/data/row-filter';
import { questionnaireProblems, readExport } from './export-read';

const CSV = [
  'id,wave,Finished,Status,Age,Note,p_speed',
  'R1,W1,1,IP Address,34,,5',
  'R2,W1,0,IP Address,40,,6',
  'R3,W1,1,Survey Preview,29,x,not a number',
  'R4,W1,True,Spam,17,,4',
  'R5,W1,1.0,ip address,18,,3',
].join('\n');

const ids = (r: ReturnType<typeof readExport>) => r.respondents.map((x) => x.id);

describe('keep: rules', () => {
  it.each([
    [{ equals: 1 }, '1', true],
    [{ equals: 1 }, '1.0', true], // numerically
    [{ equals: 'true' }, 'True', true], // case-insensitively
    [{ not_equals: 'Spam' }, ' spam ', false],
    [{ in: ['IP Address', 0] }, '0', true],
    [{ not_in: ['Survey Preview', 'Spam'] }, 'Survey Test', true],
    [{ above: 17 }, '17', false],
    [{ below: 18 }, '17', true],
    [{ at_least: 18 }, '18', true],
    [{ at_most: 18 }, 'eighteen', false], // a comparison holds only for a number
    [{ empty: true as const }, '', true],
    [{ not_empty: true as const }, '', false],
  ])('%j on "%s" holds: %s', (test, cell, expected) => {
    expect(holds({ column: 'x', ...test }, cell.trim(), cell.trim() === '')).toBe(expected);
  });

  it('keeps the rows every rule holds for, excludes the others before validating them, and counts them by the first rule they fail', () => {
    const r = readExport(
      'columns: { respondent_id: id }\nkeep:\n  - { column: Finished, in: [1, "true"], label: unfinished }\n  - { column: Status, not_in: [Survey Preview, Spam] }\n  - { column: Age, at_least: 18, label: under 18 }\n',
      CSV,
    );
    expect(r.problems).toEqual([]); // R3's "not a number" is never read: R3 is a preview
    expect(ids(r)).toEqual(['R1', 'R5']);
    expect(r.rows).toBe(5);
    expect(r.excluded).toEqual([
      { rule: 'unfinished', rows: 1 },
      { rule: 'failing Status not in (Survey Preview, Spam)', rows: 2 }, // R4 is also under 18: counted once, under its first rule
      { rule: 'under 18', rows: 0 },
    ]);
  });

  it('reads a rule on a contract name through the mapping', () => {
    const r = readExport('columns: { respondent_id: id, segment_x: Note }\nkeep: [{ column: respondent_id, not_in: [R2, R3, R4] }]\n', CSV);
    expect(ids(r)).toEqual(['R1', 'R5']);
  });

  it('reports a rule on a column the export lacks, with its line and the nearest header', () => {
    const r = readExport('columns: { respondent_id: id }\nkeep:\n  - { column: Finshed, equals: 1 }\n', CSV);
    expect(r.problems[0]).toBe('responses.csv:1: keep: tests column "Finshed" (questionnaire.yaml line 7), but the header has no such column. Did you mean "Finished"?');
  });

  it('refuses an unknown test with the line and the nearest test', () => {
    expect(questionnaireProblems('keep:\n  - { column: Finished, equal: 1 }\n')).toEqual([
      'questionnaire.yaml:6: setting "keep" has unknown setting "equal". Did you mean equals?',
    ]);
  });

  it('refuses a rule with no test, or two', () => {
    expect(questionnaireProblems('keep:\n  - { column: Finished }\n  - { column: Age, above: 1, below: 9 }\n')).toEqual([
      'questionnaire.yaml:6: keep: the rule on "Finished" has no test; give exactly one. Tests are equals, not_equals, in, not_in, above, below, at_least, at_most, empty, not_empty; two tests are two rules (every rule must hold).',
      'questionnaire.yaml:7: keep: the rule on "Age" has 2 tests (above, below); give exactly one. Tests are equals, not_equals, in, not_in, above, below, at_least, at_most, empty, not_empty; two tests are two rules (every rule must hold).',
    ]);
  });
});

describe('gapreport validate on an export with keep:', () => {
  it('states the rows read, those each rule excluded and those kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gapreport-keep-'));
    writeFileSync(join(dir, 'questionnaire.yaml'), 'scale: { min: 1, max: 7 }\nitems: [{ id: speed, dimension: responsiveness, text: Fast }]\ncolumns: { respondent_id: id }\nkeep:\n  - { column: Finished, in: [1, "true"], label: unfinished }\n  - { column: Status, not_in: [Survey Preview, Spam], label: preview or spam }\n');
    writeFileSync(join(dir, 'responses.csv'), CSV.replace('not a number', '2'));
    const io = memoryIo(dir);
    expect(await main(['validate', '.'], io)).toBe(0);
    expect(io.stdout).toEqual(['.: responses.csv: 5 rows read; 3 excluded by keep: 1 unfinished, 2 preview or spam; 2 kept.', '.: valid — responses.csv 5 rows.']);
  });
});

describe('the export settings in questionnaire.yaml', () => {
  it.each([
    ['source: qualtircs\n', 'questionnaire.yaml:5: setting "source": "qualtircs" is not one of qualtrics, surveymonkey, limesurvey, google-forms. Did you mean qualtrics?'],
    ['date_format: monthfirst\n', 'questionnaire.yaml:5: setting "date_format": "monthfirst" is not one of iso, day-first, month-first, year-first. Did you mean month-first?'],
    ['wave_perod: quarter\n', 'questionnaire.yaml:5: the file has unknown setting "wave_perod". Did you mean wave_period?'],
    ['wave_period: quarter\n', 'questionnaire.yaml:5: wave_period: sets the period of waves derived from the date, but no wave is derived. Add wave_from: date, or remove wave_period:.'],
    ['wave_from: date\nconstants: { wave: W1 }\n', 'questionnaire.yaml:5: wave_from: date derives the wave from the date, but constants: gives a wave too. Keep one: remove wave from constants:, or remove wave_from:.'],
  ])('refuses %j at its line, with the fix', (yaml, problem) => {
    expect(questionnaireProblems(yaml)).toEqual([problem]);
  });
});
