/**
 * Survey weighting against R's survey package (test/reference/weights.R → weights_expected.json):
 * post-stratification, raking, raking with trimming and a weight column, each through the
 * whole pipeline (questionnaire.yaml → figures), to 1e-9: the weights (per weighting cell and
 * their range), Σw, Kish's n_eff and deff, and the weighted NPS, shares and means. R's own
 * per-estimate deff (r_deff_*) is a different figure and is not compared (see weights.R).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { loadDataset } from '../../src/data/load-fs';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { Figures } from '../../src/schemas/figures';
import { rake, trimWeights } from '../../src/stats/weights-calibration';

const HERE = new URL('./', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(HERE, 'weights_expected.json'), 'utf8'));
const csv = readFileSync(join(HERE, 'weighting/responses.csv'), 'utf8');
const withoutWeight = csv.replace(/,[^,\n]*$/gm, '');
const root = mkdtempSync(join(tmpdir(), 'gapreport-weights-ref-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ITEMS = 'scale: { min: 1, max: 7 }\nsegments: [region, age, channel]\nitems:\n  - { id: speed, dimension: responsiveness, text: Speed }\n  - { id: care, dimension: empathy, text: Care }\n';
const shares = (t: Record<string, number>) => `{ ${Object.entries(t).map(([k, v]) => `"${k}": ${v}`).join(', ')} }`;
const targets = (vars: string[]) => `  targets:\n${vars.map((v) => `    ${v}: ${shares(expected.targets[v])}`).join('\n')}\n`;
const CASES: Record<string, { yaml: string; csv: string }> = {
  unweighted: { yaml: ITEMS, csv: withoutWeight },
  post_stratification: { yaml: `${ITEMS}weighting:\n  method: post-stratification\n${targets(['region'])}`, csv: withoutWeight },
  raking: { yaml: `${ITEMS}weighting:\n  method: raking\n${targets(['region', 'age'])}  tolerance: 1e-13\n  max_iterations: 1000\n`, csv: withoutWeight },
  raking_trimmed: {
    yaml: `${ITEMS}weighting:\n  method: raking\n${targets(['region', 'age'])}  tolerance: 1e-13\n  max_iterations: 1000\n  trim: { lower: ${expected.trim.lower}, upper: ${expected.trim.upper} }\n`,
    csv: withoutWeight,
  },
  column: { yaml: ITEMS, csv },
};

async function figuresOf(name: string): Promise<Figures> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'questionnaire.yaml'), CASES[name].yaml);
  writeFileSync(join(dir, 'responses.csv'), CASES[name].csv);
  const loaded = await loadDataset(dir);
  expect(loaded.problems).toEqual([]);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({ min_base: 1, low_base: 1 }));
  expect(result.problems).toEqual([]);
  return result.figures!;
}

const close = (actual: number | undefined, wanted: number) => expect(Math.abs((actual ?? NaN) - wanted)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
const value = <T extends { suppressed: boolean }>(f: T | undefined): Extract<T, { suppressed: false }> => {
  if (!f || f.suppressed) throw new Error('figure missing');
  return f as Extract<T, { suppressed: false }>;
};

describe.each(Object.keys(CASES))('the %s case matches R survey (1e-9)', (name) => {
  const r = expected.cases[name];

  it('weights NPS and its shares, CSAT top-2-box and mean, CES, overall and the item means as svymean', async () => {
    const f = await figuresOf(name);
    const nps = value(f.nps);
    close(nps.score, r.nps_score);
    close(nps.promoters, r.promoters);
    close(nps.detractors, r.detractors);
    close(value(f.csat).top2box, r.csat_top2box);
    close(value(f.csat).mean, r.csat_mean);
    close(value(f.ces).mean, r.ces_mean);
    close(value(f.overall).mean, r.overall_mean);
    const item = (id: string) => value(f.servqual!.items.find((i) => i.item === id)!.figure);
    close(item('speed').perception, r.speed_perception);
    close(item('speed').expectation, r.speed_expectation);
    close(item('care').gap, r.care_gap);
  });

  it("gives the bases R's weights give: Σw, n_eff = (Σw)²/Σw², Kish deff = n·Σw²/(Σw)²", async () => {
    const f = await figuresOf(name);
    expect(f.n).toBe(r.n);
    if (name === 'unweighted') {
      expect(f.meta.weighting).toBeUndefined();
      expect(f.deff).toBeUndefined();
      return;
    }
    close(f.weighted_n, r.weighted_n);
    close(f.n_eff, r.n_eff);
    close(f.deff, r.kish_deff);
    const wave = f.meta.weighting!.waves[0];
    close(wave.deff, r.kish_deff);
    close(wave.n_eff, r.n_eff);
  });
});

describe.each([
  ['post_stratification', ['region'], false],
  ['raking', ['region', 'age'], false],
  ['raking_trimmed', ['region', 'age'], true],
] as const)('the %s weights', (name, vars, trimmed) => {
  it("are R's, cell by cell, from the cell table alone (rake, trimWeights), and span R's range in the figures", async () => {
    const rows = withoutWeight.trim().split('\n').slice(1).map((l) => l.split(','));
    const column = { region: 2, age: 3 };
    const levels = vars.map((v) => Object.keys(expected.targets[v]));
    const keys = [...new Set(rows.map((x) => `${x[2]}|${x[3]}`))].sort();
    const cells = keys.map((key) => {
      const [region, age] = key.split('|');
      const at = vars.map((v, i) => levels[i].indexOf(v === 'region' ? region : age));
      return { key, at, n: rows.filter((x) => x[column.region] === region && x[column.age] === age).length };
    });
    const margins = vars.map((v) => Object.values(expected.targets[v] as Record<string, number>));
    const raked = rake(cells, margins, { maxIterations: 1000, tolerance: 1e-13 });
    expect(raked.converged).toBe(true);
    const weights = trimmed ? trimWeights(cells, raked.weights, expected.trim.lower, expected.trim.upper).weights : raked.weights;
    expect(cells).toHaveLength(9);
    cells.forEach((c, i) => close(weights[i], expected.cases[name].cell_weights[c.key]));
    const wave = (await figuresOf(name)).meta.weighting!.waves[0];
    close(wave.weight_min, expected.cases[name].weight_min);
    close(wave.weight_max, expected.cases[name].weight_max);
    expect(wave.converged).toBe(true);
    expect(wave.max_margin_error!).toBeLessThan(trimmed ? 0.1 : 1e-12);
    if (trimmed) expect(wave.trimmed).toBeGreaterThan(0);
  });
});
