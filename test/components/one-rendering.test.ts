/**
 * One rendering per figure (issue 12 item 5), through the functions the pages call: the
 * headline cards, <Metric>, <Compare>, the trend and benchmark charts, the KPI scorecard and
 * `gapreport check`'s table print each figure of the demo with one string per locale, the
 * string src/i18n/format.ts's policy gives its kind. The built pages are checked by
 * test/site/one-rendering.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { benchmarkPosition, trend } from '../../src/charts';
import { makeFormat } from '../../src/charts/format';
import { formatUnit } from '../../src/charts/kpi-scorecard';
import { headlineCards } from '../../src/components/lib/headline';
import { metricText } from '../../src/components/lib/metric-format';
import { trendInput } from '../../src/charts/trend';
import { compareText } from '../../src/components/lib/words';
import { chartLabels, strings } from '../../src/i18n';
import { FIGURE_KINDS, formatFigure, formatKind, formatters, unitDecimals } from '../../src/i18n/format';
import type { Figures } from '../../src/schemas/figures';
import type { Locale } from '../../src/schemas/questionnaire';
import { changeRow, kpiRow } from '../../scripts/commands/check';
import { demoFigures } from '../site/demo-figures';

const LOCALES: Locale[] = ['en', 'fr', 'vi'];
let figures: Figures;
beforeAll(async () => {
  figures = await demoFigures();
}, 120_000);

/** What <Metric id> prints, the reference every other surface must match. */
function metric(id: string, locale: Locale): string {
  const m = metricText(figures, id, formatters(locale), strings(locale));
  if (m.kind !== 'value') throw new Error(`${id}: ${m.kind}`);
  return m.text;
}
const chartText = (c: { svg: string; description: string }) => `${c.description} ${c.svg.replace(/<[^>]+>/g, ' ')}`;

describe('the policy (src/i18n/format.ts)', () => {
  it('gives each kind of figure one count of decimals and a sign rule', () => {
    const en = formatters('en');
    expect(
      Object.fromEntries(
        (['score', 'points', 'percent', 'share', 'mean', 'gap', 'p', 'count', 'moe'] as const).map((k) => [
          k,
          formatKind(k, k === 'share' ? 0.4123 : 1234.5678 / 1000, en),
        ]),
      ),
    ).toEqual({ score: '+1', points: '+1.2', percent: '1.2%', share: '41%', mean: '1.23', gap: '+1.23', p: '1.235', count: '1', moe: '±1.2' });
    expect(formatKind('p', 0.0004, en)).toBe('< 0.001');
    expect([
      unitDecimals('days', 5, 'level'),
      unitDecimals('days', 4.6, 'level'),
      unitDecimals('days', -0.41, 'change'),
      unitDecimals('percent', 2, 'change'),
    ]).toEqual([0, 1, 2, 1]);
  });
});

describe("the comments' and employees' figures read as their kind (src/i18n/format.ts)", () => {
  it('prints a theme change in points of share, eNPS beside NPS as NPS scores and points, sentiment shares as percents and comment counts whole', () => {
    const en = formatters('en');
    expect([
      formatFigure('difference', -0.0912, en, ['themes', 'waiting', 'change', 'difference']),
      formatFigure('enps', -6.6667, en, ['internal', 'beside', 'enps']),
      formatFigure('nps', 11.88, en, ['internal', 'beside', 'nps']),
      formatFigure('difference', -18.546, en, ['internal', 'beside', 'difference']),
      formatFigure('share_negative', 0.2137, en, ['sentiment', 'overall', 'share_negative']),
      formatFigure('share_positive', 0.549, en, ['sentiment', 'themes', 'waiting', 'share_positive']),
      formatFigure('share', 0.2137, en, ['themes', 'waiting', 'share']),
      formatFigure('negative', 83, en, ['sentiment', 'overall', 'negative']),
      formatFigure('n', 468, en, ['sentiment', 'overall', 'n']),
      formatFigure('comments', 1423, en, ['sentiment', 'languages', 'en', 'comments']),
      formatFigure('mentions', 83, en, ['themes', 'waiting', 'mentions']),
      formatFigure('n_mentioners', 83, en, ['themes', 'waiting', 'outcome', 'n_mentioners']),
      formatFigure('n_perception', 83, en, ['internal', 'dimensions', 'reliability', 'n_perception']),
    ]).toEqual(['−9.1', '−7', '+12', '−18.5', '21%', '55%', '21%', '83', '468', '1,423', '83', '83', '83']);
    // A mean comment score and a theme's outcome difference keep their kinds (mean, gap).
    expect(formatFigure('mean', 0.2087, en, ['sentiment', 'overall', 'mean'])).toBe('0.21');
    expect(formatFigure('difference', -0.5, en, ['themes', 'waiting', 'outcome', 'difference'])).toBe('−0.50');
  });

  it.each(LOCALES)("prints the demo's theme change, eNPS beside NPS and sentiment figures through <Metric> in %s as their kinds", (locale) => {
    const fmt = formatters(locale);
    const waiting = figures.themes!.waiting;
    const beside = figures.internal!.beside!;
    const overall = figures.sentiment!.overall;
    if ('suppressed' in overall) throw new Error('the demo publishes its comment sentiment');
    expect(metric('themes.waiting.change.difference', locale)).toBe(formatKind('points', 100 * waiting.change!.difference, fmt));
    expect(metric('internal.beside.enps', locale)).toBe(metric('internal.enps.score', locale));
    expect(metric('internal.beside.nps', locale)).toBe(formatKind('score', beside.nps, fmt));
    expect(metric('internal.beside.difference', locale)).toBe(formatKind('points', beside.difference, fmt));
    expect(metric('sentiment.overall.share_negative', locale)).toBe(fmt.fraction(overall.share_negative, 0));
    expect(metric('sentiment.overall.share_positive', locale)).toBe(makeFormat(locale).fraction(overall.share_positive));
    expect(metric('sentiment.overall.negative', locale)).toBe(fmt.integer(overall.negative));
    expect(metric('sentiment.overall.n', locale)).toBe(fmt.integer(overall.n));
    if (locale === 'en') expect(metric('themes.waiting.change.difference', locale)).toBe('−13.0');
  });
});

describe.each(LOCALES)('one string per figure in %s', (locale) => {
  const fmt = () => formatters(locale);
  const t = () => strings(locale);

  it("prints the NPS change on the card and in the trend chart's caption alike (+1.6, not (+2))", () => {
    const change = metric('changes.nps.score.difference', locale);
    expect(change).toBe(formatKind('points', figures.changes.find((c) => c.metric === 'nps.score')!.difference, fmt()));
    const card = headlineCards(figures, fmt(), t(), makeFormat(locale)).find((c) => c.key === 'nps')!;
    expect(card.change?.text).toContain(change);
    const { input, options } = trendInput(figures, 'nps', t());
    const chart = trend(input, { ...options, id: 'nps-trend', format: makeFormat(locale), labels: chartLabels(locale).trend });
    expect(chart.description).toContain(`(${change})`);
  });

  it('prints the CSAT change in points on the card and in the trend chart alike', () => {
    const d = figures.changes.find((c) => c.metric === 'csat.top2box')!.difference;
    const points = formatKind('points', d, fmt());
    const card = headlineCards(figures, fmt(), t(), makeFormat(locale)).find((c) => c.key === 'csat')!;
    expect(card.change?.text).toContain(points);
    const { input, options } = trendInput(figures, 'csat', t());
    expect(trend(input, { ...options, id: 'csat-trend', format: makeFormat(locale), labels: chartLabels(locale).trend }).description).toContain(points);
  });

  it.each(['nps', 'csat', 'ces', 'fcr_rate', 'service_level_30s', 'asa_seconds'])(
    'prints the %s gap to the median as <Metric>, <Compare> and the benchmark chart do (−9.4, not −9)',
    (name) => {
      const b = figures.benchmarks.find((x) => x.metric === name)!;
      const gap = metric(`benchmarks.${name}.gap_to_median`, locale);
      // <Compare> writes the size in words ("9.4 points below"): the digits are the figure's, unsigned.
      const digits = /[\d.,\u202f\u00a0]*\d/.exec(gap)![0];
      expect(compareText(figures, name, fmt(), t())).toContain(digits);
      const unit = name === 'csat' ? 'percent' : figures.kpis.find((k) => k.metric === name)?.unit;
      const chart = benchmarkPosition(
        { figure: b, company: 'Northwind', metricLabel: name },
        {
          id: `b-${name}`,
          format: makeFormat(locale),
          unit,
          decimals: name === 'nps' ? 0 : name === 'ces' ? 2 : 1,
          labels: chartLabels(locale).benchmarkPosition,
        },
      );
      expect(chartText(chart)).toContain(`${b.gap_to_median! < 0 ? '\u2212' : '+'}${digits}`);
    },
  );

  it("prints each KPI's value, target and trend in the scorecard as <Metric> does", () => {
    const L = chartLabels(locale).kpiScorecard;
    const rows = figures.kpis.flatMap((k) => [
      [metric(`kpis.${k.standard_id}.value`, locale), formatUnit(k.value!, k.unit, makeFormat(locale), L)],
      [metric(`kpis.${k.standard_id}.target`, locale), formatUnit(k.target, k.unit, makeFormat(locale), L)],
      [metric(`kpis.${k.standard_id}.trend`, locale), formatUnit(k.trend!, k.unit, makeFormat(locale), L, 'change')],
    ]);
    expect(rows.length).toBe(figures.kpis.length * 3);
    for (const [page, scorecard] of rows) expect(scorecard).toBe(page);
  });
});

describe("gapreport check's table (English)", () => {
  it("prints each KPI's value and target as the English page does (5 days, not 5.0 days; 4.3%, not 4.30%)", () => {
    for (const k of figures.kpis) {
      const row = kpiRow('demo', k, 'missed', 'standards.csv');
      expect(row.value).toBe(metric(`kpis.${k.standard_id}.value`, 'en'));
      expect(row.against).toBe(`${k.direction === 'higher' ? '≥' : '≤'} ${metric(`kpis.${k.standard_id}.target`, 'en')}`);
    }
    expect(figures.kpis.length).toBeGreaterThan(0);
  });
  it("prints each change's values, difference and p as <Metric> does", () => {
    for (const c of figures.changes) {
      const row = changeRow('demo', c, 'responses.csv');
      expect(row.value).toBe(`${metric(`changes.${c.metric}.to_value`, 'en')} (${c.to})`);
      expect(row.against).toContain(`${metric(`changes.${c.metric}.difference`, 'en')} vs ${c.from}`);
      expect(row.against).toContain(c.p < 0.001 ? `p < 0.001` : `p = ${metric(`changes.${c.metric}.p`, 'en')}`);
    }
    expect(FIGURE_KINDS.p.decimals).toBe(3);
  });
});
