/**
 * The weighting figures reach the downloads as the others do: FiguresSchema keeps them
 * (figures.json is the parsed figures), figures.csv lists each under its figure id, and a
 * suppressed figure carries no effective base (only `suppressed` and `n`, as every withheld figure).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { figuresCsv } from '../../src/build/figures-csv';
import { loadDataset } from '../../src/data/load-fs';
import { FiguresSchema } from '../../src/schemas/figures';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const csv = readFileSync(new URL('../reference/weighting/responses.csv', import.meta.url), 'utf8').replace(/,[^,\n]*$/gm, '');
const root = mkdtempSync(join(tmpdir(), 'gapreport-weighting-downloads-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const Q =
  'scale: { min: 1, max: 7 }\nsegments: [region, age, channel]\nitems:\n  - { id: speed, dimension: responsiveness, text: Speed }\n  - { id: care, dimension: empathy, text: Care }\n' +
  'weighting:\n  method: post-stratification\n  targets:\n    region: { North: 0.35, South: 0.35, East: 0.3 }\n';

async function figures(minBase: number) {
  const dir = join(root, `min-${minBase}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'questionnaire.yaml'), Q);
  writeFileSync(join(dir, 'responses.csv'), csv);
  const loaded = await loadDataset(dir);
  return analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({ min_base: minBase, low_base: Math.max(30, minBase) })).figures!;
}

describe('weighting figures in the downloads', () => {
  it('survive the FiguresSchema parse whole and are rows of figures.csv under their ids', async () => {
    const f = await figures(10);
    const parsed = FiguresSchema.parse(JSON.parse(JSON.stringify(f)));
    expect(parsed.meta.weighting).toEqual(f.meta.weighting);
    expect(parsed.nps).toEqual(f.nps);
    expect(parsed.segments.channel.web.deff).toBe(f.segments.channel.web.deff);
    const rows = new Map(
      figuresCsv(parsed)
        .trim()
        .split('\r\n')
        .map((r) => r.split(',') as [string, string]),
    );
    for (const id of [
      'n_eff',
      'deff',
      'weighted_n',
      'nps.n_eff',
      'ces.n_eff',
      'servqual.dimensions.empathy.n_eff',
      'meta.weighting.method',
      'meta.weighting.waves.2026-Q3.deff',
      'meta.weighting.waves.2026-Q3.max_margin_error',
      'segments.region.East.n_eff',
    ])
      expect(rows.has(id), id).toBe(true);
    expect(rows.get('meta.weighting.method')).toBe('post-stratification');
  });

  it('withholds a suppressed figure with its n only, and a group under min_base its Σw, n_eff and deff', async () => {
    const f = await figures(80);
    const east = f.segments.region.East;
    expect(east.nps).toEqual({ suppressed: true, n: 68 });
    expect(figuresCsv(f)).not.toContain('segments.region.East.nps.n_eff');
    expect([east.n, east.n_eff, east.deff, east.weighted_n]).toEqual([68, undefined, undefined, undefined]);
    expect(f.segments.region.North.deff).toBeCloseTo(1, 12);
  });
});
