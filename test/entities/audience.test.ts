/**
 * Audience builds, pure (issue 15 item 5): which entities an audience holds, and a `per:`
 * report's figures cut to them — no other audience's entity in the entities, the spread, the
 * breakdowns or the labels, the report's totals unchanged.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { audienceCut } from '../../src/build/audience-fs';
import { formatProblem } from '../../src/schemas/problem';
import { audienceFigures, audienceMembers, parseAudience } from '../../src/build/audience';
import { QUESTIONNAIRE, chainFigures } from './chain-case';

const answers = (n: number, nps: number, p: number): [string, number, number][] => Array.from({ length: n }, () => ['2026-Q1', nps, p]);
// Ripon and Whitby are under min_base and complement each other (3 + 8), so no published branch is suppressed to hide one.
const figures = chainFigures({
  Leeds: answers(12, 8, 4),
  York: answers(12, 6, 3),
  Hull: answers(12, 10, 5),
  Ripon: answers(3, 10, 5),
  Whitby: answers(8, 9, 4),
});
// chain-case puts every respondent in region North; the audience reads membership from the responses handed to it.
const responses = [
  { segments: { region: 'North', branch: 'Leeds' } },
  { segments: { region: 'North', branch: 'York' } },
  { segments: { region: 'North', branch: 'Ripon' } },
  { segments: { region: 'East', branch: 'Hull' } },
  { segments: { region: 'East', branch: 'Whitby' } },
];
const north = { segment: 'region', value: 'North' };

describe('audience builds', () => {
  it('reads --audience as segment=value, and refuses anything else with the usage', () => {
    expect(parseAudience('region = North')).toEqual(north);
    expect(parseAudience('North')).toBe('gapreport build: --audience takes segment=value, e.g. --audience region=North (got "North").');
    expect(parseAudience('region=')).toBe('gapreport build: --audience takes segment=value, e.g. --audience region=North (got "region=").');
  });

  it('exits 2 on a malformed --audience before building anything', async () => {
    const io = memoryIo('/nonexistent');
    expect(await main(['build', '--audience', 'North'], io)).toBe(2);
    expect(io.stderr[0].split('\n')[0]).toBe('gapreport build: --audience takes segment=value, e.g. --audience region=North (got "North").');
  });

  it('counts as the audience’s the entities with a response in it', () => {
    expect([...audienceMembers(responses, 'branch', north)].sort()).toEqual(['Leeds', 'Ripon', 'York']);
  });

  it('keeps only the audience’s entities, withheld ones included, and recomputes the spread over them', () => {
    const cut = audienceFigures(figures, north, audienceMembers(responses, 'branch', north));
    expect(Object.keys(cut.entities!.values).sort()).toEqual(['Leeds', 'Ripon', 'York']);
    expect(cut.entities!.values.Ripon.withheld).toBe(true);
    // Hull has the chain's best NPS; the North audience's best is Leeds, over two entities.
    expect(figures.entities!.consistency.nps.best).toBe('Hull');
    expect([cut.entities!.consistency.nps.best, cut.entities!.consistency.nps.entities]).toEqual(['Leeds', 2]);
    expect(JSON.stringify(cut)).not.toContain('Hull');
  });

  it('cuts the breakdown by entity and by the audience’s segment to the audience, and keeps the report’s totals', () => {
    const east = { segment: 'region', value: 'East' };
    const cut = audienceFigures(figures, east, audienceMembers(responses, 'branch', east));
    expect(Object.keys(cut.segments.branch).sort()).toEqual(
      Object.keys(figures.segments.branch)
        .filter((b) => ['Hull', 'Whitby'].includes(b))
        .sort(),
    );
    expect(Object.keys(cut.segments.region)).toEqual([]);
    expect([cut.n, cut.nps]).toEqual([figures.n, figures.nps]);
    for (const name of ['Leeds', 'York', 'Ripon']) expect(JSON.stringify(cut)).not.toContain(name);
  });
});

describe('an audience the data does not hold', () => {
  it('is a problem naming the file, with a did-you-mean, for an undeclared segment or a value no response has', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gapreport-audience-'));
    try {
      await mkdir(join(root, 'data/case'), { recursive: true });
      await writeFile(join(root, 'data/case/questionnaire.yaml'), QUESTIONNAIRE);
      await writeFile(join(root, 'data/case/responses.csv'), 'respondent_id,wave,region,branch,nps,e_r1,p_r1\nR1,2026-Q1,North,Leeds,9,4,4\n');
      const reports = [{ id: 'case', dataset: 'case', per: 'branch', figures }];
      const problems = async (segment: string, value: string) => (await audienceCut(root, reports, { segment, value })).problems.map(formatProblem);
      expect(await problems('regoin', 'North')).toEqual(['data/case/questionnaire.yaml: declares no segment "regoin" for --audience. Did you mean region?']);
      expect(await problems('region', 'Nort')).toEqual([
        'data/case/responses.csv: column "region": "Nort" is in no response, so that audience has no entity. Did you mean North?',
      ]);
      expect((await audienceCut(root, reports, north)).figures.get('case')?.entities?.values).toHaveProperty('Leeds');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
