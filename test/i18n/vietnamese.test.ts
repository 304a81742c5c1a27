/** The Vietnamese edition's units and quartile words (issue 19, /work/shared/reviews/i18n-fr-vi.md). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/schemas/figures';
import { formatters } from '../../src/i18n/format';
import { chartLabels, strings } from '../../src/i18n';
import { makeFormat } from '../../src/charts/format';
import { kpiScorecard } from '../../src/charts/kpi-scorecard';
import { benchmarkPosition } from '../../src/charts/benchmark-position';
import { headlineCards } from '../../src/components/lib/headline';
import { formatInUnit } from '../../src/components/lib/metric-format';
import { metricText } from '../../src/components/lib/metric-format';
import { demoFigures, ROOT } from '../site/demo-figures';
import { renderProse } from '../components/render-prose';
import { trend } from '../../src/charts/trend';
import { trendInput } from '../../src/charts/trend';
import { methodology } from '../../src/components/lib/methodology';

let figures: Figures;
beforeAll(async () => {
  figures = await demoFigures();
}, 120_000);

const vi = { id: 'k', format: makeFormat('vi'), labels: chartLabels('vi').kpiScorecard };

describe('Vietnamese units', () => {
  it('prints day values and trends in ngày on the scorecard, never days', () => {
    const days = kpiScorecard([{ ...figures.kpis[0], unit: 'days', value: 4.6, target: 5, trend: -0.41, history: [] }], vi);
    expect(days.table.rows[0].slice(2, 4)).toEqual(['4,6 ngày', '5 ngày']);
    expect(days.table.rows[0][5]).toBe('−0,41 ngày mỗi kỳ');
    expect(days.svg).not.toMatch(/days/);
  });

  it('calls a change in a percentage "điểm phần trăm", in the scorecard and in <Metric>', () => {
    const pct = kpiScorecard([{ ...figures.kpis[0], unit: 'percent', value: 77.8, target: 80, trend: 2.5, history: [] }], vi);
    expect(pct.table.rows[0][5]).toBe('+2,5 điểm phần trăm mỗi kỳ');
    expect(formatInUnit(2.5, 'percent', true, formatters('vi'), strings('vi'))).toBe('+2,5 điểm phần trăm');
    expect(formatInUnit(4.6, 'days', false, formatters('vi'), strings('vi'))).toBe('4,6 ngày');
  });
});

describe('Vietnamese quartile words', () => {
  it('names the top-quartile threshold "ngưỡng nhóm 25% tốt nhất" and a quartile "nhóm tứ phân vị thứ N (trên 4)"', () => {
    const nps = figures.benchmarks.find((b) => b.metric === 'nps')!;
    const chart = benchmarkPosition(
      { figure: nps, company: 'Northwind Telecom', metricLabel: 'NPS' },
      { id: 'b', format: makeFormat('vi'), labels: chartLabels('vi').benchmarkPosition },
    );
    expect(chart.svg).toContain('ngưỡng nhóm 25% tốt nhất');
    expect(chart.description).toContain(`nhóm tứ phân vị thứ ${nps.quartile} (trên 4; nhóm 4 tốt nhất)`);
    expect(chart.description).not.toMatch(/tứ phân vị \d\/4/);
    const cards = headlineCards(figures, formatters('vi'), strings('vi'), makeFormat('vi'));
    expect(cards.find((c) => c.position)?.position).toMatch(/nhóm tứ phân vị thứ \d \(trên 4; nhóm 4 tốt nhất\)/);
  });
});

describe('Vietnamese wording', () => {
  it('writes a long date as "ngày 30 tháng 9 năm 2026"', () => {
    expect(formatters('vi').date('2026-09-30')).toBe('ngày 30 tháng 9 năm 2026');
    expect(formatters('vi').date('2026-01-05T10:00:00Z')).toBe('ngày 5 tháng 1 năm 2026');
    expect(formatters('fr').date('2026-09-30')).toBe('30 septembre 2026');
  });

  it('uses the statistics terms a Vietnamese analyst expects (có ý nghĩa thống kê, sai số biên, mức độ thực hiện)', () => {
    const t = strings('vi');
    expect(t.charts.trend.significant).toBe('có ý nghĩa thống kê');
    expect(t.charts.trend.notSignificant).toBe('không có ý nghĩa thống kê');
    expect(t.headline.moe).toBe('sai số biên {moe}');
    expect(t.charts.driverMatrix.columns[2]).toBe('Mức độ thực hiện');
    const all = JSON.stringify(t);
    expect(all).not.toMatch(/có ý nghĩa(?! thống kê)/);
    expect(all).not.toMatch(/(?<!biên )sai số(?! biên)/); // "sai số biên" or "biên sai số", never a bare "sai số"
    expect(all).not.toMatch(/[Hh]iệu quả/);
  });
});

describe('Vietnamese scorecard', () => {
  it('cuts no scorecard line in Vietnamese or French (standard names, "mục tiêu 30 giây · thấp hơn là tốt")', () => {
    for (const locale of ['vi', 'fr'] as const) {
      const t = strings(locale);
      const kpis = figures.kpis.map((k) => ({ ...k, label: t.kpiMetrics[k.metric] ?? k.label }));
      const svg = kpiScorecard(kpis, { id: 'k', format: makeFormat(locale), labels: chartLabels(locale).kpiScorecard }).svg;
      expect(
        [...svg.matchAll(/>([^<]*…)</g)].map((m) => m[1]),
        locale,
      ).toEqual([]);
    }
  });
});

/** English words of the demo prose (and its units, statistics and statuses) a Vietnamese reader must not meet. */
const ENGLISH =
  /\b(the|and|of|is|are|against|customers?|reliability|responsiveness|standards?|gap|quarter|percentile|days?|seconds?|pts|points?|percent|median|mean|quartile|top|per|met|missed|at risk|not measured)\b/i;

describe('Vietnamese demo edition', () => {
  const mdx = () => readFileSync(resolve(ROOT, 'content/reports/demo-vi.mdx'), 'utf8');

  it('is a Vietnamese translation of the demo (locale vi, translation_of demo)', () => {
    expect(mdx()).toMatch(/^---\n[\s\S]*?^locale: vi$[\s\S]*?^translation_of: demo$[\s\S]*?\n---\n/m);
  });

  it('leaves no English word of the demo prose in the rendered Vietnamese text', () => {
    const text = renderProse(mdx(), figures, 'vi').replace(/Northwind Telecom|Northwind|SERVQUAL|KPI|NPS|CSAT|Email/g, '');
    expect(text.length).toBeGreaterThan(2000);
    expect(text).toContain('Tỷ lệ cuộc gọi được trả lời trong 30 giây là 77,8%');
    expect(text.match(new RegExp(ENGLISH.source, 'gi'))).toBeNull();
  });

  it('leaves no English word in any <Metric> value of the Vietnamese demo report', () => {
    const ids = [...mdx().matchAll(/<Metric id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) {
      const m = metricText(figures, id, formatters('vi'), strings('vi'));
      expect(m.kind, id).not.toBe('unknown');
      if (m.kind !== 'unknown') expect(`${id}: ${m.text}`).not.toMatch(new RegExp(`: .*${ENGLISH.source}`, 'i'));
    }
  });
});

describe('Periods as readers write them', () => {
  it('writes a quarter "Quý 3/2026" in Vietnamese, "T3 2026" in French, and keeps "2026-Q3" in English', () => {
    expect(formatters('vi').period('2026-Q3')).toBe('Quý 3/2026');
    expect(formatters('fr').period('2026-Q3')).toBe('T3 2026');
    expect(formatters('en').period('2026-Q3')).toBe('2026-Q3');
    expect(makeFormat('vi').period('2025-Q4')).toBe('Quý 4/2025');
    expect(formatters('vi').period('2026-09')).toBe('2026-09');
  });

  it('shows the demo’s waves as "Quý N/2026" in the Vietnamese prose, trend chart, scorecard and methodology, the data keeping 2026-Q3', () => {
    const text = renderProse(readFileSync(resolve(ROOT, 'content/reports/demo-vi.mdx'), 'utf8'), figures, 'vi');
    expect(text).toContain('từ −0,70 trong Quý 2/2026 đến −0,42');
    expect(text).not.toMatch(/\d{4}-Q\d/);
    const { input, options } = trendInput(figures, 'nps', strings('vi'));
    const chart = trend(input, { id: 't', format: makeFormat('vi'), labels: chartLabels('vi').trend, ...options });
    const visible = [chart.svg.replace(/<[^>]+>/g, ' '), chart.description, ...chart.table.rows.flat()].join(' ');
    expect(visible).toContain(`Quý ${figures.meta.wave!.slice(-1)}/2026`);
    expect(visible).not.toMatch(/\d{4}-Q\d/);
    const t = strings('vi');
    const card = kpiScorecard(
      figures.kpis.map((k) => ({ ...k, label: t.kpiMetrics[k.metric] ?? k.label })),
      vi,
    );
    expect([card.description, ...card.table.rows.flat()].join(' ')).not.toMatch(/\d{4}-Q\d/);
    expect(methodology(figures, formatters('vi'), t, chartLabels('vi')).sample).not.toMatch(/\d{4}-Q\d/);
    expect(figures.meta.wave).toMatch(/^\d{4}-Q\d$/);
  });
});

describe('Benchmark data table and percent', () => {
  const sl = () => figures.benchmarks.find((b) => b.metric === 'service_level_30s')!;
  const chart = (locale: 'en' | 'fr' | 'vi', unit?: string) =>
    benchmarkPosition(
      { figure: sl(), company: 'Northwind Telecom', metricLabel: strings(locale).kpiMetrics.service_level_30s },
      { id: 'b', format: makeFormat(locale), labels: chartLabels(locale).benchmarkPosition, decimals: 1, unit },
    );

  it('names the statistic rows in the reader’s language, never the raw keys median, mean, p25', () => {
    const s = { p25: 70, median: 75, mean: 74.5 };
    const withSummary = (locale: 'en' | 'fr' | 'vi') =>
      benchmarkPosition(
        { figure: { ...sl(), summary: s }, company: 'N' },
        { id: 'b', format: makeFormat(locale), labels: chartLabels(locale).benchmarkPosition },
      )
        .table.rows.slice(1, 4)
        .map((r) => r[0]);
    expect(withSummary('vi')).toEqual(['Bách phân vị thứ 25', 'Trung vị', 'Trung bình']);
    expect(withSummary('fr')).toEqual(['25e centile', 'Médiane', 'Moyenne']);
    expect(withSummary('en')).toEqual(['25th percentile', 'Median', 'Mean']);
  });

  it('prints a percentage benchmark with its percent sign in the Vietnamese sentence: "(77,8%) ở bách phân vị thứ 42"', () => {
    const vi = chart('vi', 'percent');
    expect(vi.description).toMatch(/^Tỷ lệ trả lời trong 30 giây của Northwind Telecom \(77,8%\) ở bách phân vị thứ \d+ so với/);
    expect(vi.table.rows[0][1]).toBe('77,8%');
    expect(chart('fr', 'percent').table.rows[0][1]).toBe('77,8\u202f%');
    expect(chart('vi').table.rows[0][1]).toBe('77,8');
  });
});
