/**
 * Per-entity delivery as built (issue 15 item 5): `build --pdf` and `pdf --per` print one PDF
 * per published entity page under a cover titled with its name, none for a withheld entity,
 * and write the delivery manifest beside dist/ — never in it: no recipient address reaches the
 * published site. One build of a project copy holding only the chain report, cut to six
 * outlets (two withheld) so the prints stay short, then one `pdf --per` over the same site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { INCONSISTENT_OUTLET } from '../../scripts/demo/chain';
import { slugOf } from '../../src/analysis/entities-slug';
import type { ManifestRow } from '../../src/build/delivery';
import { copyProject } from '../site/project-copy';
import { CHROMIUM, describeInChromium } from '../e2e/browser';

// Two small outlets, so they complement each other (3 + 8 respondents): no published sibling is suppressed to hide one.
const WITHHELD = ['North 23 — Darlington', 'South 08 — Reading'];
const OUTLETS = ['North 01 — Aberdeen', 'Central 01 — Coventry', INCONSISTENT_OUTLET, 'South 01 — Bath', ...WITHHELD];
const withheld = (o: string) => WITHHELD.includes(o);
const address = (name: string) => `manager.${slugOf(name)}@hearth.example.com`;

/** Every string a PDF's /Title entries hold (document info and outline), from its raw bytes and its Flate streams. */
function pdfTitles(pdf: Buffer): string[] {
  const texts = [pdf.toString('latin1')];
  for (let at = pdf.indexOf('stream'); at >= 0; at = pdf.indexOf('stream', at + 6)) {
    let start = at + 6;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] === 0x0a) start++;
    const end = pdf.indexOf('endstream', start);
    if (end < 0) break;
    try {
      texts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a Flate stream (images, fonts): no titles in it.
    }
  }
  const utf16 = (b: Buffer) => (b[0] === 0xfe && b[1] === 0xff ? Buffer.from(b.subarray(2)).swap16().toString('utf16le') : b.toString('latin1'));
  return texts.flatMap((t) =>
    [...t.matchAll(/\/Title\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f\s]*)>)/g)].map((m) =>
      m[1] !== undefined
        ? utf16(
            Buffer.from(
              m[1].replace(/\\([()\\])/g, '$1').replace(/\\([0-7]{1,3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))),
              'latin1',
            ),
          )
        : utf16(Buffer.from(m[2].replace(/\s+/g, ''), 'hex')),
    ),
  );
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

describeInChromium('per-entity delivery of the chain report', (executablePath) => {
  let project = '';
  let dist = '';
  const timings: string[] = [];
  const env = { GAPREPORT_CHROMIUM: executablePath || CHROMIUM.path, GAPREPORT_SITE_URL: 'https://cx.example.com/hh/' };
  let built = memoryIo();
  let per = memoryIo();
  let buildManifest: { report: string; entities: ManifestRow[] } = { report: '', entities: [] };

  beforeAll(async () => {
    project = await copyProject({ chain: true });
    for (const f of ['demo.mdx', 'demo-fr.mdx', 'demo-vi.mdx']) await rm(join(project, 'content/reports', f), { force: true });
    const responses = join(project, 'data/chain/responses.csv');
    const [head, ...rows] = (await readFile(responses, 'utf8')).trimEnd().split('\n');
    await writeFile(responses, `${[head, ...rows.filter((r) => OUTLETS.includes(r.split(',')[3]))].join('\n')}\n`);
    await writeFile(join(project, 'data/chain/recipients.csv'), `entity,recipient\n${OUTLETS.map((o) => `${o},${address(o)}`).join('\n')}\n`);
    dist = join(project, 'dist');
    built = memoryIo(project, env);
    let t = performance.now();
    if ((await main(['build', '--pdf', '--out', dist], built)) !== 0) throw new Error(`build failed:\n${built.stderr.join('\n')}`);
    timings.push(`build --pdf ${((performance.now() - t) / 1000).toFixed(1)} s`);
    buildManifest = JSON.parse(await readFile(join(project, 'delivery/chain/manifest.json'), 'utf8'));
    // A PDF left by an earlier print (an outlet since withheld or renamed) must not survive the next one.
    await writeFile(join(dist, 'pdf/chain/stale.pdf'), 'old');
    per = memoryIo(project, env);
    t = performance.now();
    if ((await main(['pdf', '--per', 'chain', '--site-url', 'https://reports.example.org/'], per)) !== 0)
      throw new Error(`pdf --per failed:\n${per.stderr.join('\n')}`);
    timings.push(`pdf --per ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }, 600_000);

  afterAll(async () => {
    console.info(`delivery-site: ${timings.join(', ')} for ${OUTLETS.length - WITHHELD.length} entity PDFs`);
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('build --pdf prints each published outlet to pdf/chain/<slug>.pdf under a cover titled with its name, and the withheld ones not at all', async () => {
    const pdfs = (await readdir(join(dist, 'pdf/chain'))).sort();
    expect(pdfs).toEqual(
      OUTLETS.filter((o) => !withheld(o))
        .map((o) => `${slugOf(o)}.pdf`)
        .sort(),
    );
    const own = await readFile(join(dist, 'pdf/chain', `${slugOf(INCONSISTENT_OUTLET)}.pdf`));
    // The cover's heading opens the outline; the parent report's PDF is titled with the report.
    expect(pdfTitles(own)).toContain(INCONSISTENT_OUTLET);
    expect(pdfTitles(await readFile(join(dist, 'pdf/chain.pdf')))).not.toContain(INCONSISTENT_OUTLET);
  });

  it('build --pdf writes the manifest beside dist/ with absolute page URLs on GAPREPORT_SITE_URL and the recipients joined', () => {
    expect(buildManifest.report).toBe('chain');
    expect(buildManifest.entities.map((r) => [r.entity, r.status, r.pdf, r.url, r.recipients.recipient])).toEqual(
      [...OUTLETS]
        .sort()
        .map((o) => [
          o,
          withheld(o) ? 'withheld' : 'printed',
          withheld(o) ? '' : `dist/pdf/chain/${slugOf(o)}.pdf`,
          `https://cx.example.com/hh/reports/chain/${slugOf(o)}/`,
          address(o),
        ]),
    );
  });

  it('pdf --per prints the same outlets again, removes a stale PDF, and writes manifest.csv and .json on --site-url', async () => {
    expect(per.stdout).toEqual(['pdf: 4 entity pages printed to dist/pdf/<id>/ (A4); 2 withheld without a PDF; manifest in delivery/chain/.']);
    await expect(stat(join(dist, 'pdf/chain/stale.pdf'))).rejects.toThrow();
    const csv = await readFile(join(project, 'delivery/chain/manifest.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('entity,slug,status,pdf,url,recipient');
    const [w] = WITHHELD;
    expect(csv).toContain(`${w},${slugOf(w)},withheld,,https://reports.example.org/reports/chain/${slugOf(w)}/,${address(w)}\n`);
    const json = JSON.parse(await readFile(join(project, 'delivery/chain/manifest.json'), 'utf8')) as { entities: ManifestRow[] };
    expect(json.entities.find((r) => r.entity === INCONSISTENT_OUTLET)?.url).toBe(`https://reports.example.org/reports/chain/${slugOf(INCONSISTENT_OUTLET)}/`);
  });

  it('publishes no recipient address and no recipients.csv or manifest in dist/', async () => {
    const files = await filesUnder(dist);
    expect(files.filter((f) => /recipients|manifest\.(csv|json)$/.test(f))).toEqual([]);
    const found: string[] = [];
    for (const f of files) {
      const bytes = await readFile(f);
      const text = f.endsWith('.pdf') ? [bytes.toString('latin1'), ...pdfTitles(bytes)].join('\n') : bytes.toString('utf8');
      for (const o of OUTLETS) if (text.includes(address(o)) || text.includes('hearth.example.com')) found.push(f);
    }
    expect(found).toEqual([]);
  });

  it('refuses a recipients.csv row naming no outlet, on its line with a did-you-mean, before printing anything', async () => {
    await writeFile(join(project, 'data/chain/recipients.csv'), `entity,recipient\nNorth 01 — Aberden,a@hearth.example.com\n`);
    const io = memoryIo(project, env);
    expect(await main(['pdf', '--per', 'chain'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(
      'data/chain/recipients.csv:2: column "entity": "North 01 — Aberden" is no outlet of the report. Did you mean "North 01 — Aberdeen"?',
    );
    expect(io.stderr.at(-1)).toBe('gapreport pdf: 1 problem(s); nothing was printed.');
    expect((await readdir(join(dist, 'pdf/chain'))).length).toBe(OUTLETS.length - WITHHELD.length);
  });
});
