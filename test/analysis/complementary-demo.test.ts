/**
 * The demo: region Islands (8 respondents in 2026-Q3) is suppressed, so East — the smallest
 * other region — is withheld with it in every figure family, and every consumer reads it so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { npsBreakdown } from '../../src/charts/nps-breakdown';
import { complementaryRule } from '../../src/components/lib/methodology';
import { metricText } from '../../src/components/lib/metric-format';
import { segmentTable } from '../../src/components/lib/segment-table';
import { segmentBarRows, segmentBars } from '../../src/charts/segment-bars';
import { servqualGaps } from '../../src/charts/servqual-gaps';
import { formatters } from '../../src/i18n/format';
import { strings } from '../../src/i18n';
import type { Figures } from '../../src/schemas/figures';
import { demoFigures } from '../site/demo-figures';

let f: Figures;
beforeAll(async () => {
  f = await demoFigures();
}, 120_000);

describe('demo: complementary suppression of region East', () => {
  it('withholds East secondarily in NPS, CSAT, CES, overall and SERVQUAL, keeping its bases', () => {
    const east = f.segments.region.East;
    expect([east.nps, east.csat, east.ces, east.overall].map((x) => x && x.suppressed && x.secondary)).toEqual([true, true, true, true]);
    expect(Object.values(east.servqual!.dimensions).every((d) => d.suppressed && d.secondary)).toBe(true);
    expect(east.servqual!.unweighted).toBeUndefined();
    expect(f.segments.region.North.nps?.suppressed).toBe(false);
    expect(Object.values(f.segments.channel).every((g) => g.nps?.suppressed === false)).toBe(true);
  });

  it('the segment table, the NPS breakdown and the methodology read East as withheld', () => {
    const row = segmentTable(f, 'region', formatters('en'), strings('en')).rows.find((r) => r.label === 'East')!;
    expect(row.cells.every((c) => c.state === 'suppressed')).toBe(true);
    const chart = npsBreakdown(
      Object.entries(f.segments.region).map(([label, g]) => ({ label, figure: g.nps! })),
      { id: 'nps-region' },
    );
    // East's NPS was +12; no other region rounds to it.
    expect(JSON.stringify(chart)).not.toContain('+12');
    expect(complementaryRule(f, strings('en'))).toContain('Withheld to protect another small group: Region East (NPS, CSAT, CES, Overall, SERVQUAL).');
  });

  it('says East is withheld to protect a smaller group, not that its base is under min_base (n = 270)', () => {
    const m = metricText(f, 'segments.region.East.nps.score', formatters('en'), strings('en'));
    expect(m).toEqual({ kind: 'suppressed', text: 'withheld to protect a smaller group', secondary: true });
    expect(metricText(f, 'segments.region.Islands.nps.score', formatters('fr'), strings('fr'))).toEqual({
      kind: 'suppressed',
      text: 'masqué (base inférieure à 10)',
    });
    const row = segmentTable(f, 'region', formatters('en'), strings('en')).rows.find((r) => r.label === 'East')!;
    expect(row.cells.map((c) => c.text)).toContain('withheld to protect a smaller group');
    const nps = npsBreakdown(
      Object.entries(f.segments.region).map(([label, g]) => ({ label, figure: g.nps! })),
      { id: 'nps-region' },
    );
    expect(nps.description).toContain('Suppressed (n < 10): Islands.');
    expect(nps.description).toContain('Withheld to protect a smaller group: East.');
    expect(nps.table.rows.find((r) => r[0] === 'East')!.slice(2)).toEqual(Array(4).fill('withheld to protect a smaller group'));
    const bars = segmentBars({ label: 'CSAT', by: 'region', rows: segmentBarRows(f.segments.region, 'csat') }, { id: 'csat-region' });
    expect(bars.svg).toContain('withheld to protect a smaller group');
    expect(bars.description).toContain('Withheld to protect a smaller group: East.');
    const dims = f.segments.region.East.servqual!.dimensions;
    const gaps = servqualGaps({ servqual: { ...f.segments.region.East.servqual!, dimensions: dims }, scale: f.meta.scale } as never, { id: 'sq' });
    expect(gaps.svg).toContain('withheld to protect a smaller group');
  });
});
