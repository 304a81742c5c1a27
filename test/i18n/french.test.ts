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
import { benchmarkPosition } from '../../src/charts/benchmark-position';
import { headlineCards } from '../../src/components/lib/headline';
import { gapModel } from '../../src/charts/gap-model';
import { wrap } from '../../src/charts/svg';
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
      id: 'k',
      format: makeFormat('fr'),
      labels: chartLabels('fr').kpiScorecard,
    });
    expect(days.table.rows[0].slice(2, 4)).toEqual(['4,6 jours', '5 jours']);
    expect(days.table.rows[0][5]).toBe('−0,41 jours par période');
    expect(days.svg).toContain('>−0,41 jours<');
    expect(days.svg).toContain('cible 5 jours');
  });

  it('calls a change in a percentage "points de pourcentage"', () => {
    const pct = kpiScorecard([{ ...figures.kpis[0], unit: 'percent', value: 77.8, target: 80, trend: 1.2, history: [] }], {
      id: 'k',
      format: makeFormat('fr'),
      labels: chartLabels('fr').kpiScorecard,
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

describe('French quartile words', () => {
  it('names the top-quartile threshold "seuil des 25 % meilleurs", never "premier quartile" (the lowest 25 % in French)', () => {
    const nps = figures.benchmarks.find((b) => b.metric === 'nps')!;
    const chart = benchmarkPosition(
      { figure: nps, company: 'Northwind Telecom', metricLabel: 'NPS' },
      { id: 'b', format: makeFormat('fr'), labels: chartLabels('fr').benchmarkPosition },
    );
    expect(chart.svg).toContain('seuil des 25\u202f% meilleurs');
    expect(chart.description).toContain('Par rapport au seuil des 25\u202f% meilleurs (');
    for (const text of [chart.svg, chart.description, ...chart.table.rows.flat()]) expect(text).not.toMatch(/premier quartile|dernier quartile/);
  });

  it('says which end quartile 1 of 4 is, in the chart text and on the headline card', () => {
    const fcr = figures.benchmarks.find((b) => b.metric === 'fcr_rate')!;
    const chart = benchmarkPosition(
      { figure: fcr, company: 'Northwind Telecom', metricLabel: 'FCR' },
      { id: 'b', format: makeFormat('fr'), labels: chartLabels('fr').benchmarkPosition },
    );
    expect(chart.description).toContain(`dans le quartile ${fcr.quartile} sur 4 (du quartile inférieur, 1, au quartile supérieur, 4)`);
    const cards = headlineCards(figures, formatters('fr'), strings('fr'), makeFormat('fr'));
    expect(cards.find((c) => c.position)?.position).toMatch(/quartile \d sur 4 \(le 4e = les 25\u202f% meilleurs\)/);
  });

  it('keeps "premier/dernier quartile" out of the French demo prose', () => {
    expect(readFileSync(resolve(ROOT, 'content/reports/demo-fr.mdx'), 'utf8')).not.toMatch(/(premier|dernier) quartile/);
  });
});

describe('French templates carry no fixed article', () => {
  const all = (v: unknown, at = ''): [string, string][] =>
    typeof v === 'string' ? [[at, v]] : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => all(x, at ? `${at}.${k}` : k)) : [];

  it('never puts a fixed article or an agreeing verb next to a {metric} or {label} noun', () => {
    const bad = all(strings('fr')).filter(([, s]) => /\b(Le|La|le|la) \{(metric|label)\}|\{(metric|label)\} (est|va|présente)\b/.test(s));
    expect(bad).toEqual([]);
  });

  it('starts every caption, summary and sentence template with a capital letter', () => {
    const lower = all(strings('fr').charts).filter(([k, s]) => /\.(caption|summary|title|position|moved|range|single|widest)$/.test(k) && /^\p{Ll}/u.test(s));
    expect(lower).toEqual([]);
    const chart = frenchScorecard(figures);
    expect(chart.description).toMatch(/^Normes atteintes en /);
  });

  it('names the KPI in the benchmark sentence as a quoted indicator, so no article has to agree with it', () => {
    const fcr = figures.benchmarks.find((b) => b.metric === 'fcr_rate')!;
    const chart = benchmarkPosition(
      { figure: fcr, company: 'Northwind Telecom', metricLabel: strings('fr').kpiMetrics.fcr_rate },
      { id: 'b', format: makeFormat('fr'), labels: chartLabels('fr').benchmarkPosition },
    );
    expect(chart.description).toMatch(/^Pour l’indicateur «\u202fTaux de résolution 1er contact\u202f», Northwind Telecom \(/);
  });

  it('fits every French and Vietnamese KPI name in the scorecard without cutting it', () => {
    for (const locale of ['fr', 'vi'] as const) {
      const t = strings(locale);
      const kpis = figures.kpis.map((k) => ({ ...k, label: t.kpiMetrics[k.metric] ?? k.label }));
      const svg = kpiScorecard(kpis, { id: 'k', format: makeFormat(locale), labels: chartLabels(locale).kpiScorecard }).svg;
      for (const k of kpis) expect(svg, `${locale} ${k.metric}`).toContain(`>${k.label}<`);
    }
  });
});

describe('Industry names', () => {
  it('names the benchmark industry in the reader’s language on the headline card (télécoms, viễn thông), the data id unchanged', () => {
    const position = (locale: 'fr' | 'vi' | 'en') =>
      headlineCards(figures, formatters(locale), strings(locale), makeFormat(locale)).find((c) => c.position)?.position;
    expect(position('fr')).toContain('du secteur télécoms');
    expect(position('fr')).not.toMatch(/telecom/);
    expect(position('vi')).toContain('ngành viễn thông');
    expect(position('en')).toContain('of telecom');
    expect(figures.benchmarks[0].industry).toBe('telecom');
  });
});

describe('French lines never start with punctuation', () => {
  it('keeps a no-break space with its word when a chart wraps a line', () => {
    expect(wrap('normes sous les attentes\u202f: 2 sur 7', 24)).toEqual(['normes sous les', 'attentes\u202f: 2 sur 7']);
    expect(wrap('a b', 1)).toEqual(['a', 'b']);
  });

  it('starts no line of the French gap-model diagram with ":" or "%"', () => {
    const chart = gapModel(figures.gaps, { id: 'g', format: makeFormat('fr'), labels: chartLabels('fr').gapModel, scale: figures.meta.scale });
    const lines = [...chart.svg.matchAll(/<(?:text|tspan)[^>]*>([^<]+)</g)].map((m) => m[1].trim());
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((l) => /^[:;?!%»]/.test(l))).toEqual([]);
  });
});

describe('French demo prose typography', () => {
  it('sets a narrow no-break space before : ; ? ! % » and after « in the French demo’s prose', () => {
    const body = readFileSync(resolve(ROOT, 'content/reports/demo-fr.mdx'), 'utf8').split('---').slice(2).join('---');
    const prose = body.replace(/<[^>]*>/g, 'x');
    expect(prose).toContain('\u202f:');
    expect(prose.split('\n').filter((l) => /[^\S\u202f\n][:;?!%»]|«[^\S\u202f]/.test(l))).toEqual([]);
  });
});

describe('French periods', () => {
  it('writes the quarter "T3 2026" in the scorecard caption and table, never 2026-Q3', () => {
    const chart = frenchScorecard(figures);
    expect(chart.description).toMatch(/^Normes atteintes en T\d 2026/);
    expect([chart.description, ...chart.table.rows.flat()].join(' ')).not.toMatch(/\d{4}-Q\d/);
    expect(metricText(figures, 'changes.servqual.dimensions.responsiveness.gap.from', formatters('fr'), strings('fr'))).toMatchObject({ text: 'T2 2026' });
  });
});
