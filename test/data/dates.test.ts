/**
 * Dates as survey tools write them (src/data/dates.ts), waves derived from them, and the
 * messages for a date the declared format does not read. Everything is text arithmetic:
 * the same file gives the same days and waves in every time zone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isoWeek, readDate, waveOf } from '../../src/data/dates';
import { parseResponses } from '../../src/data/responses';
import { parseQuestionnaire } from '../../src/data/questionnaire';
import { tableContexts } from '../../src/data/dataset';
import { DEFAULT_LIMITS } from '../../src/data/limits';
import { formatProblem } from '../../src/schemas/problem';

describe('readDate(cell, format)', () => {
  it.each([
    ['2015-03-18', 'iso', '2015-03-18'],
    ['2015-03-18 09:52:14', 'iso', '2015-03-18'], // Qualtrics, LimeSurvey
    ['2015-03-18T09:52', 'iso', '2015-03-18'],
    ['2026-09-30T23:30:00-05:00', 'iso', '2026-09-30'], // the day written, not shifted into UTC
    ['2026-09-30T10:11:12.345Z', 'iso', '2026-09-30'],
    ['2026-09-30 10:11:12+0200', 'iso', '2026-09-30'],
    ['09/30/2026 10:11:12 AM', 'month-first', '2026-09-30'], // SurveyMonkey
    ['9/3/2026 1:05 pm', 'month-first', '2026-09-03'],
    ['2026/09/30 10:11:12 AM GMT+2', 'year-first', '2026-09-30'], // Google Forms
    ['2026/09/30 10:11:12 PM GMT+05:30', 'year-first', '2026-09-30'],
    ['30/09/2026 22:11', 'day-first', '2026-09-30'],
    ['30.09.2026', 'day-first', '2026-09-30'],
    ['29/02/2024', 'day-first', '2024-02-29'],
  ] as const)('reads %s as %s: %s', (cell, format, day) => {
    expect(readDate(cell, format)).toBe(day);
  });

  it.each([
    ['2026-13-01', 'iso'],
    ['2026-02-30', 'iso'],
    ['2026-09-30 25:00', 'iso'],
    ['2026-09-30 13:00 PM', 'iso'],
    ['2026-09-30 10:61', 'iso'],
    ['09/30/2026', 'day-first'],
    ['30/09/26', 'day-first'], // a two-digit year is 1926 or 2026
    ['29/02/2026', 'day-first'],
    ['09/30/2026 00:10 AM', 'month-first'],
    ['2026/09/30 10:11 AM GMT+x', 'year-first'],
  ] as const)('refuses %s as %s', (cell, format) => {
    expect(readDate(cell, format)).toBeUndefined();
  });
});

describe('waveOf(day, period)', () => {
  it.each([
    ['2026-09-30', 'quarter', '2026-Q3'],
    ['2026-10-01', 'quarter', '2026-Q4'],
    ['2026-01-01', 'month', '2026-01'],
    ['2026-12-31', 'year', '2026'],
    ['2026-09-30', 'week', '2026-W40'],
    ['2021-01-03', 'week', '2020-W53'], // a Sunday: the week of 2020's last Thursday
    ['2024-12-30', 'week', '2025-W01'], // a Monday: the week of 2025's first Thursday
    ['2026-01-01', 'week', '2026-W01'],
  ] as const)('puts %s in the %s %s', (day, period, wave) => {
    expect(waveOf(day, period)).toBe(wave);
  });

  it('numbers ISO weeks as Date.UTC does, for every day of 2020–2030', () => {
    let days = 0;
    for (let t = Date.UTC(2020, 0, 1); t <= Date.UTC(2030, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      // The reference: the Thursday of the day's week, in UTC.
      const thursday = new Date(t + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
      const week = Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * 86_400_000)) + 1;
      expect(isoWeek(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toEqual({ year: thursday.getUTCFullYear(), week });
      days++;
    }
    expect(days).toBe(4018);
  });
});

const CSV = 'ResponseId,RecordedDate,nps\nR1,2026-09-30 23:59:59,9\nR2,2026-10-01T00:00:01+14:00,7\nR3,2026-03-31T23:30:00-11:00,10\n';

function read(yaml: string, csv: string) {
  const parsed = parseQuestionnaire(`scale: { min: 1, max: 7 }\n${yaml}`);
  expect(parsed.problems.map(formatProblem)).toEqual([]);
  const ctx = tableContexts(parsed.questionnaire, (f) => f, DEFAULT_LIMITS, undefined, parsed.settingLines).survey('responses.csv');
  return parseResponses(csv, ctx, parsed.questionnaire!, parsed.items);
}

describe('wave_from: date', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['UTC', 'Pacific/Kiritimati', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu'])(
    'derives the same quarters and days with the machine in %s',
    (zone) => {
      process.env.TZ = zone; // Node applies a changed TZ at once: a local-time Date would move these days
      const r = read('columns: { respondent_id: ResponseId, date: RecordedDate }\nwave_from: date\nwave_period: quarter\n', CSV);
      expect(r.problems.map(formatProblem)).toEqual([]);
      expect(r.respondents.map((x) => [x.wave, x.date])).toEqual([
        ['2026-Q3', '2026-09-30'],
        ['2026-Q4', '2026-10-01'],
        ['2026-Q1', '2026-03-31'],
      ]);
    },
  );

  it('needs no wave column, and names the date when it is empty', () => {
    const r = read('columns: { respondent_id: ResponseId, date: RecordedDate }\nwave_from: date\nwave_period: month\n', 'ResponseId,RecordedDate,nps\nR1,2026-09-30,9\nR2,,7\n');
    expect(r.problems.map(formatProblem)).toEqual(['responses.csv:3: column "RecordedDate": is empty, but a value is required.']);
    expect(r.respondents[0].wave).toBe('2026-09');
  });
});

describe('a date the format does not read', () => {
  it('names the format it expected and the questionnaire line to change', () => {
    const r = read('columns: { respondent_id: ResponseId, date: RecordedDate }\ndate_format: day-first\nconstants: { wave: W1 }\n', 'ResponseId,RecordedDate,nps\nR1,09/30/2026 10:11:12 AM,9\nR2,2026-09-30,9\nR3,31/02/2026,9\n');
    expect(r.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "responses.csv:2: column "RecordedDate": "09/30/2026 10:11:12 AM" is not a date as date_format: day-first reads them (like 30/09/2026 or 30.09.2026 22:11). It reads as month-first: set date_format: month-first (questionnaire.yaml line 3).",
        "responses.csv:3: column "RecordedDate": "2026-09-30" is not a date as date_format: day-first reads them (like 30/09/2026 or 30.09.2026 22:11). It reads as iso: set date_format: iso (questionnaire.yaml line 3).",
        "responses.csv:4: column "RecordedDate": "31/02/2026" is not a date as date_format: day-first reads them (like 30/09/2026 or 30.09.2026 22:11). Correct the date, list the value under missing:, or set date_format: to the export's order (iso, day-first, month-first, year-first) (questionnaire.yaml line 3).",
      ]
    `);
  });

  it('points at source: when the tool preset chose the format', () => {
    const r = read('source: surveymonkey\nconstants: { wave: W1 }\n', 'Respondent ID,End Date,nps\n,,\n1,2026-09-30 10:11:12,9\n');
    expect(r.problems.map(formatProblem)).toEqual([
      'responses.csv:3: column "End Date": "2026-09-30 10:11:12" is not a date as date_format: month-first reads them (like 09/30/2026 10:11:12 AM). It reads as iso: set date_format: iso (questionnaire.yaml line 2, whose source: sets the format).',
    ]);
  });

  it('offers both orders for a date either reads', () => {
    const r = read('columns: { respondent_id: ResponseId, date: RecordedDate }\ndate_format: year-first\nconstants: { wave: W1 }\n', 'ResponseId,RecordedDate,nps\nR1,03/04/2026,9\n');
    expect(r.problems.map(formatProblem)).toEqual([
      'responses.csv:2: column "RecordedDate": "03/04/2026" is not a date as date_format: year-first reads them (like 2026/09/30 10:11:12 AM GMT+2). It reads as day-first or month-first: set date_format: to the export\'s order (questionnaire.yaml line 3).',
    ]);
  });
});
