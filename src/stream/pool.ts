/** Runs byte-range tasks in worker threads (one per range), or one after another in this thread (always for a single range: a worker only adds its start-up). */
import { Worker } from 'node:worker_threads';
import { readRange, type RangeResult, type RangeTask } from './range';

export interface RunOptions {
  /** Worker threads (default) or in-thread, one range after another (tests, tiny files). */
  threads: boolean;
  /** Bytes and rows read so far over all ranges. */
  onBytes?: (bytes: number, rows: number) => void;
}

export async function runRanges(tasks: RangeTask[], options: RunOptions): Promise<RangeResult[]> {
  const done = tasks.map(() => [0, 0]);
  const report = (i: number, bytes: number, rows: number) => {
    done[i] = [bytes, rows];
    options.onBytes?.(done.reduce((a, b) => a + b[0], 0), done.reduce((a, b) => a + b[1], 0));
  };
  if (!options.threads || tasks.length === 1) {
    const results: RangeResult[] = [];
    for (const [i, task] of tasks.entries()) results.push(await readRange(task, (b, r) => report(i, b, r)));
    return results;
  }
  return Promise.all(tasks.map((task, i) => inWorker(task, (b, r) => report(i, b, r))));
}

function inWorker(task: RangeTask, onBytes: (bytes: number, rows: number) => void): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: task });
    let result: RangeResult | undefined;
    worker.on('message', (m: { bytes?: number; rows?: number; result?: RangeResult }) => {
      if (m.result) result = m.result;
      else if (m.bytes !== undefined) onBytes(m.bytes, m.rows ?? 0);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`stream worker for ${task.path} [${task.start}, ${task.end}) exited with code ${code} and no result`))));
  });
}
