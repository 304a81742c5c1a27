/**
 * `gapreport new <id> --from <export.csv>` (scripts/commands/new-from.ts): a questionnaire
 * proposed from a survey tool's export — the tool recognised, ratings named, segments and
 * dates — that validates as proposed on every tool's fixture export, for the analyst to review.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { recogniseTool } from '../../scripts/commands/new-from';
import { loadDataset } from '../../src/data/load-fs';
import { SOURCES } from '../../src/schemas/mapping';
import { formatProblem } from '../../src/schemas/problem';
import { removeProject, writeProject } from './project';

const EXPORTS = new URL('../fixtures/exports/', import.meta.url).pathname;
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeProject));
});

/** A project holding the tool's fixture export under exports/. */
async function projectWith(tool: string): Promise<string> {
  const dir = await writeProject({ 'content/reports/.keep': '' });
  dirs.push(dir);
  await mkdir(join(dir, 'exports'));
  await copyFile(join(EXPORTS, tool, 'export.csv'), join(dir, 'exports', `${tool}.csv`));
  return dir;
}

describe('gapreport new <report-id> --from <export.csv>', () => {
  it.each([...SOURCES])('proposes a questionnaire for a %s export that validates as it is, naming the tool', async (tool) => {
    const dir = await projectWith(tool);
    const io = memoryIo(dir);
    expect(await main(['new', 'acme', '--from', `exports/${tool}.csv`], io)).toBe(0);
    expect(io.stdout[3]).toBe(
      `  2. review data/acme/questionnaire.yaml, proposed from exports/${tool}.csv (scale, item dimensions, segments), then: npx gapreport validate data/acme`,
    );
    const yaml = await readFile(join(dir, 'data/acme/questionnaire.yaml'), 'utf8');
    expect(yaml).toMatch(new RegExp(`^source: ${tool} `, 'm'));
    expect(yaml).toContain(`files: { responses.csv: "../../exports/${tool}.csv" }`);
    const loaded = await loadDataset(join(dir, 'data/acme'));
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    // The ratings became nps and items, the branch a segment.
    expect(loaded.dataset!.questionnaire!.segments).toHaveLength(1);
    expect(loaded.dataset!.items.length).toBeGreaterThanOrEqual(2);
    expect(loaded.dataset!.responses!.every((r) => r.nps !== undefined)).toBe(true);
  });

  it('proposes a Qualtrics export line by line, each saying what it was read from', async () => {
    const dir = await projectWith('qualtrics');
    expect(await main(['new', 'acme', '--from', 'exports/qualtrics.csv'], memoryIo(dir))).toBe(0);
    expect(await readFile(join(dir, 'data/acme/questionnaire.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "# Proposed by \`gapreport new --from\` from ../../exports/qualtrics.csv: review every line, then run npx gapreport validate.
      source: qualtrics                # recognised from its headers: header rows, id, dates and completion rules
      files: { responses.csv: "../../exports/qualtrics.csv" }
      scale: { min: 1, max: 7 }            # the ratings seen run 1–7: check the questionnaire's real scale
      columns:
        nps: Q12                      # Q12 — How likely are you to recommend Acme to a friend or colleague? (0 = no
        overall: Q1                   # Q1 — Overall, how satisfied are you with Acme?
        p_keeps_its_promises: Q5_1    # Q5_1 — How would you rate Acme on each of the following? - Keeps its promises
        p_answers_quickly: Q5_2       # Q5_2 — How would you rate Acme on each of the following? - Answers quickly
        which_branch_did_you_visit: Q2 # Q2 — Which branch did you visit?
      items:                            # each rating as a perception item: set its SERVQUAL dimension, or group them under constructs:
        - { id: keeps_its_promises, dimension: reliability, text: "Keeps its promises" }   # review the dimension
        - { id: answers_quickly, dimension: reliability, text: "Answers quickly" }   # review the dimension
      segments: [which_branch_did_you_visit]   # answers with few values
      outcome: overall
      "
    `);
  });

  it('finds the blank-headed matrix rows of a SurveyMonkey export by their text', async () => {
    const dir = await projectWith('surveymonkey');
    expect(await main(['new', 'acme', '--from', 'exports/surveymonkey.csv'], memoryIo(dir))).toBe(0);
    expect(await readFile(join(dir, 'data/acme/questionnaire.yaml'), 'utf8')).toContain(
      'by_text:                          # the question text under the names\n  p_keeps_its_promises: "Keeps its promises"\n  p_answers_quickly: "Answers quickly"\n',
    );
  });

  it('recognises no tool in a plain CSV, and says so in the proposal', () => {
    expect(recogniseTool(['respondent_id', 'wave', 'nps'], [])).toBeUndefined();
    expect(recogniseTool(['ResponseId', 'Q1'], [['{"ImportId":"_recordId"}', '{"ImportId":"QID1"}']])).toBe('qualtrics');
  });

  it('refuses an export that cannot be read, writing nothing', async () => {
    const dir = await projectWith('qualtrics');
    const io = memoryIo(dir);
    expect(await main(['new', 'acme', '--from', 'exports/none.csv'], io)).toBe(2);
    expect(io.stderr).toEqual(['gapreport new: --from "exports/none.csv" is not a file that can be read.']);
  });
});
