/**
 * Properties of survey weights: weights all 1 give the unweighted figures exactly (bit for
 * bit, every figure — NPS, shares, means, SERVQUAL, α, drivers, segments, waves, changes);
 * scaling every weight by one constant changes no figure (1e-9) but Σw; weights split over
 * any partition of the respondents merge into the whole; raking meets its margins.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToAccs, mergeAccs, surveyAccs } from '../../src/analysis/accumulate';
import { analyzeDataset, figuresFrom } from '../../src/analysis/analyze';
import { chooseOutcome, surveyLayout, toSurveyRow } from '../../src/analysis/layout';
import type { Dataset, Respondent } from '../../src/schemas/dataset';
import { QuestionnaireSchema } from '../../src/schemas/questionnaire';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { maxMarginError, rake } from '../../src/stats/weights-calibration';

const questionnaire = QuestionnaireSchema.parse({
  scale: { min: 1, max: 7 },
  items: [
    { id: 'r1', dimension: 'reliability', text: 'Keeps promises' },
    { id: 'r2', dimension: 'reliability', text: 'Right first time' },
    { id: 's1', dimension: 'responsiveness', text: 'Prompt' },
    { id: 's2', dimension: 'responsiveness', text: 'Willing' },
    { id: 'e1', dimension: 'empathy', text: 'Cares' },
  ],
  segments: ['channel'],
});
const ITEMS = questionnaire.items.map((i) => i.id);
const OPTIONS = AnalysisOptionsSchema.parse({ min_base: 3, low_base: 5 });

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 6 });
const score = maybe(fc.integer({ min: 1, max: 7 }));
const perItem = fc.tuple(...ITEMS.map(() => score)).map((v) => Object.fromEntries(ITEMS.map((id, i) => [id, v[i]])));
const respondent = fc.record({
  wave: fc.constantFrom('2026-Q2', '2026-Q3'),
  channel: maybe(fc.constantFrom('web', 'phone', 'store')),
  e: perItem,
  p: perItem,
  nps: maybe(fc.integer({ min: 0, max: 10 })),
  csat: maybe(fc.integer({ min: 1, max: 5 })),
  ces: maybe(fc.integer({ min: 1, max: 7 })),
  overall: maybe(fc.integer({ min: 1, max: 7 })),
  weight: fc.double({ min: 0.05, max: 20, noNaN: true }),
});
const respondents = fc.array(respondent, { minLength: 0, maxLength: 80 });

type Drawn = { wave: string; channel?: string; e: Record<string, number | undefined>; p: Record<string, number | undefined>; weight: number } & Partial<
  Record<'nps' | 'csat' | 'ces' | 'overall', number>
>;
const toRespondents = (rs: Drawn[], weight: (r: Drawn, i: number) => number | undefined): Respondent[] =>
  rs.map((r, i) => ({
    id: `R${i}`,
    wave: r.wave,
    segments: { channel: r.channel },
    e: r.e,
    p: r.p,
    w: {},
    nps: r.nps,
    csat: r.csat,
    ces: r.ces,
    overall: r.overall,
    weight: weight(r, i),
    line: i + 2,
  }));
const dataset = (responses: Respondent[]): Dataset => ({
  name: 'prop',
  questionnaire,
  items: questionnaire.items,
  responses,
  files: ['questionnaire.yaml', 'responses.csv'],
});

/** The figures without what only weighted data publishes (n_eff, weighted_n, deff, meta.weighting). */
function unweightedPart(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(unweightedPart);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k]) => !['n_eff', 'weighted_n', 'deff', 'weighting'].includes(k))
        .map(([k, v]) => [k, unweightedPart(v)]),
    );
  return x;
}

/** Deep equality with numbers to 1e-9 relative; `skip` keys (Σw scales with the weights) left out. */
function expectClose(a: unknown, b: unknown, path = '$', skip: readonly string[] = []): void {
  if (typeof a === 'number' && typeof b === 'number')
    return void expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = (o: object) =>
      Object.keys(o)
        .filter((k) => (o as Record<string, unknown>)[k] !== undefined && !skip.includes(k))
        .sort();
    expect(keys(a), path).toEqual(keys(b));
    for (const k of keys(a)) expectClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, skip);
    return;
  }
  expect(a, path).toEqual(b);
}

/** Compares to 1e-9 every number both sides have (a side without the figure is skipped); returns how many were compared. */
function bothPublished(a: unknown, b: unknown, path = '$'): number {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
    return 1;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].reduce((n, k) => n + bothPublished((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`), 0);
  }
  return 0;
}

describe('survey weights all 1', () => {
  it('give every unweighted figure exactly, bit for bit, and a deff of 1', () => {
    fc.assert(
      fc.property(respondents, (rs) => {
        const plain = analyzeDataset(dataset(toRespondents(rs, () => undefined)), OPTIONS);
        const ones = analyzeDataset(dataset(toRespondents(rs, () => 1)), OPTIONS);
        expect(unweightedPart(ones)).toEqual(plain);
        for (const w of ones.figures?.meta.weighting?.waves ?? []) expect([w.deff, w.n_eff]).toEqual([1, w.n]);
      }),
      { numRuns: 120 },
    );
  });
});

describe('survey weights scaled by a constant', () => {
  it('change no figure (1e-9) but the weighted base Σw', () => {
    fc.assert(
      fc.property(respondents, fc.constantFrom(0.001, 0.37, 3, 1234.5), (rs, c) => {
        const once = analyzeDataset(dataset(toRespondents(rs, (r) => r.weight)), OPTIONS);
        const scaled = analyzeDataset(dataset(toRespondents(rs, (r) => r.weight * c)), OPTIONS);
        expectClose(scaled, once, '$', ['weighted_n']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('whole-number weights', () => {
  it('give the point estimates of the rows repeated that many times: NPS, means, α, driver shares and R² (1e-9)', () => {
    const copies = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 80, maxLength: 80 });
    let compared = 0;
    fc.assert(
      fc.property(respondents, copies, (rs, k) => {
        const weighted = analyzeDataset(dataset(toRespondents(rs, (_, i) => k[i])), OPTIONS).figures;
        const repeated = analyzeDataset(
          dataset(
            toRespondents(
              rs.flatMap((r, i) => Array.from({ length: k[i] }, () => r)),
              () => undefined,
            ),
          ),
          OPTIONS,
        ).figures;
        if (!weighted || !repeated) return expect(weighted).toEqual(repeated);
        const point = (f: NonNullable<typeof weighted>) => ({
          nps: f.nps?.suppressed === false ? f.nps.score : undefined,
          ces: f.ces?.suppressed === false ? f.ces.mean : undefined,
          csat: f.csat?.suppressed === false ? [f.csat.top2box, f.csat.mean] : undefined,
          dims: Object.values(f.servqual?.dimensions ?? {}).map((d) => (d.suppressed ? undefined : [d.perception, d.gap, d.alpha])),
          drivers: f.drivers.status === 'measured' ? [f.drivers.r2, ...f.drivers.items.map((d) => [d.share, d.performance])] : f.drivers.status,
          web: f.segments.channel?.web?.overall?.suppressed === false ? f.segments.channel.web.overall.mean : undefined,
        });
        // Bases differ on purpose (n counts respondents, not copies, so a figure may be withheld on one side): compared where both publish.
        compared += bothPublished(point(weighted), point(repeated));
      }),
      { numRuns: 60 },
    );
    // Every run compared the figures both sides publish; together, many.
    expect(compared).toBeGreaterThan(100);
  });
});

describe('weighted accumulators over any split of the respondents', () => {
  it('merge into the figures of the whole (1e-9), as the stream engine merges its workers', () => {
    fc.assert(
      fc.property(respondents, fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 80 }), (rs, part) => {
        const data = dataset(toRespondents(rs, (r) => r.weight));
        const layout = surveyLayout(data.items, questionnaire, chooseOutcome(questionnaire, data.responses!));
        const parts = [surveyAccs(), surveyAccs(), surveyAccs()];
        data.responses!.forEach((r, i) => addToAccs(parts[part[i] ?? 0], layout, r.wave, [['channel', r.segments.channel]], toSurveyRow(r, layout)));
        const merged = surveyAccs();
        for (const p of parts) mergeAccs(merged, p);
        expectClose(figuresFrom(data, { layout, accs: merged, engine: 'memory' }, OPTIONS), analyzeDataset(data, OPTIONS));
      }),
      { numRuns: 60 },
    );
  });
});

describe('rake(cells, margins)', () => {
  const table = fc
    .integer({ min: 1, max: 3 })
    .chain((vars) =>
      fc.tuple(
        fc.array(fc.integer({ min: 2, max: 4 }), { minLength: vars, maxLength: vars }),
        fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 64, maxLength: 64 }),
      ),
    );

  it('meets every margin within its tolerance when every cell has respondents', () => {
    fc.assert(
      fc.property(table, ([sizes, raw, counts]) => {
        // The full cross-classification, every cell non-empty: raking then converges (Ireland & Kullback 1968).
        const cells: { n: number; at: number[] }[] = [];
        const walk = (at: number[]) => {
          if (at.length === sizes.length) return void cells.push({ n: counts[cells.length % counts.length], at });
          for (let k = 0; k < sizes[at.length]; k++) walk([...at, k]);
        };
        walk([]);
        let offset = 0;
        const margins = sizes.map((size) => {
          const xs = raw.slice(offset, (offset += size));
          const sum = xs.reduce((a, b) => a + b, 0);
          return xs.map((x) => x / sum);
        });
        const result = rake(cells, margins, { maxIterations: 2000, tolerance: 1e-10 });
        expect(result.converged).toBe(true);
        expect(maxMarginError(cells, margins, result.weights)).toBeLessThan(1e-10);
        const total = cells.reduce((a, c, i) => a + c.n * result.weights[i], 0);
        const n = cells.reduce((a, c) => a + c.n, 0);
        expect(Math.abs(total - n)).toBeLessThan(1e-8 * n);
      }),
      { numRuns: 150 },
    );
  });
});
