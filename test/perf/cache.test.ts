/**
 * computeFigures' cache: the second call reuses the figures; changing one byte of a CSV
 * recomputes; a file whose stat is unchanged is not read again (the (size, mtime) index);
 * `engine:` picks the engine, and the engines' figures are cached apart; `gapreport analyze
 * --no-cache` neither reads nor writes .gapreport/ (figures cache, file-hash index).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../scripts/commands/io';
import { run } from '../../scripts/commands/analyze';
import { CACHE_DIR, computeFigures, figuresSettings } from '../../src/build/figures-fs';
import { ReportFrontmatterSchema } from '../../src/schemas/report';
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

  it("gives a translated report (translation_of) its source's figures and cache entry", async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'gapreport-editions-'));
    try {
      const data = join(fresh, 'data', 'case');
      cpSync(join(FIXTURES, 'valid', 'servqual-preset'), data, { recursive: true });
      const report = { title: 'Survey', company: 'Acme', dataset: 'case', min_base: 5, low_base: 5 };
      const en = await computeFigures(fresh, data, figuresSettings(ReportFrontmatterSchema.parse(report)));
      const fr = await computeFigures(fresh, data, figuresSettings(ReportFrontmatterSchema.parse({ ...report, locale: 'fr', translation_of: 'survey' })));
      expect([en.reused, fr.reused]).toEqual([false, true]);
      expect(fr.key).toBe(en.key);
      expect(fr.figures).toEqual(en.figures);
      expect(readdirSync(join(fresh, CACHE_DIR)).filter((f) => f !== 'file-hashes.json')).toEqual([`${en.key}.json`]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it(`chooses stream above ${STREAM_ABOVE_BYTES / 1024 ** 2} MB of responses + contacts, else memory`, async () => {
    expect(await chooseEngine(dir)).toBe('memory');
    expect(await chooseEngine(dir, 'duckdb')).toBe('duckdb');
  });
});

describe('gapreport analyze --no-cache', () => {
  /** Every file under .gapreport/ with its size and mtime: any read-modify-write shows. */
  const snapshot = (r: string) => {
    const top = join(r, '.gapreport');
    if (!existsSync(top)) return undefined;
    return readdirSync(top, { recursive: true })
      .map(String)
      .sort()
      .map((f) => `${f} ${statSync(join(top, f)).size} ${statSync(join(top, f)).mtimeMs}`);
  };

  it('creates no .gapreport/ in a fresh copy, and the run without it does', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'gapreport-nocache-'));
    try {
      const data = join(fresh, 'case');
      cpSync(join(FIXTURES, 'valid', 'servqual-preset'), data, { recursive: true });
      expect(await run([data, '--no-cache'], memoryIo(fresh))).toBe(0);
      expect(existsSync(join(fresh, '.gapreport'))).toBe(false);
      expect(await run([data], memoryIo(fresh))).toBe(0);
      expect(existsSync(join(fresh, CACHE_DIR, 'file-hashes.json'))).toBe(true);
      expect(readdirSync(join(fresh, CACHE_DIR)).filter((f) => f.endsWith('.json') && f !== 'file-hashes.json')).toHaveLength(1);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('leaves an existing .gapreport/ unchanged, even for a changed file and another engine', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'gapreport-nocache-'));
    try {
      const data = join(fresh, 'case');
      cpSync(join(FIXTURES, 'valid', 'servqual-preset'), data, { recursive: true });
      expect(await run([data], memoryIo(fresh))).toBe(0);
      const before = snapshot(fresh);
      expect(before?.length).toBeGreaterThan(0);
      const t = new Date(Date.now() + 5000);
      utimesSync(join(data, 'responses.csv'), t, t); // would be hashed again and the index rewritten
      expect(await run([data, '--no-cache', '--engine', 'stream'], memoryIo(fresh))).toBe(0);
      expect(snapshot(fresh)).toEqual(before);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
