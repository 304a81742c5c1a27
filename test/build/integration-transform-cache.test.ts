/**
 * The server bundle's transform cache (src/build/transform-cache-fs.ts): a rebuild reuses the
 * transforms of the sources that did not change, transforms the one that did, and writes the
 * same files as the build before it for everything else.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reusable, subModules } from '../../src/build/transform-cache-fs';
import { build, FIXTURES, hashTree, makeProject, removeProject } from '../robustness/site';

const ROOT = '/projects/acme';

describe('which transforms may be reused', () => {
  it('reuses TypeScript, MDX of the guide and components without styles', () => {
    expect(reusable(`${ROOT}/src/charts/trend.ts`, 'export const x = 1;', ROOT)).toBe(true);
    expect(reusable(`${ROOT}/content/docs/components.mdx`, 'export default function MDXContent() {}', ROOT)).toBe(true);
    expect(reusable(`${ROOT}/src/components/Metric.astro`, 'const $$Metric = createComponent(() => {});', ROOT)).toBe(true);
  });

  it('never reuses styles, virtual modules, ids with a query, the reports, a module that globs the disk or reads an environment variable', () => {
    expect(reusable(`${ROOT}/src/styles/site.css`, 'body {}', ROOT)).toBe(false);
    expect(reusable('\0astro:data-layer-content', 'export default 1', ROOT)).toBe(false);
    expect(reusable(`${ROOT}/content/docs/a.mdx?astroPropagatedAssets`, 'x', ROOT)).toBe(false);
    expect(reusable(`${ROOT}/content/reports/acme.mdx`, 'export default 1', ROOT)).toBe(false);
    expect(reusable(`${ROOT}/src/a.ts`, "const m = import.meta.glob('./*.ts');", ROOT)).toBe(false);
    // An environment variable is inlined by the transform: a new value must reach the bundle. The base path is the configuration's.
    expect(reusable(`${ROOT}/src/a.ts`, 'const k = "abc";', ROOT, new Map(), 'const k = import.meta.env.PUBLIC_KEY;')).toBe(false);
    expect(reusable(`${ROOT}/src/a.ts`, 'const b = "/";', ROOT, new Map(), 'const b = import.meta.env.BASE_URL;')).toBe(true);
  });

  it('reuses a component with a style only when that style is cached too', () => {
    const id = `${ROOT}/src/pages/docs/[id].astro`;
    const style = `${id}?astro&type=style&index=0&lang.css`;
    const code = `import ${JSON.stringify(style)};\nconst $$Id = createComponent(() => {});`;
    expect(subModules(code)).toEqual([style]);
    expect(reusable(id, code, ROOT)).toBe(false);
    expect(reusable(id, code, ROOT, new Map([[style, { code: 'h1 { color: red }' }]]))).toBe(true);
    // Another component's style is not this one's.
    expect(reusable(`${ROOT}/src/layouts/Base.astro`, code, ROOT, new Map([[style, { code: '' }]]))).toBe(false);
  });
});

describe('a rebuild with the cache', () => {
  const MDX = readFileSync(join(FIXTURES, 'hostile/hostile.mdx'), 'utf8');
  const PROBE = 'Transform cache probe 4815162342.';
  let root: string;
  let first: Record<string, string>;

  beforeAll(async () => {
    root = makeProject({ reports: { hostile: MDX }, datasets: { hostile: join(FIXTURES, 'hostile/hostile') } }, 'gapreport-transform-cache-');
    const result = await build(root);
    if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
    first = hashTree(join(root, 'dist'));
  }, 240_000);
  afterAll(() => removeProject(root));

  it("keeps the first build's transforms in Astro's cache folder, the guide page's style with them", () => {
    const file = join(root, '.astro-cache/gapreport-server-transforms.json');
    expect(existsSync(file)).toBe(true);
    const cache = JSON.parse(readFileSync(file, 'utf8')) as { modules: { id: string }[]; loads: Record<string, unknown> };
    expect(cache.modules.length).toBeGreaterThan(100);
    expect(cache.modules.map((m) => m.id)).toContain(join(root, 'content/docs/components.mdx'));
    expect(Object.keys(cache.loads)).toContain(`${join(root, 'src/pages/docs/[id].astro')}?astro&type=style&index=0&lang.css`);
  });

  it('transforms the edited guide page again and writes every other page as the build before did', async () => {
    const page = join(root, 'content/docs/getting-started.mdx');
    writeFileSync(page, `${readFileSync(page, 'utf8')}\n${PROBE}\n`);
    process.env.GAPREPORT_VERBOSE = '1'; // Astro's info lines (on stdout): the cache says what it reused
    const result = await build(root).finally(() => delete process.env.GAPREPORT_VERBOSE);
    expect(result.code, result.stderr).toBe(0);
    const [, reused, transformed] = /server bundle: (\d+) module transform\(s\) reused, (\d+) transformed/.exec(result.stdout) ?? [];
    expect(Number(reused)).toBeGreaterThan(100);
    expect(Number(transformed)).toBeLessThan(Number(reused));
    expect(readFileSync(join(root, 'dist/docs/getting-started/index.html'), 'utf8')).toContain(PROBE);
    const now = hashTree(join(root, 'dist'));
    const changed = Object.keys({ ...first, ...now }).filter((f) => first[f] !== now[f]);
    // The edited page, and the search index that holds its words.
    expect(changed.filter((f) => !f.startsWith('pagefind/'))).toEqual(['docs/getting-started/index.html']);
  }, 240_000);
});
