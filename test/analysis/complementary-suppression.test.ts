/**
 * Complementary (secondary) suppression: a suppressed cell must not be recoverable as
 * "the wave total minus the published cells". Cases built from CSV text, as a user writes them.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildDataset } from '../../src/data/dataset';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { Figures, NpsFigure } from '../../src/schemas/figures';

const QUESTIONNAIRE = 'scale: { min: 1, max: 7 }\nitems:\n  - { id: r1, dimension: reliability, text: "Keeps promises" }\nsegments: [region]\n';

/** One wave: `groups` maps a region ('' = left empty) to its respondents' NPS answers. */
function figuresOf(groups: Record<string, number[]>, options: Record<string, unknown> = {}): Figures {
  const rows: string[] = [];
  for (const [region, scores] of Object.entries(groups))
    for (const nps of scores) rows.push(`R${rows.length + 1},2026-Q3,${region},${nps},5,5,${(nps % 4) + 1}`);
  const texts = { 'questionnaire.yaml': QUESTIONNAIRE, 'responses.csv': `respondent_id,wave,region,nps,e_r1,p_r1,csat\n${rows.join('\n')}\n` };
  const loaded = buildDataset({ name: 'case', texts });
  expect(loaded.problems).toEqual([]);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse(options));
  expect(result.problems).toEqual([]);
  return result.figures!;
}

const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);
/** Promoter, passive and detractor counts a published NPS figure gives away (share × n). */
const counts = (f: NpsFigure) => (f.suppressed ? undefined : { p: Math.round(f.promoters * f.n), d: Math.round(f.detractors * f.n), n: f.n });

/** What a reader gets by subtracting every published region's counts from the wave's. */
function subtractPublished(f: Figures) {
  const total = counts(f.nps!)!;
  for (const g of Object.values(f.segments.region)) {
    const c = g.nps && counts(g.nps);
    if (c) ((total.p -= c.p), (total.d -= c.d), (total.n -= c.n));
  }
  return total;
}

// Islands: 8 respondents, 4 promoters, 4 passives, no detractor (NPS +50).
const ISLANDS = [...repeat(10, 4), ...repeat(8, 4)];
const BIG = (p: number, d: number, s: number) => [...repeat(9, p), ...repeat(3, d), ...repeat(7, s)];

describe('complementary suppression (secondary cells)', () => {
  it('with one region of 8 suppressed, total minus the published regions no longer gives its 4 promoters and 0 detractors', () => {
    const f = figuresOf({ Islands: ISLANDS, North: BIG(20, 10, 10), South: BIG(15, 10, 5), East: BIG(30, 5, 5) });
    expect(f.segments.region.Islands.nps).toEqual({ suppressed: true, n: 8 });
    const left = subtractPublished(f);
    // The block a reader can still compute holds at least min_base respondents, never the 8 alone.
    expect(left.n).toBeGreaterThanOrEqual(10);
    expect(left).not.toEqual({ p: 4, d: 0, n: 8 });
  });

  it('withholds the next-smallest region and marks it secondary, keeping its base', () => {
    const f = figuresOf({ Islands: ISLANDS, North: BIG(20, 10, 10), South: BIG(15, 10, 5), East: BIG(30, 5, 5) });
    expect(f.segments.region.South.nps).toEqual({ suppressed: true, secondary: true, n: 30 });
    expect(f.segments.region.North.nps?.suppressed).toBe(false);
    expect(f.segments.region.East.nps?.suppressed).toBe(false);
    // The wave's own figure is the headline and stays published.
    expect(f.nps?.suppressed).toBe(false);
  });

  it('counts respondents without a region as an unpublished remainder: 3 of them are protected too', () => {
    const f = figuresOf({ '': [10, 10, 0], North: BIG(20, 10, 10), South: BIG(15, 10, 5) });
    expect(f.segments.region.South.nps).toEqual({ suppressed: true, secondary: true, n: 30 });
    expect(subtractPublished(f).n).toBeGreaterThanOrEqual(10);
  });

  it('needs no secondary cell when the remainder without a region already holds min_base respondents', () => {
    const f = figuresOf({ '': BIG(6, 3, 3), Islands: ISLANDS, North: BIG(20, 10, 10), South: BIG(15, 10, 5) });
    expect(f.segments.region.Islands.nps).toEqual({ suppressed: true, n: 8 });
    expect(f.segments.region.South.nps?.suppressed).toBe(false);
    expect(f.segments.region.North.nps?.suppressed).toBe(false);
  });

  it('withholds every region when two small ones (8 + 1) and one large one leave no other cover', () => {
    const f = figuresOf({ Islands: ISLANDS, Coast: [9], North: BIG(20, 10, 10) });
    expect(f.segments.region.Coast.nps).toEqual({ suppressed: true, n: 1 });
    expect(f.segments.region.North.nps).toEqual({ suppressed: true, secondary: true, n: 40 });
    expect(f.nps?.suppressed).toBe(false);
  });

  it('needs no secondary cell when two small regions (8 + 2) together reach min_base', () => {
    const f = figuresOf({ Islands: ISLANDS, Coast: [9, 9], North: BIG(20, 10, 10) });
    expect(f.segments.region.North.nps?.suppressed).toBe(false);
    expect(subtractPublished(f).n).toBe(10);
  });

  it('leaves a segment alone when every cell reaches min_base', () => {
    const f = figuresOf({ North: BIG(20, 10, 10), South: BIG(15, 10, 5) });
    expect(Object.values(f.segments.region).map((g) => g.nps?.suppressed)).toEqual([false, false]);
  });
});

describe('importance weights follow the base rule on their own base', () => {
  const withWeights = (weighted: number) => {
    const rows = Array.from({ length: 12 }, (_, i) => `R${i},2026-Q3,North,9,5,5,${(i < weighted ? '20,' : ',').repeat(5).slice(0, -1)}`);
    const loaded = buildDataset({
      name: 'case',
      texts: {
        'questionnaire.yaml': QUESTIONNAIRE,
        'responses.csv': `respondent_id,wave,region,nps,e_r1,p_r1,w_tangibles,w_reliability,w_responsiveness,w_assurance,w_empathy\n${rows.join('\n')}\n`,
      },
    });
    expect(loaded.problems).toEqual([]);
    return analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({})).figures!.servqual!.dimensions.reliability!;
  };
  it('withholds the mean importance of 3 respondents inside a published dimension of 12', () => {
    const d = withWeights(3);
    expect(d.suppressed).toBe(false);
    expect(d.suppressed === false && d.weight).toBeUndefined();
  });
  it('publishes it when 10 respondents gave points', () => {
    const d = withWeights(10);
    expect(d.suppressed === false && d.weight).toBe(20);
  });
});
