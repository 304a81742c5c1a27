import { describe, expect, it } from 'vitest';
import { benchmarkPosition, driverMatrix, gapModel, kpiScorecard, makeFormat, npsBreakdown, segmentBars, servqualGaps, trend } from '../../src/charts/index';
import { esc, r, wrap } from '../../src/charts/svg';
import { CASES } from './cases';
import { HOSTILE, figures, nps } from './fixtures';

/** Tags balance and attributes are quoted: enough to catch broken markup without a parser. */
function wellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, close, name, , self] = m;
    if (close) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!self) stack.push(name);
  }
  expect(stack).toEqual([]);
  expect(svg.replace(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, '')).not.toMatch(/[<>]/);
}

const attrValues = (svg: string) => [...svg.matchAll(/\s[\w:-]+="([^"]*)"/g)].map((m) => m[1]);

describe.each(Object.entries(CASES))('%s', (name, build) => {
  const out = build();
  it('is an accessible svg: role img, labelled by its <title> and <desc>', () => {
    const id = /aria-labelledby="([\w-]+)-title \1-desc"/.exec(out.svg)?.[1];
    expect(id).toBeTruthy();
    expect(out.svg).toMatch(/^<svg [^>]*role="img"/);
    expect(out.svg).toContain(`<title id="${id}-title">${esc(out.title)}</title>`);
    expect(out.svg).toContain(`<desc id="${id}-desc">${esc(out.description)}</desc>`);
    expect(out.svg).toMatch(/viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?" width="100%"/);
  });
  it('is well-formed markup', () => wellFormed(out.svg));
  it('gives byte-identical output for the same input', () => expect(CASES[name]().svg).toBe(out.svg));
  it('has no NaN, undefined or coordinates beyond 2 decimals', () => {
    expect(out.svg).not.toMatch(/NaN|undefined|Infinity|\[object/);
    for (const v of attrValues(out.svg)) expect(v).not.toMatch(/\d\.\d{3,}/);
  });
  it('sets text at 11px or more', () => {
    for (const m of out.svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(11);
  });
  it('describes itself and carries its data as a table', () => {
    expect(out.description.length).toBeGreaterThan(30);
    expect(out.table.rows.length).toBeGreaterThan(0);
    for (const row of out.table.rows) expect(row).toHaveLength(out.table.columns.length);
  });
  it('styles through CSS custom properties with fallbacks', () => expect(out.svg).toMatch(/fill="var\(--gr-[\w-]+, #[0-9a-f]{6}\)"/));
});

describe('hostile text from the data', () => {
  const hostileBenchmark = {
    ...figures.benchmarks[0],
    source: HOSTILE,
    peer_values: figures.benchmarks[0].peer_values.map((p, i) => (i === 0 ? { ...p, company: HOSTILE } : p)),
  };
  const outputs = {
    gapModel: gapModel({ ...figures.gaps, gap4: { status: 'not measured', reason: HOSTILE } }, { id: 'g' }),
    servqualItems: servqualGaps(
      { servqual: { ...figures.servqual!, items: figures.servqual!.items.map((i) => ({ ...i, text: HOSTILE })) }, scale: { min: 1, max: 7 } },
      { id: 's', mode: 'items' },
    ),
    nps: npsBreakdown([{ label: HOSTILE, figure: figures.nps! }], { id: 'n' }),
    kpi: kpiScorecard(
      figures.kpis.map((k) => ({ ...k, label: HOSTILE })),
      { id: 'k' },
    ),
    benchmark: benchmarkPosition({ figure: hostileBenchmark, company: HOSTILE, metricLabel: HOSTILE }, { id: 'b' }),
    drivers: driverMatrix(
      figures.drivers.status === 'measured' ? { ...figures.drivers, items: figures.drivers.items.map((d) => ({ ...d, label: HOSTILE })) } : figures.drivers,
      { id: 'd' },
    ),
    trend: trend({ label: HOSTILE, points: [{ wave: HOSTILE, value: 1 }], changes: [] }, { id: 't' }),
    segments: segmentBars({ label: HOSTILE, by: HOSTILE, rows: [{ label: HOSTILE, n: 50, value: 3 }] }, { id: 'sb' }),
  };
  it.each(Object.entries(outputs))('%s escapes labels: <script> appears as text', (_, out) => {
    expect(out.svg).not.toContain('<script');
    expect(out.svg).toContain('&lt;script&gt;');
    expect(out.svg).not.toMatch(/"x"\)/);
    wellFormed(out.svg);
  });
  it('keeps title, description and table as plain text (the caller escapes them)', () => {
    expect(outputs.nps.table.rows[0][0]).toBe(HOSTILE);
  });
  it('rejects a chart id that could break out of its attribute', () => {
    expect(() => npsBreakdown([], { id: 'a" onload="x' })).toThrow(/chart id/);
  });
});

describe('suppressed and not measured figures', () => {
  it('draws a suppressed NPS row as a note, never as 0', () => {
    const out = npsBreakdown([{ label: 'email', figure: nps(7, 0.3, 0.3) }], { id: 'n' });
    expect(out.svg).toContain('suppressed (n &lt; 10)');
    expect(out.svg).not.toMatch(/>[+-]?0<\/text>/);
    expect(out.table.rows[0].slice(2)).toEqual(Array(4).fill('suppressed (n < 10)'));
    expect(out.description).toContain('Suppressed (n < 10): email.');
  });
  it('uses the report min_base in the note', () => {
    const out = npsBreakdown([{ label: 'x', figure: { suppressed: true, n: 12 } }], { id: 'n', minBase: 20 });
    expect(out.svg).toContain('suppressed (n &lt; 20)');
  });
  it('draws a gap without data as "not measured", never 0', () => {
    const out = CASES['gap-model']();
    expect(out.svg).toMatch(/font-style="italic"><tspan[^>]*>not measured</);
    expect(out.table.rows[3][2]).toMatch(/^not measured — no communications\.csv/);
    expect(out.description).toContain('Gap 4 (communication): not measured');
  });
  it('counts shortfalls when Gap 5 has parts but no single value', () => {
    const gap5 = { ...figures.gaps.gap5, value: undefined } as typeof figures.gaps.gap5;
    expect(gapModel({ ...figures.gaps, gap5 }, { id: 'g' }).table.rows[4][2]).toBe('1 of 5 below expectations');
  });
  it('shows a KPI without a delivered value as not measured', () => {
    const out = CASES['kpi-scorecard']();
    expect(out.table.rows[4]).toEqual(['Average handling time (lower is better)', '2026-Q3', 'not measured', '360 s', 'not measured', '']);
  });
  it('breaks the trend line at a suppressed wave and labels it', () => {
    const out = CASES.trend();
    expect(out.svg).toContain('>suppressed</text>');
    expect(out.table.rows[1]).toEqual(['2026-Q1', 'suppressed (n < 10)', '', '']);
    expect((out.svg.match(/stroke-width="2.5"/g) ?? []).length).toBe(1);
  });
  it('marks low bases with † and explains the mark', () => {
    const out = CASES['segment-bars']();
    expect(out.svg).toContain('+40 †');
    expect(out.description).toContain('† low base (n < 30)');
  });
  it('renders drivers that are not measured as a note', () => {
    const out = driverMatrix({ status: 'not measured', reason: 'no overall column' }, { id: 'd' });
    expect(out.description).toBe('Key drivers not measured: no overall column');
    expect(out.svg).toContain('no overall column');
  });
});

describe('benchmark position orientation', () => {
  const tickX = (svg: string, label: string) => Number(new RegExp(`<text x="([\\d.]+)"[^>]*>${label}</text>`).exec(svg)![1]);
  it('keeps higher-is-better values increasing to the right', () => {
    const { svg } = CASES['benchmark-position']();
    expect(tickX(svg, '0')).toBeLessThan(tickX(svg, '\\+40'));
  });
  it('reverses the axis for lower-is-better metrics so better is to the right, and says so', () => {
    const out = CASES['benchmark-position-lower']();
    expect(tickX(out.svg, '20')).toBeGreaterThan(tickX(out.svg, '80'));
    expect(out.svg).toContain('lower is better: axis reversed');
    expect(out.description).toContain('Lower is better, so the axis is reversed: better is to the right.');
    // The published top quartile (27 s) is drawn right of the median (38 s).
    const mark = (label: string) => Number(new RegExp(`<text x="([\\d.]+)"[^>]*>${label}</text>`).exec(out.svg)![1]);
    expect(mark('top quartile 27')).toBeGreaterThan(mark('median 38'));
  });
  it('draws published quantiles without peer dots and names the source', () => {
    const out = CASES['benchmark-position-lower']();
    expect(out.svg).not.toContain('<circle');
    expect(out.svg).toContain('Source: Contact Centre Benchmark Report, 2026');
  });
  it('copes with published quantiles that lack a median', () => {
    const b = { ...figures.benchmarks[1], median: undefined, gap_to_median: undefined, summary: { p25: 27, p75: 55 } };
    const out = benchmarkPosition({ figure: b, company: 'N' }, { id: 'b' });
    expect(out.svg).not.toContain('median');
    expect(out.svg).toContain('top 25%'.slice(0, 3));
  });
});

describe('locale', () => {
  it('formats numbers with the caller formatters and labels', () => {
    const out = servqualGaps(
      { servqual: figures.servqual!, scale: { min: 1, max: 7 } },
      {
        id: 's',
        format: makeFormat('fr'),
        labels: { gap: 'Écart (P−A)' },
      },
    );
    expect(out.svg).toContain('−1,22');
    expect(out.svg).toContain('Écart (P−A)');
  });
  it('writes ordinals for percentiles in English and French', () => {
    expect(makeFormat('en').ordinal(72)).toBe('72nd');
    expect(makeFormat('en').ordinal(13)).toBe('13th');
    expect(makeFormat('fr').ordinal(72)).toBe('72e');
  });
});

describe('number formatting', () => {
  const en = makeFormat('en');
  it('writes negatives with the typographic minus (U+2212), as the report text does', () => {
    expect(en.number(-0.41, 2)).toBe('−0.41');
    expect(en.signed(-1.2)).toBe('−1.2');
    expect(en.fraction(-0.05)).toBe('−5%');
    expect(makeFormat('fr').signed(-1234.5)).toBe('−1\u202f234,5');
    expect(en.number(-0.0001, 1)).toBe('0.0');
    for (const build of Object.values(CASES)) expect(build().svg).not.toMatch(/>[^<]*-\d/);
  });
  it('prints a whole KPI target without decimals and keeps one decimal otherwise', () => {
    const out = CASES['kpi-scorecard']();
    expect(out.svg).toContain('>target 80% · higher is better<');
    expect(out.svg).toContain('>target 70% · higher is better<');
    expect(out.svg).toContain('>76.5%<');
    expect(out.table.rows[0].slice(2, 4)).toEqual(['76.5%', '80%']);
    const days = kpiScorecard([{ ...figures.kpis[0], unit: 'days', value: 4.6, target: 5, trend: -0.41, history: [] }], { id: 'k' });
    expect(days.table.rows[0].slice(2, 4)).toEqual(['4.6 days', '5 days']);
  });
  it('gives a KPI trend its unit: days per period, seconds, percentage points', () => {
    const days = kpiScorecard([{ ...figures.kpis[0], unit: 'days', value: 4.6, target: 5, trend: -0.41, history: [] }], { id: 'k' });
    expect(days.svg).toContain('>−0.41 days<');
    expect(days.table.rows[0][5]).toBe('−0.41 days per period');
    const out = CASES['kpi-scorecard']();
    expect(out.table.rows.map((r) => r[5])).toEqual(['−0.8 pts per period', '+1.9 s per period', '+1.0 pts per period', '−0.3 pts per period', '']);
  });
  it('steps a long standard name down a size, then cuts it, so it never runs into the bullet', () => {
    const row = (label: string) => kpiScorecard([{ ...figures.kpis[0], label }], { id: 'k' }).svg;
    expect(row('Résolution au premier contact')).toMatch(/<text x="12" y="52" font-size="13"[^>]*>Résolution au premier contact</);
    expect(row('Jours pour clore une réclamation')).toMatch(/<text x="12" y="52" font-size="12"[^>]*>Jours pour clore une réclamation</);
    const cut = /<text x="12" y="52" font-size="12"[^>]*>([^<]*)</.exec(row('Délai moyen de clôture des réclamations écrites des clients'))![1];
    expect(cut.endsWith('…')).toBe(true);
    expect([...cut].length * 12 * 0.59).toBeLessThanOrEqual(250 - 12 - 10);
  });
  it('signs NPS in the benchmark chart (the company, the median, the top quartile, the axis)', () => {
    const out = CASES['benchmark-position']();
    expect(out.svg).toContain('>Northwind Telecom: +29.0 · 71st percentile<');
    expect(out.svg).toContain('>median +21.5<');
    expect(out.svg).toContain('>top quartile +31.5<');
    expect(out.svg).toContain('>−10<');
    expect(out.description).toContain("Northwind Telecom's NPS of +29.0");
    expect(out.table.rows[0]).toEqual(['Northwind Telecom (percentile 71st)', '+29.0']);
    const plain = benchmarkPosition({ figure: figures.benchmarks[0], company: 'N' }, { id: 'b', signed: false, decimals: 0 });
    expect(plain.svg).toContain('>median 22<');
    expect(CASES['benchmark-position-lower']().svg).toContain('>median 38<');
  });
  it('labels trend ticks with the decimals their step needs, so no two read alike', () => {
    const points = [
      { wave: 'Q1', value: -1, ci95: [-1.06, -0.93] as [number, number] },
      { wave: 'Q2', value: -0.41, ci95: [-0.47, -0.35] as [number, number] },
    ];
    const out = trend({ label: 'Responsiveness gap', points, changes: [] }, { id: 't', decimals: 2, signed: true });
    const ticks = [...out.svg.matchAll(/<text x="50"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks).toContain('−0.6');
  });
});

describe('trend significance markers', () => {
  const change = (from: string, to: string, difference: number, p: number) => ({
    metric: 'x',
    from,
    to,
    from_value: 0,
    to_value: difference,
    difference,
    test: 'welch t-test' as const,
    statistic: 4,
    p,
    significant: p < 0.05,
    direction: 'better' as const,
  });
  const points = ['Q1', 'Q2', 'Q3'].map((wave, i) => ({ wave, value: -1 + 0.3 * i, ci95: [-1.05 + 0.3 * i, -0.95 + 0.3 * i] as [number, number] }));
  const out = trend(
    { label: 'Gap', points, changes: [change('Q1', 'Q2', 0.3, 0.00001), change('Q2', 'Q3', 0.3, 0.004)] },
    { id: 't', decimals: 2, signed: true },
  );
  it('marks every significant pair of consecutive waves, not only the last', () => {
    expect((out.svg.match(/fill="var\(--gr-good, #0072b2\)" stroke="var\(--gr-surface/g) ?? []).length).toBe(2);
    expect(out.table.rows.map((r) => r[3])).toEqual(['', '+0.30 vs Q1, significant (p < 0.001)', '+0.30 vs Q2, significant (p = 0.004)']);
  });
  it('draws the interval band under every wave that has one', () => {
    expect(out.svg).toMatch(/<path d="M[^"]+Z" fill="var\(--gr-band, #56b4e9\)" fill-opacity="0.3"\/>/);
    expect(out.description).toContain('(p = 0.004)');
  });
});

describe('svg helpers', () => {
  it('rounds to 2 decimals and never writes -0', () => {
    expect(r(1.23456)).toBe('1.23');
    expect(r(-0.001)).toBe('0');
  });
  it('wraps words and ellipsizes past the line limit', () => {
    expect(wrap('Management perceptions of customer expectations', 20)).toEqual(['Management', 'perceptions of', 'customer', 'expectations']);
    expect(wrap('a b c d e f', 3, 2)).toEqual(['a b', 'c…']);
  });
});
