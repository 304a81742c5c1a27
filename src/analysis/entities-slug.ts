/**
 * URL segments for entity pages (/reports/<id>/<slug>/). Entity names are user data: the
 * slug keeps only a–z, 0–9 and single hyphens (accents folded, at most 64 characters), so
 * no name can reach a path, a query or markup through its URL. A name with no such letter
 * (東京, "!!!") gets `e-<hash>` of its text; names that slug alike (North 1, north-1) and the
 * page names beside them (`entities`, `figures`) are told apart by -2, -3… in sorted order.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['entities', 'figures', 'pdf']);
const MAX = 64;

/** 32-bit FNV-1a of the name's UTF-16 units, as 8 hex digits: stable across builds and machines. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function slugOf(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '');
  return folded === '' ? `e-${fnv(name)}` : folded;
}

/** One distinct slug per name. */
export function entitySlugs(names: readonly string[]): Map<string, string> {
  const used = new Set<string>(RESERVED_SLUGS);
  const out = new Map<string, string>();
  for (const name of [...names].sort()) {
    const base = slugOf(name);
    let slug = base;
    for (let k = 2; used.has(slug); k++) slug = `${base}-${k}`;
    used.add(slug);
    out.set(name, slug);
  }
  return out;
}
