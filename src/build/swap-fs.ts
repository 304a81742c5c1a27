/**
 * Putting a finished build in place of the output folder so that, for whoever comes next,
 * there is always one complete site: the last good one or the new one, never a half.
 *
 * Why recovery and not a `dist` symlink switched atomically: a symlinked dist/ breaks people
 * who copy, upload or serve it (`cp -r dist`, `rsync`, container volumes, upload actions that
 * do not follow links), so dist/ stays a plain folder replaced in two renames, and the one
 * moment between them without a dist/ is repaired by the next build (prepareOutDir): the
 * folder moved aside (always a complete site, it was dist/ a moment before) is renamed back.
 *
 * Temporary folders sit beside the output folder, hidden: `.<name>.tmp-<pid>` (the build),
 * `.<name>.old-<pid>-<n>` (the site being replaced), `.<name>.trash-<pid>-<n>` (being
 * deleted). A folder is another build's work while that pid is alive; anything else is a
 * leftover. To remove or restore a leftover a build first renames it to a name of its own
 * (rename is atomic), so two builds never delete the same folder or each other's work.
 */
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { faultPoint } from './fault';

/** Written last into every build: marks a folder as gapreport's own output and as complete. */
export const BUILD_MARKER = '.gapreport-build';
/** Fixed text (no date, no version) so that two builds stay identical byte for byte. */
export const BUILD_MARKER_TEXT = 'This folder is a site built by `gapreport build`; the next build replaces it whole.\n';

/** The file operations used here, passed in so tests can fail them on purpose. */
export type SwapFs = Pick<typeof nodeFs, 'rename' | 'rm' | 'readdir' | 'stat' | 'mkdir' | 'cp' | 'writeFile'>;

export interface SwapOptions {
  fs?: SwapFs;
  pid?: number;
  /** Whether a process is running (another build's folders are left alone while it is). */
  isAlive?: (pid: number) => boolean;
}

const LEFTOVER = /^(\.?)(.+)\.(tmp|old|trash)-(\d+)(?:-\d+)?$/;
const STAGING = /^\.gapreport-(next|prev)-(\d+)$/;
/** Written into prev once every entry of the old site has moved out (see replaceContents). */
const PHASE_TWO = '.gapreport-phase-2';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The temporary folder a build with this pid renders into, beside outDir. */
export function tempDirFor(outDir: string, pid = process.pid): string {
  return join(dirname(outDir), `.${basename(outDir)}.tmp-${pid}`);
}

export async function markBuild(dir: string, fs: SwapFs = nodeFs): Promise<void> {
  await fs.writeFile(join(dir, BUILD_MARKER), BUILD_MARKER_TEXT);
}

/** A site this tool built: the marker, or for builds older than it, the search index's entry file. */
export async function looksLikeBuild(dir: string, fs: SwapFs = nodeFs): Promise<boolean> {
  const has = (p: string) =>
    fs.stat(join(dir, p)).then(
      () => true,
      () => false,
    );
  return (await has(BUILD_MARKER)) || (await has('pagefind/pagefind-entry.json'));
}

interface Ctx {
  fs: SwapFs;
  pid: number;
  alive: (pid: number) => boolean;
  seq: number;
}
const ctxOf = (o: SwapOptions): Ctx => ({ fs: o.fs ?? nodeFs, pid: o.pid ?? process.pid, alive: o.isAlive ?? isAlive, seq: 0 });
/** Another build's pid that is still running; our own pid's folders are a killed run's (pids are reused, as pid 1 in containers). */
const othersLive = (c: Ctx, pid: number) => pid !== c.pid && c.alive(pid);
const exists = (c: Ctx, p: string) =>
  c.fs.stat(p).then(
    () => true,
    () => false,
  );
const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** Renames a folder to a trash name of our own, then deletes it; false when another build got there first. */
async function claimAndRemove(c: Ctx, path: string): Promise<boolean> {
  const trash = join(dirname(path), `.${ownerName(path)}.trash-${c.pid}-${c.seq++}`);
  try {
    await c.fs.rename(path, trash);
  } catch (error) {
    if (code(error) === 'ENOENT') return false;
    throw error;
  }
  await c.fs.rm(trash, { recursive: true, force: true });
  return true;
}
const ownerName = (path: string) => LEFTOVER.exec(basename(path))?.[2] ?? basename(path);

export interface Prepared {
  /** The folder a killed build had moved aside, put back as the output folder. */
  restored?: string;
  /** Leftovers of killed builds that were removed. */
  removed: string[];
}

/**
 * Run before every build: when the output folder is missing because a build was killed
 * between its two renames, the newest site it had moved aside becomes the output folder
 * again; leftovers of killed builds are removed; a contents switch inside a mount point
 * that was cut short is rolled back. Another live build's folders are never touched.
 */
export async function prepareOutDir(outDir: string, options: SwapOptions = {}): Promise<Prepared> {
  const c = ctxOf(options);
  const parent = dirname(outDir);
  const name = basename(outDir);
  const entries = await c.fs.readdir(parent).catch((e) => (code(e) === 'ENOENT' ? [] : Promise.reject(e)));
  const named = entries
    .map((entry) => ({ entry, m: LEFTOVER.exec(entry) }))
    .filter(({ m }) => m && m[2] === name && !othersLive(c, Number(m[4])))
    .map(({ entry, m }) => ({ path: join(parent, entry), kind: m![3], legacy: m![1] === '' }));
  // Names without the leading dot come from earlier builds of this tool (dist.tmp-<pid>, dist.old-<pid>);
  // a user's own folder could be called so, hence only those that hold a built site count.
  const dead: typeof named = [];
  for (const d of named) if (!d.legacy || (await looksLikeBuild(d.path, c.fs))) dead.push(d);
  const result: Prepared = { removed: [] };
  if (!(await exists(c, outDir))) {
    const olds = dead.filter((d) => d.kind === 'old');
    const dated = await Promise.all(olds.map(async (d) => ({ ...d, at: await builtAt(c, d.path) })));
    for (const candidate of dated.sort((a, b) => b.at - a.at)) {
      try {
        await c.fs.rename(candidate.path, outDir);
        result.restored = candidate.path;
        break;
      } catch (error) {
        // Another build restored one first (outDir exists now) or took this one: either way, go on.
        if (!['ENOENT', 'ENOTEMPTY', 'EEXIST'].includes(code(error) ?? '')) throw error;
        if (await exists(c, outDir)) break;
      }
    }
  }
  for (const d of dead) {
    if (d.path === result.restored) continue;
    if (await claimAndRemove(c, d.path)) result.removed.push(d.path);
  }
  if (await exists(c, outDir)) await rollBackContents(c, outDir, result);
  return result;
}

/** When a site was built (its marker's time; the folder's own for builds older than the marker). */
async function builtAt(c: Ctx, dir: string): Promise<number> {
  const marker = await c.fs.stat(join(dir, BUILD_MARKER)).catch(() => undefined);
  return (marker ?? (await c.fs.stat(dir))).mtimeMs;
}

/**
 * Replaces outDir with tmp: outDir is renamed aside, tmp renamed in, the old one deleted.
 * A concurrent build that swapped in meanwhile is itself moved aside (the last build to
 * finish wins, whole). When outDir cannot be renamed because it is a mount point (EBUSY,
 * EXDEV), its contents are replaced instead (replaceContents).
 */
export async function swapIn(tmp: string, outDir: string, options: SwapOptions = {}): Promise<'renamed' | 'contents'> {
  const c = ctxOf(options);
  const name = basename(outDir);
  const asides: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const aside = join(dirname(outDir), `.${name}.old-${c.pid}-${c.seq++}`);
    try {
      await c.fs.rename(outDir, aside);
      asides.push(aside);
    } catch (error) {
      if (code(error) === 'EBUSY' || code(error) === 'EXDEV') {
        await replaceContents(c, tmp, outDir);
        return 'contents';
      }
      if (code(error) !== 'ENOENT') throw error;
    }
    faultPoint('swap:old-moved-aside');
    try {
      await c.fs.rename(tmp, outDir);
      break;
    } catch (error) {
      // ENOTEMPTY/EEXIST: a concurrent build put its site in between our two renames.
      if (!['ENOTEMPTY', 'EEXIST'].includes(code(error) ?? '') || attempt >= 20) {
        if (asides.length > 0) await c.fs.rename(asides.at(-1)!, outDir).catch(() => undefined);
        throw error;
      }
    }
  }
  faultPoint('swap:new-moved-in');
  for (const aside of asides) await claimAndRemove(c, aside);
  return 'renamed';
}

/**
 * outDir is a mount point: copy the new site into a hidden folder inside it (a full disk
 * fails here, before anything of the old site moved), then move the old entries into a
 * second hidden folder and the new ones in, one rename each. A reader during those few
 * renames may see a mix; a build killed then is rolled back by the next (rollBackContents).
 */
async function replaceContents(c: Ctx, tmp: string, outDir: string): Promise<void> {
  const next = join(outDir, `.gapreport-next-${c.pid}`);
  const prev = join(outDir, `.gapreport-prev-${c.pid}`);
  try {
    await c.fs.cp(tmp, next, { recursive: true });
  } catch (error) {
    await c.fs.rm(next, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  faultPoint('contents:copied');
  const old = (await c.fs.readdir(outDir)).filter((e) => !STAGING.test(e));
  await c.fs.mkdir(prev);
  for (const entry of old) {
    await c.fs.rename(join(outDir, entry), join(prev, entry));
    faultPoint('contents:moving-out');
  }
  await c.fs.writeFile(join(prev, PHASE_TWO), '');
  for (const entry of await c.fs.readdir(next)) {
    await c.fs.rename(join(next, entry), join(outDir, entry));
    faultPoint('contents:moving-in');
  }
  await c.fs.rm(next, { recursive: true, force: true });
  await c.fs.rm(prev, { recursive: true, force: true });
  await c.fs.rm(tmp, { recursive: true, force: true });
}

/** Undoes a contents switch whose build was killed: the old entries go back, the new ones away. */
async function rollBackContents(c: Ctx, outDir: string, result: Prepared): Promise<void> {
  const inside = await c.fs.readdir(outDir);
  for (const entry of inside) {
    const m = STAGING.exec(entry);
    if (!m || othersLive(c, Number(m[2])) || m[1] !== 'prev') continue;
    const prev = join(outDir, entry);
    const movedOut = (await c.fs.readdir(prev)).filter((e) => e !== PHASE_TWO);
    if (await exists(c, join(prev, PHASE_TWO))) {
      // Everything at the top of outDir is the new site's: remove it before the old comes back.
      for (const e of inside.filter((n) => !STAGING.test(n))) await c.fs.rm(join(outDir, e), { recursive: true, force: true });
    }
    for (const e of movedOut) await c.fs.rename(join(prev, e), join(outDir, e));
    await c.fs.rm(prev, { recursive: true, force: true });
    result.removed.push(prev);
  }
  for (const entry of await c.fs.readdir(outDir)) {
    const m = STAGING.exec(entry);
    if (!m || othersLive(c, Number(m[2]))) continue;
    await c.fs.rm(join(outDir, entry), { recursive: true, force: true });
    result.removed.push(join(outDir, entry));
  }
}
