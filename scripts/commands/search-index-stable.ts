/**
 * Pagefind 1.5 writes its filter indexes from a hash map, so the values of a filter (the
 * entity facets of per: reports, say) come out in a different order at every build, and the
 * order changes the filter file's bytes, its hashed name, the metadata file that names it,
 * that file's hashed name and pagefind-entry.json: two builds of the same inputs differ
 * (Pagefind/pagefind#638: "other files will still change, such as the filter/metadata
 * indexes"). `stableSearchFiles` sorts each filter's values, and the metadata's list of
 * filters, and renames what it rewrote by a hash of its new bytes, so the index is a function
 * of the pages alone. The client looks every file up by the name the metadata and the entry
 * give; nothing checks a name against the content, so a renamed file reads as before.
 *
 * The files are gzip-compressed CBOR behind the signature `pagefind_dcd`. The small CBOR
 * codec here keeps every item's major type and writes the shortest length, as Pagefind does;
 * a file it cannot read back byte for byte is left as Pagefind wrote it.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface SearchFile {
  path: string;
  content: Uint8Array;
}

const SIGNATURE = Buffer.from('pagefind_dcd');
const FILTER = /^filter\/([a-z0-9-]+)_([0-9a-f]+)\.pf_filter$/i;
const META = /^pagefind\.([a-z0-9-]+)_([0-9a-f]+)\.pf_meta$/i;

type Cbor = number | bigint | string | Buffer | Cbor[] | CborMap | CborSimple;
interface CborMap {
  map: [Cbor, Cbor][];
}
interface CborSimple {
  simple: number;
}

function decode(bytes: Buffer): Cbor {
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new Error(`CBOR length ${info} not supported`);
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + bytes[at++]!;
    return n;
  };
  const item = (): Cbor => {
    if (at >= bytes.length) throw new Error('CBOR ended early');
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) return { simple: info };
    const n = length(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return Buffer.from(bytes.subarray(at, (at += n)));
      case 3:
        return bytes.subarray(at, (at += n)).toString('utf8');
      case 4:
        return Array.from({ length: n }, item);
      default:
        return { map: Array.from({ length: n }, () => [item(), item()] as [Cbor, Cbor]) };
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error('CBOR has trailing bytes');
  return value;
}

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  const size = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x100000000 ? 4 : 8;
  const out = Buffer.alloc(1 + size);
  out[0] = (major << 5) | (size === 1 ? 24 : size === 2 ? 25 : size === 4 ? 26 : 27);
  for (let i = size, rest = n; i >= 1; i--, rest = Math.floor(rest / 256)) out[i] = rest % 256;
  return out;
}

function encode(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, text.length), text]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(encode)]);
  if (typeof value === 'object' && 'map' in value) return Buffer.concat([head(5, value.map.length), ...value.map.flatMap(([k, v]) => [encode(k), encode(v)])]);
  if (typeof value === 'object' && 'simple' in value) return Buffer.from([(7 << 5) | value.simple]);
  throw new Error('CBOR value not supported');
}

/** The CBOR inside a Pagefind file, or undefined when it is not one this codec reads back byte for byte. */
function read(content: Uint8Array): Cbor | undefined {
  try {
    const raw = gunzipSync(content);
    if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) return undefined;
    const body = raw.subarray(SIGNATURE.length);
    const value = decode(body);
    return encode(value).equals(body) ? value : undefined;
  } catch {
    return undefined;
  }
}

const write = (value: Cbor): Buffer => Buffer.concat([SIGNATURE, encode(value)]);
const hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const byText = (a: Cbor, b: Cbor): number => {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return Buffer.compare(x, y);
};

/** Deep copy of `value` with every string that names a renamed file replaced by its new name. */
function renamed(value: Cbor, names: Map<string, string>): Cbor {
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renamed(v, names));
  if (typeof value === 'object' && value !== null && 'map' in value) return { map: value.map.map(([k, v]) => [renamed(k, names), renamed(v, names)]) };
  return value;
}

/** Sorts every list of [name, filter file] pairs in the metadata by name (the metadata's list of filters). */
function sortFilterLists(value: Cbor, filters: Set<string>): Cbor {
  if (!Array.isArray(value)) return value;
  const items = value.map((v) => sortFilterLists(v, filters));
  const pairs = items.length > 1 && items.every((v) => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && filters.has(v[1] as string));
  return pairs ? [...items].sort((a, b) => byText((a as Cbor[])[0]!, (b as Cbor[])[0]!)) : items;
}

/**
 * Pagefind's files with each filter's values sorted and every rewritten file renamed by its
 * content, the metadata and pagefind-entry.json following; other files are returned as given.
 * `sortedEntry` is applied to the entry by the caller, after.
 */
export function stableSearchFiles(files: SearchFile[], entryPath = 'pagefind-entry.json'): SearchFile[] {
  const names = new Map<string, string>();
  const out: SearchFile[] = [];
  const metas: SearchFile[] = [];
  let entry: SearchFile | undefined;
  for (const file of files) {
    const filter = FILTER.exec(file.path);
    const value = filter ? read(file.content) : undefined;
    if (filter && Array.isArray(value) && value.length === 2 && Array.isArray(value[1])) {
      const [name, values] = value as [Cbor, Cbor[]];
      const sorted = [...values].sort((a, b) => byText(Array.isArray(a) ? a[0]! : a, Array.isArray(b) ? b[0]! : b));
      const bytes = write([name, sorted]);
      const hash = `${filter[1]}_${hex(bytes).slice(0, filter[2]!.length)}`;
      names.set(`${filter[1]}_${filter[2]}`, hash);
      out.push({ path: `filter/${hash}.pf_filter`, content: gzipSync(bytes) });
    } else if (META.test(file.path)) metas.push(file);
    else if (file.path === entryPath) entry = file;
    else out.push(file);
  }
  const metaNames = new Map<string, string>();
  const filterNames = new Set(names.values());
  for (const file of metas) {
    const meta = META.exec(file.path)!;
    const value = names.size > 0 ? read(file.content) : undefined;
    if (value === undefined) {
      out.push(file);
      continue;
    }
    const bytes = write(sortFilterLists(renamed(value, names), filterNames));
    const hash = `${meta[1]}_${hex(bytes).slice(0, meta[2]!.length)}`;
    metaNames.set(`${meta[1]}_${meta[2]}`, hash);
    out.push({ path: `pagefind.${hash}.pf_meta`, content: gzipSync(bytes) });
  }
  if (entry) {
    const json = JSON.parse(Buffer.from(entry.content).toString('utf8')) as { languages?: Record<string, { hash?: string }> };
    for (const language of Object.values(json.languages ?? {})) if (language.hash && metaNames.has(language.hash)) language.hash = metaNames.get(language.hash);
    out.push({ path: entry.path, content: metaNames.size > 0 ? Buffer.from(JSON.stringify(json)) : entry.content });
  }
  return out;
}
