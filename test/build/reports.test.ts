import { afterEach, describe, expect, it } from 'vitest';
import { slug } from 'github-slugger';
import { parseReport, readReports, splitDrafts } from '../../src/build/reports-fs';
import { reportId } from '../../src/build/report-id';
import { closest } from '../../src/analysis/did-you-mean';
import { formatProblem } from '../../src/schemas/problem';
import { MIN_BASE_FLOOR } from '../../src/schemas/report';
import { removeProject, writeProject } from '../workflow/project';

const FILE = 'content/reports/x.mdx';
const report = (extra: string) => `---\ntitle: T\ncompany: Acme\ndataset: acme\n${extra}---\n\nText.\n`;
const messages = (text: string) => parseReport('x', FILE, text).problems.map(formatProblem);

describe('report frontmatter keys', () => {
  it('refuses a mistyped key with "did you mean", naming the file and line, instead of using the default', () => {
    expect(messages(report('min-base: 50\n'))).toEqual(['content/reports/x.mdx:5: frontmatter "min-base": is not a report setting. Did you mean min_base?']);
    expect(parseReport('x', FILE, report('min-base: 50\n')).report.settings).toBeUndefined();
  });
  it('names every unknown key on its own line, and lists the settings when nothing is close', () => {
    expect(messages(report('locale: fr\nLow_Base: 40\nfavourite_colour: blue\n'))).toEqual([
      'content/reports/x.mdx:6: frontmatter "Low_Base": is not a report setting. Did you mean low_base?',
      'content/reports/x.mdx:7: frontmatter "favourite_colour": is not a report setting. Settings: title, company, dataset, wave, period, industry, locale, min_base, low_base, comments, allow_individual_answers, trusted_mdx, description, translation_of, engine, draft, per.',
    ]);
  });
  it('refuses slug: (it would move the page away from its figures)', () => {
    expect(messages(report('slug: other\n'))).toEqual([expect.stringMatching(/^content\/reports\/x\.mdx:5: frontmatter "slug": is not a report setting\./)]);
  });
  it('suggests by edit distance, and nothing for an unrelated word', () => {
    expect(closest('comment', ['comments', 'company'])).toBe('comments');
    expect(closest('tittle', ['title', 'wave'])).toBe('title');
    expect(closest('colour', ['title', 'wave'])).toBeUndefined();
  });
});

describe('the min_base floor', () => {
  it(`refuses min_base below ${MIN_BASE_FLOOR}, naming the line and the opt-in`, () => {
    expect(MIN_BASE_FLOOR).toBe(5);
    expect(messages(report('min_base: 1\nlow_base: 1\n'))).toEqual([
      'content/reports/x.mdx:5: frontmatter "min_base": "1" is below the floor of 5: a cell of so few respondents publishes what individuals answered. Use min_base: 5 or more, or add allow_individual_answers: true if publishing individual answers is intended (e.g. every respondent agreed to it).',
    ]);
  });
  it('accepts min_base at the floor, and below it only with allow_individual_answers: true', () => {
    expect(parseReport('x', FILE, report('min_base: 5\n')).report.settings?.min_base).toBe(5);
    const opted = parseReport('x', FILE, report('min_base: 1\nlow_base: 1\nallow_individual_answers: true\n'));
    expect(opted.problems).toEqual([]);
    expect(opted.report.settings).toMatchObject({ min_base: 1, allow_individual_answers: true });
  });
});

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeProject));
});
async function read(names: string[]) {
  const dir = await writeProject(Object.fromEntries(names.map((n) => [`content/reports/${n}`, report('')])));
  dirs.push(dir);
  return readReports(dir);
}

describe('report ids and URL slugs', () => {
  it.each([
    ['atk.mdx', 'atk~.mdx'],
    ['Atk.mdx', 'atk.mdx'],
    ['atk q3.mdx', 'atk-q3.mdx'],
  ])('refuses %s and %s (one URL), naming both files', async (a, b) => {
    const { problems } = await read([a, b]);
    const [first, second] = [a, b].sort();
    expect(problems.map(formatProblem)).toEqual([
      `content/reports/${second}: publishes at /reports/${reportId(a)}/, like content/reports/${first}: one would overwrite the other. Rename one of them (a report's URL comes from its file name, lower-cased, spaces as -, punctuation dropped).`,
    ]);
  });
  it('gives a file name with spaces the slug Astro publishes it under, and names the real file', async () => {
    const { reports, problems } = await read(['Atk Q3.mdx']);
    expect(problems).toEqual([]);
    expect(reports.map((r) => [r.id, r.file])).toEqual([['atk-q3', 'content/reports/Atk Q3.mdx']]);
  });
  it("derives ids with github-slugger's slug, as Astro's glob loader does", () => {
    for (const name of ['atk', 'Atk', 'atk~', 'atk q3', 'ÉTÉ 2026', 'a.b', 'a_b']) expect(reportId(`${name}.mdx`)).toBe(slug(name));
  });
  it('refuses a file name that gives no slug', async () => {
    expect((await read(['~~.mdx'])).problems.map(formatProblem)).toEqual([
      'content/reports/~~.mdx: has a file name that gives no URL (no letter or digit). Rename it in kebab-case, e.g. acme-2026-q3.mdx.',
    ]);
  });
});

describe('drafts', () => {
  it('reads draft: true from the frontmatter, and a report without it as published', () => {
    expect(parseReport('x', FILE, report('draft: true\n')).report.settings?.draft).toBe(true);
    expect(parseReport('x', FILE, report('')).report.settings?.draft).toBe(false);
  });
  it('leaves drafts out of a published build and names them, and builds them all with drafts on', () => {
    const reports = ['a', 'b', 'c'].map((id) => parseReport(id, FILE, report(id === 'a' ? '' : 'draft: true\n')).report);
    const off = splitDrafts(reports, false);
    expect(off.built.map((r) => r.id)).toEqual(['a']);
    expect(off.skipped.map((r) => r.id)).toEqual(['b', 'c']);
    expect(splitDrafts(reports, true)).toEqual({ built: reports, skipped: [] });
  });
});
