/**
 * The delivery manifest and recipients.csv (issue 15 item 5), pure: rows per entity with the
 * withheld ones marked and given no PDF, absolute page URLs on the site URL, recipients joined
 * by entity, and every recipients.csv mistake a problem on its line.
 */
import { describe, expect, it } from 'vitest';
import { manifestCsv, manifestJson, manifestRows, parseRecipients } from '../../src/build/delivery';
import { formatProblem } from '../../src/schemas/problem';
import { chainFigures } from './chain-case';

const answers = (n: number, nps: number, p: number): [string, number, number][] => Array.from({ length: n }, () => ['2026-Q1', nps, p]);
const figures = chainFigures({ 'Leeds West': answers(12, 9, 4), York: answers(12, 6, 3), Hull: answers(3, 10, 5) });
const ENTITIES = ['Hull', 'Leeds West', 'York'];
const pdfPath = (slug: string) => `dist/pdf/case/${slug}.pdf`;

describe('recipients.csv', () => {
  it('joins each row to its entity by name, the columns after entity kept by header name', () => {
    const r = parseRecipients(
      'entity,recipient,cc\nYork,york@example.com,area@example.com\nLeeds West,"leeds@example.com, deputy@example.com",\n',
      ENTITIES,
      'branch',
    );
    expect(r.problems).toEqual([]);
    expect(r.columns).toEqual(['recipient', 'cc']);
    expect(r.byEntity.get('Leeds West')).toEqual({ recipient: 'leeds@example.com, deputy@example.com', cc: '' });
  });

  it('names a row whose entity is no entity of the report on its line, with a did-you-mean', () => {
    const r = parseRecipients(
      'entity,recipient\nYork,york@example.com\nYrok,typo@example.com\nAtlantis,x@example.com\nYork,again@example.com\n',
      ENTITIES,
      'branch',
    );
    expect(r.problems.map(formatProblem)).toEqual([
      'recipients.csv:3: column "entity": "Yrok" is no branch of the report. Did you mean "York"?',
      'recipients.csv:4: column "entity": "Atlantis" is no branch of the report. The branchs are the values of the branch column.',
      'recipients.csv:5: column "entity": "York" already has a row on line 2. Put each entity on one row.',
    ]);
    expect(r.byEntity.get('York')).toEqual({ recipient: 'york@example.com' });
  });

  it('refuses a header that does not start with entity, or has nothing beside it', () => {
    expect(parseRecipients('branch,recipient\nYork,a@example.com\n', ENTITIES, 'branch').problems.map(formatProblem)).toEqual([
      'recipients.csv:1: column "branch": is not "entity": the first column names the entity. Write the header as entity,recipient.',
    ]);
    expect(parseRecipients('entity\nYork\n', ENTITIES, 'branch').problems.map(formatProblem)).toEqual([
      'recipients.csv:1: has no column beside entity. Write the header as entity,recipient.',
    ]);
  });
});

describe('the delivery manifest', () => {
  const recipients = parseRecipients('entity,recipient\nYork,york@example.com\nHull,hull@example.com\n', ENTITIES, 'branch');

  it('lists every entity in name order, a withheld one with no PDF, pages absolute on the site URL', () => {
    const rows = manifestRows(figures, { id: 'case', pdfPath, siteUrl: 'https://cx.example.com/hh', recipients });
    expect(rows.map((r) => [r.entity, r.status, r.pdf, r.url, r.recipients.recipient])).toEqual([
      ['Hull', 'withheld', '', 'https://cx.example.com/hh/reports/case/hull/', 'hull@example.com'],
      ['Leeds West', 'printed', 'dist/pdf/case/leeds-west.pdf', 'https://cx.example.com/hh/reports/case/leeds-west/', ''],
      ['York', 'printed', 'dist/pdf/case/york.pdf', 'https://cx.example.com/hh/reports/case/york/', 'york@example.com'],
    ]);
  });

  it('writes site paths without a site URL, and no recipient column without recipients.csv', () => {
    const rows = manifestRows(figures, { id: 'case', pdfPath });
    expect(manifestCsv(rows, [])).toBe(
      'entity,slug,status,pdf,url\nHull,hull,withheld,,/reports/case/hull/\nLeeds West,leeds-west,printed,dist/pdf/case/leeds-west.pdf,/reports/case/leeds-west/\nYork,york,printed,dist/pdf/case/york.pdf,/reports/case/york/\n',
    );
    expect(JSON.parse(manifestJson('case', rows))).toEqual({ report: 'case', entities: rows });
  });

  it('adds the recipients.csv columns to the CSV, quoted where a cell holds a comma, empty for an entity without a row', () => {
    const recipients = parseRecipients('entity,recipient\nYork,york@example.com\nHull,"hull@example.com, area@example.com"\n', ENTITIES, 'branch');
    const rows = manifestRows(figures, { id: 'case', pdfPath, recipients });
    expect(manifestCsv(rows, recipients.columns).split('\n').slice(0, 3)).toEqual([
      'entity,slug,status,pdf,url,recipient',
      'Hull,hull,withheld,,/reports/case/hull/,"hull@example.com, area@example.com"',
      'Leeds West,leeds-west,printed,dist/pdf/case/leeds-west.pdf,/reports/case/leeds-west/,',
    ]);
  });
});
