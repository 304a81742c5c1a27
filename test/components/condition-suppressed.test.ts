/**
 * Conditions and claims on figures a page does not publish (issue 12): a test on a suppressed
 * or unmeasured figure is neither true nor false but unavailable, so <When> shows its otherwise
 * branch for it whatever the withheld value; `is suppressed` / `is published` ask it directly;
 * an unknown id or a type mismatch still fails on a page that withholds the figure; and the
 * chain template reads well on the chain's page, on a published outlet's page and on the page
 * of an outlet whose NPS is withheld by complementary suppression (its `entity.` standing for
 * NPS is then as withheld as the figure, not an unknown id that failed the build).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeCondition, parseCondition, testCondition, type Condition } from '../../src/analysis/condition';
import { CONSISTENCY_METRICS } from '../../src/analysis/consistency';
import { STANDING_FIGURES } from '../../src/analysis/metric-id';
import { entityPageFigures, entityPages, parentPageFigures } from '../../src/build/entities';
import { lintMdx } from '../../src/build/lint-mdx';
import type { Figures } from '../../src/schemas/figures';
import { formatProblem } from '../../src/schemas/problem';
import { chainFigures, FOUR_BRANCHES } from '../entities/chain-case';
import { ROOT, demoFigures } from '../site/demo-figures';
import { renderProse } from './render-prose';

let demo: Figures;
beforeAll(async () => {
  demo = await demoFigures();
}, 300_000);

/** Tiny is under min_base in 2026-Q2, so Alpha, the smallest published outlet, gives way (complementary suppression). */
const SMALL_CHAIN = FOUR_BRANCHES;

const parse = (s: string): Condition => {
  const p = parseCondition(s);
  if (!p.ok) throw new Error(p.message);
  return p.condition;
};
const OPS = ['<', '<=', '>', '>=', '='];
const THRESHOLDS = Array.from({ length: 21 }, (_, i) => -100 + 10 * i);

describe('asking whether a figure is published', () => {
  it('parses "is suppressed", "is withheld", "is published", "is available" and their "is not"', () => {
    expect(parseCondition('nps.score is suppressed')).toEqual({ ok: true, condition: { kind: 'state', id: 'nps.score', negated: false, state: 'suppressed' } });
    expect(parseCondition('nps.score is not withheld')).toEqual({
      ok: true,
      condition: { kind: 'state', id: 'nps.score', negated: true, state: 'suppressed' },
    });
    expect(parseCondition('nps.score is available')).toEqual({ ok: true, condition: { kind: 'state', id: 'nps.score', negated: false, state: 'published' } });
    expect(parseCondition('nps.score is not published')).toEqual({
      ok: true,
      condition: { kind: 'state', id: 'nps.score', negated: true, state: 'published' },
    });
  });
  it('is true or false, never unavailable: on a suppressed figure, a published one and one not measured', () => {
    const holds = (s: string) => testCondition(demo, s);
    expect(holds('segments.region.Islands.nps.score is suppressed')).toEqual({ ok: true, holds: true });
    expect(holds('segments.region.Islands.nps.score is withheld')).toEqual({ ok: true, holds: true });
    expect(holds('segments.region.Islands.nps.score is published')).toEqual({ ok: true, holds: false });
    expect(holds('segments.region.Islands.nps.score is not published')).toEqual({ ok: true, holds: true });
    expect(holds('nps.score is published')).toEqual({ ok: true, holds: true });
    expect(holds('nps.score is available')).toEqual({ ok: true, holds: true });
    expect(holds('nps.score is suppressed')).toEqual({ ok: true, holds: false });
    // Not measured on the report's own page: not published, and not suppressed either.
    expect(holds('entity.rank.nps is published')).toEqual({ ok: true, holds: false });
    expect(holds('entity.rank.nps is suppressed')).toEqual({ ok: true, holds: false });
  });
  it('still refuses an id that names no figure', () => {
    expect(testCondition(demo, 'segments.region.Islands.nps.scroe is published')).toMatchObject({
      ok: false,
      message: expect.stringContaining('names no figure'),
    });
  });
});

describe('a test on a suppressed figure', () => {
  it('is unavailable for every comparison and threshold, "not" and "is not" included, so it never holds', () => {
    const tests = [
      ...OPS.flatMap((op) => THRESHOLDS.map((t) => `segments.region.Islands.nps.score ${op} ${t}`)),
      'segments.region.Islands.csat.top2box >= 0',
      'segments.region.Islands.nps.score is lowest',
      'segments.region.Islands.nps.score is highest',
    ];
    const results = tests.map((s) => judgeCondition(demo, parse(s)));
    expect(results.length).toBe(OPS.length * THRESHOLDS.length + 3);
    for (const r of results) expect(r).toEqual({ truth: 'unavailable', figure: { kind: 'suppressed', n: expect.any(Number) } });
  });

  it('picks the same branch whatever the withheld value: suppressing either of two different regions gives identical answers', () => {
    const regions = Object.entries(demo.segments.region).filter(([, g]) => g.nps && !g.nps.suppressed);
    expect(regions.length).toBeGreaterThan(1);
    const [[a, ga], [b, gb]] = regions;
    const [sa, sb] = [ga.nps, gb.nps].map((f) => (f && !f.suppressed ? f.score : NaN));
    expect(sa).not.toBe(sb);
    const tests = (name: string) => OPS.flatMap((op) => THRESHOLDS.map((t) => `segments.region.${name}.nps.score ${op} ${t}`));
    const answers = (figures: Figures, name: string) => tests(name).map((s) => JSON.stringify(judgeCondition(figures, parse(s))));
    // Published, the two regions answer some threshold differently: the answers carry their values.
    expect(answers(demo, a)).not.toEqual(answers(demo, b));
    const withheld = (name: string): Figures => ({
      ...demo,
      segments: { ...demo.segments, region: { ...demo.segments.region, [name]: { ...demo.segments.region[name], nps: { suppressed: true, n: 4 } } } },
    });
    // Withheld, they answer every test alike: the branch tells nothing of either value.
    expect(answers(withheld(a), a)).toEqual(answers(withheld(b), b));
    expect(new Set(answers(withheld(a), a))).toEqual(new Set([JSON.stringify({ truth: 'unavailable', figure: { kind: 'suppressed', n: 4 } })]));
  });

  it('still fails a type mismatch or a misspelt field, from the figures schema', () => {
    expect(testCondition(demo, 'segments.region.Islands.nps.score is high')).toEqual({
      ok: false,
      message: '"segments.region.Islands.nps.score is high" segments.region.Islands.nps.score is a number, not a word: compare it with <, >, =.',
    });
    expect(testCondition(demo, 'segments.region.Islands.nps.score')).toEqual({
      ok: false,
      message: '"segments.region.Islands.nps.score" segments.region.Islands.nps.score is a number, not yes/no: test it with <, >, =.',
    });
    expect(testCondition(demo, 'segments.region.Islands.nps.low_base > 0')).toMatchObject({
      ok: false,
      message: expect.stringContaining('is yes/no, not a number'),
    });
    expect(testCondition(demo, 'segments.region.Islands.nps.scroe > 0')).toMatchObject({ ok: false, message: expect.stringContaining('names no figure') });
  });
});

describe('an outlet whose NPS is withheld to protect a smaller one', () => {
  let chain: Figures;
  let alpha: Figures;
  let beta: Figures;
  beforeAll(() => {
    chain = chainFigures(SMALL_CHAIN);
    alpha = entityPageFigures(chain, 'Alpha')!;
    beta = entityPageFigures(chain, 'Beta')!;
  });

  it('reads its standing for NPS as withheld too, not as an unknown id', () => {
    expect(alpha.nps).toEqual({ suppressed: true, secondary: true, n: 25 });
    const withheld = { kind: 'suppressed', n: 25, secondary: true };
    for (const s of [
      'entity.of.nps > 0',
      'entity.rank.nps <= 3',
      'entity.percentile.nps < 25',
      'entity.tests.nps.p_holm < 0.05',
      'entity.tests.nps.significant',
      'not entity.tests.nps.significant',
    ])
      expect([s, testCondition(alpha, s)]).toEqual([s, { ok: true, holds: false, unavailable: withheld }]);
    expect(testCondition(alpha, 'entity.of.nps is suppressed')).toEqual({ ok: true, holds: true });
    expect(testCondition(beta, 'entity.of.nps is published')).toEqual({ ok: true, holds: true });
    expect(testCondition(beta, 'entity.of.nps > 0')).toEqual({ ok: true, holds: true });
  });

  it('still fails an unknown metric, a misspelt test field or a type mismatch on that page', () => {
    expect(testCondition(alpha, 'entity.of.nsp > 0')).toMatchObject({ ok: false, message: expect.stringContaining('names no figure') });
    expect(testCondition(alpha, 'entity.tests.nps.p_hlom < 0.05')).toMatchObject({ ok: false, message: expect.stringContaining('"p_hlom" is not a figure') });
    expect(testCondition(alpha, 'entity.rank.nps is high')).toMatchObject({ ok: false, message: expect.stringContaining('is a number, not a word') });
    expect(testCondition(alpha, 'entity.tests.nps.significant > 0')).toMatchObject({ ok: false, message: expect.stringContaining('is yes/no, not a number') });
  });

  it("reads a change the report has but the outlet lacks (its NPS withheld in the report's wave) as not measured, keeping its type", () => {
    expect(beta.changes.some((c) => c.metric === 'nps.score')).toBe(true);
    expect(alpha.changes.some((c) => c.metric === 'nps.score')).toBe(false);
    const r = testCondition(alpha, 'changes.nps.score.significant');
    expect(r).toMatchObject({ ok: true, holds: false, unavailable: { kind: 'not measured', reason: expect.stringContaining('withheld in one of the waves') } });
    expect(testCondition(alpha, 'changes.nps.score.direction is better')).toMatchObject({ ok: true, holds: false, unavailable: { kind: 'not measured' } });
    expect(testCondition(alpha, 'changes.nps.score.p > 0.5')).toMatchObject({ ok: true, holds: false });
    expect(testCondition(alpha, 'changes.nps.score.direction is upward')).toMatchObject({ ok: false, message: expect.stringContaining('is never "upward"') });
    expect(testCondition(alpha, 'changes.nps.score.significant > 0')).toMatchObject({ ok: false, message: expect.stringContaining('is yes/no, not a number') });
    // An entry the report has not either is still an unknown id.
    expect(testCondition(alpha, 'changes.nps.scroe.significant')).toMatchObject({ ok: false, message: expect.stringContaining('names no figure') });
  });

  it('names the standing figures as the consistency analysis ranks them', () => {
    expect(STANDING_FIGURES).toEqual(Object.fromEntries(CONSISTENCY_METRICS.map((m) => [m.key, m.figure])));
  });

  it('reports a claim on it as not checkable, saying it is withheld by complementary suppression', () => {
    const r = lintMdx('content/reports/x.mdx', '---\ntitle: x\n---\n\n<Claim test="entity.rank.nps <= 3">A top-three outlet.</Claim>\n', alpha);
    expect(r.findings.map(formatProblem)).toEqual([
      expect.stringContaining(
        "claimed: nps <= 3; cannot be checked: entity.rank.nps is withheld by complementary suppression (n = 25), so that a smaller group's figure cannot be worked out from it.",
      ),
    ]);
  });

  it('reads the chain template well on the chain page, a published outlet and the withheld-NPS outlet', async () => {
    const mdx = await readFile(resolve(ROOT, 'content/reports/chain.mdx'), 'utf8');
    const parent = renderProse(mdx, parentPageFigures(chain), 'en');
    const published = renderProse(mdx, beta, 'en');
    const withheld = renderProse(mdx, alpha, 'en');
    for (const text of [parent, published, withheld]) expect(text).not.toContain('[unknown');
    expect(parent).toMatch(/Across the chain NPS is [+−]?\d+ on \d+ respondents; every outlet has its own page below\./);
    expect(parent).not.toContain("This outlet's");
    expect(published).toMatch(/This outlet's NPS is [+−]?\d+ \(margin of error ±[\d.]+\) against [+−]?\d+ for the whole chain: rank \d of 2 outlets/);
    expect(published).toMatch(/The difference from the rest of the chain is (statistically significant|within chance)/);
    expect(withheld).toContain(
      "This outlet's NPS is not published (withheld to protect a smaller group), so it is neither ranked nor tested against the other outlets; across the chain NPS is",
    );
    expect(withheld).not.toMatch(/rank \d|The difference from the rest|every outlet has its own page below/);
    expect(withheld).toContain("How this outlet's figures sit in the spread");
  });
});

describe('the chain demo template on every page', () => {
  it('lints clean and renders no unknown figure on the chain page and every published outlet page', async () => {
    const { computeFigures } = await import('../../src/build/figures-fs');
    const result = await computeFigures(ROOT, resolve(ROOT, 'data/chain'), { per: 'outlet' });
    const chain = result.figures!;
    expect(chain).toBeDefined();
    const mdx = await readFile(resolve(ROOT, 'content/reports/chain.mdx'), 'utf8');
    const pages = entityPages(chain).filter((p) => !p.figures.withheld);
    expect(pages.length).toBeGreaterThan(100);
    const problems: string[] = [];
    const forms = new Map<string, number>();
    const SUMMARIES: [string, RegExp][] = [
      ['chain', /Across the chain NPS is [+−]?\d+ on [\d,]+ respondents; every outlet/],
      ['ranked', /This outlet's NPS is [+−]?\d+ \(margin of error ±[\d.]+\) against [+−]?\d+ for the whole chain: rank \d+ of \d+ outlets/],
      ['withheld', /This outlet's NPS is not published \([^)]+\), so it is neither ranked nor tested/],
    ];
    for (const figures of [parentPageFigures(chain), ...pages.map((p) => entityPageFigures(chain, p.name)!)]) {
      const text = renderProse(mdx, figures, 'en');
      const page = figures.entity?.name ?? 'chain';
      if (text.includes('[unknown')) problems.push(`${page}: ${/\[unknown[^\]]*\]/.exec(text)![0]}`);
      const said = SUMMARIES.filter(([, re]) => re.test(text)).map(([form]) => form);
      if (said.length !== 1 || (said[0] === 'chain') !== (page === 'chain')) problems.push(`${page}: summary reads as ${said.join(' + ') || 'nothing'}`);
      forms.set(said[0], (forms.get(said[0]) ?? 0) + 1);
      const lint = lintMdx('content/reports/chain.mdx', mdx, figures);
      problems.push(...[...lint.problems, ...lint.findings].map(formatProblem));
    }
    expect(problems).toEqual([]);
    expect(forms.get('chain')).toBe(1);
    expect(forms.get('ranked')).toBeGreaterThan(100);
  }, 300_000);
});
