/**
 * Content hashes of files, remembered by (size, mtime, ctime, inode) in a small index
 * (.gapreport/cache/file-hashes.json), as git's index and make do: a file whose stat is
 * unchanged is not read again. An MDX-only rebuild of a 145 MB dataset therefore stats
 * its files instead of re-hashing 145 MB; any write to a data file changes its mtime
 * (and ctime, which tools cannot set back), so it is hashed again — and when the bytes
 * are the same after all (a `touch`, a checkout), the key and the cached figures stay.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

interface Entry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  sha256: string;
}

export class FileHashes {
  private changed = false;
  /** Files read and hashed (not answered from the index) since loading, for the log and tests. */
  readonly hashed: string[] = [];

  private constructor(
    private readonly path: string | undefined,
    private readonly files: Record<string, Entry>,
  ) {}

  /** The index at `path` (undefined: in memory only, every file hashed). */
  static async load(path?: string): Promise<FileHashes> {
    if (!path) return new FileHashes(undefined, {});
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as { version?: number; files?: Record<string, Entry> };
      return new FileHashes(path, parsed.version === 1 && parsed.files ? parsed.files : {});
    } catch {
      return new FileHashes(path, {});
    }
  }

  /** The file's SHA-256, or undefined when it cannot be read. */
  async digest(file: string): Promise<string | undefined> {
    let s;
    try {
      s = await stat(file);
    } catch {
      return undefined;
    }
    const known = this.files[file];
    if (known && known.size === s.size && known.mtimeMs === s.mtimeMs && known.ctimeMs === s.ctimeMs && known.ino === s.ino) return known.sha256;
    const hash = createHash('sha256');
    try {
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    } catch {
      return undefined;
    }
    const sha256 = hash.digest('hex');
    this.hashed.push(file);
    this.files[file] = { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, sha256 };
    this.changed = true;
    return sha256;
  }

  /** Writes the index when anything was hashed (atomically: a crash leaves the old one). */
  async save(): Promise<void> {
    if (!this.path || !this.changed) return;
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ version: 1, files: this.files }));
    await rename(tmp, this.path);
    this.changed = false;
  }
}
