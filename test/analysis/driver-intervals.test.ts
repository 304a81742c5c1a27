/**
 * Bootstrap intervals on the key drivers (issue 14): seeded, so the same data give the same
 * figures; every engine hands over the same covariance, so every engine gives the same
 * intervals; a driver whose coefficient's interval holds 0 is marked no_clear_effect.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildDataset } from '../../src/data/dataset';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { wishartBootstrapDrivers } from '../../src/stats/wishart';
import type { Figures } from '../../src/schemas/figures';
import { driverMatrix, NO_CLEAR_EFFECT_MARK } from '../../src/charts/driver-matrix';
import { chartLabels } from '../../src/i18n';

const ref = JSON.parse(readFileSync(new URL('../reference/significance_expected.json', import.meta.url), 'utf8'));

function figures(extra = ''): Figures {
  const loaded = buildDataset({ name: 'intervals', texts: { 'questionnaire.yaml': ref.questionnaire + extra, 'responses.csv': ref.responses } });
  expect(loaded.problems).toEqual([]);
  return analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({})).figures!;
}

describe('drivers.r2_ci95, items[].share_ci95, beta_ci95, no_clear_effect', () => {
  it('publishes percentile intervals around R² and each share, with the method, replicates and seed', () => {
    const d = figures().drivers;
    if (d.status !== 'measured') throw new Error('drivers not measured');
    expect(d.bootstrap).toEqual({ method: 'wishart', replicates: 1000, used: 1000, seed: 20001114 });
    expect(d.r2_ci95![0]).toBeLessThan(d.r2);
    expect(d.r2_ci95![1]).toBeGreaterThan(d.r2);
    for (const item of d.items) {
      expect(item.share_ci95![0]).toBeLessThan(item.share);
      expect(item.share_ci95![1]).toBeGreaterThan(item.share);
      expect(item.no_clear_effect).toBe(item.beta_ci95![0] <= 0 && item.beta_ci95![1] >= 0);
    }
    // An R² of 0.05 on 146 cases: neither coefficient's interval clears 0 (responsiveness only just: −0.002 … 0.34).
    expect(d.items.map((i) => [i.driver, i.no_clear_effect])).toEqual([
      ['reliability', true],
      ['responsiveness', true],
    ]);
    expect(d.items[1].beta_ci95![1]).toBeGreaterThan(0.3);
  });

  it('is the same on every run, and follows statistics.bootstrap_replicates', () => {
    expect(figures().drivers).toEqual(figures().drivers);
    const d = figures('statistics: { bootstrap_replicates: 500 }\n').drivers;
    expect(d.status === 'measured' && d.bootstrap).toEqual({ method: 'wishart', replicates: 500, used: 500, seed: 20001114 });
  });

  it('refuses fewer than 500 replicates, naming the setting', () => {
    const loaded = buildDataset({
      name: 'x',
      texts: { 'questionnaire.yaml': ref.questionnaire + 'statistics: { bootstrap_replicates: 100 }\n', 'responses.csv': ref.responses },
    });
    expect(loaded.problems.map((p) => p.message).join('\n')).toContain('statistics.bootstrap_replicates');
  });

  it('repeats the headline intervals in the report wave of waves[]', () => {
    const f = figures();
    expect(f.waves.find((w) => w.wave === f.meta.wave)!.drivers).toEqual(f.drivers);
  });

  it('comes from the covariance alone, as every engine accumulates it', () => {
    // Two covariances equal to 1e-12 (what engines agree to) give intervals equal to about that.
    const cov = [
      [1, 0.3, 0.5],
      [0.3, 1, 0.4],
      [0.5, 0.4, 1],
    ];
    const nudged = cov.map((row) => row.map((x) => x * (1 + 1e-12)));
    const a = wishartBootstrapDrivers(cov, 200, 500)!;
    const b = wishartBootstrapDrivers(nudged, 200, 500)!;
    a.shares.flat().forEach((x, i) => expect(Math.abs(x - b.shares.flat()[i])).toBeLessThan(1e-9));
  });

  it("draws each share's interval in the driver matrix and marks a driver with no clear effect, in every locale", () => {
    const d = figures().drivers;
    const chart = driverMatrix(d, { id: 'drivers', layout: 'wide' });
    // One line and two end ticks per driver.
    expect(chart.svg.match(/stroke-width="1.5"/g)?.length).toBe(3 * 2);
    expect(chart.svg).toContain(`reliability ${NO_CLEAR_EFFECT_MARK}`);
    expect(chart.description).toContain('Lines: bootstrap 95 % intervals of each share (1,000 replicates).');
    expect(chart.description).toContain('° no clear effect (the 95 % interval of its coefficient holds 0): reliability, responsiveness.');
    expect(chart.table.rows[0][1]).toMatch(/^\d+% \(\d+%–\d+%\) °$/);
    for (const locale of ['fr', 'vi'] as const) {
      const local = driverMatrix(d, { id: 'drivers', layout: 'wide', labels: chartLabels(locale).driverMatrix });
      expect(local.description).toContain(chartLabels(locale).driverMatrix.intervals.slice(0, 8));
    }
  });
});
