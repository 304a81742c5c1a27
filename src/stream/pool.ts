/**
 * Runs byte-range tasks in worker threads, or one after another in this thread (always for a
 * single range: a worker only adds its start-up). The workers are started once and take many
 * tasks each: at most one task per core runs at a time, the others wait their turn in order,
 * so a file cut into dozens of chunks still uses one worker per core.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readRange, type RangeResult, type RangeTask } from './range';

export interface RunOptions {
  /** Worker threads (default) or in-thread, one range after another (tests, tiny files). */
  threads: boolean;
  /** Bytes and rows read so far over all ranges. */
  onBytes?: (bytes: number, rows: number) => void;
}

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/**
 * A small young generation: a range's garbage is short-lived strings (the text cells of each
 * record), so scavenges stay cheap, and an idle worker keeps a few MiB of heap, not tens.
 */
const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 8 } };

/** Started workers waiting for a task (unref'd: they never keep the process alive). */
const idle: Worker[] = [];

/** Tasks running in workers now, and the tasks waiting for one of them to finish (first come, first served). */
let running = 0;
const waiting: (() => void)[] = [];

function startWorker(): Worker {
  const worker = new Worker(WORKER_URL, WORKER_OPTIONS);
  worker.on('error', () => drop(worker));
  worker.on('exit', () => drop(worker));
  worker.unref();
  return worker;
}

/**
 * Starts `n` workers ahead of time (default: one per core), so their start-up (tsx, the
 * parser and fold modules) overlaps the main thread's own work before the first range.
 */
export function prewarmWorkers(n: number = availableParallelism()): void {
  while (idle.length < n) idle.push(startWorker());
}

function drop(worker: Worker): void {
  const i = idle.indexOf(worker);
  if (i >= 0) idle.splice(i, 1);
}

export async function runRanges(tasks: RangeTask[], options: RunOptions): Promise<RangeResult[]> {
  const done = tasks.map(() => [0, 0]);
  const report = (i: number, bytes: number, rows: number) => {
    done[i] = [bytes, rows];
    options.onBytes?.(
      done.reduce((a, b) => a + b[0], 0),
      done.reduce((a, b) => a + b[1], 0),
    );
  };
  if (!options.threads || tasks.length === 1) {
    const results: RangeResult[] = [];
    for (const [i, task] of tasks.entries()) results.push(await readRange(task, (b, r) => report(i, b, r)));
    return results;
  }
  return Promise.all(tasks.map((task, i) => runTask(task, (b, r) => report(i, b, r))));
}

/** One task in a pooled worker: it waits while one task per core runs, then takes an idle worker (or starts one) and hands it back when done. */
export async function runTask(task: RangeTask, onBytes: (bytes: number, rows: number) => void = () => {}): Promise<RangeResult> {
  if (running >= Math.max(1, availableParallelism())) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await inWorker(idle.shift() ?? startWorker(), task, onBytes);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** A started worker: given the task by message; back to the idle list when done, ended when it failed. */
function inWorker(worker: Worker, task: RangeTask, onBytes: (bytes: number, rows: number) => void): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    worker.ref();
    const onMessage = (m: { bytes?: number; rows?: number; result?: RangeResult }) => {
      if (m.result) {
        cleanup();
        worker.unref();
        idle.push(worker);
        resolve(m.result);
      } else if (m.bytes !== undefined) onBytes(m.bytes, m.rows ?? 0);
    };
    const onError = (e: Error) => {
      cleanup();
      void worker.terminate();
      reject(e);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`stream worker for ${task.path} [${task.start}, ${task.end}) exited with code ${code} and no result`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ task });
  });
}
