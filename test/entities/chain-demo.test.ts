/** The second demo (issue 15): data/chain is scripts/demo/chain.ts's output, and it has what the entity pages show. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../../src/engines/run-fs';
import { buildChainFiles, CHAIN_REGIONS, INCONSISTENT_OUTLET, SMALL_OUTLETS } from '../../scripts/demo/chain';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const DIR = resolve(import.meta.dirname, '../../data/chain');

describe('the chain demo (data/chain)', () => {
  it('is the generator’s output byte for byte (npx tsx scripts/demo/chain-write.ts rewrites it)', () => {
    for (const [name, text] of Object.entries(buildChainFiles())) expect([name, readFileSync(resolve(DIR, name), 'utf8') === text]).toEqual([name, true]);
  });

  it('has 120 outlets in 3 regions over 4 waves, a few withheld, one clearly below the rest', async () => {
    const result = await analyzeWith('memory', DIR, AnalysisOptionsSchema.parse({ per: 'outlet' }));
    expect(result.problems).toEqual([]);
    const f = result.figures!;
    expect(f.meta.waves).toHaveLength(4);
    expect(Object.keys(f.segments.region).sort()).toEqual([...CHAIN_REGIONS].sort());
    const values = f.entities!.values;
    expect(Object.keys(values)).toHaveLength(120);
    expect(Object.keys(values).filter((v) => values[v].withheld)).toEqual([...SMALL_OUTLETS].sort());
    for (const metric of ['nps', 'servqual']) {
      expect(f.entities!.consistency[metric].worst).toBe(INCONSISTENT_OUTLET);
      expect(f.entities!.consistency[metric].below).toContain(INCONSISTENT_OUTLET);
    }
  }, 60_000);
});
