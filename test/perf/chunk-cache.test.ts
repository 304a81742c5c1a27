/**
 * The stream engine's per-chunk cache (src/stream/chunk-cache.ts): a data change refolds only
 * the chunks whose bytes changed, and the figures are those of a cold read of the edited file,
 * bit for bit (the same content-defined chunks, folded in the same order). Problems keep their
 * true lines, ids are checked across cached and refolded chunks, a corrupt entry is
 * recomputed, entries no longer used are removed, and noCache leaves .gapreport/ alone.
 * A seeded 20,000-response survey in chunks of about 96 KiB (the default is 32 MiB).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresFrom } from '../../src/analysis/analyze';
import { CACHE_DIR, computeFigures } from '../../src/build/figures-fs';
import type { ChunkCounts, StreamOptions } from '../../src/stream/engine';
import { loadDatasetStreaming } from '../../src/stream/load-stream-fs';
import { writeSurvey } from '../../scripts/bench/generate';
import { memoryPath, OPTIONS, texts } from './compare';

const CHUNK = 96 * 1024;
const work = mkdtempSync(join(tmpdir(), 'gapreport-chunk-cache-'));
const data = join(work, 'data');
const csv = join(data, 'responses.csv');
const cacheDir = join(work, 'chunks');
let original = '';

beforeAll(async () => {
  await writeSurvey(data, 20_000, 20260702, 12);
  original = readFileSync(csv, 'utf8');
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The dataset read in chunks (in this thread unless `threads`), with the cache or without; what was folded and read, the figures and the exact accumulators. */
async function read(options: { cache?: boolean; threads?: boolean } = {}) {
  let counts: ChunkCounts | undefined;
  const stream: StreamOptions = {
    threads: options.threads ?? false,
    chunks: true,
    chunkBytes: CHUNK,
    chunkCache: options.cache === false ? undefined : { dir: cacheDir, code: 'test' },
    onChunks: (file, c) => file === 'responses.csv' && (counts = c),
  };
  const loaded = await loadDatasetStreaming(data, stream);
  const result = loaded.dataset ? figuresFrom(loaded.dataset, loaded.source!, OPTIONS) : undefined;
  return {
    counts: counts!,
    problems: texts(loaded.dataset ? result!.problems : loaded.problems),
    figures: result?.figures && JSON.stringify(result.figures),
    // Bit for bit: a hash of the accumulators' every key and double.
    accs: loaded.source && digest(loaded.source.accs),
  };
}

/** A hash of a value's every key, string and double (its bits: -0, NaN), Maps and arrays in their order. */
function digest(value: unknown): string {
  const hash = createHash('sha256');
  const bits = new Float64Array(1);
  const walk = (x: unknown): void => {
    if (typeof x === 'number') {
      bits[0] = x;
      hash.update('n').update(new Uint8Array(bits.buffer));
    } else if (x instanceof Map) {
      hash.update(`m${x.size}`);
      for (const [k, v] of x) (walk(k), walk(v));
    } else if (ArrayBuffer.isView(x)) hash.update('t').update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    else if (Array.isArray(x)) (hash.update(`a${x.length}`), x.forEach(walk));
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) (hash.update(`k${k}\0`), walk(v));
    else hash.update(`${typeof x}:${String(x)}\0`);
  };
  walk(value);
  return hash.digest('hex');
}

const lines = () => readFileSync(csv, 'utf8').split('\n');
const writeLines = (ls: string[]) => writeFileSync(csv, ls.join('\n'));
/** Line numbers are 1-based; line 1 is the header. */
function editLine(n: number, edit: (line: string) => string): void {
  const ls = lines();
  ls[n - 1] = edit(ls[n - 1]);
  writeLines(ls);
}
/** One score of the row on line `n` changed (its e_tan1 cell, the 7th field). */
const rescore = (line: string) => line.replace(/^((?:[^,]*,){6})(\d)/, (_, head: string, v: string) => `${head}${v === '7' ? '6' : '7'}`);
const reset = () => {
  writeFileSync(csv, original);
  rmSync(cacheDir, { recursive: true, force: true });
};

describe('the per-chunk cache of the stream engine', () => {
  it('refolds only the chunk holding an edited row, and the figures equal a cold read of the edited file bit for bit', async () => {
    reset();
    const uncached = await read({ cache: false });
    const cold = await read();
    expect(cold.counts.chunks).toBeGreaterThan(20);
    expect(cold.counts).toEqual({ chunks: cold.counts.chunks, computed: cold.counts.chunks, reused: 0, joined: 0 });
    expect(cold.accs).toBe(uncached.accs);
    expect(cold.figures).toBe(uncached.figures);

    const warm = await read();
    expect(warm.counts).toEqual({ chunks: cold.counts.chunks, computed: 0, reused: cold.counts.chunks, joined: 0 });
    expect(warm.accs).toBe(cold.accs);

    editLine(10_000, rescore);
    const incremental = await read();
    expect(incremental.counts).toEqual({ chunks: cold.counts.chunks, computed: 1, reused: cold.counts.chunks - 1, joined: 0 });
    const edited = await read({ cache: false });
    expect(incremental.accs).not.toBe(cold.accs);
    expect(incremental.accs).toBe(edited.accs);
    expect(incremental.figures).toBe(edited.figures);
    expect(incremental.problems).toEqual(edited.problems);
  });

  it('refolds only the last chunks after rows are appended, and only the chunks around rows inserted', async () => {
    reset();
    const cold = await read();
    const ls = lines();
    const outlet = ls.filter((l) => l.includes(',Outlet 0003,')).slice(0, 40);
    const extra = outlet.map((l, i) => l.replace(/^R\d+/, `A${String(i).padStart(7, '0')}`));
    writeLines([...ls.slice(0, -1), ...extra, '']);
    const appended = await read();
    expect(appended.counts.computed).toBeLessThanOrEqual(2);
    expect(appended.counts.reused).toBeGreaterThanOrEqual(cold.counts.chunks - 2);
    expect(appended.accs).toBe((await read({ cache: false })).accs);

    reset();
    await read();
    const inserted = lines();
    inserted.splice(5_000, 0, ...extra);
    writeLines(inserted);
    const middle = await read();
    expect(middle.counts.computed).toBeLessThanOrEqual(3);
    expect(middle.accs).toBe((await read({ cache: false })).accs);
  });

  it('names the true file line of a problem in an edited chunk', async () => {
    reset();
    await read();
    editLine(15_321, (l) => l.replace(/^((?:[^,]*,){6})\d/, '$19'));
    const r = await read();
    expect(r.counts.computed).toBe(1);
    expect(r.problems).toEqual((await memoryPath(data)).problems);
    expect(r.problems.join('\n')).toMatch(/responses\.csv:15321: /);
  });

  it('catches a duplicate id across a cached chunk and a refolded one, naming both lines', async () => {
    reset();
    await read();
    const firstId = lines()[99].split(',')[0]; // line 100, in the first chunk (cached)
    editLine(18_000, (l) => l.replace(/^[^,]*/, firstId));
    const r = await read();
    expect(r.counts.computed).toBe(1);
    const memory = await memoryPath(data);
    expect(r.problems).toEqual(memory.problems);
    const dup = r.problems.find((p) => p.includes(firstId));
    expect(dup).toMatch(/responses\.csv:18000: /);
    expect(dup).toMatch(/\b100\b/);
  });

  it('recomputes a corrupt or truncated entry instead of trusting it, and leaves no entry behind that is no longer used', async () => {
    reset();
    const cold = await read();
    const entries = readdirSync(cacheDir).filter((e) => e.endsWith('.bin'));
    expect(entries).toHaveLength(cold.counts.chunks);
    const [a, b] = entries.map((e) => join(cacheDir, e));
    const bytes = readFileSync(a);
    bytes[bytes.length - 10] ^= 0xff; // one flipped bit in the payload
    writeFileSync(a, bytes);
    writeFileSync(b, readFileSync(b).subarray(0, 100)); // a half-written entry
    const r = await read();
    expect(r.counts.computed).toBe(2);
    expect(r.accs).toBe(cold.accs);

    editLine(7_777, rescore);
    await read();
    // The edited chunk's old entry is gone; one entry per chunk.
    expect(readdirSync(cacheDir).filter((e) => e.endsWith('.bin'))).toHaveLength(cold.counts.chunks);
  });

  it('joins a chunk that ends inside a quoted value with the next, and gives the in-memory figures', async () => {
    reset();
    // Comments with line breaks on every third row: some cuts fall inside a quoted value.
    writeLines(lines().map((l, i) => (i > 0 && i % 3 === 0 && l ? l.replace(/,("[^"]*"|[^,"]*)$/, ',"first line\nsecond, line"') : l)));
    const cold = await read();
    const memory = await memoryPath(data);
    expect(cold.problems).toEqual(memory.problems);
    expect(cold.counts.chunks).toBeGreaterThan(20);
    expect(cold.counts.joined).toBeGreaterThan(0);
    const warm = await read();
    expect(warm.counts).toMatchObject({ computed: 0, joined: cold.counts.joined });
    expect(warm.accs).toBe(cold.accs);
    expect(warm.accs).toBe((await read({ cache: false })).accs);
  });

  it('gives the same accumulators with worker threads as in this thread', async () => {
    reset();
    const here = await read({ cache: false });
    const threads = await read({ threads: true });
    expect(threads.counts.computed).toBe(threads.counts.chunks);
    expect(threads.accs).toBe(here.accs);
    expect((await read({ threads: true })).counts.reused).toBe(threads.counts.chunks);
  });
});

describe('the chunk cache in a build', () => {
  it('is not used unless the questionnaire says chunk_cache: true', async () => {
    writeFileSync(csv, original);
    const root = join(work, 'project-default');
    mkdirSync(root, { recursive: true });
    const figures = await computeFigures(root, data, { engine: 'stream' });
    expect(figures.figures).toBeDefined();
    expect(existsSync(join(root, CACHE_DIR, 'chunks'))).toBe(false);
  });

  it('is kept under .gapreport/cache/chunks with chunk_cache: true, and noCache leaves .gapreport/ alone', async () => {
    writeFileSync(csv, original);
    const q = join(data, 'questionnaire.yaml');
    writeFileSync(q, `${readFileSync(q, 'utf8').trimEnd()}\nchunk_cache: true\n`);
    const root = join(work, 'project');
    mkdirSync(root, { recursive: true });
    const none = await computeFigures(root, data, { engine: 'stream' }, { noCache: true });
    expect(none.figures).toBeDefined();
    expect(existsSync(join(root, '.gapreport'))).toBe(false);
    const cached = await computeFigures(root, data, { engine: 'stream' });
    expect(readdirSync(join(root, CACHE_DIR, 'chunks')).filter((e) => e.endsWith('.bin')).length).toBeGreaterThan(0);
    expect(JSON.stringify(cached.figures)).toBe(JSON.stringify(none.figures));
  });
});
