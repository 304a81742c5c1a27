/**
 * One rendering per figure (issue 12 item 5): a chart's base says what it counts — the
 * respondents who answered the charted question, not every respondent of a table — and a CSAT
 * value, a percentage, reads with its sign in every chart as on the cards (FIGURE_KINDS.percent).
 */
import { describe, expect, it } from 'vitest';
import { npsBreakdown } from '../../src/charts/nps-breakdown';
import { segmentBars } from '../../src/charts/segment-bars';
import { trend } from '../../src/charts/trend';
import { dotStrip } from '../../src/charts/dot-strip';
import { makeFormat } from '../../src/charts/format';
import { chartLabels } from '../../src/i18n';
import { formatKind, formatters } from '../../src/i18n/format';
import { ENTITY_STRINGS } from '../../src/components/lib/entity-strings';
import { figures } from './fixtures';
import { FS, NARROW_WIDTH, textWidth } from '../../src/charts/svg';
import type { SegmentBarRow } from '../../src/charts/segment-bars';

/** CSAT top-2-box by channel (percentages 0–100), as segmentBarRows reads figures.segments. */
const CSAT_ROWS: SegmentBarRow[] = [
  { label: 'phone', n: 221, value: 72.9, low_base: false },
  { label: 'chat', n: 139, value: 64.15, low_base: false },
  { label: 'store', n: 25, value: 80, low_base: true },
];

const LOCALES = ['en', 'fr', 'vi'] as const;

describe('chart bases', () => {
  it.each(LOCALES)('%s: the NPS breakdown names its base as the NPS answers', (locale) => {
    const out = npsBreakdown([{ label: 'All', figure: figures.nps!, total: true }], {
      id: 'n',
      layout: 'wide',
      format: makeFormat(locale),
      labels: chartLabels(locale).npsBreakdown,
    });
    const n = makeFormat(locale).number(figures.nps!.n, 0);
    const expected = { en: `n = ${n} answering NPS`, fr: `n = ${n} réponses au NPS`, vi: `n = ${n} người trả lời NPS` }[locale];
    expect(out.svg).toContain(expected);
  });

  it.each(LOCALES)('%s: segment bars name the question their base answered', (locale) => {
    const out = segmentBars(
      { label: 'CSAT', by: 'channel', rows: CSAT_ROWS },
      { id: 's', layout: 'wide', format: makeFormat(locale), decimals: 1, percent: true, labels: chartLabels(locale).segmentBars },
    );
    const expected = { en: 'answering CSAT', fr: 'réponses CSAT', vi: 'người trả lời CSAT' }[locale];
    expect(out.svg).toContain(expected);
    expect(out.description).toContain(expected);
  });
});

describe('the base beside a long name in the phone layout', () => {
  const long = 'Agences régionales du Grand Nord-Est';
  /** The right edge of the base text: x of its <text> plus its width estimate (textWidth). */
  const baseEnds = (svg: string, base: string) =>
    [...svg.matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].filter((m) => m[2] === base).map((m) => Number(m[1]) + textWidth(base, FS.small));

  it.each(LOCALES)('%s: the NPS breakdown shortens the name so that its base stays inside the drawing', (locale) => {
    const figure = { ...figures.nps!, n: 1200 };
    const out = npsBreakdown([{ label: long, figure }], { id: 'n', layout: 'narrow', format: makeFormat(locale), labels: chartLabels(locale).npsBreakdown });
    const base = chartLabels(locale).npsBreakdown.base.replace('{n}', makeFormat(locale).number(1200, 0));
    const ends = baseEnds(out.svg, base);
    expect(ends).toHaveLength(1);
    expect(ends[0]).toBeLessThanOrEqual(NARROW_WIDTH - 12);
    expect(out.svg).toContain('…');
  });

  it.each(LOCALES)('%s: segment bars do the same', (locale) => {
    const out = segmentBars(
      { label: 'CSAT', by: 'agence', rows: [{ label: long, n: 1200, value: 72.9, low_base: false }] },
      { id: 's', layout: 'narrow', format: makeFormat(locale), decimals: 1, percent: true, labels: chartLabels(locale).segmentBars },
    );
    const base = chartLabels(locale).segmentBars.base.replace('{n}', makeFormat(locale).number(1200, 0)).replace('{label}', 'CSAT');
    const ends = baseEnds(out.svg, base);
    expect(ends).toHaveLength(1);
    expect(ends[0]).toBeLessThanOrEqual(NARROW_WIDTH - 12);
  });
});

describe('CSAT in charts', () => {
  const csatRows = CSAT_ROWS;

  it.each(LOCALES)('%s: segment bars print each CSAT value as the cards do, with the percent sign', (locale) => {
    expect(csatRows.length).toBeGreaterThan(0);
    const out = segmentBars(
      { label: 'CSAT', by: 'channel', rows: CSAT_ROWS },
      { id: 's', layout: 'wide', format: makeFormat(locale), decimals: 1, percent: true, labels: chartLabels(locale).segmentBars },
    );
    const cells = out.table.rows.map((r) => r[2]);
    csatRows.forEach((row, i) => expect(cells[i].startsWith(formatKind('percent', row.value!, formatters(locale))), cells[i]).toBe(true));
  });

  it('trend and dispersion print CSAT with the percent sign, never the bare number', () => {
    const waves = [
      { wave: '2026-Q2', value: 71.25, ci95: [68.5, 74] as [number, number] },
      { wave: '2026-Q3', value: 72.9, ci95: [70.1, 75.4] as [number, number] },
    ];
    const t = trend({ label: 'CSAT', points: waves, changes: [] }, { id: 't', layout: 'wide', decimals: 1, percent: true });
    expect(t.table.rows.map((r) => r[1])).toEqual(['71.3%', '72.9%']);
    expect(t.svg).not.toMatch(/>72\.9</);
    const e = ENTITY_STRINGS.en;
    const d = dotStrip(
      {
        metric: 'CSAT',
        per: 'outlet',
        dots: [
          { label: 'A', n: 40, value: 72.9 },
          { label: 'B', n: 41, value: 64.15 },
        ],
        q1: 66,
        median: 68.5,
        q3: 71,
        direction: 'higher',
      },
      {
        id: 'd',
        layout: 'wide',
        decimals: 1,
        percent: true,
        labels: {
          title: e.dispersionTitle,
          description: e.dispersionDescription,
          caption: e.dispersionCaption,
          columns: e.dispersionColumns,
          thisEntity: e.thisEntity,
        },
      },
    );
    expect(d.table.rows.flat()).toContain('72.9%');
  });
});
