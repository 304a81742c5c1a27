/**
 * A failed build leaves the previous dist/ byte for byte (bad data, an unknown <Metric id>,
 * an error inside Astro's render) and no temporary folders; three builds of the same
 * project (one in another folder with a cold cache, each under another time zone and
 * locale) produce identical files, every one of dist/ including the search index of a
 * site in two languages (no clock, no random ids, no absolute paths, stable order).
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortedEntry } from '../../scripts/commands/search-index';
import { BUILD_MARKER } from '../../src/build/swap-fs';
import { leftoversBeside, runBuild } from './faults';
import { build, FIXTURES, hashTree, makeProject, removeProject } from './site';

const MDX = readFileSync(join(FIXTURES, 'hostile/hostile.mdx'), 'utf8');
// A French edition of the English report: Pagefind then indexes two languages (en, fr), and each page links the other.
const MDX_FR = MDX.replace('locale: en', 'locale: fr\ntranslation_of: hostile');
const spec = { reports: { hostile: MDX, 'hostile-fr': MDX_FR }, datasets: { hostile: join(FIXTURES, 'hostile/hostile') } };
let first: string;
let second: string;
let before: Record<string, string>;

beforeAll(async () => {
  // Both copies before either build, so they hold the same sources.
  first = makeProject(spec, 'gapreport-atomic-');
  second = makeProject(spec, 'gapreport-determinism-');
  const result = await runBuild(first, [], { TZ: 'UTC', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' });
  if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
  before = hashTree(join(first, 'dist'));
}, 180_000);
afterAll(() => {
  removeProject(first);
  removeProject(second);
});

/** Files whose bytes differ from the first build's. */
const changedSince = (dist: string) => {
  const now = hashTree(dist);
  return [...new Set([...Object.keys(before), ...Object.keys(now)])].filter((f) => before[f] !== now[f]).sort();
};

/** Whatever a build leaves beside dist/ (.dist.tmp-<pid>, .dist.old-<pid>-<n>, and the older dist.tmp-<pid>). */
const leftovers = leftoversBeside;

describe('deterministic builds', () => {
  it('lists the search index languages sorted by code, whatever order Pagefind gave them', () => {
    const fromPagefind =
      '{"version":"1.5.2","languages":{"fr":{"hash":"fr_1","wasm":"fr","page_count":3},"en":{"hash":"en_2","wasm":"en","page_count":3}},"include_characters":["_"]}';
    expect(Buffer.from(sortedEntry(Buffer.from(fromPagefind))).toString()).toBe(
      '{"version":"1.5.2","languages":{"en":{"hash":"en_2","wasm":"en","page_count":3},"fr":{"hash":"fr_1","wasm":"fr","page_count":3}},"include_characters":["_"]}',
    );
  });

  it('indexes both languages, listed in a fixed order, and marks the build', () => {
    const entry = JSON.parse(readFileSync(join(first, 'dist/pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['en', 'fr']);
    expect(readdirSync(join(first, 'dist'))).toContain(BUILD_MARKER);
  });

  it('builds identical files, byte for byte, in another folder with a cold cache, another time zone and locale', async () => {
    const result = await runBuild(second, [], { TZ: 'Pacific/Chatham', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' });
    expect(result.code, result.stderr).toBe(0);
    expect(changedSince(join(second, 'dist'))).toEqual([]);
  }, 180_000);

  it('rebuilds identical files in the same folder under yet another time zone and locale', async () => {
    const result = await runBuild(first, [], { TZ: 'America/Los_Angeles', LANG: 'vi_VN.UTF-8', LC_ALL: 'C' });
    expect(result.code, result.stderr).toBe(0);
    expect(changedSince(join(first, 'dist'))).toEqual([]);
  }, 180_000);
});

describe('a failing build leaves the last good dist/ intact', () => {
  const responses = () => join(first, 'data/hostile/responses.csv');
  const reportFile = () => join(first, 'content/reports/hostile.mdx');

  it('with bad data: exit 1, the problem named, dist/ unchanged, nothing left behind', async () => {
    const good = readFileSync(responses());
    appendFileSync(responses(), 'RID9999ZZ,2026-Q3,2026-08-14,web,1,1,1,1,1,1,1,1,1,1,11,1,\n');
    try {
      const result = await build(first);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('data/hostile/responses.csv:130: column "nps": "11" is not a whole number 0–10.');
      expect(result.stderr).toContain('dist/ is unchanged');
    } finally {
      writeFileSync(responses(), good);
    }
    expect(changedSince(join(first, 'dist'))).toEqual([]);
    expect(leftovers(first)).toEqual([]);
  }, 60_000);

  it('with an unknown <Metric id>: exit 1 naming the file and line, dist/ unchanged', async () => {
    writeFileSync(reportFile(), `${MDX}\nThe score is <Metric id="nps.scroe" />.\n`);
    try {
      const result = await build(first);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/content\/reports\/hostile\.mdx:\d+: <Metric> id: "nps\.scroe"/);
    } finally {
      writeFileSync(reportFile(), MDX);
    }
    expect(changedSince(join(first, 'dist'))).toEqual([]);
    expect(leftovers(first)).toEqual([]);
  }, 60_000);

  it("with an error inside Astro's render: exit 1, the temporary folder removed, dist/ unchanged", async () => {
    // Code in a report is refused by the lint unless trusted: trusted, it reaches Astro and throws there.
    writeFileSync(reportFile(), `${MDX.replace('locale: en', 'locale: en\ntrusted_mdx: true')}\n{undefinedVariable.property}\n`);
    try {
      const result = await build(first);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('the site did not build; dist/ is unchanged');
    } finally {
      writeFileSync(reportFile(), MDX);
    }
    expect(changedSince(join(first, 'dist'))).toEqual([]);
    expect(leftovers(first)).toEqual([]);
  }, 120_000);
});
