/** The dispersion chart of a `per:` report (src/charts/dot-strip.ts): published entities only, names as text. */
import { describe, expect, it } from 'vitest';
import { dotStrip } from '../../src/charts/dot-strip';
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
