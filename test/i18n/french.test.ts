/**
 * The French edition reads as French: units in French words, no English word left in the
 * scorecard or in the demo report's <Metric> values (issue 19, /work/shared/reviews/i18n-fr-vi.md).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/schemas/figures';
import { formatters } from '../../src/i18n/format';
import { chartLabels, strings } from '../../src/i18n';
import { makeFormat } from '../../src/charts/format';
import { kpiScorecard } from '../../src/charts/kpi-scorecard';
import { metricText } from '../../src/components/lib/metric-format';
import { demoFigures, ROOT } from '../site/demo-figures';

/** English words a French reader found in the demo (units, statistics, statuses). */
const ENGLISH = /\b(days?|seconds?|pts|points?(?! de pourcentage)|percent|median|mean|quartile|top|of|per|met|missed|at risk)\b/i;

let figures: Figures;
beforeAll(async () => {
  figures = await demoFigures();
}, 120_000);

/** The scorecard as <KpiScorecard/> builds it on a French page. */
function frenchScorecard(fig: Figures) {
  const t = strings('fr');
  const kpis = fig.kpis.map((k) => ({ ...k, label: t.kpiMetrics[k.metric] ?? k.label }));
  return kpiScorecard(kpis, { id: 'k', format: makeFormat('fr'), labels: chartLabels('fr').kpiScorecard });
}

describe('French units', () => {
  it('prints day values and trends in jours on the scorecard, never days', () => {
    const days = kpiScorecard([{ ...figures.kpis[0], unit: 'days', value: 4.6, target: 5, trend: -0.41, history: [] }], {
      id: 'k', format: makeFormat('fr'), labels: chartLabels('fr').kpiScorecard,
    });
    expect(days.table.rows[0].slice(2, 4)).toEqual(['4,6 jours', '5 jours']);
    expect(days.table.rows[0][5]).toBe('−0,41 jours par période');
    expect(days.svg).toContain('>−0,41 jours<');
    expect(days.svg).toContain('cible 5 jours');
  });

  it('calls a change in a percentage "points de pourcentage"', () => {
    const pct = kpiScorecard([{ ...figures.kpis[0], unit: 'percent', value: 77.8, target: 80, trend: 1.2, history: [] }], {
      id: 'k', format: makeFormat('fr'), labels: chartLabels('fr').kpiScorecard,
    });
    expect(pct.table.rows[0][5]).toBe('+1,2 points de pourcentage par période');
  });

  it('leaves no English word in the demo scorecard (svg, description, table)', () => {
    const chart = frenchScorecard(figures);
    const visible = chart.svg.replace(/<[^>]+>/g, ' ');
    for (const text of [visible, chart.description, ...chart.table.rows.flat(), ...chart.table.columns]) expect(text).not.toMatch(ENGLISH);
  });

  it('leaves no English word in any <Metric> value of the French demo report', () => {
    const mdx = readFileSync(resolve(ROOT, 'content/reports/demo-fr.mdx'), 'utf8');
    const ids = [...mdx.matchAll(/<Metric id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) {
      const m = metricText(figures, id, formatters('fr'), strings('fr'));
      expect(m.kind, id).not.toBe('unknown');
      if (m.kind !== 'unknown') expect(`${id}: ${m.text}`).not.toMatch(new RegExp(`: .*${ENGLISH.source}`, 'i'));
    }
  });
});

describe('French typography', () => {
  it('puts a narrow no-break space before : ; ? ! % and inside « » in every French string', () => {
    const all: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') all.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(strings('fr'));
    const bad = all.filter((s) => /[ \u00a0][:;?!%»]|«[ \u00a0]/.test(s));
    expect(bad).toEqual([]);
    expect(strings('fr').charts.kpiScorecard.item).toBe('{label}\u202f: {value} pour une cible de {target} ({direction}), {status}.');
  });

  it('prints thousands and percentages with the same narrow no-break space as the templates', () => {
    expect(formatters('fr').integer(1200)).toBe('1\u202f200');
    expect(formatters('fr').percent(72.9)).toBe('72,9\u202f%');
    expect(makeFormat('fr').fraction(0.48)).toBe('48\u202f%');
    expect(formatters('en').percent(72.9)).toBe('72.9%');
  });
});
