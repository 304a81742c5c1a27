/**
 * Every user-facing problem message not pinned elsewhere, triggered by the smallest input that
 * shows it and pinned in full as the user reads it (file:line, column or setting, value, message and
 * fix), so a change of wording is a visible diff here. The fixtures' expected.txt
 * (test/fixtures/invalid/*) pin the loader's other messages the same way.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-fs';
import { parseQuestionnaire } from '../../src/data/questionnaire';
import { parseThemes } from '../../src/data/themes-file';
import { formatProblem, type Problem } from '../../src/schemas/problem';
import { parseReport } from '../../src/build/reports-fs';
import { parseRecipients } from '../../src/build/delivery';
import { describeIoError } from '../../src/build/io-errors';
import { lintMdx, lintReport } from '../../src/build/lint-mdx';
import { metricText } from '../../src/components/lib/metric-format';
import { formatters } from '../../src/i18n/format';
import { strings } from '../../src/i18n';
import { reportFigures } from '../../src/build/pipeline-fs';
import { figures } from '../charts/fixtures';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
/** A fresh folder holding `files` (a value of null makes a sub-folder of that name). */
function folder(files: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gapreport-messages-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    if (text === null) mkdirSync(join(dir, name));
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}
const lines = (problems: Problem[]) => problems.map(formatProblem);
/** The problems and warnings of a dataset folder, as `gapreport validate` prints them. */
async function validate(files: Record<string, string | null>): Promise<string[]> {
  const result = await loadDataset(folder(files));
  return lines([...result.problems, ...result.warnings]);
}
const questionnaire = (yaml: string) => lines(parseQuestionnaire(yaml).problems);

const Q = 'scale: { min: 1, max: 7 }\nsegments: [channel]\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\n';
const R = 'respondent_id,wave,channel,e_speed,p_speed,nps\nR1,2026-Q3,chat,5,6,9\n';

describe('questionnaire.yaml', () => {
  it('names an unknown setting without a near one, and points at the contract', () => {
    expect(questionnaire(`${Q}scale_note: seven points\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:5: the file has unknown setting "scale_note". Check the spelling against SPEC §2.1 (and data/README.md for extensions).",
      ]
    `);
  });

  it('says a setting of the wrong kind and a .nan number', () => {
    expect(questionnaire('scale: { min: 1, max: .nan }\nsegments: channel\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\n')).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:1: setting "scale.max": .nan is not a number. Write a number, e.g. 7.",
        "questionnaire.yaml:2: setting "segments": "channel" should be a list, not a string. Write it as a list: [a, b], or one "- value" per line.",
      ]
    `);
  });

  it('names a preset it does not know', () => {
    expect(questionnaire('preset: servqual-99\nscale: { min: 1, max: 7 }\n')).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:1: setting "preset": "servqual-99" is not a known preset (use servqual-22 or ecsi, or list items:).",
      ]
    `);
  });

  it('says which keep: rule has no test, or more than one', () => {
    expect(questionnaire(`${Q}keep:\n  - { column: channel }\n  - { column: channel, equals: chat, not_equals: store }\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:6: keep: the rule on "channel" has no test; give exactly one. Tests are equals, not_equals, in, not_in, above, below, at_least, at_most, empty, not_empty; two tests are two rules (every rule must hold).",
        "questionnaire.yaml:7: keep: the rule on "channel" has 2 tests (equals, not_equals); give exactly one. Tests are equals, not_equals, in, not_in, above, below, at_least, at_most, empty, not_empty; two tests are two rules (every rule must hold).",
      ]
    `);
  });

  it('says by_text: and by_position: map only contract columns and segments', () => {
    expect(questionnaire(`${Q}by_position: { zzzz: 3 }\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:5: by_position: maps "zzzz", which is not a column of the contract or a segment. Keys are contract names (respondent_id, nps, p_<item>, …) or segments; declare a segment under segments: first.",
      ]
    `);
  });

  it('says weighting: needs a variable, and that post-stratification weights to one', () => {
    expect(questionnaire(`${Q}weighting: { method: raking, targets: {} }\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:5: setting "weighting.targets" names no variable to weight to. Give each weighting variable (a segment) its population shares, e.g. targets: { region: { North: 0.4, South: 0.6 } }.",
      ]
    `);
    expect(
      questionnaire(
        `scale: { min: 1, max: 7 }\nsegments: [channel, region]\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\nweighting:\n  method: post-stratification\n  targets: { channel: { chat: 0.5, store: 0.5 }, region: { north: 1 } }\n`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:6: setting "weighting.method": post-stratification weights to one variable, but targets: names 2 (channel, region). Use method: raking to weight to several margins.",
      ]
    `);
  });

  it('says trim bounds must lie either side of 1', () => {
    expect(questionnaire(`${Q}weighting: { method: raking, targets: { channel: { chat: 1 } }, trim: { lower: 2, upper: 3 } }\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:5: setting "weighting.trim": trim bounds must lie either side of the mean weight 1 (e.g. lower: 0.3, upper: 3).",
      ]
    `);
  });

  it('names a construct declared twice, an item listed twice and an item not declared', () => {
    expect(
      questionnaire(
        `${Q}constructs:\n  - { id: trust, label: Trust, items: [speed, speed] }\n  - { id: trust, label: Trust, items: [speed] }\n  - { id: value, label: Value, items: [price] }\n`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:6: construct "trust" lists item "speed" twice. List each item once.",
        "questionnaire.yaml:7: construct "trust" is declared twice. Give each construct its own id.",
        "questionnaire.yaml:8: construct "value" names item "price", which questionnaire.yaml does not declare. Declare it under items: (its p_<id> column is read), or remove it from the construct.",
      ]
    `);
  });

  it('says a construct without a label needs one', () => {
    expect(questionnaire(`${Q}constructs:\n  - { id: trust, items: [speed] }\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:6: setting "constructs.label" is required. Write a text, or a map of texts by locale (en, fr, vi).",
      ]
    `);
  });

  it('says drivers: constructs needs a driver construct and an outcome', () => {
    expect(questionnaire(`${Q}drivers: constructs\nconstructs:\n  - { id: trust, label: Trust, items: [speed], driver: false }\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:5: setting "drivers" is constructs, but no construct explains the outcome. Declare constructs: (with driver: true, the default), or use drivers: dimensions or items.",
        "questionnaire.yaml:5: setting "drivers" is constructs, but no outcome: names what they explain. Add outcome: overall (or nps, csat, ces).",
      ]
    `);
  });

  it('says labels: for a segment, when none is declared', () => {
    expect(questionnaire('scale: { min: 1, max: 7 }\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\nlabels: { channel: { chat: Chat } }\n')).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:4: setting "labels": "channel" is not a segment of this questionnaire, so its labels would never be shown. Declare it under segments: first.",
      ]
    `);
  });

  it('says what a scales: table, reverse: and binary: may name', () => {
    expect(questionnaire(`${Q}scales:\n  five: { min: 1, max: 5, rescale: { min: 1, max: 7 }, columns: [zzzz] }\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:6: setting "scales.five.columns": "zzzz" matches no numeric column of this questionnaire. Name a contract column (overall, nps, p_<item>, a segment, …), the export header columns: maps to one, or a glob such as p_*. Valid names here: overall, nps, csat, ces, p_speed, e_speed, m_speed, w_tangibles, ….",
      ]
    `);
    expect(
      questionnaire(`${Q}scales:\n  a: { min: 1, max: 5, rescale: { min: 1, max: 7 }, columns: [p_speed] }\n  b: { min: 1, max: 5, rescale: { min: 1, max: 7 }, columns: [p_speed] }\n`),
    ).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:7: setting "scales.b.columns": p_speed is already read with scales.a. Give each column one scale table.",
      ]
    `);
    expect(questionnaire(`${Q}reverse: [zzzz]\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:5: setting "reverse": "zzzz" matches no item column (e_, p_ or m_) of this questionnaire. Reverse-coded items are e_/p_/m_ columns, their headers, or a glob. Valid names here: p_speed, e_speed, m_speed.",
      ]
    `);
    expect(questionnaire(`${Q}binary: [p_speed]\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:5: setting "binary": "p_speed" cannot be published as a share; only overall can. Recode the column to 0/1 and map it to overall. Valid names here: overall.",
      ]
    `);
    expect(questionnaire(`${Q}scales:\n  five: { min: 1, max: 5, rescale: { min: 1, max: 10 }, columns: [p_speed] }\n`)).toMatchInlineSnapshot(`
      [
        "questionnaire.yaml:6: setting "scales.five": p_speed must end on 1–7, but it is rescaled onto 1–10. Add (or correct) rescale: { min: 1, max: 7 } to map it linearly onto 1–7.",
      ]
    `);
  });
});

describe('the survey files', () => {
  it('says when the importance columns cover some dimensions only', async () => {
    expect(await validate({ 'questionnaire.yaml': Q, 'responses.csv': 'respondent_id,wave,channel,e_speed,p_speed,nps,w_reliability\nR1,2026-Q3,chat,5,6,9,20\n' })).toMatchInlineSnapshot(`
      [
        "responses.csv:1: the header has importance columns for 1 of the five dimensions; missing: w_tangibles, w_responsiveness, w_assurance, w_empathy. Give all five w_ columns, or none.",
      ]
    `);
  });

  it('refuses a segment that reads the respondent ids', async () => {
    expect(await validate({ 'questionnaire.yaml': `${Q}columns: { channel: respondent_id }\n`, 'responses.csv': R })).toMatchInlineSnapshot(`
      [
        "responses.csv:1: segment "channel" reads the respondent_id column ("respondent_id"), so its breakdown would publish every respondent's id. Remove "channel" from segments:, or map it to another column with columns:.",
      ]
    `);
  });

  it('says a header names a column twice, with the by_position: fix', async () => {
    expect(await validate({ 'questionnaire.yaml': Q, 'responses.csv': 'respondent_id,wave,channel,e_speed,p_speed,nps,nps\nR1,2026-Q3,chat,5,6,9,8\n' })).toMatchInlineSnapshot(`
      [
        "responses.csv:1: column "nps": appears twice in the header (columns 6 and 7). Rename or remove one of them, or map the one you mean by its position, e.g. by_position: { nps: 7 }.",
      ]
    `);
  });

  it('says by_text: finds no column with the question text', async () => {
    expect(
      await validate({
        'questionnaire.yaml': `${Q}header_rows: 2\nby_text: { nps: "How likely are you to recommend us?" }\n`,
        'responses.csv': 'respondent_id,wave,channel,e_speed,p_speed,q9\n,,,,,Would you recommend us?\nR1,2026-Q3,chat,5,6,9\n',
      }),
    ).toMatchInlineSnapshot(`
      [
        "responses.csv:1: by_text: finds "nps" by the question text "How likely are you to recommend us?" (questionnaire.yaml line 6), but no column has that text. Copy the text from the header row under the names (it is compared ignoring case and spacing).",
        "responses.csv:3: is skipped as a header row by header_rows: 2 (questionnaire.yaml line 5), but it reads as a respondent (numbers where the ratings are). header_rows counts the rows between the names and the first respondent: here 1. Set header_rows: 1.",
        "responses.csv: has a header but no data rows. Add the data, or move the file out of the dataset folder (gapreport new keeps its templates in templates/).",
      ]
    `);
  });

  it('says employees.csv needs a segment to meet the customers by', async () => {
    const q = 'scale: { min: 1, max: 7 }\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\n';
    expect(await validate({ 'questionnaire.yaml': q, 'responses.csv': 'respondent_id,wave,p_speed,e_speed,nps\nR1,2026-Q3,6,5,9\n', 'employees.csv': 'respondent_id,enps,e_speed\nE1,9,5\n' })).toMatchInlineSnapshot(`
      [
        "employees.csv:1: has no team or branch to group employees by: questionnaire.yaml declares no segments:. Add a column named like a segment of questionnaire.yaml (e.g. branch), so employees meet their customers by branch.",
      ]
    `);
  });

  it('warns that standards without delivered values measure no Gap 3, and names a promise without a metric', async () => {
    expect(
      await validate({
        'questionnaire.yaml': Q,
        'responses.csv': R,
        'standards.csv': 'standard_id,metric,dimension,unit,direction,target,management_expectation,tolerance\nwait,asa_seconds,responsiveness,seconds,lower,30,,\n',
      }),
    ).toMatchInlineSnapshot(`
      [
        "standards.csv: has standards, but there is no operations.csv or contacts.csv, so Gap 3 (delivery) is not measured.",
      ]
    `);
    expect(
      await validate({ 'questionnaire.yaml': Q, 'responses.csv': R, 'communications.csv': 'claim_id,metric,promised,channel,source\nc1,asa_seconds,30,web,homepage\n' }),
    ).toMatchInlineSnapshot(`
      [
        "communications.csv:2: column "metric": "asa_seconds" names no metric of standards.csv or operations.csv, so the promise cannot be compared with delivery. Add standards.csv or operations.csv with this metric.",
      ]
    `);
  });
});

describe('the dataset folder', () => {
  it('says a path that is no folder cannot be read', async () => {
    expect(lines((await loadDataset(join(tmpdir(), 'gapreport-no-such-folder-9f3'))).problems)).toMatchInlineSnapshot(`
      [
        ".: is not a dataset folder that can be read. Give the path of a folder like data/demo.",
      ]
    `);
  });

  it('warns of a CSV file that is not a contract file', async () => {
    expect((await validate({ 'questionnaire.yaml': Q, 'responses.csv': R, 'answers.csv': 'a,b\n1,2\n' })).filter((l) => l.startsWith('answers.csv'))).toMatchInlineSnapshot(`
      [
        "answers.csv: is not a contract file, so it is not read. Contract files are questionnaire.yaml, responses.csv, management.csv, standards.csv, operations.csv, contacts.csv, communications.csv, benchmarks.csv, employees.csv.",
      ]
    `);
  });

  it('says a contract file is a link to a missing file, or a folder', async () => {
    const dir = folder({ 'questionnaire.yaml': Q, 'responses.csv': R });
    symlinkSync(join(dir, 'gone.csv'), join(dir, 'standards.csv'));
    expect(lines((await loadDataset(dir)).problems).map((l) => l.replace(dir, '<dir>'))).toMatchInlineSnapshot(`
      [
        "standards.csv: is a link to a missing file (<dir>/gone.csv). Replace the link with the file itself, or point it at the file.",
      ]
    `);
    expect(await validate({ 'questionnaire.yaml': Q, 'responses.csv': R, 'operations.csv': null })).toMatchInlineSnapshot(`
      [
        "operations.csv: is a folder, not a file. Put the file itself under this name, or rename what is there.",
      ]
    `);
  });
});

describe('themes.yaml', () => {
  it('names an entry that is no theme, an unknown setting, a bad id, a parent that is the theme itself', () => {
    const yaml = [
      'themes:',
      '  - just words',
      '  - { id: wait, label: { en: Waiting }, keywords: { en: [wait] }, colour: red }',
      '  - { id: 9lives, label: { en: Cats }, keywords: { en: [cat] } }',
      '  - { id: staff, label: { en: Staff }, keywords: { en: [staff] }, parent: staff }',
    ].join('\n');
    expect(lines(parseThemes(yaml).problems)).toMatchInlineSnapshot(`
      [
        "themes.yaml:2: is not a theme. Each entry has id:, label: and keywords:.",
        "themes.yaml:3: key "colour": is not a theme setting. Theme settings are id, label, keywords and parent.",
        "themes.yaml:4: key "id": "9lives" is not a theme id. Give each theme an id of letters, digits, - and _, starting with a letter (it names the figures: themes.<id>).",
        "themes.yaml:5: key "parent": "staff" is the theme itself. Themes: wait, staff.",
      ]
    `);
  });

  it('says a label is not a map of language to value and keywords not a list', () => {
    expect(lines(parseThemes('themes:\n  - { id: wait, label: Waiting, keywords: { en: wait } }\n').problems)).toMatchInlineSnapshot(`
      [
        "themes.yaml:2: key "label": is not a map of language to value. Write e.g. label: { en: Waiting times, fr: Temps d’attente }.",
        "themes.yaml:2: key "keywords.en": is not a list of keywords. Write e.g. keywords: { en: [wait, queue, on hold] }.",
      ]
    `);
  });
});

describe('a report', () => {
  it('says a report without frontmatter, and frontmatter that is not YAML', () => {
    expect(lines(parseReport('x', 'content/reports/x.mdx', '# Title\n').problems)).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx:1: has no frontmatter. Start the file with --- title, company, dataset --- (see content/reports/demo.mdx).",
      ]
    `);
    expect(lines(parseReport('x', 'content/reports/x.mdx', '---\ntitle: [x\n---\n').problems)).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx:2: frontmatter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]. Check the indentation and the brackets and quotes on this line.",
      ]
    `);
  });

  it('says low_base below min_base, on the report’s line', async () => {
    const root = folder({ data: null });
    mkdirSync(join(root, 'data', 'x'));
    writeFileSync(join(root, 'data', 'x', 'questionnaire.yaml'), Q);
    writeFileSync(join(root, 'data', 'x', 'responses.csv'), R);
    const { report } = parseReport('x', 'content/reports/x.mdx', '---\ntitle: x\ncompany: x\ndataset: x\nmin_base: 30\nlow_base: 20\n---\n');
    expect(lines((await reportFigures(root, report)).problems)).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx:6: frontmatter "low_base": "20" is below min_base (30). low_base marks figures that are published, so it must be at least min_base (defaults: min_base 10, low_base 30).",
      ]
    `);
  });

  it('says the dataset names no folder under data/', async () => {
    const root = folder({ data: null });
    const { report } = parseReport('x', 'content/reports/x.mdx', '---\ntitle: x\ncompany: x\ndataset: nowhere\n---\n');
    expect(lines((await reportFigures(root, report)).problems)).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx:4: frontmatter "dataset": "nowhere" names no folder under data/. Create data/nowhere/ (npx gapreport new nowhere) or fix the name.",
      ]
    `);
  });

  it('lints a prop that takes no props, a boolean written with a value, a prop in braces', () => {
    const lint = (body: string) => lines(lintReport('content/reports/x.mdx', `---\ntitle: x\n---\n\n${body}\n`, figures));
    expect(lint('<GapModel metric="nps" />')).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx:5: <GapModel> metric: is not a prop of <GapModel>. <GapModel> takes no props.",
      ]
    `);
    expect(lint('<Metric id="nps.score" interval="yes" />')).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx:5: <Metric> interval: "yes" must be written bare (interval) or as interval={true} / interval={false}. Write <Metric … interval /> to turn it on; leave it out to turn it off.",
      ]
    `);
    expect(lint('<Metric id={"nps.score"} />')).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx:5: <Metric> id: "{"nps.score"}" must be a plain quoted string. Write id="…" with the value itself in quotes, not an expression in braces: id="nps.score".",
      ]
    `);
  });

  it('warns of a KPI value and status typed in prose, which the next build may change', () => {
    const kpi = figures.kpis[0];
    const value = metricText(figures, `kpis.${kpi.standard_id}.value`, formatters('en'), strings('en'));
    expect(value.kind).toBe('value');
    const text = value.kind === 'value' ? value.text : '';
    const { findings } = lintMdx('content/reports/x.mdx', `---\ntitle: x\n---\n\nThe standard reached ${text}, so it is ${kpi.status}.\n`, figures);
    expect(lines(findings)).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx:5: typed figure: "76.5%" is typed: it is the figure kpis.sl30.value (76.5%), which the next build may change. Write <Metric id="kpis.sl30.value" /> instead.",
        "content/reports/x.mdx:5: typed status: "at risk" is typed beside kpis.sl30: its status is the figure kpis.sl30.status, which the next build may change. Write <Metric id="kpis.sl30.status" /> instead.",
      ]
    `);
  });
});

describe('delivery and the build', () => {
  it('says recipients.csv is empty', () => {
    expect(lines(parseRecipients('', ['North'], 'branch').problems)).toMatchInlineSnapshot(`
      [
        "recipients.csv: is empty: it needs a header row.",
      ]
    `);
  });

  it('tells each I/O failure with what it means and what to do', () => {
    expect(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EBUSY', 'EXDEV', 'EIO', 'EMFILE', 'ENAMETOOLONG', 'EWHATEVER'].map((code) => describeIoError('write', 'dist/', code))).toMatchInlineSnapshot(`
      [
        "gapreport build: could not write dist/: the disk is full (ENOSPC). Free some space and build again.",
        "gapreport build: could not write dist/: the disk quota is exceeded (EDQUOT). Free some space and build again.",
        "gapreport build: could not write dist/: permission denied (EACCES). Make the folder writable for this user or choose another with --out.",
        "gapreport build: could not write dist/: the operation is not permitted (EPERM). Make the folder writable for this user or choose another with --out.",
        "gapreport build: could not write dist/: the folder is busy (a mount point or in use) (EBUSY). Stop what holds it, or choose another folder with --out.",
        "gapreport build: could not write dist/: it is on another file system (EXDEV). Choose a folder on the same disk with --out.",
        "gapreport build: could not write dist/: the disk reported an input/output error (EIO). Check the disk and build again.",
        "gapreport build: could not write dist/: too many files are open (EMFILE). Raise the open-file limit (ulimit -n) and build again.",
        "gapreport build: could not write dist/: the path is too long (ENAMETOOLONG). Choose a shorter folder with --out.",
        "gapreport build: could not write dist/ (EWHATEVER). Fix the cause and build again.",
      ]
    `);
  });
});
