/**
 * The swap of dist/ under faults, on a miniature build (swap-driver.ts) so that many seeds
 * stay fast: SIGKILL at every named step and at random moments, concurrent builds, a dist/
 * that is a mount point (EBUSY), full and read-only disks (injected, and on a real tmpfs
 * when mounting is permitted). After each fault: what the next build sees is one complete
 * site, byte for byte the last good one (or the new one when the kill came after it was
 * in place), and no temporary folder is left once that next build has run.
 * The real CLI under the same faults: fault-injection-cli.test.ts.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { markBuild, prepareOutDir, swapIn, tempDirFor, type SwapFs } from '../../src/build/swap-fs';
import { driverSite, fill, leftoversBeside, mountTmpfs, mountUnavailable, random, remount, runDriver, stagingInside, unmount, writeSite } from './faults';
import { hashTree } from './site';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const roots: string[] = [];
let root: string;
let dist: string;
const FILES = 40;
const A = driverSite('A', FILES);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gapreport-faults-'));
  roots.push(root);
  dist = join(root, 'dist');
  writeSite(dist, A);
});
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** dist/ holds exactly this site, byte for byte, and nothing else. */
const expectSite = (dir: string, site: Record<string, string>) => {
  const want = Object.fromEntries(Object.entries(site).map(([p, t]) => [p, sha(t)]));
  expect(hashTree(dir)).toEqual(want);
};
/** "The next build": prepare in this process (another pid), then swap a new site C in. */
async function nextBuild(): Promise<void> {
  await prepareOutDir(dist);
  const tmp = tempDirFor(dist);
  writeSite(tmp, driverSite('C', 7));
  await markBuild(tmp);
  await swapIn(tmp, dist);
}

const RENAME_STEPS = { 'driver:writing': 'A', 'build:marked': 'A', 'swap:old-moved-aside': 'A', 'swap:new-moved-in': 'B' } as const;
const CONTENTS_STEPS = {
  'contents:copied': 'A',
  'contents:moving-out': 'A',
  'contents:moving-out@5': 'A',
  'contents:moving-in': 'A',
  'contents:moving-in@25': 'A',
} as const;

describe('a build killed (SIGKILL) at a named step', () => {
  it('between the two renames leaves no dist/, and the next build puts the last good site back', async () => {
    const killed = await runDriver(dist, 'B', FILES, { GAPREPORT_FAULT: 'swap:old-moved-aside' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(dist)).toBe(false);
    const prepared = await prepareOutDir(dist);
    expect(prepared.restored).toMatch(/\.dist\.old-\d+-0$/);
    expectSite(dist, A);
    expect(leftoversBeside(root)).toEqual([]);
  });

  it.each(Object.entries({ ...RENAME_STEPS }))('at %s: the next build sees site %s whole, then succeeds with no leftovers', async (step, expected) => {
    const killed = await runDriver(dist, 'B', FILES, { GAPREPORT_FAULT: step });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    await prepareOutDir(dist);
    expectSite(dist, expected === 'A' ? A : driverSite('B', FILES));
    expect(leftoversBeside(root)).toEqual([]);
    await nextBuild();
    expectSite(dist, driverSite('C', 7));
    expect(leftoversBeside(root)).toEqual([]);
  });

  it.each(Object.entries(CONTENTS_STEPS))('in a mount point (EBUSY), at %s: rolled back to site %s, staging removed', async (step) => {
    // B has pages A lacks: a new page left in place by a bad rollback would show.
    const killed = await runDriver(dist, 'B', FILES + 20, { GAPREPORT_FAULT: step, DRIVER_BUSY: '1' });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    await prepareOutDir(dist);
    expectSite(dist, A);
    expect(leftoversBeside(root)).toEqual([]);
  });
});

describe('builds killed at random moments, over seeds', () => {
  // Each seed: a step or a timer kill, a site size, rename or contents mode. GAPREPORT_SEEDS widens the run.
  const seeds = Array.from({ length: Number(process.env.GAPREPORT_SEEDS ?? 24) }, (_, i) => i + 1);
  it.each(seeds)('seed %i: the next build sees one complete site (old or new), then leaves nothing behind', async (seed) => {
    const rnd = random(seed);
    const busy = rnd() < 0.35;
    const steps = Object.keys(busy ? CONTENTS_STEPS : RENAME_STEPS);
    const byTimer = rnd() < 0.5;
    const files = 20 + Math.floor(rnd() * 400);
    const env: Record<string, string> = busy ? { DRIVER_BUSY: '1' } : {};
    if (!byTimer) env.GAPREPORT_FAULT = steps[Math.floor(rnd() * steps.length)]!;
    // Node and tsx start in ~300-600 ms here; the timer lands anywhere from start-up to the end of the swap.
    const killed = await runDriver(dist, 'B', files, env, byTimer ? 250 + Math.floor(rnd() * 700) : undefined);
    await prepareOutDir(dist);
    const now = hashTree(dist);
    const asOld = JSON.stringify(now) === JSON.stringify(hashOf(A));
    const asNew = JSON.stringify(now) === JSON.stringify(hashOf(driverSite('B', files)));
    expect({ seed, env, signal: killed.signal, complete: asOld || asNew }).toEqual({ seed, env, signal: killed.signal, complete: true });
    if (env.GAPREPORT_FAULT) expect(asOld || env.GAPREPORT_FAULT === 'swap:new-moved-in').toBe(true);
    expect(leftoversBeside(root)).toEqual([]);
    expect(stagingInside(dist)).toEqual([]);
    await nextBuild();
    expectSite(dist, driverSite('C', 7));
    expect(leftoversBeside(root)).toEqual([]);
  });
});

const hashOf = (site: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(site)
      .map(([p, t]) => [p, sha(t)])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

describe('concurrent builds in one folder', () => {
  it('four builds at once all succeed and leave one of their sites whole, nothing else', async () => {
    const labels = ['B1', 'B2', 'B3', 'B4'];
    const exits = await Promise.all(labels.map((l) => runDriver(dist, l, 200)));
    expect(exits.map((e) => [e.code, e.stderr])).toEqual(labels.map(() => [0, '']));
    const now = JSON.stringify(hashTree(dist));
    expect(labels.filter((l) => now === JSON.stringify(hashOf(driverSite(l, 200))))).toHaveLength(1);
    expect(leftoversBeside(root)).toEqual([]);
  });

  it('one killed between its renames while others run: the others finish, the end state is one complete site', async () => {
    const exits = await Promise.all([
      runDriver(dist, 'K', 200, { GAPREPORT_FAULT: 'swap:old-moved-aside' }),
      runDriver(dist, 'B1', 200),
      runDriver(dist, 'B2', 200),
    ]);
    expect(exits.map((e) => e.signal ?? e.code)).toEqual(['SIGKILL', 0, 0]);
    await prepareOutDir(dist);
    const now = JSON.stringify(hashTree(dist));
    expect(['A', 'B1', 'B2'].filter((l) => now === JSON.stringify(hashOf(driverSite(l, l === 'A' ? FILES : 200))))).toHaveLength(1);
    expect(leftoversBeside(root)).toEqual([]);
  });

  it("never removes a live build's temporary folder", async () => {
    const live = join(root, `.dist.tmp-${process.ppid}`);
    writeSite(live, { 'index.html': 'in progress' });
    await prepareOutDir(dist);
    expect(existsSync(join(live, 'index.html'))).toBe(true);
  });
});

/** node:fs/promises with one operation failing as a disk would. */
const failing = (op: 'cp' | 'rename' | 'writeFile', errno: string, when: (path: string) => boolean = () => true): SwapFs => ({
  ...fs,
  [op]: async (...args: Parameters<typeof fs.rename>) => {
    if (when(String(args[0]))) throw Object.assign(new Error(`${errno}: injected, ${op} '${args[0]}'`), { code: errno });
    return (fs[op] as (...a: unknown[]) => Promise<void>)(...args);
  },
});

describe('disk errors during the swap (injected)', () => {
  it.each(['EROFS', 'EACCES', 'ENOSPC'])('renaming dist/ fails with %s: the error is thrown, dist/ byte for byte as before', async (errno) => {
    const tmp = tempDirFor(dist);
    writeSite(tmp, driverSite('B', FILES));
    await expect(swapIn(tmp, dist, { fs: failing('rename', errno, (p) => p === dist) })).rejects.toMatchObject({ code: errno });
    expectSite(dist, A);
  });

  it.each(['ENOSPC', 'EROFS'])('a mount point dist/ (EBUSY) whose copy fails with %s: dist/ as before, no staging folder inside', async (errno) => {
    const tmp = tempDirFor(dist);
    writeSite(tmp, driverSite('B', FILES));
    const busyAndFull: SwapFs = { ...failing('cp', errno), rename: failing('rename', 'EBUSY', (p) => p === dist).rename };
    await expect(swapIn(tmp, dist, { fs: busyAndFull })).rejects.toMatchObject({ code: errno });
    expectSite(dist, A);
  });
});

const noMount = mountUnavailable();
if (noMount) console.warn(`skipping the real tmpfs tests: ${noMount}`);

describe.skipIf(noMount)('on a real tmpfs', () => {
  const mounted: string[] = [];
  afterAll(async () => {
    for (const m of mounted.reverse()) await unmount(m);
  });
  /** dist/ becomes its own small file system holding site A. */
  const mountDist = (size: string) => {
    rmSync(dist, { recursive: true, force: true });
    mountTmpfs(dist, size);
    mounted.push(dist);
    writeSite(dist, A);
  };

  it('a dist/ that is a mount point (EBUSY on rename) gets its contents replaced, and stays the mount point', async () => {
    mountDist('4m');
    const run = await runDriver(dist, 'B', FILES);
    expect([run.code, run.stdout]).toEqual([0, 'contents']);
    expectSite(dist, driverSite('B', FILES));
    expect(leftoversBeside(root)).toEqual([]);
  });

  it('a mount point dist/ killed mid-switch is rolled back by the next build', async () => {
    mountDist('4m');
    const killed = await runDriver(dist, 'B', FILES, { GAPREPORT_FAULT: 'contents:moving-in' });
    expect(killed.signal).toBe('SIGKILL');
    await prepareOutDir(dist);
    expectSite(dist, A);
    expect(leftoversBeside(root)).toEqual([]);
  });

  it('a full mount point dist/: ENOSPC, dist/ byte for byte as before, no staging left', async () => {
    mountDist('1m');
    const filler = fill(dist, 8 * 1024);
    const tmp = tempDirFor(dist);
    writeSite(tmp, driverSite('B', 400));
    await expect(swapIn(tmp, dist)).rejects.toMatchObject({ code: 'ENOSPC' });
    rmSync(filler);
    expectSite(dist, A);
  });

  it('a read-only mount point dist/: EROFS, dist/ byte for byte as before', async () => {
    mountDist('1m');
    remount(dist, 'ro');
    const tmp = tempDirFor(dist);
    writeSite(tmp, driverSite('B', FILES));
    await expect(swapIn(tmp, dist)).rejects.toMatchObject({ code: 'EROFS' });
    expectSite(dist, A);
    remount(dist, 'rw');
  });
});
