import { describe, expect, it } from 'vitest';
import { csvCell, figuresCsv, flattenFigures } from '../../src/build/figures-csv';

describe('flattenFigures(figures)', () => {
  it('joins object keys with dots and keeps numbers, strings and booleans', () => {
    expect(flattenFigures({ nps: { score: 12.5, suppressed: false }, meta: { dataset: 'demo' } })).toEqual([
      ['nps.score', 12.5],
      ['nps.suppressed', false],
      ['meta.dataset', 'demo'],
    ]);
  });
  it('names array entries by their id field, else by position', () => {
    expect(flattenFigures({ kpis: [{ standard_id: 'answer-30s', value: 77.8 }], ci95: [1, 2] })).toEqual([
      ['kpis.answer-30s.standard_id', 'answer-30s'],
      ['kpis.answer-30s.value', 77.8],
      ['ci95.0', 1],
      ['ci95.1', 2],
    ]);
  });
  it('writes a suppressed figure with its flag and base but no value', () => {
    const rows = flattenFigures({ segments: { region: { Islands: { nps: { suppressed: true, n: 8 } } } } });
    expect(rows).toEqual([
      ['segments.region.Islands.nps.suppressed', true],
      ['segments.region.Islands.nps.n', 8],
    ]);
  });
  it('writes a name with a dot, space or quote in brackets, the syntax <Metric id> reads', () => {
    expect(
      flattenFigures({ segments: { region: { 'St. Louis': { n: 30 }, 'Hà Nội': { n: 31 }, Montréal: { n: 32 } } }, kpis: [{ standard_id: 'a.b', value: 1 }] }),
    ).toEqual([
      ['segments.region["St. Louis"].n', 30],
      ['segments.region["Hà Nội"].n', 31],
      ['segments.region.Montréal.n', 32],
      ['kpis["a.b"].standard_id', 'a.b'],
      ['kpis["a.b"].value', 1],
    ]);
    expect(figuresCsv({ segments: { region: { 'St. Louis': { n: 30 } } } })).toBe('figure_id,value\r\n"segments.region[""St. Louis""].n",30\r\n');
  });
  it('names a gap part by its id, as <Metric id> does, not by its metric', () => {
    expect(flattenFigures({ items: [{ id: 'web-answer-30s', metric: 'service_level_30s', gap: -12 }] })).toEqual([
      ['items.web-answer-30s.id', 'web-answer-30s'],
      ['items.web-answer-30s.metric', 'service_level_30s'],
      ['items.web-answer-30s.gap', -12],
    ]);
  });
  it('skips missing values instead of writing them as 0', () => {
    expect(flattenFigures({ a: undefined, b: null, c: 0 })).toEqual([['c', 0]]);
  });
});

describe('csvCell(value)', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+33 1 23', "'+33 1 23"],
    ['-1+cmd|calc', "'-1+cmd|calc"],
    ['@HYPERLINK("x")', `"'@HYPERLINK(""x"")"`],
    ['\tindent', "'\tindent"],
    ['\rreturn', `"'\rreturn"`],
  ])('neutralises the formula-like text %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvCell(-0.71)).toBe('-0.71');
    expect(csvCell('-0.71')).toBe('-0.71');
    expect(csvCell(1e-11)).toBe('1e-11');
  });
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('Telecom CX Panel, 2026')).toBe('"Telecom CX Panel, 2026"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
  it('leaves plain text and booleans alone', () => {
    expect(csvCell('Northwind Telecom')).toBe('Northwind Telecom');
    expect(csvCell(true)).toBe('true');
  });
});

describe('figuresCsv(figures)', () => {
  it('is a long table with a figure_id,value header and CRLF line ends', () => {
    expect(figuresCsv({ nps: { score: 12.5 }, benchmarks: [{ metric: 'nps', source: 'A, 2026' }] })).toBe(
      'figure_id,value\r\nnps.score,12.5\r\nbenchmarks.nps.metric,nps\r\nbenchmarks.nps.source,"A, 2026"\r\n',
    );
  });
  it('neutralises hostile data text (a segment value, a source) wherever it lands', () => {
    const csv = figuresCsv({ segments: { region: { '=cmd': { n: 40 } } }, benchmarks: [{ metric: 'x', source: '=HYPERLINK("http://evil")' }] });
    expect(csv).toContain('segments.region.=cmd.n,40\r\n');
    expect(csv).toContain(`benchmarks.x.source,"'=HYPERLINK(""http://evil"")"`);
  });
  it('writes every id as csvCell writes it: quoted names, formula starts and plain numbers at any depth', () => {
    const names = ['a', 'Outlet 0001', 'say "hi"', 'x,y', 'two\nlines', '=cmd', '-1', '+x', '@at', '-0.5', '1e3', 'é'];
    const figures: Record<string, unknown> = {};
    for (const a of names) figures[a] = Object.fromEntries(names.map((b) => [b, { [a]: 1, list: [{ id: b, v: `${a}${b}` }, 'z'] }]));
    const rows = flattenFigures(figures).map(([id, v]) => `${csvCell(id)},${csvCell(v)}\r\n`);
    expect(figuresCsv(figures)).toBe(`figure_id,value\r\n${rows.join('')}`);
  });
});
