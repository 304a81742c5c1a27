import { beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/schemas/figures';
import { formatters } from '../../src/i18n/format';
import { chartLabels, strings } from '../../src/i18n';
import { makeFormat } from '../../src/charts/format';
import { metricText, formatInUnit, type MetricText } from '../../src/components/lib/metric-format';
import { trendInput, TREND_METRICS } from '../../src/charts/trend';
import { headlineCards, previousWave } from '../../src/components/lib/headline';
import { segmentTable, segmentValueLabels } from '../../src/components/lib/segment-table';
import { methodology } from '../../src/components/lib/methodology';
import { demoFigures } from './demo-figures';

let figures: Figures;
const en = { fmt: formatters('en'), t: strings('en') };
beforeAll(async () => {
  figures = await demoFigures();
}, 120_000);

/** A figure's text as <Metric> prints it, or why there is none. */
const shown = (m: MetricText) => (m.kind === 'unknown' ? m.message : m.text);
describe('metricText(figures, id)', () => {
  it('formats a headline figure for the locale', () => {
    expect(metricText(figures, 'nps.score', en.fmt, en.t)).toEqual({ kind: 'value', text: '+12', lowBase: false });
    expect(metricText(figures, 'nps.score', formatters('fr'), strings('fr'))).toMatchObject({ text: '+12' });
    expect(metricText(figures, 'csat.top2box', formatters('fr'), strings('fr'))).toMatchObject({ text: '72,7\u202f%' });
  });
  it('adds the 95 % interval on request', () => {
    expect(metricText(figures, 'nps.score', en.fmt, en.t, true)).toMatchObject({ text: '+12 (+7 – +17)' });
  });
  it('gives KPI, gap-part and benchmark values their unit', () => {
    expect(metricText(figures, 'kpis.first-contact-fix.value', en.fmt, en.t)).toMatchObject({ text: '68.1%' });
    expect(metricText(figures, 'kpis.first-contact-fix.target', en.fmt, en.t)).toMatchObject({ text: '75%' });
    expect(metricText(figures, 'kpis.average-wait.value', en.fmt, en.t)).toMatchObject({ text: '26 s' });
    expect(metricText(figures, 'gaps.gap4.items.web-answer-30s.gap', en.fmt, en.t)).toMatchObject({ text: '−12.2 pts' });
    expect(metricText(figures, 'benchmarks.nps.median', en.fmt, en.t)).toMatchObject({ text: '+22' });
    expect(metricText(figures, 'benchmarks.nps.percentile', en.fmt, en.t)).toMatchObject({ text: '13th' });
  });
  it('says "suppressed" with no value for a base under min_base', () => {
    const m = metricText(figures, 'segments.region.Islands.nps.score', en.fmt, en.t);
    expect(m).toEqual({ kind: 'suppressed', text: 'suppressed (base under 10)' });
  });
  it('says "not measured" for a figure absent from the data', () => {
    const changed = { ...figures, gaps: { ...figures.gaps, gap1: { status: 'not measured' as const, reason: 'no management.csv' } } };
    expect(metricText(changed, 'gaps.gap1.value', en.fmt, en.t)).toMatchObject({ kind: 'not measured', text: 'not measured' });
  });
  it('reports an unknown id instead of printing anything', () => {
    expect(metricText(figures, 'nps.scroe', en.fmt, en.t).kind).toBe('unknown');
  });
});

describe('formatInUnit(value, unit)', () => {
  it.each([
    [77.8, 'percent', false, '77.8%'],
    [-6.9, 'percent', true, '−6.9 pts'],
    [26, 'seconds', false, '26 s'],
    [4.6, 'days', false, '4.6 days'],
    [12.56, 'nps', false, '+13'],
    [3.161, 'score', false, '3.16'],
  ])('%d %s (signed %s) reads %s', (v, unit, signed, text) => {
    expect(formatInUnit(v, unit, signed, en.fmt, en.t)).toBe(text);
  });
});

describe('trendInput(figures, metric)', () => {
  it('selects one point per wave with its interval, and a test for every pair of consecutive waves', () => {
    const { input, options, measured } = trendInput(figures, 'nps', en.t);
    expect(measured).toBe(true);
    expect(input.points.map((p) => p.wave)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(input.points[2].value).toBe(figures.nps && !figures.nps.suppressed ? figures.nps.score : NaN);
    expect(input.points[2].ci95).toHaveLength(2);
    expect(input.changes.map((c) => [c.metric, c.from, c.to])).toEqual([
      ['nps.score', '2026-Q1', '2026-Q2'],
      ['nps.score', '2026-Q2', '2026-Q3'],
    ]);
    expect(options.bounds).toEqual([-100, 100]);
  });
  it('reads a dimension as its gap P − E with its 95 % interval, and both significant responsiveness changes', () => {
    const { input } = trendInput(figures, 'responsiveness', en.t);
    expect(input.label).toBe('Responsiveness gap (P−E)');
    for (const p of input.points) {
      expect(p.ci95).toHaveLength(2);
      expect(p.ci95![0]).toBeLessThan(p.value!);
      expect(p.ci95![1]).toBeGreaterThan(p.value!);
    }
    const dim = figures.servqual?.dimensions.responsiveness;
    expect(input.points[2].ci95).toEqual(dim && !dim.suppressed ? dim.gap_ci95 : 'a report-wave interval');
    expect(input.changes.map((c) => `${c.from}→${c.to}`)).toEqual(['2026-Q1→2026-Q2', '2026-Q2→2026-Q3']);
    for (const c of input.changes) expect(c).toMatchObject({ metric: 'servqual.dimensions.responsiveness.gap', significant: true, direction: 'better' });
  });
  it('falls back to figures.changes for figures written before trend_changes', () => {
    const { input } = trendInput({ ...figures, trend_changes: [] }, 'nps', en.t);
    expect(input.changes.map((c) => `${c.from}→${c.to}`)).toEqual(['2026-Q2→2026-Q3']);
  });
  it('knows every metric the registry allows', () => {
    for (const m of TREND_METRICS) expect(trendInput(figures, m, en.t).measured).toBe(true);
  });
});

describe('headlineCards(figures)', () => {
  it('shows NPS, CSAT, CES and SERVQUAL with change and industry position', () => {
    const cards = headlineCards(figures, en.fmt, en.t, makeFormat('en'));
    expect(cards.map((c) => c.key)).toEqual(['nps', 'csat', 'ces', 'servqual']);
    expect(cards[0]).toMatchObject({ value: '+12', state: 'value', position: '13th percentile of telecom · quartile 1 of 4' });
    expect(cards[0].change?.text).toBe('▲ +0.9 vs 2026-Q2 · not significant');
    expect(cards[2].change).toMatchObject({ direction: 'better', significant: true });
    expect(cards[3].position).toBe('no industry benchmark');
    // servqual.unweighted has its own test (Welch on the per-respondent SERVQUAL score), so the card is never "not tested".
    expect(cards[3].change).toEqual({ text: '▲ +0.02 vs 2026-Q2 · not significant', direction: 'better', significant: false });
  });
  it('compares the report wave with the previous one (figures.changes), not the earliest pair of trend_changes', () => {
    const earlier = figures.trend_changes.find((c) => c.metric === 'nps.score' && c.to === '2026-Q2')!;
    const swapped = { ...figures, trend_changes: [{ ...earlier, difference: -40, significant: true, direction: 'worse' as const }] };
    expect(headlineCards(swapped, en.fmt, en.t, makeFormat('en'))[0].change?.text).toBe('▲ +0.9 vs 2026-Q2 · not significant');
  });
  it('shows the best-in-class mark beyond the industry on the card of a metric that has one, as <Metric> prints it, and none elsewhere', () => {
    const cards = headlineCards(figures, en.fmt, en.t, makeFormat('en'));
    const best = figures.benchmarks.find((b) => b.metric === 'nps')!.best_in_class!;
    const text = (k: string) => shown(metricText(figures, `benchmarks.nps.best_in_class.${k}`, en.fmt, en.t));
    expect(cards[0].bestInClass).toBe(`best in class beyond the industry ${text('value')} (${best.company}), gap ${text('gap')}`);
    expect(best.gap).toBeLessThan(0);
    expect(cards.slice(1).map((c) => c.bestInClass)).toEqual([undefined, undefined, undefined]);
    const fr = headlineCards(figures, formatters('fr'), strings('fr'), makeFormat('fr'));
    expect(fr[0].bestInClass).toContain(
      `meilleure référence hors secteur ${shown(metricText(figures, 'benchmarks.nps.best_in_class.value', formatters('fr'), strings('fr')))}`,
    );
  });
  it('finds the previous wave from meta', () => {
    expect(previousWave(figures)).toBe('2026-Q2');
  });
});

describe('segmentTable(figures, by)', () => {
  it('lists every value with its base and shows suppressed cells as such', () => {
    const table = segmentTable(figures, 'region', en.fmt, en.t);
    const islands = table.rows.find((r) => r.label === 'Islands')!;
    expect(islands.n).toBe('8');
    expect(islands.cells.every((c) => c.state === 'suppressed' && c.text === 'suppressed')).toBe(true);
    const north = table.rows.find((r) => r.label === 'North')!;
    expect(north.cells[0]).toMatchObject({ state: 'value', text: '+18', id: 'segments.region.North.nps.score' });
  });
  it('capitalises a segment whose values are all lower case, for display only (ids keep the data value)', () => {
    const table = segmentTable(figures, 'channel', en.fmt, en.t);
    expect(table.rows.map((r) => r.label)).toEqual(['Chat', 'Email', 'Phone', 'Store']);
    expect(table.rows[0].cells[0].id).toBe('segments.channel.chat.nps.score');
    expect(Object.keys(figures.segments.channel)).toEqual(['chat', 'email', 'phone', 'store']);
    // Mixed case is the data's own choice: left as written.
    expect(
      segmentValueLabels({ ...figures, segments: { tier: { gold: figures.segments.channel.chat, VIP: figures.segments.channel.chat } } }, 'tier', en.t),
    ).toEqual({ gold: 'gold', VIP: 'VIP' });
  });
  it('names segment values in the locale where it has a name for them (Boutique, Nord; Cửa hàng, Miền Bắc)', () => {
    expect(segmentTable(figures, 'channel', formatters('fr'), strings('fr')).rows.map((r) => r.label)).toEqual(['Chat', 'E-mail', 'Téléphone', 'Boutique']);
    expect(segmentTable(figures, 'region', formatters('fr'), strings('fr')).rows.map((r) => r.label)).toContain('Nord');
    expect(segmentValueLabels(figures, 'channel', strings('vi')).store).toBe('Cửa hàng');
    expect(segmentValueLabels(figures, 'region', strings('vi')).North).toBe('Miền Bắc');
  });
});

describe('methodology(figures)', () => {
  it('states bases, α, rules, sources and the data-as-of date from meta', () => {
    const m = methodology(figures, en.fmt, en.t, chartLabels('en'));
    expect(m.bases[0]).toMatchObject({ n: '1,178 (effective 1,119)', moe: '±4.8' });
    expect(m.alpha).toHaveLength(5);
    expect(m.rules[0]).toContain('fewer than 10 respondents are suppressed');
    expect(m.benchmarkSources).toContain('Telecom CX Panel, 2026');
    expect(m.asOf).toBe('Data as of September 30, 2026 (the latest date in the data).');
  });
});
