import { describe, expect, it } from 'vitest';
import { entitySlugs, slugOf } from '../../src/analysis/entities-slug';

describe('entity slugs (/reports/<id>/<slug>/)', () => {
  it('keeps only a–z, 0–9 and single hyphens, accents folded', () => {
    expect(slugOf('Central 17 — Northampton')).toBe('central-17-northampton');
    expect(slugOf('Nîmes Street')).toBe('nimes-street');
    expect(slugOf('Đà Nẵng')).toBe('da-nang');
  });

  it('turns hostile names into harmless paths', () => {
    for (const name of ['../../etc/passwd', '<script>alert(1)</script>', 'a?b#c', '%2e%2e', 'x"onload="y'])
      expect(slugOf(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('names a name with no latin letter or digit by a hash of its text', () => {
    expect(slugOf('東京')).toMatch(/^e-[0-9a-f]{8}$/);
    expect(slugOf('東京')).not.toBe(slugOf('大阪'));
  });

  it('tells apart names that slug alike, and the page names beside entity pages, in sorted order', () => {
    expect([...entitySlugs(['north-1', 'North 1', 'Entities', 'figures'])]).toEqual([
      ['Entities', 'entities-2'],
      ['North 1', 'north-1'],
      ['figures', 'figures-2'],
      ['north-1', 'north-1-2'],
    ]);
  });

  it('caps a slug at 64 characters', () => {
    expect(slugOf('x'.repeat(200)).length).toBe(64);
  });
});
