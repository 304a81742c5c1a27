/**
 * <Themes/>: what the wave's comments mention — the share of comments per codebook theme
 * (themes.yaml) with its 95 % interval, most mentioned first, sub-themes under their parent; then
 * how the comments feel, overall and per theme (figures.sentiment, by lexicon; a language without
 * one, Vietnamese, is said not to be scored, never guessed); then the themes beside the dimensions
 * as drivers of the outcome (figures.theme_drivers), marked as associations, not causes. Aggregates
 * only: no comment text. A part without figures says why in one line. Registered on the theme-shares
 * chart's line (registry.ts); its three charts each keep their builder and labels.
 */
import { z } from 'zod';
import { chartComponent, drawWith, type ChartPart } from './component';
import { fill } from './format';
import { themeRows, themeShares } from './theme-shares';
import { sentimentUnavailable, themeSentiment, themeSentimentRows } from './theme-sentiment';
import { themeDriverRows, themeDrivers } from './theme-drivers';
import { driverMatrix } from './driver-matrix';

export const themesComponent = chartComponent(themeShares, {
  name: 'Themes',
  schema: z.object({}),
  props: {},
  guide: {
    title: 'what the comments mention',
    // The line breaks and paragraphs are the guide's, as they were written.
    text: [
      'No props. The share of the report wave’s comments that mention each theme of the dataset’s',
      'codebook (`themes.yaml`, see the figures guide), with its 95 % interval, most mentioned first',
      'and sub-themes under their parent; the data table lists the same with the counts. Only',
      'aggregates: no comment text, and no opt-in needed. Without a codebook, or when the wave has',
      'fewer than `min_base` comments, one line says why no themes are shown. Each theme’s figures',
      '(`themes.<id>.share`, `.change`, `.outcome`, `.segments`) can be quoted with `<Metric>`.',
      '',
      'Under the shares, two more charts, each with its data table and phone layout: how the comments',
      'feel (`sentiment`: all scored comments, then per theme the share reading negative and positive;',
      'a theme under `min_base` scored comments says so), and the themes beside the SERVQUAL dimensions',
      'as drivers of the outcome (`theme_drivers`, shares of R²), titled and described as associations,',
      'not causes. Comments in a language without a lexicon (Vietnamese) are not scored, and a line says',
      '“sentiment not available for Vietnamese” wherever they occur and on a Vietnamese edition.',
    ].join('\n'),
    example: {},
  },
  select: ({ figures, labels: L, t, locale, reportId, fmt, labelsOf }) => {
    const S = labelsOf(themeSentiment);
    const D = labelsOf(themeDrivers);
    const min = { min: figures.meta.min_base };
    const muted = (text: string): ChartPart => ({ paragraph: text, attributes: { class: 'muted' } });
    const { themes, sentiment, theme_drivers: drivers } = figures;
    const first = themes && Object.values(themes)[0];
    const sentimentRows = themeSentimentRows(figures, locale, S.all);
    const shown: ChartPart[] = [
      { heading: S.heading, level: 4 },
      sentiment && sentimentRows.length
        ? drawWith(themeSentiment, {
            input: { wave: fmt.period(sentiment.wave), rows: sentimentRows },
            options: {},
            prefix: 'theme-sentiment',
            kind: 'theme-sentiment',
          })
        : muted(fill(S.none, min)),
      ...sentimentUnavailable(figures, locale, S.unavailable).map((line) => ({
        paragraph: line,
        attributes: { class: 'muted', 'data-sentiment': 'unavailable' },
      })),
      { heading: D.heading, level: 4 },
      drivers
        ? drawWith(themeDrivers, {
            input: {
              outcome: labelsOf(driverMatrix).outcomes[drivers.outcome] ?? drivers.outcome,
              n: drivers.n,
              r2: drivers.r2,
              rows: themeDriverRows(figures, locale, t.dimension),
            },
            options: {},
            prefix: 'theme-drivers',
            kind: 'theme-drivers',
          })
        : muted(fill(D.none, min)),
    ];
    const id = `${reportId}-themes`;
    return {
      section: { class: 'themes', 'aria-labelledby': id, 'data-component': 'Themes' },
      parts: [
        { heading: L.heading, level: 3, id },
        themes && first
          ? drawWith(themeShares, {
              input: { wave: fmt.period(first.wave), n: first.n, rows: themeRows(themes, locale) },
              options: {},
              prefix: 'themes',
              kind: 'theme-shares',
            })
          : muted(fill(L.none, min)),
        // The sentiment and the drivers only under drawn shares.
        { group: themes && first ? shown : [] },
      ],
    };
  },
});
