/**
 * An audience build as built (issue 15 item 5): `gapreport build --audience region=North --pdf`
 * publishes the North outlets' pages and PDFs and the chain's totals, and no other region's
 * outlet name or value reaches dist/ — HTML, JSON, CSV, the search index or a PDF. One build of
 * a project copy holding only the chain report, cut to seven outlets (three in the North: with
 * only two, North 23 withheld would leave North minus North 01 = North 23, so both give way).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { slugOf } from '../../src/analysis/entities-slug';
import type { Figures } from '../../src/schemas/figures';
import { copyProject } from '../site/project-copy';
import { CHROMIUM, describeInChromium } from '../e2e/browser';

const NORTH = ['North 01 — Aberdeen', 'North 02 — Carlisle', 'North 23 — Darlington'];
const OTHERS = ['Central 01 — Coventry', 'Central 17 — Northampton', 'South 01 — Bath', 'South 08 — Reading'];

/** A file's text as a search would find it: UTF-8, and for a PDF its bytes and inflated streams too. */
function textOf(bytes: Buffer, pdf: boolean): string {
  if (!pdf) return bytes.toString('utf8');
  const out = [bytes.toString('latin1')];
  for (let at = bytes.indexOf('stream'); at >= 0; at = bytes.indexOf('stream', at + 6)) {
    const start = at + 6 + (bytes[at + 6] === 0x0d ? 2 : 1);
    const end = bytes.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a Flate stream.
    }
  }
  return out.join('\n');
}

describeInChromium('an audience build of the chain report', (executablePath) => {
  let project = '';
  let dist = '';
  let full: Figures | undefined;
  const io = memoryIo();

  beforeAll(async () => {
    project = await copyProject({ chain: true });
    for (const f of ['demo.mdx', 'demo-fr.mdx', 'demo-vi.mdx']) await rm(join(project, 'content/reports', f), { force: true });
    const responses = join(project, 'data/chain/responses.csv');
    const [head, ...rows] = (await readFile(responses, 'utf8')).trimEnd().split('\n');
    await writeFile(responses, `${[head, ...rows.filter((r) => [...NORTH, ...OTHERS].includes(r.split(',')[3]))].join('\n')}\n`);
    dist = join(project, 'dist');
    const built = memoryIo(project, { GAPREPORT_CHROMIUM: executablePath || CHROMIUM.path });
    if ((await main(['build', '--audience', 'region=North', '--pdf', '--out', dist], built)) !== 0)
      throw new Error(`build failed:\n${built.stderr.join('\n')}`);
    io.stderr.push(...built.stderr);
    // The full figures, from the same data, to know every other outlet's published values.
    const { loadDataset } = await import('../../src/data/load-fs');
    const { analyzeDataset } = await import('../../src/analysis/analyze');
    const { AnalysisOptionsSchema } = await import('../../src/schemas/report');
    full = analyzeDataset((await loadDataset(join(project, 'data/chain'))).dataset!, AnalysisOptionsSchema.parse({ per: 'outlet' })).figures;
  }, 600_000);

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('publishes the audience’s outlet pages and PDFs only, and says which it cut', async () => {
    const pages = (await readdir(join(dist, 'reports/chain'), { withFileTypes: true }))
      .filter((d) => d.isDirectory() && d.name !== 'entities')
      .map((d) => d.name);
    expect(pages.sort()).toEqual(NORTH.map(slugOf).sort());
    expect((await readdir(join(dist, 'pdf/chain'))).sort()).toEqual(
      NORTH.slice(0, 2)
        .map((o) => `${slugOf(o)}.pdf`)
        .sort(),
    );
    expect(io.stderr).toContain('audience region=North: chain 3 entities');
  });

  it('lets no other region’s outlet name, region name or outlet value reach dist/: HTML, JSON, CSV, search index, PDFs', async () => {
    const values = OTHERS.flatMap((o) => {
      const e = full!.entities!.values[o];
      const nps = e.withheld ? undefined : e.nps;
      return nps && !nps.suppressed ? [String(nps.score)] : [];
    });
    expect(values.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const e of await readdir(dist, { withFileTypes: true, recursive: true })) {
      if (!e.isFile()) continue;
      const path = join(e.parentPath, e.name);
      const text = textOf(await readFile(path), e.name.endsWith('.pdf'));
      for (const needle of [...OTHERS, ...OTHERS.map(slugOf), ...OTHERS.map((o) => o.split(' — ')[1]), ...values])
        if (text.includes(needle)) found.push(`${path.slice(dist.length)}: ${needle}`);
    }
    expect(found).toEqual([]);
  });

  it('keeps the chain’s totals on the parent page, beside the audience’s own outlets', async () => {
    const json = JSON.parse(await readFile(join(dist, 'reports/chain/figures.json'), 'utf8')) as Figures;
    expect(json.n).toBe(full!.n);
    expect(Object.keys(json.entities!.values).sort()).toEqual([...NORTH].sort());
    expect(Object.keys(json.segments.region)).toEqual(['North']);
  });
});
