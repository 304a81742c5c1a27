/**
 * Survey weights (responses.csv's `weight` column) in every engine: memory, stream and duckdb
 * give the same weighted figures, effective bases and weighting report (1e-9), the duckdb
 * engine by SQL; a missing or zero weight is the same worded problem in all three.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../../src/engines/run-fs';
import { figuresFrom } from '../../src/analysis/analyze';
import { loadDatasetStreaming } from '../../src/stream/load-stream-fs';
import { differences, memoryPath, OPTIONS, texts } from '../perf/compare';
import { Q, tempDatasets } from './dataset';

const dataset = tempDatasets('gapreport-weights-');
const HEADER = 'respondent_id,wave,e_speed,p_speed,e_care,p_care,nps,csat,ces,overall,region,weight';
const row = (i: number) =>
  [
    `r${i}`,
    i % 3 === 0 ? '2026-Q2' : '2026-Q3',
    1 + (i % 7),
    1 + ((i * 3) % 7),
    1 + ((i * 5) % 7),
    i % 9 === 4 ? '' : 1 + ((i * 2) % 7),
    i % 11,
    1 + (i % 5),
    1 + ((i * 5) % 7),
    1 + ((i * 3 + 1) % 7),
    ['north', 'south', 'east'][i % 3 === 0 ? (i >> 1) % 3 : i % 3],
    (0.4 + ((i * 7) % 10) / 4).toFixed(3),
  ].join(',');
const responses = (n: number, r = row) => `${HEADER}\n${Array.from({ length: n }, (_, i) => r(i)).join('\n')}\n`;
const questionnaire = `${Q}segments: [region]\n`;

async function threeEngines(dir: string) {
  const memory = await memoryPath(dir);
  const stream = await analyzeWith('stream', dir, OPTIONS);
  const duck = await analyzeWith('duckdb', dir, OPTIONS);
  return { memory, stream, duck };
}

describe('a weight column', () => {
  const dir = dataset('weighted', { 'questionnaire.yaml': questionnaire, 'responses.csv': responses(240) });

  it('gives the same weighted figures in the memory, stream and duckdb engines (duckdb by SQL)', async () => {
    const { memory, stream, duck } = await threeEngines(dir);
    expect(memory.problems).toEqual([]);
    expect(duck.fallback).toBeUndefined();
    expect(duck.figures?.meta.engine).toBe('duckdb');
    expect(differences(memory.figures, stream.figures)).toEqual([]);
    expect(differences(memory.figures, duck.figures)).toEqual([]);
    expect(memory.figures?.meta.weighting?.waves.map((w) => w.wave)).toEqual(['2026-Q2', '2026-Q3']);
  });

  it('weights NPS, means and the segment figures by Σw·x/Σw, with Kish n_eff = (Σw)²/Σw² and deff = n·Σw²/(Σw)²', async () => {
    const { memory } = await threeEngines(dir);
    const f = memory.figures!;
    const rows = Array.from({ length: 240 }, (_, i) => row(i).split(',')).filter((r) => r[1] === '2026-Q3');
    const w = rows.map((r) => Number(r[11]));
    const sw = w.reduce((a, b) => a + b, 0);
    const sw2 = w.reduce((a, b) => a + b * b, 0);
    const share = (pred: (r: string[]) => boolean) => rows.reduce((a, r, i) => a + (pred(r) ? w[i] : 0), 0) / sw;
    const nps = 100 * (share((r) => Number(r[6]) >= 9) - share((r) => Number(r[6]) <= 6));
    expect(f.nps?.suppressed === false && f.nps.score).toBeCloseTo(nps, 10);
    expect(f.nps?.suppressed === false && f.nps.n_eff).toBeCloseTo((sw * sw) / sw2, 10);
    expect(f.n_eff).toBeCloseTo((sw * sw) / sw2, 10);
    expect(f.deff).toBeCloseTo((rows.length * sw2) / (sw * sw), 10);
    expect(f.weighted_n).toBeCloseTo(sw, 10);
    expect(f.ces?.suppressed === false && f.ces.mean).toBeCloseTo(rows.reduce((a, r, i) => a + w[i] * Number(r[8]), 0) / sw, 10);
    const south = rows.map((r, i) => [r, w[i]] as const).filter(([r]) => r[10] === 'south');
    const nw = south.reduce((a, [, x]) => a + x, 0);
    expect(f.segments.region.south.overall?.suppressed === false && f.segments.region.south.overall.mean).toBeCloseTo(
      south.reduce((a, [r, x]) => a + x * Number(r[9]), 0) / nw,
      10,
    );
    expect(f.meta.weighting?.waves[1]).toMatchObject({ wave: '2026-Q3', n: rows.length });
    // The changes compare the weighted wave figures, on their effective bases.
    const change = (metric: string) => f.changes.find((c) => c.metric === metric)!;
    const score = (g: { nps?: unknown }) => (g.nps as { score: number }).score;
    expect(change('nps.score').from_value).toBeCloseTo(score(f.waves[0]), 10);
    expect(change('nps.score').to_value).toBeCloseTo(score(f), 10);
    expect(change('ces.mean').to_value).toBeCloseTo((f.ces as { mean: number }).mean, 10);
    expect(change('csat.top2box').to_value).toBeCloseTo((f.csat as { top2box: number }).top2box, 10);
    // The segment test's rest is weighted too: south's CES against the weighted CES of the other values.
    const rest = rows.map((r, i) => [r, w[i]] as const).filter(([r]) => r[10] !== 'south');
    const vs = f.segments.region.south.ces?.suppressed === false ? f.segments.region.south.ces.vs_rest : undefined;
    expect(vs?.rest).toBeCloseTo(rest.reduce((a, [r, x]) => a + x * Number(r[8]), 0) / rest.reduce((a, [, x]) => a + x, 0), 10);
  });

  it('widens the margin of error by √deff against the same answers unweighted (the effective base is smaller)', async () => {
    const plain = dataset('unweighted-twin', {
      'questionnaire.yaml': questionnaire,
      'responses.csv': responses(240)
        .replace(/,[0-9.]+$/gm, ',1')
        .replace(',weight\n', ',weight\n'),
    });
    const weighted = (await memoryPath(dir)).figures!;
    const ones = (await memoryPath(plain)).figures!;
    expect(ones.deff).toBe(1);
    const moe = (f: typeof weighted) => (f.overall?.suppressed === false ? f.overall.ci95![1] - f.overall.mean : NaN);
    expect(weighted.deff!).toBeGreaterThan(1.05);
    expect(moe(weighted) / moe(ones)).toBeGreaterThan(1);
  });
});

describe('a weight that is missing or 0', () => {
  it.each([
    ['missing', '', 'responses.csv:3: column "weight": "" has no survey weight. Give every respondent a positive survey weight, or drop the weight column.'],
    ['zero', '0', 'responses.csv:3: column "weight": "0" is a survey weight of 0. Give every respondent a positive survey weight, or drop the weight column.'],
    ['negative', '-1', 'responses.csv:3: column "weight": "-1" is below 0.'],
  ])('is the same problem in every engine (%s)', async (name, value, message) => {
    const dir = dataset(`bad-${name}`, {
      'questionnaire.yaml': questionnaire,
      'responses.csv': responses(30, (i) => (i === 1 ? row(i).replace(/,[0-9.]+$/, `,${value}`) : row(i))),
    });
    const { memory, stream, duck } = await threeEngines(dir);
    expect(memory.problems).toEqual([message]);
    expect(texts(stream.problems)).toEqual(memory.problems);
    expect(texts(duck.problems)).toEqual(memory.problems);
  });
});

describe('weighting declared in questionnaire.yaml', () => {
  const reference = readFileSync(new URL('../reference/weighting/responses.csv', import.meta.url), 'utf8')
    .replace(/,[^,\n]*$/gm, '')
    .split('\n')
    .map((l, i) => (i > 0 && i % 3 === 0 ? l.replace(',2026-Q3,', ',2026-Q2,') : l))
    .join('\n');
  const raking =
    'scale: { min: 1, max: 7 }\nsegments: [region, age, channel]\nitems:\n  - { id: speed, dimension: responsiveness, text: Speed }\n  - { id: care, dimension: empathy, text: Care }\n' +
    'weighting:\n  method: raking\n  targets:\n    region: { North: 0.35, South: 0.35, East: 0.3 }\n    age: { "18-34": 0.3, "35-54": 0.4, "55+": 0.3 }\n  trim: { lower: 0.5, upper: 1.6 }\n';

  it('gives the same raked and trimmed figures, per wave and segment, in the memory, stream and duckdb engines (duckdb by SQL)', async () => {
    const dir = dataset('raking', { 'questionnaire.yaml': raking, 'responses.csv': reference });
    const { memory, stream, duck } = await threeEngines(dir);
    expect(memory.problems).toEqual([]);
    expect(duck.fallback).toBeUndefined();
    expect(differences(memory.figures, stream.figures)).toEqual([]);
    expect(differences(memory.figures, duck.figures)).toEqual([]);
    const report = memory.figures!.meta.weighting!;
    expect(report).toMatchObject({ method: 'raking', variables: ['region', 'age'], trim: { lower: 0.5, upper: 1.6 } });
    expect(report.waves.map((w) => [w.wave, w.converged, w.weight_max! <= 1.6 + 1e-12])).toEqual([
      ['2026-Q2', true, true],
      ['2026-Q3', true, true],
    ]);
    expect(Object.keys(memory.figures!.segments.channel).sort()).toEqual(['phone', 'web']);
    expect(memory.figures!.segments.channel.web.deff).toBeGreaterThan(1);
  });

  it('weighs the nps drivers kept aside when the outcome is settled at the end (no overall column), alike in every engine', async () => {
    const noOverall = reference
      .split('\n')
      .map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== 12)
          .join(','),
      )
      .join('\n');
    const dir = dataset('raking-nps-outcome', { 'questionnaire.yaml': raking, 'responses.csv': noOverall });
    const { memory, stream, duck } = await threeEngines(dir);
    expect(memory.problems).toEqual([]);
    expect(memory.figures!.drivers).toMatchObject({ status: 'measured', outcome: 'nps' });
    expect(duck.fallback).toBeUndefined();
    expect(differences(memory.figures, stream.figures)).toEqual([]);
    expect(differences(memory.figures, duck.figures)).toEqual([]);
  });

  it('folds the cells across worker threads: the file cut in four ranges gives the figures of one pass (1e-9)', async () => {
    const dir = dataset('raking-split', { 'questionnaire.yaml': raking, 'responses.csv': reference });
    const memory = await memoryPath(dir);
    const breaks = [...reference.matchAll(/\n/g)].map((m) => m.index! + 1);
    const cuts = [0.2, 0.45, 0.8].map((f) => breaks[Math.floor(f * breaks.length)]);
    const loaded = await loadDatasetStreaming(dir, { threads: true, cuts });
    const split = figuresFrom(loaded.dataset!, loaded.source!, OPTIONS);
    expect(split.problems).toEqual([]);
    expect(differences(memory.figures, split.figures)).toEqual([]);
    expect(split.figures!.meta.weighting!.method).toBe('raking');
  });

  it('names a value without a population share, a share without respondents, and a weight column as well', async () => {
    const noShare = dataset('no-share', { 'questionnaire.yaml': raking.replace(', East: 0.3', ', West: 0.3'), 'responses.csv': reference });
    expect((await memoryPath(noShare)).problems).toEqual([
      'questionnaire.yaml: key "weighting.targets.region": "East" has respondents in wave 2026-Q2 but no population share. Add its share under weighting.targets.region, or recode it to a listed value.',
      'questionnaire.yaml: key "weighting.targets.region": "West" has a population share but no respondent in wave 2026-Q2, so no weight can give it its share. Merge it with a neighbouring value in a new segment column, or drop it from targets: and rescale the shares.',
      'questionnaire.yaml: key "weighting.targets.region": "East" has respondents in wave 2026-Q3 but no population share. Add its share under weighting.targets.region, or recode it to a listed value.',
      'questionnaire.yaml: key "weighting.targets.region": "West" has a population share but no respondent in wave 2026-Q3, so no weight can give it its share. Merge it with a neighbouring value in a new segment column, or drop it from targets: and rescale the shares.',
    ]);
    const both = dataset('both', {
      'questionnaire.yaml': raking,
      'responses.csv': readFileSync(new URL('../reference/weighting/responses.csv', import.meta.url), 'utf8'),
    });
    expect((await memoryPath(both)).problems[0]).toBe(
      'responses.csv: column "weight": is a weight column, and questionnaire.yaml declares weighting: as well. Use one: drop the weight column, or remove weighting: from questionnaire.yaml.',
    );
  });

  it('refuses weighting to a variable that is not a segment, and shares that do not sum to 1', async () => {
    const dir = dataset('bad-targets', {
      'questionnaire.yaml': raking.replace('segments: [region, age, channel]', 'segments: [region, channel]').replace('East: 0.3', 'East: 0.2'),
      'responses.csv': reference,
    });
    expect((await memoryPath(dir)).problems).toEqual([
      'questionnaire.yaml:9: the population shares of "region" sum to 0.9, not 1. Give each value its share of the population as a fraction; the shares of a variable sum to 1.',
      'questionnaire.yaml:10: "age" is not a segment. Weighting variables are segments: add "age" to segments:, or remove it from targets:.',
    ]);
  });
});
