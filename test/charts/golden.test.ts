import { describe, it } from 'vitest';
import { CASES } from './cases';
import { expectGolden } from './golden';

describe('chart builders against golden SVG files', () => {
  it.each(Object.keys(CASES))('%s matches test/golden/%s.svg', (name) => {
    expectGolden(name, CASES[name]().svg);
  });
});
