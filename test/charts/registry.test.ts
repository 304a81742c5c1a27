/**
 * The chart registry (src/charts/registry.ts) is the one list of chart types: every builder in
 * src/charts is on it, every entry is drawn by the narrow and golden tests, and the locales'
 * `charts` block is composed from it, so a chart's labels are declared once, beside its builder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHARTS, CHART_LABEL_SCHEMAS, type ChartType } from '../../src/charts/registry';
import { ChartLabelsSchema } from '../../src/i18n/schema-charts';
import { translationProblems } from '../../src/i18n/schema';
import { TRANSLATIONS } from '../../src/i18n';
import { CASES } from './cases';
import { NARROW_WIDTH, textWidth } from '../../src/charts/svg';

const DIR = new URL('../../src/charts/', import.meta.url);
const entries = Object.entries(CHARTS as Record<string, ChartType>);

/**
 * Chart types not yet in cases.ts, each with the reason. themeShares: its narrow layout runs the
 * axis caption past the 340-unit drawing (430 units at 11), which the narrow test would refuse;
 * the fix changes the built guide, so it waits for the chart's owner (see the next test).
 */
const NOT_YET_DRAWN: Record<string, string> = {};

/** The files of src/charts that draw a chart: they close an <svg> with svgRoot. */
const builderFiles = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'svg.ts')
  .filter((f) => /\bsvgRoot\(/.test(readFileSync(new URL(f, DIR), 'utf8')));

describe('the chart registry', () => {
  it('lists every chart builder of src/charts, under the kind its SVG carries', async () => {
    expect(builderFiles.length).toBeGreaterThan(0);
    for (const file of builderFiles) {
      const module = (await import(`../../src/charts/${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>;
      const registered = entries.filter(([, chart]) => Object.values(module).includes(chart.draw));
      expect(
        registered.map(([key]) => key),
        `${file} draws a chart: add it to src/charts/registry.ts`,
      ).toHaveLength(1);
      const kinds = [...readFileSync(new URL(file, DIR), 'utf8').matchAll(/kind: '([a-z-]+)'/g)].map((m) => m[1]);
      expect(kinds, file).toContain(registered[0][1].kind);
    }
    expect(entries).toHaveLength(builderFiles.length);
  });

  it('has a case in test/charts/cases.ts for every chart type, so each is drawn in both layouts and held by a golden file', () => {
    const drawn = new Set(Object.values(CASES).map((build) => /class="gr-chart gr-chart--([a-z-]+)"/.exec(build().svg)?.[1]));
    for (const [key, chart] of entries) expect(drawn.has(chart.kind), `${key}: add a case to test/charts/cases.ts`).toBe(!(key in NOT_YET_DRAWN));
  });

  it('composes the locales’ charts block from the label schemas declared beside the builders', () => {
    const labelled = entries.filter(([, chart]) => chart.labels).map(([key]) => key);
    expect(Object.keys(ChartLabelsSchema.shape)).toEqual(labelled);
    for (const key of labelled)
      expect(ChartLabelsSchema.shape[key as keyof typeof CHART_LABEL_SCHEMAS]).toBe(CHARTS[key as keyof typeof CHART_LABEL_SCHEMAS].labels);
  });

  it('fails a locale that lacks a registered chart’s labels, naming the chart and the file', () => {
    const { themeShares: _dropped, ...charts } = TRANSLATIONS.fr.charts;
    expect(translationProblems('fr', { ...TRANSLATIONS.fr, charts })).toEqual([
      'fr: charts.themeShares is missing. Add it to src/i18n/locales/fr.ts (no key falls back to English).',
    ]);
  });

  it('fails a locale whose chart labels miss a key of the chart’s own schema', () => {
    const { caption: _dropped, ...dotLess } = TRANSLATIONS.vi.charts.gapModel;
    expect(translationProblems('vi', { ...TRANSLATIONS.vi, charts: { ...TRANSLATIONS.vi.charts, gapModel: dotLess } })).toEqual([
      'vi: charts.gapModel.caption is missing. Add it to src/i18n/locales/vi.ts (no key falls back to English).',
    ]);
  });
});
