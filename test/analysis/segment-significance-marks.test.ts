/**
 * The ▲ ▼ marks of <SegmentTable> and their legend in en, fr and vi (issue 14), and the CES
 * card's wording, from the significance fixture of test/reference/significance_reference.py.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildDataset } from '../../src/data/dataset';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { segmentTable } from '../../src/components/lib/segment-table';
import { headlineCards } from '../../src/components/lib/headline';
import { formatters } from '../../src/i18n/format';
import { strings } from '../../src/i18n';
import type { Figures } from '../../src/schemas/figures';
import { npsBreakdown } from '../../src/charts/nps-breakdown';
import { segmentBarRows, segmentBars } from '../../src/charts/segment-bars';

const ref = JSON.parse(readFileSync(new URL('../reference/significance_expected.json', import.meta.url), 'utf8'));

function figures(extra = ''): Figures {
  const loaded = buildDataset({ name: 'marks', texts: { 'questionnaire.yaml': ref.questionnaire + extra, 'responses.csv': ref.responses } });
  expect(loaded.problems).toEqual([]);
  return analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({})).figures!;
}

describe('<SegmentTable> significance marks', () => {
  it('marks exactly the cells whose test against the rest is significant after the correction, ▲ better and ▼ worse', () => {
    const f = figures();
    const table = segmentTable(f, 'channel', formatters('en'), strings('en'));
    const nps = Object.fromEntries(table.rows.map((r) => [r.label, r.cells[0]]));
    // scipy: web better (adjusted p 8.5e-9), store worse (2.6e-8), phone not significant (0.13).
    expect(nps.Web).toMatchObject({ mark: 'better', markLabel: 'significantly better than the rest' });
    expect(nps.Web.text.endsWith(' ▲')).toBe(true);
    expect(nps.Store).toMatchObject({ mark: 'worse' });
    expect(nps.Store.text.endsWith(' ▼')).toBe(true);
    expect(nps.Phone.mark).toBeUndefined();
    expect(nps.Kiosk.state).toBe('suppressed');
    expect(nps.Kiosk.mark).toBeUndefined();
  });

  it('prints a legend naming the correction, in en, fr and vi', () => {
    const f = figures();
    const legend = (locale: 'en' | 'fr' | 'vi') => segmentTable(f, 'channel', formatters(locale), strings(locale)).significance;
    expect(legend('en')).toBe("▲ / ▼ significantly better / worse than the other values of channel together (p < 0.05 after Holm's correction).");
    expect(legend('fr')).toBe('▲ / ▼ significativement meilleur / moins bon que les autres valeurs de canal réunies (p < 0,05 après correction de Holm).');
    expect(legend('vi')).toBe('▲ / ▼ tốt hơn / kém hơn có ý nghĩa thống kê so với các giá trị kênh còn lại gộp chung (p < 0,05 sau hiệu chỉnh Holm).');
    const bh = segmentTable(figures('statistics: { multiple_comparisons: bh }\n'), 'channel', formatters('en'), strings('en')).significance;
    expect(bh).toContain('after the Benjamini–Hochberg correction');
  });

  it('shows no legend when no cell is marked', () => {
    const f = figures('statistics: { multiple_comparisons: none }\n');
    for (const g of Object.values(f.segments.channel))
      for (const k of ['nps', 'csat', 'ces', 'overall'] as const) {
        const x = g[k];
        if (x && !x.suppressed && x.vs_rest) x.vs_rest.significant = false;
      }
    for (const g of Object.values(f.segments.channel)) if (g.servqual?.unweighted_vs_rest) g.servqual.unweighted_vs_rest.significant = false;
    expect(segmentTable(f, 'channel', formatters('en'), strings('en')).significance).toBeUndefined();
  });
});

describe('ces_wording', () => {
  it('turns the CES card to "higher is better" under the ease wording, "lower is better" by default', () => {
    const card = (f: Figures) => headlineCards(f, formatters('en'), strings('en'), {} as never).find((c) => c.key === 'ces')!;
    expect(JSON.stringify(card(figures()))).toContain('lower is better');
    expect(JSON.stringify(card(figures('ces_wording: ease\n')))).toContain('higher is better');
  });
});

describe('the ▲ ▼ marks in the charts', () => {
  const legend = 'LEGEND';
  it('<NpsBreakdown by> marks the significant rows beside their score, with the legend in the description and the table', () => {
    const f = figures();
    const rows = Object.entries(f.segments.channel).flatMap(([label, g]) => (g.nps ? [{ label, figure: g.nps }] : []));
    const chart = npsBreakdown(rows, { id: 'nps-channel', layout: 'wide', significance: legend });
    // kiosk (suppressed), phone (not significant), store (worse), web (better), in key order.
    expect(chart.table.rows.map((r) => r[5])).toEqual(['suppressed (n < 10)', '−27', '−73 ▼', '+40 ▲']);
    expect(chart.svg).toContain('+40 ▲');
    expect(chart.description.endsWith(legend)).toBe(true);
    const plain = npsBreakdown(rows, { id: 'nps-channel', layout: 'wide' });
    expect(plain.svg).not.toMatch(/[▲▼]/);
    expect(plain.description).not.toContain(legend);
  });
  it('<SegmentTable> bars mark the significant values, never a suppressed one', () => {
    const f = figures();
    const rows = segmentBarRows(f.segments.channel, 'nps');
    expect(rows.map((r) => r.significance)).toEqual([undefined, undefined, 'worse', 'better']);
    const chart = segmentBars({ label: 'NPS', by: 'channel', rows }, { id: 'bars', layout: 'wide', signed: true, significance: legend });
    expect(chart.svg).toContain('▼');
    expect(chart.svg).toContain('▲');
    expect(chart.description.endsWith(legend)).toBe(true);
    expect(segmentBars({ label: 'NPS', by: 'channel', rows }, { id: 'bars', layout: 'wide', signed: true }).svg).not.toMatch(/[▲▼]/);
  });
});
