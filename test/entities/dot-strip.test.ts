/** The dispersion chart of a `per:` report (src/charts/dot-strip.ts): published entities only, names as text. */
import { describe, expect, it } from 'vitest';
import { BINS, binValues, dotStrip } from '../../src/charts/dot-strip';
import { ENTITY_STRINGS } from '../../src/components/lib/entity-strings';
import { expectGolden } from '../charts/golden';

const e = ENTITY_STRINGS.en;
const labels = {
  title: e.dispersionTitle,
  description: e.dispersionDescription,
  caption: e.dispersionCaption,
  columns: e.dispersionColumns,
  thisEntity: e.thisEntity,
};
const dots = [
  { label: 'North <b>1</b>', n: 25, value: 40 },
  { label: 'South & Co', n: 30, value: -10 },
  { label: 'East', n: 20, value: 12 },
];

describe('dotStrip', () => {
  const chart = dotStrip(
    { metric: 'NPS', per: 'outlet', dots, q1: 1, median: 12, q3: 26, direction: 'higher', highlight: 'East' },
    { id: 'dispersion-nps', labels, signed: true, decimals: 0 },
  );

  it('draws one dot per published entity, the page’s own ringed and named', () => {
    expect(chart.svg.match(/<circle/g)).toHaveLength(dots.length + 1);
    expect(chart.svg).toContain('this outlet: +12');
  });

  it('has a title, a description naming the ends and the middle half, and a data table best first', () => {
    expect(chart.title).toBe('NPS across 3 outlets');
    expect(chart.description).toBe('NPS ranges from −10 (South & Co) to +40 (North <b>1</b>); the middle half lies between +1 and +26 (median +12).');
    expect(chart.table.rows.map((r) => r[0])).toEqual(['North <b>1</b>', 'East', 'South & Co']);
  });

  it('matches test/golden/dot-strip.svg and its phone layout dot-strip-narrow.svg (340 units wide)', () => {
    expect(chart.narrow).toContain('viewBox="0 0 340');
    expectGolden('dot-strip', chart.svg);
    expectGolden('dot-strip-narrow', chart.narrow!);
  });

  it('escapes entity names inside the SVG', () => {
    expect(chart.svg).not.toContain('<b>');
    expect(chart.svg).toContain('North &lt;b&gt;1&lt;/b&gt;');
  });

  it('names the best end right when lower is better', () => {
    const ces = dotStrip({ metric: 'CES', per: 'outlet', dots, q1: 1, median: 12, q3: 26, direction: 'lower' }, { id: 'd', labels });
    expect(ces.description).toMatch(/^CES ranges from −10\.0 \(South & Co\) to 40\.0 \(North <b>1<\/b>\)/);
    expect(ces.table.rows[0][0]).toBe('South & Co');
  });
});

describe('dotStrip’s summary form (an entity page among many siblings)', () => {
  // 1,000 seeded values: the chart and its table must not grow with them.
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const many = (n: number) => Array.from({ length: n }, () => Math.round(-40 + 100 * random()));
  const summaryOf = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (sorted.length - 1) * p;
      return sorted[Math.floor(h)] + (h - Math.floor(h)) * (sorted[Math.ceil(h)] - sorted[Math.floor(h)]);
    };
    return {
      metric: 'NPS',
      per: 'outlet',
      direction: 'higher' as const,
      count: values.length,
      min: sorted[0],
      q1: q(0.25),
      median: q(0.5),
      q3: q(0.75),
      max: sorted[sorted.length - 1],
      lowest: 'South <i>9</i>',
      highest: 'North 2',
      bins: binValues(values),
      own: { value: 12, rank: 40, of: values.length },
    };
  };
  const draw = (values: number[]) => dotStrip(summaryOf(values), { id: 'dispersion-nps', labels, summaryLabels: e.summary, signed: true, decimals: 0 });

  it('bins the values into at most BINS contiguous bins on round edges that count every value once', () => {
    for (const values of [many(1000), many(37), [5, 5, 5]]) {
      const bins = binValues(values);
      expect(bins.length).toBeLessThanOrEqual(BINS);
      expect(bins.reduce((a, b) => a + b.count, 0)).toBe(values.length);
      for (let i = 1; i < bins.length; i++) expect(bins[i].from).toBe(bins[i - 1].to);
      for (const v of values) expect(bins.filter((b, i) => v >= b.from && (v < b.to || (i === bins.length - 1 && v <= b.to)))).toHaveLength(1);
    }
  });

  it('has the same size with 100 and with 1,000 siblings: no dot, row or name per sibling', () => {
    const [small, large] = [draw(many(100)), draw(many(1000))];
    expect(large.svg.match(/<circle/g)).toHaveLength(2); // this outlet's ringed mark only
    expect(large.table.rows.length).toBeLessThanOrEqual(6 + BINS);
    expect(Math.abs(large.svg.length - small.svg.length)).toBeLessThan(600);
    expect(large.narrow!.length).toBeLessThan(8000);
  });

  it('says where this outlet stands in the title, description, mark and table, and names only the two ends', () => {
    const chart = draw(many(1000));
    expect(chart.title).toBe('NPS across 1,000 outlets');
    expect(chart.description).toMatch(
      /^NPS ranges from −40 \(South <i>9<\/i>\) to \+60 \(North 2\); the middle half lies between .* This outlet: \+12, rank 40 of 1,000\.$/,
    );
    expect(chart.svg).toContain('this outlet: +12 · rank 40 of 1,000');
    expect(chart.svg).toContain('South &lt;i&gt;9&lt;/i&gt;');
    expect(chart.table.columns).toEqual(['Statistic', 'Value']);
    expect(chart.table.rows.slice(0, 6)).toEqual([
      ['Lowest (South <i>9</i>)', '−40'],
      ['Lower quartile', chart.table.rows[1][1]],
      ['Median', chart.table.rows[2][1]],
      ['Upper quartile', chart.table.rows[3][1]],
      ['Highest (North 2)', '+60'],
      ['This outlet (rank 40 of 1,000)', '+12'],
    ]);
    expect(chart.table.rows[6][0]).toMatch(/^outlets from −40 to below −35$/);
    expect(chart.table.rows[chart.table.rows.length - 1][0]).toMatch(/^outlets from \+55 to \+60$/);
  });

  it('says so when this outlet’s own figure is withheld, and draws no mark for it', () => {
    const { own: _own, ...rest } = summaryOf(many(200));
    const chart = dotStrip(rest, { id: 'd', labels, summaryLabels: e.summary, signed: true, decimals: 0 });
    expect(chart.description).toMatch(/This outlet’s NPS is withheld, so it is not placed among them\.$/);
    expect(chart.svg).not.toMatch(/<circle/);
    expect(chart.table.rows.some((r) => r[0].startsWith('This outlet'))).toBe(false);
  });

  it('matches test/golden/dot-strip-summary.svg and its phone layout dot-strip-summary-narrow.svg', () => {
    const chart = draw(many(1000));
    expect(chart.narrow).toContain('viewBox="0 0 340');
    expectGolden('dot-strip-summary', chart.svg);
    expectGolden('dot-strip-summary-narrow', chart.narrow!);
  });
});
