/**
 * The streaming engine for the two files that may be big (responses.csv, contacts.csv):
 * one pass, in byte ranges parsed by worker threads (one per core), folded into
 * mergeable accumulators and merged here. Memory stays flat: no file is held as text or
 * as row objects; only the respondent-id check grows, by ≤ 24 bytes a row (id-table.ts).
 *
 * Chunks: the file is cut into chunks of about 32 MiB at content-defined line breaks
 * (split.ts: contentChunks), each a task of the worker pool (pool.ts: one worker per core,
 * many tasks each), merged in file order. With a chunk cache (chunk-cache.ts, figures-fs.ts
 * passes `.gapreport/cache/chunks`), a chunk whose bytes and settings are unchanged is read
 * back instead of folded, so an edit refolds only the chunks holding it. When a quoted value
 * holds a line break right at a cut, the chunk before it ends inside an open quote (the parser
 * saw it from a true record boundary); it is read again joined with the next chunk. A file
 * whose ids are row numbers (`respondent_id: "#row"`), which a chunk cannot number alone, is
 * read in one range, without the chunk cache.
 */
import { availableParallelism } from 'node:os';
import { open, stat } from 'node:fs/promises';
import { surveyAccs, type SurveyAccs } from '../analysis/accumulate';
import type { SurveyLayout } from '../analysis/layout';
import { ROW_NUMBER } from '../data/columns';
import type { TableContext } from '../data/table';
import type { Operation } from '../schemas/dataset';
import type { Problem } from '../schemas/problem';
import type { Item, Questionnaire } from '../schemas/questionnaire';
import { encodingProblem, signatureProblem } from './decode';
import { HEADER_ONLY } from '../data/csv';
import { segmentProblems } from '../data/segments';
import { mergeExclusions, type Exclusion } from '../data/row-filter';
import { appendProblems, duplicateProblems, lineOffsets, mergeContacts, mergeProblems, mergeSurvey } from './merge';
import { encodeChunk, chunkKey, joinedHash, readChunk, settleChunks, writeChunk, type ChunkCacheOptions } from './chunk-cache';
import { runRanges, runTask } from './pool';
import { readRange } from './range';
import type { RangeResult, RangeTask } from './range';
import { contentChunks, planRanges, readHead } from './split';
import { foldLayout, settleOutcome } from './survey-fold';

export interface StreamOptions {
  /** Worker threads (default true); false reads the ranges in this thread. */
  threads?: boolean;
  /** Equal ranges to cut the file into instead of content-defined chunks (tests; no chunk cache). */
  parts?: number;
  /** With `parts`: the smallest range worth a thread (default 4 MiB): smaller files are read in one range. */
  minBytesPerPart?: number;
  /** Forced split points in bytes (tests). */
  cuts?: number[];
  /** Bytes and rows read so far, for progress. */
  onBytes?: (bytes: number, rows: number) => void;
  /** Target bytes of a content-defined chunk (default CHUNK_BYTES; tests use less). */
  chunkBytes?: number;
  /** Read in content-defined chunks (the questionnaire's `chunk_cache: true`) rather than one range per core. */
  chunks?: boolean;
  /** Where each chunk's result is cached (figures-fs.ts: `.gapreport/cache/chunks`, unless noCache); without it every chunk is read. */
  chunkCache?: ChunkCacheOptions;
  /** Told, per file read in chunks, how many chunks it had and how many were folded or read from the cache. */
  onChunks?: (file: string, counts: ChunkCounts) => void;
}

type Base = Omit<RangeTask, 'path' | 'start' | 'end' | 'first' | 'header' | 'delimiter'>;

interface FileRun {
  results: RangeResult[];
  tasks: RangeTask[];
  /** Content-defined chunks: how many there were, how many were folded now and how many came from the cache. */
  chunks?: ChunkCounts;
}

export interface ChunkCounts {
  chunks: number;
  /** Chunks (and joined chunks) folded now. */
  computed: number;
  /** Chunks (and joined chunks) read from the cache. */
  reused: number;
  /** Times a chunk that ended inside a quoted value was read again joined with the next. */
  joined: number;
}

/**
 * The target size of a chunk (split.ts: contentChunks). Not a few MiB: a chunk's accumulators
 * are as big whatever its size (on the 100-outlet bench, ~920 wave × segment-pair cells, 6–9 MB
 * as a structured clone), and every chunk's are posted, stored and read back; at 16 MiB the
 * 1M-response file's 11 chunks cost 1.6 CPU s more than two ranges did, at 32 MiB (6) 0.4 s.
 */
export const CHUNK_BYTES = 32 * 1024 * 1024;
/** Chunks read as one at most, when each ends inside a quoted value, before the file is read in one range instead. */
const MAX_JOINED = 4;

/** Reads the file in content-defined chunks when `chunks` (else, or with `parts`/`cuts`, in one range per core); a file whose ids are row numbers in one range. */
async function runFile(path: string, base: Base, options: StreamOptions, single: boolean): Promise<FileRun> {
  const size = (await stat(path)).size;
  const head = Buffer.alloc(Math.min(4, size));
  const fh = await open(path, 'r');
  await fh.read(head, 0, head.length, 0).finally(() => fh.close());
  const signature = signatureProblem(head);
  if (signature) return { results: [unreadable(base.ctx.file, signature)], tasks: [] };
  if (single || !options.chunks || options.parts !== undefined || options.cuts) return runParts(path, size, base, options, single);
  return runChunks(path, size, base, options);
}

/** Plans, runs and checks equal ranges; falls back to one range when a split was not a record boundary. */
async function runParts(path: string, size: number, base: Base, options: StreamOptions, single: boolean): Promise<FileRun> {
  const parts = single ? 1 : (options.parts ?? Math.max(1, availableParallelism()));
  const plan = await planRanges(path, size, parts, options.minBytesPerPart ?? 4 * 1024 * 1024, single ? undefined : options.cuts);
  const tasks = (ranges: [number, number][]): RangeTask[] =>
    ranges.map(([start, end], i) => ({ ...base, path, start, end, first: i === 0, size, header: plan.header, delimiter: plan.delimiter }));
  const threads = options.threads ?? true;
  const planned = tasks(plan.ranges);
  const results = await runRanges(planned, { threads, onBytes: options.onBytes });
  const agreed = JSON.stringify(results[0].headerNames) === JSON.stringify(plan.header?.names);
  const fatal = firstFatal(results);
  if (fatal !== undefined) return { results: [unreadable(base.ctx.file, await encodingProblem(path, fatal))], tasks: planned };
  if (results.length === 1 || (agreed && results.slice(0, -1).every((r) => r.clean))) return { results, tasks: planned };
  const whole = tasks([[plan.bom, size]]);
  return { results: await runRanges(whole, { threads, onBytes: options.onBytes }), tasks: whole };
}

/**
 * Reads the file in chunks cut at content-defined line breaks (split.ts: contentChunks), each
 * a task of the worker pool, or its result from the chunk cache when its bytes and settings are
 * those of an entry. The chunks are the same, and folded in the same order, whether they were
 * computed or read, so a build after an edit gives the figures a cold build of the edited file
 * gives, bit for bit. A chunk that ends inside a quoted value (a comment with a line break, cut
 * there) is read again joined with the next; after MAX_JOINED chunks in a row, or when the
 * header does not check out, the file is read in one range as before.
 */
async function runChunks(path: string, size: number, base: Base, options: StreamOptions): Promise<FileRun> {
  const started = Date.now();
  const fh = await open(path, 'r');
  const plan = await readHead(fh, size).finally(() => fh.close());
  const threads = options.threads ?? true;
  const target = options.chunkBytes ?? CHUNK_BYTES;
  const task = (start: number, end: number, first: boolean, whole = false): RangeTask => ({
    ...base,
    path,
    start,
    end,
    first,
    ...(whole ? { size } : {}),
    header: plan.header,
    delimiter: plan.delimiter,
  });
  const done: [number, number][] = [];
  const report = (i: number, bytes: number, rows: number) => {
    done[i] = [bytes, rows];
    if (options.onBytes) options.onBytes(...done.reduce(([b, r], d) => [b + (d?.[0] ?? 0), r + (d?.[1] ?? 0)], [0, 0]));
  };
  const wholeFile = async (): Promise<FileRun> => {
    const tasks = [task(plan.bom, size, true, true)];
    return { results: await runRanges(tasks, { threads, onBytes: options.onBytes }), tasks };
  };
  if (!plan.header) return wholeFile();

  const cache = options.chunkCache;
  const pooled = threads && size - plan.bom >= 2 * target;
  const counts: ChunkCounts = { chunks: 0, computed: 0, reused: 0, joined: 0 };
  const used: string[] = [];
  const writes: Promise<void>[] = [];
  let inThread: Promise<unknown> = Promise.resolve();
  const obtain = async (t: RangeTask, key: string, i: number): Promise<RangeResult> => {
    if (cache) {
      used.push(key);
      const hit = await readChunk(cache, key);
      if (hit) {
        counts.reused++;
        report(i, t.end - t.start, hit.rows);
        return hit;
      }
    }
    counts.computed++;
    const onBytes = (b: number, r: number) => report(i, b, r);
    let result: RangeResult;
    if (pooled) result = await runTask(t, onBytes);
    else {
      // In this thread, one chunk after another.
      const run = inThread.then(() => readRange(t, onBytes));
      inThread = run.catch(() => {});
      result = await run;
    }
    if (cache) writes.push(writeChunk(cache, key, encodeChunk(key, result)));
    return result;
  };

  const spans: { task: RangeTask; key: string; parts: string[] }[] = [];
  const pending: Promise<RangeResult>[] = [];
  for await (const c of contentChunks(path, plan.bom, size, target)) {
    const t = task(c.start, c.end, spans.length === 0);
    const key = cache ? chunkKey(cache, t, c.hash) : '';
    spans.push({ task: t, key, parts: [c.hash] });
    pending.push(obtain(t, key, spans.length - 1));
  }
  counts.chunks = spans.length;
  const results = await Promise.all(pending);
  const settle = async (run: FileRun): Promise<FileRun> => {
    await Promise.all(writes);
    if (cache) await settleChunks(cache, path, base.kind, used, started);
    options.onChunks?.(base.ctx.file, counts);
    return { ...run, chunks: counts };
  };
  const fatal = firstFatal(results);
  if (fatal !== undefined) return settle({ results: [unreadable(base.ctx.file, await encodingProblem(path, fatal))], tasks: [] });
  if (results.length === 1) return settle({ results, tasks: spans.map((s) => s.task) });
  if (JSON.stringify(results[0].headerNames) !== JSON.stringify(plan.header.names)) return settle(await wholeFile());
  for (let i = 0; i < results.length - 1;) {
    if (results[i].clean) {
      i++;
      continue;
    }
    if ((i === 0 && !results[0].headerNames) || spans[i].parts.length >= MAX_JOINED) return settle(await wholeFile());
    const parts = [...spans[i].parts, ...spans[i + 1].parts];
    const joined = task(spans[i].task.start, spans[i + 1].task.end, i === 0);
    const key = cache ? chunkKey(cache, joined, joinedHash(parts)) : '';
    counts.joined++;
    spans.splice(i, 2, { task: joined, key, parts });
    results.splice(i, 2, await obtain(joined, key, i));
  }
  return settle({ results, tasks: spans.map((s) => s.task) });
}

/** NUL anywhere first, as decodeText checks; then the first byte that is not UTF-8. */
function firstFatal(results: RangeResult[]): number | undefined {
  const nul = results.find((r) => r.fatal?.nul !== undefined)?.fatal?.nul;
  return nul ?? results.find((r) => r.fatal?.invalid !== undefined)?.fatal?.invalid;
}

/** CsvRecords.finish's header-only problem, over the whole file: the first range had no data record, nor had the others. */
const headerOnly = (results: RangeResult[]) => (results[0].headerOnly && results.every((r) => !r.records) ? [HEADER_ONLY] : []);

const unreadable = (file: string, problem: Omit<Problem, 'file'>): RangeResult => ({
  problems: [{ file, ...problem }],
  omitted: 0,
  rows: 0,
  lines: 0,
  clean: true,
  unreadable: true,
});

export interface StreamedResponses {
  problems: Problem[];
  rows: number;
  /** Rows keep: excluded, per rule (summed over the ranges). */
  excluded?: Exclusion[];
  unreadable?: boolean;
  latest?: string;
  layout: SurveyLayout;
  accs: SurveyAccs;
  /** How the file was read, when in content-defined chunks. */
  chunks?: ChunkCounts;
}

export async function streamResponses(
  path: string,
  ctx: TableContext,
  q: Questionnaire,
  items: Item[],
  options: StreamOptions = {},
): Promise<StreamedResponses> {
  const base: Base = { kind: 'responses', ctx, questionnaire: q, items };
  const rowIds =
    q.columns?.respondent_id?.trim() === ROW_NUMBER || (q.columns?.respondent_id === undefined && ctx.mapping?.defaults?.respondent_id === ROW_NUMBER);
  const { results, tasks, chunks } = await runFile(path, base, options, rowIds);
  if (results[0].unreadable) return { problems: results[0].problems, rows: 0, unreadable: true, layout: foldLayout(items, q), accs: surveyAccs() };
  const offsets = lineOffsets(results);
  const { fold, crossDuplicates, segments } = mergeSurvey(results, offsets);
  let extra: Problem[] = [];
  if (crossDuplicates.length > 0) {
    // Error path: read the ranges holding them again, for the ids to name.
    const ids = new Map<number, string>();
    for (const k of new Set(crossDuplicates.map((d) => d.range))) {
      const idLines = crossDuplicates.filter((d) => d.range === k).map((d) => d.local);
      const [again] = await runRanges([{ ...tasks[k], idLines }], { threads: false });
      for (const [local, id] of again.idsAt ?? []) ids.set(local + offsets[k], id);
    }
    extra = duplicateProblems(ctx.file, results[0].survey?.idColumn ?? 'respondent_id', crossDuplicates, ids);
  }
  const layout = settleOutcome(fold, foldLayout(items, q), q);
  const rows = results.reduce((n, r) => n + r.rows, 0);
  const problems = appendProblems(mergeProblems(ctx.file, results, offsets, extra), ctx.file, [
    ...headerOnly(results),
    ...(segments ? segmentProblems(segments) : []),
  ]);
  return { problems, rows, excluded: mergeExclusions(results.map((r) => r.excluded)), latest: fold.latest, layout, accs: fold.accs, chunks };
}

export interface StreamedContacts {
  problems: Problem[];
  rows: number;
  unreadable?: boolean;
  operations: Operation[];
  latest?: string;
  /** How the file was read, when in content-defined chunks. */
  chunks?: ChunkCounts;
}

export async function streamContacts(path: string, ctx: TableContext, thresholds: number[], options: StreamOptions = {}): Promise<StreamedContacts> {
  const { results, chunks } = await runFile(path, { kind: 'contacts', ctx, thresholds }, options, false);
  if (results[0].unreadable) return { problems: results[0].problems, rows: 0, unreadable: true, operations: [] };
  const groups = mergeContacts(results, thresholds);
  const rows = results.reduce((n, r) => n + r.rows, 0);
  return {
    problems: appendProblems(mergeProblems(ctx.file, results, lineOffsets(results)), ctx.file, headerOnly(results)),
    rows,
    operations: groups.operations(),
    latest: groups.latest,
    chunks,
  };
}
