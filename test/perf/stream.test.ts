/**
 * The streaming engine equals the in-memory loader: the same problems (text, order, caps)
 * and the same figures to 1e-9, on every fixture, split into two byte ranges at every
 * line break of its big files (each boundary case: header rows, quoted line breaks,
 * duplicates across ranges, blank lines), and on data/demo with real worker threads.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figuresFrom } from '../../src/analysis/analyze';
import { loadDatasetStreaming } from '../../src/stream/load-stream-fs';
import type { StreamOptions } from '../../src/stream/engine';
import { bigFiles, differences, fixtureDirs, lineBreaks, memoryPath, OPTIONS, ROOT, texts } from './compare';

async function streamPath(dir: string, options: StreamOptions) {
  const loaded = await loadDatasetStreaming(dir, options);
  if (!loaded.dataset) return { problems: texts(loaded.problems) };
  const result = figuresFrom(loaded.dataset, loaded.source!, OPTIONS);
  return { problems: texts(result.problems), figures: result.figures };
}

async function expectSame(dir: string, options: StreamOptions) {
  const memory = await memoryPath(dir);
  const stream = await streamPath(dir, options);
  expect(stream.problems).toEqual(memory.problems);
  expect(differences(memory.figures, stream.figures)).toEqual([]);
  if (memory.figures) expect(stream.figures?.meta.engine).toBe('stream');
}

/** Every place a fixture's big files can be split in two: one per line break (none for a fixture without a big file or a line break in it). */
const splitPoints = (dir: string) => bigFiles(dir).flatMap((file) => lineBreaks(file).map((cut) => ({ file, cut })));

describe.each(['valid', 'invalid'] as const)('the streaming engine on %s fixtures', (kind) => {
  describe.each(fixtureDirs(kind).map((d) => [d.split('/').pop()!, d]))('%s', (_name, dir) => {
    it('equals the in-memory path read in one range', () => expectSame(dir, { threads: false }));
  });
  // Only fixtures with something to split: a test that loops over nothing would prove nothing.
  const splittable = fixtureDirs(kind).filter((d) => splitPoints(d).length > 0);
  it(`has fixtures to split (${splittable.length})`, () => expect(splittable.length).toBeGreaterThan(0));
  describe.each(splittable.map((d) => [d.split('/').pop()!, d]))('%s', (_name, dir) => {
    it('equals the in-memory path split in two at every line break', async () => {
      expect.hasAssertions();
      const points = splitPoints(dir);
      expect(points.length).toBeGreaterThan(0);
      for (const { cut } of points) await expectSame(dir, { threads: false, cuts: [cut] });
    });
  });
});

describe('the streaming engine on data/demo', () => {
  const demo = join(ROOT, 'data/demo');
  it('equals the in-memory figures to 1e-9 with two worker threads', () => expectSame(demo, { threads: true, parts: 2, minBytesPerPart: 1 }));
  it('equals them in three ranges in this thread (merging is order-exact)', () => expectSame(demo, { threads: false, parts: 3, minBytesPerPart: 1 }));
});
