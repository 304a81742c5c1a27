import { describe, expect, it } from 'vitest';
import { ENTITY_STRINGS } from '../../src/components/lib/entity-strings';

const placeholders = (s: unknown): string[] => [...new Set([...JSON.stringify(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('entity page strings', () => {
  const locales = Object.keys(ENTITY_STRINGS) as (keyof typeof ENTITY_STRINGS)[];
  it('exist for every locale with the same keys and {placeholders} as English', () => {
    expect(locales.sort()).toEqual(['en', 'fr', 'vi']);
    for (const l of locales) {
      expect(Object.keys(ENTITY_STRINGS[l]).sort()).toEqual(Object.keys(ENTITY_STRINGS.en).sort());
      for (const key of Object.keys(ENTITY_STRINGS.en) as (keyof (typeof ENTITY_STRINGS)['en'])[])
        expect([l, key, placeholders(ENTITY_STRINGS[l][key])]).toEqual([l, key, placeholders(ENTITY_STRINGS.en[key])]);
    }
  });
});
