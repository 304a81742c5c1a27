/**
 * A chart's MDX component is declared beside its builder (src/charts/component.ts) and carried on
 * its registry line; the components' schemas, the MDX lint's registry and report MDX take it from
 * there, and ChartComponent.astro draws what its `select` returns. These tests hold the pure half:
 * every declared component is one of the components, selects a drawable input from real figures,
 * and says why instead of drawing empty axes.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS, CHART_COMPONENTS, type ChartType } from '../../src/charts/registry';
import type { ChartBuilder, ChartDraw, ChartPart, ChartSelection } from '../../src/charts/component';
import type { ChartOutput } from '../../src/charts/svg';
import { COMPONENTS, propsOf, type ComponentName } from '../../src/components/schemas';
import { COMPONENT_PROPS } from '../../src/components/registry';
import { chartLabels, strings } from '../../src/i18n';
import { figures } from './fixtures';
import type { Figures } from '../../src/schemas/figures';
import { segmentGroups, segmentName, segmentTable, segmentValueLabels, significanceLegend } from '../../src/components/lib/segment-table';
import { formatters } from '../../src/i18n/format';

const charts = CHARTS as Record<string, ChartType>;
/** A builder's labels in English: those of its registry key (as ChartComponent.astro looks them up). */
const labelsOf = (draw: ChartBuilder<any, any, any>) =>
  (chartLabels('en') as Record<string, unknown>)[Object.keys(charts).find((k) => charts[k].draw === draw) ?? ''] as any;
const env = (f: Figures, noResponses?: string, type = '') => ({
  figures: f,
  labels: (chartLabels('en') as Record<string, unknown>)[type],
  t: strings('en'),
  noResponses,
  company: 'Northwind',
  locale: 'en',
  reportId: 'demo',
  fmt: formatters('en'),
  labelsOf,
  segments: {
    groups: (by: string) => segmentGroups(f, by),
    valueLabels: (by: string) => segmentValueLabels(f, by, strings('en')),
    name: (by: string) => segmentName(strings('en'), by),
    significanceLegend: (by: string) => significanceLegend(f, segmentName(strings('en'), by).toLowerCase(), strings('en')),
    table: (by: string) => segmentTable(f, by, formatters('en'), strings('en')),
  },
});
const isDraw = (s: ChartSelection<unknown, unknown>): s is ChartDraw<unknown, unknown> => !('fallback' in s) && !('section' in s);
/** The charts of a section, in the order shown (a group's after its section's earlier parts). */
const sectionCharts = (parts: ChartPart[]): ChartDraw<unknown, unknown>[] =>
  parts.flatMap((p) => ('chart' in p ? [p.chart] : 'group' in p ? sectionCharts(p.group) : []));
/** Every chart a selection draws, with its builder (its own, or the component's chart). */
const drawnBy = (type: string, s: ChartSelection<unknown, unknown>): ChartOutput[] =>
  (isDraw(s) ? [s] : 'section' in s ? sectionCharts(s.parts) : []).map((d) => {
    const build = d.draw ?? charts[type].draw;
    return build(d.input, { ...(d.options as object), id: d.prefix, labels: labelsOf(build) });
  });

describe('the charts’ own MDX components', () => {
  it('are declared by the registry: GapModel, ServqualGaps, KpiScorecard and DriverMatrix at least', () => {
    expect(CHART_COMPONENTS.map(([, c]) => c.name)).toEqual(expect.arrayContaining(['GapModel', 'ServqualGaps', 'KpiScorecard', 'DriverMatrix']));
    expect(new Set(CHART_COMPONENTS.map(([, c]) => c.name)).size).toBe(CHART_COMPONENTS.length);
  });

  it('are components of schemas.ts and rules of the MDX lint, from the schema declared beside the builder', () => {
    for (const [, c] of CHART_COMPONENTS) {
      const name = c.name as ComponentName;
      expect(COMPONENTS[name].schema, name).toBe(c.schema);
      expect(Object.keys(COMPONENT_PROPS[name]), name).toEqual(Object.keys(c.schema.shape));
      expect(
        propsOf(name).map((p) => p.name),
        name,
      ).toEqual(Object.keys(c.props));
    }
  });

  it('select an input their builder draws into a chart with title, description and data table', () => {
    // The fixture has no employees.csv and no comment codebook: InternalQuality and Themes are drawn by their own tests (test/internal, test/themes).
    expect([figures.internal, figures.themes]).toEqual([undefined, undefined]);
    const drawable = CHART_COMPONENTS.filter(([, c]) => c.name !== 'InternalQuality' && c.name !== 'Themes');
    expect(drawable.length).toBe(CHART_COMPONENTS.length - 2);
    for (const [type, c] of drawable) {
      const example = Object.fromEntries(propsOf(c.name as ComponentName).flatMap((p) => (p.kind.example ? [[p.name, p.kind.example]] : [])));
      const selected = c.select(env(figures, undefined, type), example);
      expect('fallback' in selected, type).toBe(false);
      const outs = drawnBy(type, selected);
      expect(outs.length, type).toBeGreaterThan(0);
      expect(outs[0].svg, type).toContain(`gr-chart--${charts[type].kind}`);
      for (const out of outs) {
        expect(out.title.length, type).toBeGreaterThan(0);
        expect(out.table.rows.length, type).toBeGreaterThan(0);
      }
    }
  });

  it('give the one no-data sentence, not empty axes, for a survey chart of a dataset without responses', () => {
    const empty = { ...figures, servqual: undefined, drivers: { status: 'not measured' as const, reason: 'no responses' } } as Figures;
    const sentence = 'No survey responses yet: this section fills in when data/x/responses.csv has rows.';
    expect(charts.driverMatrix.component!.select(env(empty, sentence), {})).toEqual({ fallback: sentence, className: 'no-data' });
    expect(charts.servqualGaps.component!.select(env(empty, sentence), {})).toEqual({ fallback: sentence, className: 'no-data' });
    expect(charts.servqualGaps.component!.select(env(empty, undefined), {})).toEqual({ fallback: 'SERVQUAL: not measured', className: 'not-measured' });
    expect(charts.kpiScorecard.component!.select(env({ ...figures, kpis: [] }, undefined), {})).toEqual({
      fallback: 'KPIs: not measured',
      className: 'not-measured',
    });
  });

  it('say "not measured" for a metric no benchmark covers, naming the metric on the paragraph', () => {
    expect(charts.benchmarkPosition.component!.select(env({ ...figures, benchmarks: [] }), { metric: 'nps' })).toEqual({
      fallback: 'NPS: not measured — no company value to place against the industry.',
      className: 'not-measured',
      attributes: { 'data-metric': 'nps' },
    });
    const drawn = charts.benchmarkPosition.component!.select(env(figures), { metric: figures.benchmarks[0].metric });
    expect(isDraw(drawn) && (drawn.input as { company: string }).company).toBe('Northwind');
  });

  it('draw the NPS total then one bar per value of the segment, "not measured" without NPS', () => {
    const drawn = charts.npsBreakdown.component!.select(env(figures), { by: 'channel' });
    const labels = segmentValueLabels(figures, 'channel', strings('en'));
    const values = Object.keys(figures.segments.channel).filter((v) => figures.segments.channel[v].nps);
    expect(values.length).toBeGreaterThan(1);
    expect(isDraw(drawn) && (drawn.input as { label: string }[]).map((r) => r.label)).toEqual([strings('en').nps.total, ...values.map((v) => labels[v] ?? v)]);
    expect(isDraw(drawn) && drawn.prefix).toBe('nps-channel');
    expect(charts.npsBreakdown.component!.select(env({ ...figures, nps: undefined } as Figures), {})).toEqual({
      fallback: 'NPS: not measured',
      className: 'not-measured',
    });
  });

  it('name standards and dimensions in the report’s locale, and give each drawing its id prefix and data-chart kind', () => {
    const kpi = charts.kpiScorecard.component!.select({ ...env(figures), t: strings('fr') }, {});
    expect(isDraw(kpi) && (kpi.input as { label: string }[]).map((k) => k.label)).toEqual(
      figures.kpis.map((k) => strings('fr').kpiMetrics[k.metric] ?? k.label),
    );
    const items = charts.servqualGaps.component!.select(env(figures), { by: 'items' });
    expect(isDraw(items) && [items.prefix, items.kind, items.options]).toEqual(['servqual-items', 'servqual-items', { mode: 'items' }]);
  });

  it('write <Themes> as its heading and one line why, without a codebook, and no sentiment or drivers under it', () => {
    const L = chartLabels('en').themeShares;
    expect(charts.themeShares.component!.select(env(figures, undefined, 'themeShares'), {})).toEqual({
      section: { class: 'themes', 'aria-labelledby': 'demo-themes', 'data-component': 'Themes' },
      parts: [
        { heading: L.heading, level: 3, id: 'demo-themes' },
        { paragraph: L.none.replace('{min}', String(figures.meta.min_base)), attributes: { class: 'muted' } },
        { group: [] },
      ],
    });
  });

  it('wrap <SegmentTable>’s bars and its table of figures in one section, and give one sentence without responses', () => {
    const drawn = charts.segmentBars.component!.select(env(figures, undefined, 'segmentBars'), { by: 'channel' });
    expect(isDraw(drawn) && [drawn.prefix, drawn.wrap, drawn.table?.rows.length]).toEqual([
      'segment-channel-nps',
      { class: 'segment-table', 'data-component': 'SegmentTable', 'data-segment': 'channel' },
      Object.keys(figures.segments.channel).length,
    ]);
    const sentence = 'No survey responses yet.';
    expect(charts.segmentBars.component!.select(env(figures, sentence, 'segmentBars'), { by: 'channel' })).toEqual({
      fallback: sentence,
      className: 'no-data',
      attributes: { 'data-segment': 'channel' },
    });
  });

  it('say a trend of a metric no wave measured is not measured, naming it', () => {
    const none = { ...figures, waves: figures.waves.map((w) => ({ ...w, ces: undefined })) } as Figures;
    expect(charts.trend.component!.select(env(none, undefined, 'trend'), { metric: 'ces' })).toEqual({
      fallback: 'Customer effort (CES): not measured',
      className: 'not-measured',
    });
  });
});
