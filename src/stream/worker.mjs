// A worker thread of the streaming engine: registers tsx (workers start without the
// parent's loaders on Node 20), then reads byte ranges — the one in workerData, or each
// one posted as { task } (a pre-started worker, pool.ts) — posting progress and results.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readRange } = await import('./range.ts');

async function run(task) {
  const result = await readRange(task, (bytes, rows) => parentPort.postMessage({ bytes, rows }));
  const ids = result.survey?.ids;
  parentPort.postMessage({ result }, ids ? [ids.slots.buffer] : []);
}

if (workerData) await run(workerData);
else {
  parentPort.on('message', (m) => {
    if (m && m.task)
      run(m.task).catch((e) =>
        setImmediate(() => {
          throw e;
        }),
      );
  });
  parentPort.postMessage({ ready: true });
}
