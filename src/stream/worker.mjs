// A worker thread of the streaming engine: registers tsx (workers start without the
// parent's loaders on Node 20), reads its byte range, posts progress and the result.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readRange } = await import('./range.ts');
const result = await readRange(workerData, (bytes, rows) => parentPort.postMessage({ bytes, rows }));
const ids = result.survey?.ids;
parentPort.postMessage({ result }, ids ? [ids.h1.buffer, ids.h2.buffer, ids.lines.buffer] : []);
