/**
 * The real `gapreport build` under faults, end to end (each site build takes 15-25 s, so
 * few of them; the many-seed part runs on the swap itself in fault-injection.test.ts), in
 * copies of the hostile report's project built once for the run (test/setup/sites.ts):
 * SIGKILL between the two renames and in the middle of Astro, two builds at once in one
 * folder, a full disk, a dist/ that is a mount point, read-write and then read-only.
 * After each: dist/ is the last good site byte for byte, and no temporary folder is left.
 */
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroWritingPages, fill, leftoversBeside, mountTmpfs, mountUnavailable, remount, runBuild, stagingInside, unmount } from './faults';
import { copyOfSite } from '../setup/sites';
import { hashTree, removeProject } from './site';

const BAD_ROW = 'RID9999ZZ,2026-Q3,2026-08-14,web,1,1,1,1,1,1,1,1,1,1,11,1,\n';

/** A build that fails on its data, after the start-of-build recovery: fast (no Astro). */
async function failingOnData(root: string) {
  const csv = join(root, 'data/hostile/responses.csv');
  const good = readFileSync(csv);
  appendFileSync(csv, BAD_ROW);
  try {
    return await runBuild(root);
  } finally {
    writeFileSync(csv, good);
  }
}

describe('gapreport build killed, or run twice at once', () => {
  let root: string;
  let good: Record<string, string>;
  beforeAll(async () => {
    // The last good site: the shared build of this project (test/setup/sites.ts), copied with its sources and caches.
    root = await copyOfSite('hostile', 'gapreport-kill-');
    good = hashTree(join(root, 'dist'));
  }, 300_000);
  afterAll(() => removeProject(root));

  it('killed between its two renames: no dist/ for a moment, the next build puts the last good site back and cleans up', async () => {
    const killed = await runBuild(root, [], { GAPREPORT_FAULT: 'swap:old-moved-aside' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(root, 'dist'))).toBe(false);
    const next = await failingOnData(root);
    expect(next.code).toBe(1);
    expect(next.stderr).toMatch(/^restored dist\/ from an interrupted build \(\.dist\.old-\d+-0\)$/m);
    expect(hashTree(join(root, 'dist'))).toEqual(good);
    expect(leftoversBeside(root)).toEqual([]);
  }, 300_000);

  it('killed from outside in the middle of Astro: dist/ untouched, its temporary folder removed by the next build', async () => {
    // SIGKILL as soon as Astro has written its first page into the temporary folder (polled, not timed:
    // a fixed delay lands after the build on a fast machine and before Astro on a slow one).
    const killed = await runBuild(root, [], {}, { when: () => astroWritingPages(root) });
    expect(killed.signal).toBe('SIGKILL');
    expect(hashTree(join(root, 'dist'))).toEqual(good);
    expect((await failingOnData(root)).code).toBe(1);
    expect(hashTree(join(root, 'dist'))).toEqual(good);
    expect(leftoversBeside(root)).toEqual([]);
  }, 300_000);

  it('two builds at once in one folder: both succeed, dist/ is the site whole, nothing left beside it', async () => {
    const both = await Promise.all([runBuild(root), runBuild(root)]);
    expect(both.map((b) => [b.code, b.signal])).toEqual([
      [0, null],
      [0, null],
    ]);
    expect(hashTree(join(root, 'dist'))).toEqual(good);
    expect(leftoversBeside(root)).toEqual([]);
  }, 400_000);
});

const noMount = mountUnavailable();
if (noMount) console.warn(`skipping the full and read-only disk builds: ${noMount}`);

describe.skipIf(noMount)('gapreport build on a full disk and into a mount point', () => {
  let root: string;
  let good: Record<string, string>;
  const mounted: string[] = [];
  beforeAll(async () => {
    root = await copyOfSite('hostile', 'gapreport-disk-');
    mountTmpfs(join(root, 'vol'), '6m');
    mounted.push(join(root, 'vol'));
    // The last good site on the small volume: the shared build's dist/, moved there (build marker included).
    cpSync(join(root, 'dist'), join(root, 'vol/site'), { recursive: true });
    rmSync(join(root, 'dist'), { recursive: true });
    good = hashTree(join(root, 'vol/site'));
  }, 300_000);
  afterAll(async () => {
    for (const m of mounted.reverse()) await unmount(m);
    removeProject(root);
  });

  it('a full disk: one line naming the folder and "the disk is full", exit 1, the site byte for byte as before, no temporary folder', async () => {
    const filler = fill(join(root, 'vol'), 200 * 1024);
    try {
      const result = await runBuild(root, ['--out', 'vol/site']);
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr.trim().split('\n').at(-1)).toMatch(
        /^gapreport build: could not (write the site|write the search index) into vol\/\.site\.tmp-\d+\/: the disk is full \(ENOSPC\)\. vol\/site\/ is unchanged\. Free some space and build again\.$/,
      );
    } finally {
      rmSync(filler);
    }
    expect(hashTree(join(root, 'vol/site'))).toEqual(good);
    expect(leftoversBeside(join(root, 'vol'))).toEqual([]);
  }, 300_000);

  it('a dist/ that is a mount point: its contents are replaced (no EBUSY), then read-only: EROFS in one line, dist/ as before', async () => {
    const dist = join(root, 'dist');
    mountTmpfs(dist, '6m');
    mounted.push(dist);
    const into = await runBuild(root);
    expect(into.code, into.stderr).toBe(0);
    // The same files as the site built by renames (the search index's bytes may differ with --out).
    expect(Object.keys(hashTree(dist)).filter((f) => !f.startsWith('pagefind/'))).toEqual(Object.keys(good).filter((f) => !f.startsWith('pagefind/')));
    expect(stagingInside(dist)).toEqual([]);
    const built = hashTree(dist);
    remount(dist, 'ro');
    try {
      const result = await runBuild(root);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n').at(-1)).toBe(
        'gapreport build: could not put the new site in place of dist/: the file system is read-only (EROFS). dist/ is unchanged. Make it writable or choose another folder with --out.',
      );
    } finally {
      remount(dist, 'rw');
    }
    expect(hashTree(dist)).toEqual(built);
    expect(stagingInside(dist)).toEqual([]);
    expect(leftoversBeside(root)).toEqual([]);
  }, 400_000);
});
