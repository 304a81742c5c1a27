/**
 * Claims as tests (issue 12.3, src/build/claims.ts): a <Claim test> the figures no longer
 * support is a finding at its file:line saying what the data now say; one that holds is
 * silent; a malformed one is a lint problem like a bad <When>. Against the demo's figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lintMdx } from '../../src/build/lint-mdx';
import type { Figures } from '../../src/schemas/figures';
import { formatProblem } from '../../src/schemas/problem';
import { demoFigures } from '../site/demo-figures';

let demo: Figures;
beforeAll(async () => {
  demo = await demoFigures();
}, 300_000);

const FILE = 'content/reports/x.mdx';
const lint = (body: string) => lintMdx(FILE, `---\ntitle: x\n---\n\nIntro.\n\n${body}\n`, demo);
const said = (body: string) => lint(body).findings.map(formatProblem);
const HINT = 'The data no longer support this sentence: rewrite it, or let <When>, <Metric> or a words component say it.';

describe('a claim the data no longer support', () => {
  it('is reported at its line with the status the KPI now has, its value and its target', () => {
    expect(said('Text.\n\n<Claim test="kpis.first-contact-fix.status is met">First-contact resolution meets its standard.</Claim>')).toEqual([
      `${FILE}:9: <Claim> test: "kpis.first-contact-fix.status is met" claimed: met; now: missed (68.1% vs target 75%). ${HINT}`,
    ]);
  });
  it('names the significance the change now has, with its p', () => {
    expect(said('NPS rose. <Claim test="changes.nps.score.significant" />')).toEqual([
      `${FILE}:7: <Claim> test: "changes.nps.score.significant" claimed: significant; now: not significant (p = 0.795). ${HINT}`,
    ]);
  });
  it('names the figure that is now the lowest, for a ranking claim', () => {
    expect(said('<Claim test="segments.channel.store.nps.score is lowest">Stores are the weak channel.</Claim>')).toEqual([
      `${FILE}:7: <Claim> test: "segments.channel.store.nps.score is lowest" claimed: segments.channel.store.nps.score is the lowest; now: segments.channel.email.nps.score is the lowest (0, against +15). ${HINT}`,
    ]);
  });
  it('gives the value a comparison now finds', () => {
    expect(said('<Claim test="benchmarks.nps.percentile > 50">NPS is in the better half of the industry.</Claim>')).toEqual([
      expect.stringContaining('claimed: percentile > 50; now: 13th'),
    ]);
  });
  it('says a claim on a suppressed figure cannot be checked, with its base against min_base, and how to guard it', () => {
    const n = (demo.segments.region.Islands.nps as { n: number }).n;
    expect(n).toBeLessThan(demo.meta.min_base);
    expect(said('<Claim test="segments.region.Islands.nps.score > 0">Islanders recommend us.</Claim>')).toEqual([
      `${FILE}:7: <Claim> test: "segments.region.Islands.nps.score > 0" claimed: score > 0; cannot be checked: segments.region.Islands.nps.score is suppressed (n = ${n} < min_base ${demo.meta.min_base}). No published figure supports or refutes this sentence, and a reader cannot check it: say it only when it can be checked (<When test="segments.region.Islands.nps.score is published">…</When>), or remove it.`,
    ]);
    // Negated, it cannot be checked either: "not" does not turn a withheld figure into support.
    expect(said('<Claim test="segments.region.Islands.nps.score <= 0">Islanders do not recommend us.</Claim>')).toEqual([
      expect.stringContaining('cannot be checked: segments.region.Islands.nps.score is suppressed'),
    ]);
  });
});

describe('a claim the data support', () => {
  it.each([
    'kpis.first-contact-fix.status is missed',
    'not changes.nps.score.significant',
    'segments.channel.email.nps.score is lowest',
    'servqual.dimensions.reliability.gap is lowest',
    'servqual.dimensions.reliability.expectation is highest',
    'benchmarks.nps.percentile < 25',
  ])('%s is silent', (test) => {
    expect(lint(`<Claim test="${test}">A sentence.</Claim>`)).toEqual({ problems: [], findings: [] });
  });
});

describe('a claim that is not a condition', () => {
  it('is a lint problem at its line, not a finding', () => {
    const r = lint('<Claim test="nsp.score > 0">x</Claim>');
    expect(r.findings).toEqual([]);
    expect(r.problems.map(formatProblem)).toEqual([
      `${FILE}:7: <Claim> test: "nsp.score > 0" names no figure: "nsp.score": "nsp" is not a figure of the figures. Did you mean "nps.score"?`,
    ]);
  });
  it('ranks only a figure that has siblings', () => {
    expect(lint('<Claim test="nps.score is lowest">x</Claim>').problems.map((p) => p.message)).toEqual([
      'nps.score has nothing beside it to be the lowest of: "is lowest" ranks a figure among the same figure of other segments, dimensions or KPIs.',
    ]);
  });
});

describe('a claim only the page shows is checked', () => {
  it('leaves a claim on a suppressed figure unchecked inside a <When> that shows it only when published', () => {
    expect(
      lint(
        '<When test="segments.region.Islands.nps.score is published"><Claim test="segments.region.Islands.nps.score > 0">Islanders recommend us.</Claim><Otherwise>Too few islanders answered to say.</Otherwise></When>',
      ),
    ).toEqual({ problems: [], findings: [] });
  });
  it('checks a claim in the branch the page shows: the main branch when the condition holds, <Otherwise> when not', () => {
    const shown = said(
      '<When test="segments.region.Islands.nps.score is suppressed">Too few islanders answered.<Otherwise><Claim test="segments.region.Islands.nps.score > 0">x</Claim></Otherwise></When> <When test="nps.score is published"><Claim test="benchmarks.nps.percentile > 50">y</Claim><Otherwise><Claim test="benchmarks.nps.percentile > 90">z</Claim></Otherwise></When>',
    );
    expect(shown).toEqual([expect.stringContaining('"benchmarks.nps.percentile > 50" claimed: percentile > 50; now: ')]);
  });
});
