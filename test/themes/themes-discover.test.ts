import { describe, expect, it } from 'vitest';
import { distinctiveTerms, proposeCodebook } from '../../src/analysis/themes-discover';
import { parseThemes } from '../../src/data/themes-file';

/** A seeded generator (mulberry32), so the fixture is the same on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const FILLER = 'the and a service was it i my to of for very good ok thanks call phone shop online order time day they'.split(' ');
const PLANTED = ['refund', 'router broken', 'invoice'];

/** 300 comments of filler; low scorers (a third) write the planted terms half the time each. */
function fixture() {
  const rand = prng(17);
  return Array.from({ length: 300 }, (_, i) => {
    const low = i % 3 === 0;
    const words = Array.from({ length: 8 }, () => FILLER[Math.floor(rand() * FILLER.length)]);
    if (low) for (const p of PLANTED) if (rand() < 0.5) words.splice(Math.floor(rand() * words.length), 0, p);
    // The rest mention them rarely, so they are distinctive, not exclusive.
    if (!low && rand() < 0.03) words.push(PLANTED[Math.floor(rand() * PLANTED.length)]);
    return { text: words.join(' '), inGroup: low };
  });
}

describe('distinctiveTerms(comments) — weighted log-odds, informative Dirichlet prior', () => {
  const found = distinctiveTerms(fixture(), 10);

  it('recovers the planted themes of the low scorers in the top 10', () => {
    const names = found.map((t) => t.term);
    for (const p of ['refund', 'router broken', 'invoice']) expect(names).toContain(p);
    expect(names.slice(0, 4)).toEqual(expect.arrayContaining(['refund', 'invoice']));
  });

  it('gives counts in and outside the group and ranks common filler words low', () => {
    const refund = found.find((t) => t.term === 'refund')!;
    expect(refund.group).toBeGreaterThan(30);
    expect(refund.rest).toBeLessThan(refund.group);
    expect(found.map((t) => t.term)).not.toContain('the');
  });

  it('proposes the terms as a codebook that themes.yaml accepts', () => {
    const yaml = proposeCodebook(found.slice(0, 3), 'en');
    const parsed = parseThemes(yaml);
    expect(parsed.problems).toEqual([]);
    expect(parsed.codebook!.themes.map((t) => t.keywords.en[0])).toEqual(found.slice(0, 3).map((t) => t.term));
  });

  it('finds nothing without a group or without other comments', () => {
    expect(distinctiveTerms([{ text: 'refund refund refund', inGroup: true }])).toEqual([]);
  });

  it('never proposes a term made only of function words, however skewed ("this", "out of", "de la")', () => {
    const comments = Array.from({ length: 60 }, (_, i) => ({
      text: i < 20 ? 'this is out of order, de la panne, refund please' : 'fine thanks',
      inGroup: i < 20,
    }));
    const terms = distinctiveTerms(comments, 50).map((t) => t.term);
    expect(terms).toContain('refund');
    expect(terms).toContain('of order'); // one content word is enough for a phrase
    for (const grammar of ['this', 'is', 'out of', 'this is', 'de la', 'de']) expect(terms).not.toContain(grammar);
  });
});
