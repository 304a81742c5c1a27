/**
 * computeFigures' cache: the second call reuses the figures; changing one byte of a CSV
 * recomputes; a file whose stat is unchanged is not read again (the (size, mtime) index);
 * `engine:` picks the engine, and the engines' figures are cached apart.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/build/figures-fs';
import { chooseEngine, STREAM_ABOVE_BYTES } from '../../src/engines/run-fs';
import { FIXTURES } from './compare';

const root = mkdtempSync(join(tmpdir(), 'gapreport-cache-'));
const dir = join(root, 'data', 'case');
cpSync(join(FIXTURES, 'valid', 'servqual-preset'), dir, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('computeFigures(root, dir, settings) through the cache', () => {
  it('computes once, then reuses the figures for the same data and settings', async () => {
    const first = await computeFigures(root, dir, {});
    expect(first.reused).toBe(false);
    const second = await computeFigures(root, dir, {});
    expect(second.reused).toBe(true);
    expect(second.figures).toEqual(first.figures);
  });

  it('recomputes when one byte of a CSV changes', async () => {
    const path = join(dir, 'responses.csv');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(/,10,/, ',9,'));
    const changed = await computeFigures(root, dir, {});
    expect(changed.reused).toBe(false);
    writeFileSync(path, text);
    expect((await computeFigures(root, dir, {})).reused).toBe(true); // back to the first figures
  });

  it('answers an unchanged file from the (size, mtime) index without reading it', async () => {
    await computeFigures(root, dir, {});
    const index = JSON.parse(readFileSync(join(root, '.gapreport/cache/file-hashes.json'), 'utf8')) as { files: Record<string, { sha256: string }> };
    const path = join(dir, 'responses.csv');
    index.files[path].sha256 = 'planted';
    writeFileSync(join(root, '.gapreport/cache/file-hashes.json'), JSON.stringify(index));
    // A planted hash is believed while the stat matches: proof that the file was not read.
    expect((await computeFigures(root, dir, {})).reused).toBe(false);
    const t = new Date();
    utimesSync(path, t, t); // touched: hashed again, same bytes, same key as before
    expect((await computeFigures(root, dir, {})).reused).toBe(true);
  });

  it('uses the engine asked for, and caches each engine apart', async () => {
    const stream = await computeFigures(root, dir, { engine: 'stream' });
    expect(stream.figures?.meta.engine).toBe('stream');
    expect(stream.reused).toBe(false);
    expect((await computeFigures(root, dir, { engine: 'stream' })).reused).toBe(true);
    expect((await computeFigures(root, dir, {})).figures?.meta.engine).toBe('memory');
  });

  it(`chooses stream above ${STREAM_ABOVE_BYTES / 1024 ** 2} MB of responses + contacts, else memory`, async () => {
    expect(await chooseEngine(dir)).toBe('memory');
    expect(await chooseEngine(dir, 'duckdb')).toBe('duckdb');
  });
});
