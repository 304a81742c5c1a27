/**
 * Every chart carries a narrow twin for phones (ChartOutput.narrow, shown by CSS below 480 px):
 * drawn NARROW_WIDTH units wide so that, at a phone's ~358 px, its text renders at no less than
 * its nominal size (11 units and up); labels sit above bars, legends stack, ticks thin out, and
 * no text runs off the drawing.
 */
import { describe, expect, it } from 'vitest';
import { NARROW_WIDTH, textWidth } from '../../src/charts/svg';
import { kpiScorecard, makeFormat } from '../../src/charts/index';
import { chartLabels } from '../../src/i18n/index';
import { CASES } from './cases';
import { figures } from './fixtures';
import { expectGolden } from './golden';

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** Each line of text as drawn: where it starts and ends (estimated as textWidth does), unrotated ones only. */
export function textBoxes(svg: string): { text: string; left: number; right: number; y: number; size: number }[] {
  const out: { text: string; left: number; right: number; y: number; size: number }[] = [];
  for (const [, attrs, body] of svg.matchAll(/<text([^>]*)>(.*?)<\/text>/g)) {
    if (attr(attrs, 'transform')) continue;
    const size = Number(attr(attrs, 'font-size'));
    const anchor = attr(attrs, 'text-anchor') ?? 'start';
    const y0 = Number(attr(attrs, 'y'));
    const spans = body.includes('<tspan')
      ? [...body.matchAll(/<tspan([^>]*)>(.*?)<\/tspan>/g)].map(([, a, t]) => ({ x: Number(attr(a, 'x')), t }))
      : [{ x: Number(attr(attrs, 'x')), t: body }];
    for (const { x, t } of spans) {
      const s = unescape(t);
      const w = textWidth(s, size);
      const left = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
      out.push({ text: s, left, right: left + w, y: y0, size });
    }
  }
  return out;
}

const viewBox = (svg: string) => /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number);

describe.each(Object.entries(CASES))('%s, narrow layout', (name, build) => {
  const out = build();
  const narrow = out.narrow ?? '';

  it('comes with a narrow twin NARROW_WIDTH units wide whose ids are its own', () => {
    expect(narrow).toMatch(/^<svg /);
    expect(viewBox(narrow)[0]).toBe(NARROW_WIDTH);
    // A 390 px phone gives a chart about 358 px: drawn no wider, it is never scaled down.
    expect(NARROW_WIDTH).toBeLessThanOrEqual(358);
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(narrow).length).toBeGreaterThan(0);
    for (const id of ids(narrow)) expect(ids(out.svg)).not.toContain(id);
    expect(narrow).toMatch(/aria-labelledby="[\w-]+-narrow-title [\w-]+-narrow-desc"/);
  });

  it('sets every text at 11 units or more, so a 358 px phone renders it at 11 px or more', () => {
    const sizes = [...narrow.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  });

  it('keeps every line of text inside the drawing', () => {
    const [w] = viewBox(narrow);
    const outside = textBoxes(narrow).filter((b) => b.left < -2 || b.right > w + 2);
    expect(outside).toEqual([]);
  });

  it(`matches test/golden/${name}-narrow.svg`, () => expectGolden(`${name}-narrow`, narrow));
});

describe('the narrow layout re-lays, not shrinks', () => {
  it('puts each segment label above its bar (segment bars, NPS breakdown)', () => {
    for (const name of ['segment-bars', 'nps-breakdown']) {
      const narrow = CASES[name]().narrow!;
      const bars = [...narrow.matchAll(/<rect x="12" y="([\d.]+)"[^>]*height="(?:18|22)"/g)].map((m) => Number(m[1]));
      expect(bars.length, name).toBeGreaterThan(2);
      // The row label starts at the left edge, like the bar, on a line of its own above it.
      const labels = textBoxes(narrow).filter((b) => b.left === 12 && b.size === 13);
      for (const top of bars)
        expect(
          labels.some((l) => l.y < top && l.y > top - 24),
          `${name}: a label above the bar at y=${top}`,
        ).toBe(true);
    }
  });

  it('stacks the legends that run across the wide chart (trend, NPS breakdown, KPI scorecard)', () => {
    const legend = {
      trend: ['95% interval', 'significant improvement', 'significant decline'],
      'nps-breakdown': ['Detractors (0–6)', 'Passives (7–8)', 'Promoters (9–10)'],
      'kpi-scorecard': ['meets target', 'at risk (within tolerance)', 'target'],
    };
    for (const [name, entries] of Object.entries(legend)) {
      const { svg, narrow } = CASES[name]();
      const at = (s: string) => entries.map((e) => textBoxes(s).find((b) => b.text === e));
      expect(at(svg).every(Boolean), `${name}: the legend in the wide chart`).toBe(true);
      expect(new Set(at(svg).map((b) => b!.y)).size, `${name}: one row wide`).toBe(1);
      const stacked = at(narrow!);
      expect(new Set(stacked.map((b) => b!.left)).size, `${name}: one column narrow`).toBe(1);
      expect(new Set(stacked.map((b) => b!.y)).size, `${name}: one line each`).toBe(3);
    }
  });

  it('draws fewer value ticks than the wide chart (trend, segment bars, benchmark)', () => {
    const ticks = (svg: string) => textBoxes(svg).filter((b) => b.size === 11 && /^[+−]?\d+$/.test(b.text)).length;
    for (const name of ['trend', 'segment-bars', 'benchmark-position']) {
      const { svg, narrow } = CASES[name]();
      expect(ticks(narrow!), name).toBeLessThan(ticks(svg));
    }
  });

  it('fits the French and Vietnamese scorecard in the narrow width', () => {
    for (const locale of ['fr', 'vi'] as const) {
      const chart = kpiScorecard(figures.kpis, { id: 'k', format: makeFormat(locale), labels: chartLabels(locale).kpiScorecard });
      expect(
        textBoxes(chart.narrow!).filter((b) => b.right > NARROW_WIDTH + 2),
        locale,
      ).toEqual([]);
    }
  });
});
