/**
 * <InternalQuality by="branch"/>: its chart drawn from the fixture's figures in en, fr and vi
 * (labels from the locale files' charts.internalQuality), the localised sentence when there is
 * nothing to draw, and the MDX lint's check of its prop.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-fs';
import { analyzeDataset } from '../../src/analysis/analyze';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { Figures } from '../../src/schemas/figures';
import { internalQuality, internalQualityInput } from '../../src/charts/internal-quality';
import { makeFormat } from '../../src/charts/format';
import { segmentName, segmentValueLabels } from '../../src/components/lib/segment-table';
import { chartLabels, strings } from '../../src/i18n';
import { lintReport } from '../../src/build/lint-mdx';
import { formatProblem } from '../../src/schemas/problem';

const FIXTURE = new URL('./fixture', import.meta.url).pathname;
let figures: Figures;
beforeAll(async () => {
  const loaded = await loadDataset(FIXTURE);
  figures = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({ min_base: 10, low_base: 30 })).figures!;
});

/** The segments as a report in `locale` reads them (what ChartComponent.astro hands the component). */
const segments = (locale: 'en' | 'fr' | 'vi') => ({
  name: (by: string) => segmentName(strings(locale), by),
  valueLabels: (by: string) => segmentValueLabels(figures, by, strings(locale)),
});
const draw = (locale: 'en' | 'fr' | 'vi') => {
  const input = internalQualityInput(figures, 'branch', segments(locale))!;
  return internalQuality(input, { id: 'internal-branch', format: makeFormat(locale), labels: chartLabels(locale).internalQuality });
};

describe('<InternalQuality by="branch"/> chart', () => {
  it('draws one row per branch published on both sides of the fixture', () => {
    const pairs = figures.internal!.compare.branch.pairs;
    expect(pairs.length).toBeGreaterThan(0);
    expect(draw('en').table.rows.map((r) => r[0])).toEqual(pairs.map((p) => p.value));
  });

  it('reads in English, French and Vietnamese from the locale files', () => {
    expect(draw('en').title).toBe('Internal and external service quality by branch');
    expect(draw('fr').title).toBe('Qualité de service interne et externe par branch');
    expect(draw('vi').title).toBe('Chất lượng dịch vụ nội bộ và bên ngoài theo branch');
    expect(draw('fr').table.columns).toEqual(['branch', 'Qualité interne', 'Qualité externe', 'eNPS', 'NPS']);
    expect(draw('vi').table.columns).toEqual(['branch', 'Chất lượng nội bộ', 'Chất lượng bên ngoài', 'eNPS', 'NPS']);
    expect(draw('fr').svg).toContain('employés (interne)');
    expect(draw('vi').svg).toContain('khách hàng (bên ngoài)');
  });

  it('says the correlation in the locale, French with narrow no-break spaces', () => {
    const fr = draw('fr').description;
    expect(fr).toMatch(/^Pour \d+ valeurs de branch, la perception par les employés/);
    expect(fr).toMatch(/(intervalle à 95\u202f% de|il en faut au moins 4)/);
    expect(fr).not.toMatch(/ [:;%]/);
    expect(draw('vi').description).toMatch(/^Với \d+ giá trị của branch, cảm nhận của nhân viên/);
  });

  it('has nothing to draw without employees.csv or for a segment employees.csv lacks', () => {
    expect(internalQualityInput({ ...figures, internal: undefined }, 'branch', segments('en'))).toBeUndefined();
    expect(internalQualityInput(figures, 'region', segments('en'))).toBeUndefined();
    expect(chartLabels('fr').internalQuality.none).toBe(
      'Qualité interne par {segment} non affichée\u202f: le jeu de données n’a pas de fichier employees.csv, ou aucune valeur de {segment} n’est publiée à la fois pour les employés et pour les clients.',
    );
  });
});

describe('the MDX lint on <InternalQuality>', () => {
  const lint = (body: string) => lintReport('content/reports/x.mdx', `---\ntitle: x\n---\n\nIntro.\n\n${body}\n`, figures).map(formatProblem);

  it('accepts by="branch", a segment of the questionnaire', () => {
    expect(lint('<InternalQuality by="branch" />')).toEqual([]);
  });

  it('refuses a segment the questionnaire does not declare, and a missing by', () => {
    expect(lint('<InternalQuality by="team" />')).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx:7: <InternalQuality> by: "team" is not one of: branch.",
      ]
    `);
    expect(lint('<InternalQuality />')).toMatchInlineSnapshot(`
      [
        "content/reports/x.mdx:7: <InternalQuality>: needs the prop by. For example <InternalQuality by="region" />.",
      ]
    `);
  });
});
