/**
 * The stream engine's per-chunk cache: each chunk's RangeResult (accumulators, problems with
 * the chunk's own lines, id table, segment tallies, exclusions) under
 * `.gapreport/cache/chunks/<key>.bin`, keyed by a hash of the chunk's bytes and of everything
 * else its result depends on (the task without its path and offsets: questionnaire, items,
 * mapping, header, delimiter, whether it is the first chunk; and the code's own hash). A data
 * change then refolds only the chunks whose bytes changed.
 *
 * An entry is written to a temporary file and renamed into place, so a killed build leaves
 * none half-written; it carries a hash of its payload, so an entry that is corrupt or
 * unreadable all the same is recomputed, never trusted. Each file the engine read keeps a
 * manifest of the entries its last read used; entries no manifest lists are removed after each
 * read, so the folder holds about one copy of the chunk results of the data as it is now.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { RangeResult, RangeTask } from './range';

export interface ChunkCacheOptions {
  /** The folder of the entries (`.gapreport/cache/chunks`). */
  dir: string;
  /** A hash of the code the results come from (figures-fs.ts: the analysis sources). */
  code: string;
}

/** Changes when the entries' layout does. */
const FORMAT = 'gapreport-chunk-1';
const MAGIC = Buffer.from('GRCHUNK1');
const DIGEST = 32;
const MANIFESTS = 'manifests';
/** A temporary file older than this is a killed build's: removed. */
const STALE_TMP_MS = 10 * 60 * 1000;

/** The key of a task's result: the chunk's bytes (`bytes`, their SHA-256), the task's settings, the code. */
export function chunkKey(cache: ChunkCacheOptions, task: RangeTask, bytes: string): string {
  const { path: _p, start: _s, end: _e, size: _z, idLines: _i, ...settings } = task;
  return createHash('sha256').update(`${FORMAT}\0${cache.code}\0${bytes}\0`).update(JSON.stringify(settings)).digest('hex').slice(0, 40);
}

/** The bytes hash of chunks read as one (a chunk that ended inside a quoted value joined with the next): from the parts' hashes, in order. */
export const joinedHash = (parts: string[]): string =>
  createHash('sha256')
    .update(`join\0${parts.join('\0')}`)
    .digest('hex');

const entryPath = (dir: string, key: string) => join(dir, `${key}.bin`);

/** The stored result, or undefined when there is none or it does not check out (then the caller recomputes it). */
export async function readChunk(cache: ChunkCacheOptions, key: string): Promise<RangeResult | undefined> {
  let data: Buffer;
  try {
    data = await readFile(entryPath(cache.dir, key));
  } catch {
    return undefined;
  }
  if (data.length < MAGIC.length + DIGEST || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = data.subarray(MAGIC.length + DIGEST);
  const digest = createHash('sha256').update(payload).digest();
  if (!digest.equals(data.subarray(MAGIC.length, MAGIC.length + DIGEST))) return undefined;
  try {
    const entry = deserialize(payload) as { key?: string; result?: RangeResult };
    if (entry?.key !== key || !entry.result || !Array.isArray(entry.result.problems)) return undefined;
    return entry.result;
  } catch {
    return undefined;
  }
}

/** The entry's bytes, taken at once (before the merge changes the result in place); written by writeChunk. */
export function encodeChunk(key: string, result: RangeResult): Buffer {
  const payload = serialize({ key, result });
  return Buffer.concat([MAGIC, createHash('sha256').update(payload).digest(), payload]);
}

/** Writes an entry atomically (temporary file, then rename); a failure only loses the speed-up. */
export async function writeChunk(cache: ChunkCacheOptions, key: string, bytes: Buffer): Promise<void> {
  const path = entryPath(cache.dir, key);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(cache.dir, { recursive: true });
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch {
    await unlink(tmp).catch(() => {});
  }
}

/**
 * Records the entries the last read of `file` used, then removes the entries no manifest
 * lists (written before `started`: a build running beside this one keeps what it just wrote),
 * temporary files a killed build left, and the manifests of files that are gone.
 */
export async function settleChunks(cache: ChunkCacheOptions, file: string, kind: string, keys: string[], started: number): Promise<void> {
  try {
    const dir = join(cache.dir, MANIFESTS);
    await mkdir(dir, { recursive: true });
    const source = resolve(file);
    const name = `${createHash('sha256').update(`${kind}\0${source}`).digest('hex').slice(0, 32)}.json`;
    const tmp = join(dir, `${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(tmp, JSON.stringify({ source, kind, keys }));
    await rename(tmp, join(dir, name));
    const referenced = new Set<string>();
    for (const m of await readdir(dir)) {
      if (!m.endsWith('.json')) {
        await removeStale(join(dir, m), Date.now() - STALE_TMP_MS);
        continue;
      }
      try {
        const manifest = JSON.parse(await readFile(join(dir, m), 'utf8')) as { source: string; keys: string[] };
        if (m !== name && !(await stat(manifest.source).catch(() => undefined))) {
          await unlink(join(dir, m)).catch(() => {});
          continue;
        }
        for (const k of manifest.keys) referenced.add(`${k}.bin`);
      } catch {
        await unlink(join(dir, m)).catch(() => {}); // unreadable: its entries are only a speed-up
      }
    }
    for (const e of await readdir(cache.dir)) {
      if (e.endsWith('.bin') && !referenced.has(e)) await removeStale(join(cache.dir, e), started);
      else if (e.endsWith('.tmp')) await removeStale(join(cache.dir, e), Date.now() - STALE_TMP_MS);
    }
  } catch {
    // Pruning is housekeeping: a read-only or vanished folder never fails a build.
  }
}

async function removeStale(path: string, before: number): Promise<void> {
  const s = await stat(path).catch(() => undefined);
  if (s && s.mtimeMs < before) await unlink(path).catch(() => {});
}
