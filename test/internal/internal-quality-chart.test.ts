/** The internal-quality chart: paired square (employees) and dot (customers) per branch, a text alternative, and a narrow twin that fits a phone. */
import { describe, expect, it } from 'vitest';
import { internalQuality, type InternalQualityInput } from '../../src/charts/internal-quality';
import { NARROW_WIDTH, textWidth } from '../../src/charts/svg';

const input: InternalQualityInput = {
  segment: 'branch',
  pairs: [
    { value: 'North', internal: 5.25, external: 5.5, enps: 30, nps: 12 },
    { value: 'South', internal: 4.1, external: 4.2, enps: -50, nps: -40 },
    { value: 'Central and a very long branch name indeed', internal: 4.8, external: 5.0 },
    { value: 'East', internal: 5.6, external: 5.55, enps: 10, nps: 60 },
  ],
  correlation: { status: 'measured', r: 0.93, ci95: [0.25, 0.99], n: 4 },
};

describe('internalQuality chart', () => {
  const out = internalQuality(input, { id: 'internal-branch' });

  it('states the pairs and their correlation with its interval in title, description and table', () => {
    expect(out.title).toBe('Internal and external service quality by branch');
    expect(out.description).toBe(
      'For 4 values of branch, the employees’ perception of the internal service they receive (employees (internal)) beside the customers’ perception of the service (customers (external)), on the item scale. Across them, internal and external quality correlate at r = +0.93 (95 % interval +0.25 to +0.99, n = 4).',
    );
    expect(out.table.columns).toEqual(['branch', 'Internal quality', 'External quality', 'eNPS', 'NPS']);
    expect(out.table.rows[0]).toEqual(['North', '5.25', '5.50', '+30', '+12']);
    expect(out.table.rows[2]).toEqual(['Central and a very long branch name indeed', '4.80', '5.00', '—', '—']);
  });

  it('draws one square and one dot per pair, plus the legend’s', () => {
    expect(out.svg.match(/<rect [^>]*stroke-width="2"/g)).toHaveLength(input.pairs.length + 1);
    expect(out.svg.match(/<circle /g)).toHaveLength(input.pairs.length + 1);
  });

  it('says why the correlation is not measured under four pairs', () => {
    const few = internalQuality({ ...input, pairs: input.pairs.slice(0, 3), correlation: { status: 'not measured', n: 3 } }, { id: 'few' });
    expect(few.description).toMatch(/Their correlation is not measured \(3 values published on both sides; at least 4 are needed\)\.$/);
  });

  it('has a narrow twin, 340 units wide, whose text stays inside the drawing at its nominal size', () => {
    const narrow = out.narrow!;
    expect(narrow).toContain(`viewBox="0 0 ${NARROW_WIDTH} `);
    expect(narrow).toContain('id="internal-branch-narrow-title"');
    for (const [, attrs, body] of narrow.matchAll(/<text([^>]*)>(.*?)<\/text>/g)) {
      const size = Number(/font-size="([\d.]+)"/.exec(attrs)![1]);
      const x = Number(/ x="([\d.]+)"/.exec(attrs)![1]);
      const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
      const w = textWidth(body.replace(/&[a-z#0-9]+;/g, '_'), size);
      const left = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
      expect(size, body).toBeGreaterThanOrEqual(11);
      expect(left, body).toBeGreaterThanOrEqual(0);
      expect(left + w, body).toBeLessThanOrEqual(NARROW_WIDTH);
    }
  });
});
