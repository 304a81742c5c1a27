import { describe, expect, it } from 'vitest';
import { closest, editDistance, nearest } from '../../src/analysis/did-you-mean';

describe('did you mean (src/analysis/did-you-mean.ts)', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('biuld', 'build')).toBe(1);
    expect(editDistance('nsp', 'nps')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('finds the closest name case-insensitively, with - and _ alike', () => {
    expect(closest('mn-base', ['out', 'min-base', 'low-base'])).toBe('min-base');
    expect(closest('Low_Base', ['min_base', 'low_base'])).toBe('low_base');
    expect(nearest('chanel', ['channel', 'region'])).toEqual({ candidate: 'channel', distance: 1 });
  });
  it('offers nothing beyond a third of the word (at least 2 edits), nor another number', () => {
    expect(closest('revenue', ['nps', 'csat', 'ces'])).toBeUndefined();
    expect(closest('publish', ['build', 'pdf', 'check'])).toBeUndefined();
    expect(closest('2026-Q9', ['2026-Q1', '2026-Q2'])).toBeUndefined();
    expect(closest('gap6', ['gap1', 'gap5'])).toBeUndefined();
  });
});
