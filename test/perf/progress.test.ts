/** Progress is drawn only on an interactive terminal without CI, and clears its line. */
import { describe, expect, it } from 'vitest';
import { progress, showsProgress } from '../../src/stream/progress';
import { memoryIo } from '../../scripts/commands/io';
import { run } from '../../scripts/commands/analyze';
import { join } from 'node:path';
import { ROOT } from './compare';

function draw(isTTY: boolean, env: Record<string, string | undefined>) {
  const written: string[] = [];
  let t = 0;
  const p = progress('reading demo', 1000, { isTTY, env, write: (s) => written.push(s), now: () => (t += 1000) });
  p.update(500, 20_000);
  p.done();
  return written;
}

describe('progress(label, totalBytes, effects)', () => {
  it('draws rows, rows/s, elapsed and share on a TTY', () => {
    const [line, clear] = draw(true, {});
    expect(line).toMatch(/^\rreading demo: 20,000 rows {2}20,000 rows\/s {2}1\.0 s 50%/);
    expect(clear).toBe('\r\u001b[K');
  });
  it('is quiet when stderr is not a TTY', () => expect(draw(false, {})).toEqual([]));
  it.each(['true', '1'])('is quiet when CI=%s', (ci) => expect(draw(true, { CI: ci })).toEqual([]));
  it('is shown with CI=false', () => expect(showsProgress({ isTTY: true, env: { CI: 'false' } })).toBe(true));
  it('leaves `gapreport analyze` output free of progress when not a TTY', async () => {
    const io = memoryIo(ROOT);
    expect(await run([join(ROOT, 'data/demo'), '--engine', 'stream', '--no-cache'], io)).toBe(0);
    expect(io.stderr.join('')).not.toMatch(/rows\/s|\r/);
    expect(JSON.parse(io.stdout.join('\n')).meta.engine).toBe('stream');
  });
  it('rejects an unknown --engine', async () => {
    const io = memoryIo(ROOT);
    expect(await run([join(ROOT, 'data/demo'), '--engine', 'spark'], io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/--engine must be one of memory, stream, duckdb/);
  });
});
