/**
 * One rendering per figure (issue 12 item 5) on the built demo site, in en, fr and vi: each
 * figure a page prints in several places (cards, <Metric>, words, tables: `data-figure`) reads
 * one string, and the figures the issue measured (the NPS and CSAT changes, the gaps to the
 * industry median, the KPIs' values and trends) appear nowhere on the page — chart labels,
 * captions, data tables, the PDF's HTML — in another form than <Metric> prints them: another
 * precision, the whole number of a figure printed with decimals, a sign it does not carry, or
 * its digits grouped otherwise (test/site/one-rendering-comparer.test.ts plants each).
 * Raw values stay raw in figures.csv and figures.json (test/site/figures-csv.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenFigures } from '../../src/build/figures-csv';
import { metricText } from '../../src/components/lib/metric-format';
import { strings } from '../../src/i18n';
import { formatters } from '../../src/i18n/format';
import type { Figures } from '../../src/schemas/figures';
import type { Locale } from '../../src/schemas/questionnaire';
import { demoSite } from '../e2e/demo-site';
import { figureStrings, numberOf, rivalRenderings, textWithoutTicks } from './one-rendering';

const EDITIONS: [Locale, string][] = [
  ['en', 'demo'],
  ['fr', 'demo-fr'],
  ['vi', 'demo-vi'],
];
/** The figures the issue found printed two ways, each shown on a card or in words and in a chart or a table. */
const MEASURED = [
  /^changes\.(nps\.score|csat\.top2box)\.difference$/,
  /^(nps\.score|csat\.top2box)$/,
  /^benchmarks\.(nps|csat|fcr_rate|service_level_30s)\.gap_to_median$/,
  /^kpis\.[\w-]+\.(value|trend)$/,
  // Counts: the bases and effective bases the cards and the methodology print ("1,178" / "1 178"; effective "1,119", not "1,118.55").
  /^(nps|csat|ces|overall)\.(n|n_eff)$/,
  // A benchmark's median and top quartile: the benchmark chart printed whole ones with a decimal ("median 73.0%") where <Metric> prints "73%".
  /^benchmarks\.(nps|csat|fcr_rate|service_level_30s)\.(median|top_quartile)$/,
];

let figures: Figures;
const pages = new Map<Locale, string>();
beforeAll(async () => {
  const dir = await demoSite();
  figures = JSON.parse(await readFile(join(dir, 'dist/reports/demo/figures.json'), 'utf8')) as Figures;
  for (const [locale, id] of EDITIONS) pages.set(locale, await readFile(join(dir, 'dist/reports', id, 'index.html'), 'utf8'));
}, 900_000);

describe.each(EDITIONS.map(([l]) => l))('one rendering per figure on the %s page', (locale) => {
  it('prints each figure it shows in several places with one string', () => {
    const shown = [...figureStrings(pages.get(locale)!)].filter(([, s]) => s.length > 1);
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.filter(([, s]) => new Set(s).size > 1)).toEqual([]);
  });

  it('prints the measured figures as <Metric> does, and in no other form anywhere on the page (precision, sign, grouping)', () => {
    const text = textWithoutTicks(pages.get(locale)!);
    const fmt = formatters(locale);
    const t = strings(locale);
    const numeric = flattenFigures(figures).filter((e): e is [string, number] => typeof e[1] === 'number');
    const render = (id: string) => {
      const m = metricText(figures, id, fmt, t);
      return m.kind === 'value' ? numberOf(m.text) : undefined;
    };
    const rendered = new Map(numeric.map(([id]) => [id, render(id)]));
    const checked = numeric.filter(([id]) => MEASURED.some((r) => r.test(id)));
    expect(checked.length).toBeGreaterThan(10);
    const problems = checked.flatMap(([id, v]) => {
      const printed = rendered.get(id);
      if (!printed) return [`${id}: <Metric> prints no number`];
      if (!text.includes(printed)) return [`${id}: ${printed} is not on the page`];
      // Another figure's own rendering is not a rival (the CES mean 3.16 is not the NPS gap 3.2).
      const others = new Set([...rendered].filter(([other, s]) => other !== id && s !== undefined).map(([, s]) => s!));
      return rivalRenderings(text, v, printed, locale, others).map((r) => `${id} = ${printed}, but the page also prints ${r}`);
    });
    expect(problems).toEqual([]);
  });
});
