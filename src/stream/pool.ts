/** Runs byte-range tasks in worker threads (one per range), or one after another in this thread. */
import { Worker } from 'node:worker_threads';
import { readRange, type RangeResult, type RangeTask } from './range';

export interface RunOptions {
  /** Worker threads (default) or in-thread, one range after another (tests, tiny files). */
  threads: boolean;
  /** Bytes read so far over all ranges. */
  onBytes?: (bytes: number) => void;
}

export async function runRanges(tasks: RangeTask[], options: RunOptions): Promise<RangeResult[]> {
  const done = tasks.map(() => 0);
  const report = (i: number, bytes: number) => {
    done[i] = bytes;
    options.onBytes?.(done.reduce((a, b) => a + b, 0));
  };
  if (!options.threads) {
    const results: RangeResult[] = [];
    for (const [i, task] of tasks.entries()) results.push(await readRange(task, (b) => report(i, b)));
    return results;
  }
  return Promise.all(tasks.map((task, i) => inWorker(task, (b) => report(i, b))));
}

function inWorker(task: RangeTask, onBytes: (bytes: number) => void): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: task });
    let result: RangeResult | undefined;
    worker.on('message', (m: { bytes?: number; result?: RangeResult }) => {
      if (m.result) result = m.result;
      else if (m.bytes !== undefined) onBytes(m.bytes);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`stream worker for ${task.path} [${task.start}, ${task.end}) exited with code ${code} and no result`))));
  });
}
