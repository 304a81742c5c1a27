/**
 * `gapreport themes --discover`: a dataset with planted themes — low scorers write about refunds
 * and a broken router, the shop channel about parking, the second wave about a new app — and the
 * command, run as the CLI runs it, ranks each planted term in the top 10 of its group and proposes
 * it as a codebook entry that themes.yaml accepts; a redacted name and an e-mail are never proposed.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { parseThemes } from '../../src/data/themes-file';

/** mulberry32, so the fixture is the same on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const FILLER = 'the and service was it my to of for very good ok thanks call phone order time day they staff helpful quick'.split(' ');
const tmp = mkdtempSync(join(tmpdir(), 'gapreport-discover-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function dataset(): string {
  const dir = join(tmp, 'planted');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'questionnaire.yaml'),
    'scale: { min: 1, max: 7 }\nitems:\n  - { id: speed, dimension: responsiveness, text: Answers quickly }\nsegments: [channel]\nredact: [Jolene Marsh]\n',
  );
  const rand = prng(2017);
  const rows = ['respondent_id,wave,channel,p_speed,nps,comment'];
  for (let i = 0; i < 400; i++) {
    const wave = i < 200 ? '2026-Q1' : '2026-Q2';
    const channel = i % 2 ? 'shop' : 'online';
    const low = rand() < 0.3;
    const words = Array.from({ length: 7 }, () => FILLER[Math.floor(rand() * FILLER.length)]);
    const plant = (term: string, p: number) => rand() < p && words.splice(Math.floor(rand() * words.length), 0, term);
    if (low) ['refund', 'router broken'].forEach((t) => plant(t, 0.5));
    if (channel === 'shop') plant('parking', 0.4);
    if (wave === '2026-Q2') plant('new app', 0.4);
    if (low && i % 7 === 0) words.push('Jolene Marsh jolene.marsh@example.com');
    rows.push(`R${i},${wave},${channel},${low ? 3 : 6},${low ? Math.floor(rand() * 7) : 7 + Math.floor(rand() * 4)},"${words.join(' ')}"`);
  }
  writeFileSync(join(dir, 'responses.csv'), rows.join('\n') + '\n');
  return dir;
}
const dir = dataset();

async function run(...argv: string[]) {
  const io = memoryIo(tmp);
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
/** The terms of one group's table, in rank order. */
function termsOf(out: string, title: string): string[] {
  const block = out.split('\n\n').find((b) => b.startsWith(title));
  expect(block, `a table for ${title}`).toBeDefined();
  return block!
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s{2,}/)[0]);
}

describe('gapreport themes --discover', () => {
  it('ranks the low scorers’ planted terms in the top 10, with counts and z-scores, by default', async () => {
    const r = await run('themes', '--discover', 'planted');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const terms = termsOf(r.out, 'Low scorers');
    expect(terms.length).toBeLessThanOrEqual(10);
    expect(terms).toEqual(expect.arrayContaining(['refund', 'router broken']));
    expect(r.out).toMatch(/^ {2}refund\s+\d+\.\d\d\s+\d+\s+\d+$/m);
  });

  it('finds the shop’s planted term by segment and the second wave’s by wave', async () => {
    const seg = await run('themes', '--discover', 'planted', '--by', 'segment', '--top', '5');
    expect(seg.code).toBe(0);
    expect(termsOf(seg.out, 'channel = shop')).toContain('parking');
    expect(termsOf(seg.out, 'channel = shop').length).toBeLessThanOrEqual(5);
    const wave = await run('themes', '--discover', 'planted', '--by', 'wave');
    expect(termsOf(wave.out, 'Wave 2026-Q2')).toContain('new app');
  });

  it('proposes codebook entries that themes.yaml accepts, and never a redacted name or an e-mail', async () => {
    const r = await run('themes', '--discover', 'planted');
    const yaml = r.out.slice(r.out.indexOf('themes:\n'));
    const parsed = parseThemes(yaml);
    expect(parsed.problems).toEqual([]);
    expect(parsed.codebook!.themes.map((t) => t.id)).toEqual(expect.arrayContaining(['refund', 'router-broken']));
    expect(r.out.toLowerCase()).not.toMatch(/jolene|marsh|example\.com/);
  });

  it('refuses an unknown --by, a bad --top and a missing dataset with the usage, exit 2', async () => {
    expect((await run('themes', '--discover', 'planted', '--by', 'region')).err).toContain('--by "region" is not one of segment, wave, low-scorers');
    expect((await run('themes', '--discover', 'planted', '--top', '0')).code).toBe(2);
    const none = await run('themes');
    expect(none.code).toBe(2);
    expect(none.err).toContain('usage: gapreport themes');
  });
});
