import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeDataset } from '../../src/analysis/analyze';
import { formatFigureId, parseFigureId } from '../../src/analysis/figure-id';
import { resolveMetric } from '../../src/analysis/metric-id';
import { flattenFigures } from '../../src/build/figures-csv';
import { loadDataset } from '../../src/data/load-fs';
import type { Figures } from '../../src/schemas/figures';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const DIR = new URL('../fixtures/analysis/reference-company/', import.meta.url).pathname;

/** Names a figure id must carry through unchanged. */
const NAMES = [
  'St. Louis',
  'a/b',
  'New York',
  'say "hi"',
  "O'Hare",
  'back\\slash',
  '[x]',
  'a]b',
  'Montréal',
  'Hà Nội',
  'Đà Nẵng',
  '🚀 launch',
  '👨‍👩‍👧',
  ' ',
  '\u200b',
  '',
  'tab\there',
  'line\nbreak',
  '..',
  'constructor',
  '2026.Q1',
];

describe('figure ids: formatFigureId(names) and parseFigureId(id)', () => {
  it('writes ordinary names bare, joined by dots, as before', () => {
    expect(formatFigureId(['segments', 'channel', 'phone', 'nps', 'score'])).toBe('segments.channel.phone.nps.score');
    expect(formatFigureId(['kpis', 'answer-30s', 'value'])).toBe('kpis.answer-30s.value');
    expect(formatFigureId(['segments', 'region', '=cmd', 'n'])).toBe('segments.region.=cmd.n');
    expect(formatFigureId(['segments', 'city', 'Montréal', 'n'])).toBe('segments.city.Montréal.n');
  });

  it('quotes a name with a dot, space, quote, bracket or nothing in it as a JSON string in brackets', () => {
    expect(formatFigureId(['segments', 'region', 'St. Louis', 'nps', 'score'])).toBe('segments.region["St. Louis"].nps.score');
    expect(formatFigureId(['segments', 'region', 'Hà Nội', 'n'])).toBe('segments.region["Hà Nội"].n');
    expect(formatFigureId(['segments', 'region', 'say "hi"', 'n'])).toBe('segments.region["say \\"hi\\""].n');
    expect(formatFigureId(['segments', 'region', '', 'n'])).toBe('segments.region[""].n');
  });

  it.each(NAMES)('round-trips the name %j', (name) => {
    const id = formatFigureId(['segments', 'region', name, 'n']);
    expect(parseFigureId(id)).toEqual({
      ok: true,
      steps: [
        { name: 'segments', quoted: false },
        { name: 'region', quoted: false },
        { name, quoted: expect.any(Boolean) },
        { name: 'n', quoted: false },
      ],
    });
  });

  it('reads a single-quoted name too, for ids written inside id="…"', () => {
    expect(parseFigureId("segments.region['St. Louis'].n")).toMatchObject({ ok: true, steps: [{}, {}, { name: 'St. Louis', quoted: true }, {}] });
  });

  it.each([
    ['nps..score', '"nps..score": an empty name at character 5. A name with a dot, space or quote is written in brackets: segments.region["St. Louis"].n'],
    [
      'segments.region["St. Louis".n',
      '"segments.region["St. Louis".n": an unclosed quoted name at character 16. A name with a dot, space or quote is written in brackets: segments.region["St. Louis"].n',
    ],
    [
      'segments.region[St].n',
      '"segments.region[St].n": a "[" not followed by a quote at character 16. A name with a dot, space or quote is written in brackets: segments.region["St. Louis"].n',
    ],
    [
      'segments.region["a"]n',
      '"segments.region["a"]n": a name right after "]" (put a dot between) at character 21. A name with a dot, space or quote is written in brackets: segments.region["St. Louis"].n',
    ],
  ])('refuses the malformed id %s, saying where', (id, message) => {
    expect(parseFigureId(id)).toEqual({ ok: false, message });
  });
});

describe('every figure id resolves back to its figure, whatever the data names', async () => {
  const base = analyzeDataset((await loadDataset(DIR)).dataset!, AnalysisOptionsSchema.parse({})).figures!;

  /** The reference figures with a segment, a segment value, a standard, a benchmark metric, an item and a wave renamed. */
  function renamed(names: { segment: string; value: string; standard: string; metric: string; item: string; wave: string }): Figures {
    const f = structuredClone(base);
    const [[, values]] = Object.entries(f.segments);
    const [[, group]] = Object.entries(values);
    f.segments = Object.fromEntries([[names.segment, Object.fromEntries([[names.value, group]])]]);
    f.kpis[0].standard_id = names.standard;
    f.benchmarks[0].metric = names.metric;
    f.servqual!.items[0].item = names.item;
    f.waves[0].wave = names.wave;
    return f;
  }

  const name = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom(...NAMES), fc.stringMatching(/^[a-z. "'[\]\\]{0,8}$/));

  it('for random names, the id figures.csv writes resolves to the value it holds (property)', () => {
    fc.assert(
      fc.property(fc.record({ segment: name, value: name, standard: name, metric: name, item: name, wave: name }), (names) => {
        fc.pre(names.segment !== '__proto__' && names.value !== '__proto__');
        // Two entries of one list with the same name would be ambiguous: keep them distinct.
        fc.pre(!base.kpis.slice(1).some((k) => k.standard_id === names.standard) && !base.benchmarks.slice(1).some((b) => b.metric === names.metric));
        fc.pre(!base.servqual!.items.slice(1).some((i) => i.item === names.item) && !base.waves.slice(1).some((w) => w.wave === names.wave));
        const f = renamed(names);
        const wanted = [
          [['segments', names.segment, names.value, 'n'], f.segments[names.segment][names.value].n],
          [['kpis', names.standard, 'target'], f.kpis[0].target],
          [['benchmarks', names.metric, 'percentile'], f.benchmarks[0].percentile],
          [['servqual', 'items', names.item, 'text'], f.servqual!.items[0].text],
          [['waves', names.wave, 'n'], f.waves[0].n],
        ] as const;
        const rows = new Map(flattenFigures(f));
        for (const [path, value] of wanted) {
          const id = formatFigureId(path);
          expect(rows.get(id)).toBe(value);
          expect(resolveMetric(f, id)).toMatchObject({ kind: 'value', value });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('resolves every row of the ordinary figures.csv to its own value', () => {
    for (const [id, value] of flattenFigures(base)) {
      const r = resolveMetric(base, id);
      if (r.kind === 'value') expect([id, r.value]).toEqual([id, value]);
      else expect([id, r.kind]).toEqual([id, expect.stringMatching(/suppressed|not measured/)]);
    }
  });
});
