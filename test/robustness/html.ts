/** A small HTML/SVG tag reader for checking built pages: which elements and attributes exist. */
export interface Tag {
  name: string;
  attrs: [string, string][];
  /** Offset in the page, for messages. */
  at: number;
  /** Offset just after the tag. */
  end: number;
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
const ATTR = /([^\s=>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

/** Opening tags outside comments (attribute values may hold any text, including `<`). */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const text = html.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
  for (const m of text.matchAll(TAG)) {
    const attrs = [...m[2].matchAll(ATTR)].map((a): [string, string] => [a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']);
    out.push({ name: m[1].toLowerCase(), attrs, at: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** Contents of every real <script> element (found by tags(), so not text inside an attribute). */
export function scripts(html: string): string[] {
  return tags(html)
    .filter((t) => t.name === 'script')
    .map((t) => html.slice(t.end, html.indexOf('</script>', t.end)));
}

/** Contents of every element `name` (e.g. SVG title), as written (still escaped). */
export function contentsOf(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the entities Astro and esc() write. */
export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1)) : (ENTITIES[e] ?? all),
  );
}
