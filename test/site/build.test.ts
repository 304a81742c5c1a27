/**
 * The whole site, built once by the CLI in a temporary copy of the project, then read
 * as HTML: every component present, numbers equal to the figures, suppression honoured,
 * locales applied, and a broken report failing with its file and line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { FiguresSchema, type Figures } from '../../src/schemas/figures';
import { formatters } from '../../src/i18n/format';
import { strings } from '../../src/i18n';
import { metricText } from '../../src/components/lib/metric-format';
import { copyProject } from './project-copy';
import { figuresComputations } from '../../src/build/pipeline-fs';
import { PLANTED_PII } from '../../scripts/demo/comments';
import { publishedTexts } from '../robustness/site';

let project = '';
let html = '';
let htmlFr = '';
let htmlVi = '';
let probe = '';
let figures: Figures;
let computations = 0;

// comments: true as the demo editions have it, so the four reports share one set of settings.
const PROBE = `---\ntitle: Probe\ncompany: Northwind Telecom\ndataset: demo\ncomments: true\n---\n\n<BenchmarkPosition metric="abandonment_rate" />\n`;

beforeAll(async () => {
  project = await copyProject();
  await writeFile(join(project, 'content/reports/probe.mdx'), PROBE);
  const io = memoryIo(project);
  const before = figuresComputations();
  const code = await main(['build', '--out', join(project, 'out')], io);
  computations = figuresComputations() - before;
  if (code !== 0) throw new Error(`build failed:\n${io.stderr.join('\n')}`);
  html = await readFile(join(project, 'out/reports/demo/index.html'), 'utf8');
  htmlFr = await readFile(join(project, 'out/reports/demo-fr/index.html'), 'utf8');
  htmlVi = await readFile(join(project, 'out/reports/demo-vi/index.html'), 'utf8');
  probe = await readFile(join(project, 'out/reports/probe/index.html'), 'utf8');
  figures = FiguresSchema.parse(JSON.parse(await readFile(join(project, 'out/reports/demo/figures.json'), 'utf8')));
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

describe('figures computed once per build', () => {
  it('computes data/demo once for its four reports, the CLI handing its figures to the Astro build', () => {
    // demo, demo-fr, demo-vi and probe share data/demo and its settings; the figures loader computes nothing.
    expect(computations).toBe(1);
  });
});

describe('gapreport build: the demo report', () => {
  it.each([
    'gap-model',
    'servqual-dimensions',
    'servqual-items',
    'nps-breakdown',
    'kpi-scorecard',
    'benchmark-position',
    'driver-matrix',
    'trend',
    'segment-bars',
  ])('renders the %s chart as SVG with a data table', (kind) => {
    const figure = new RegExp(`<figure class="chart" data-chart="${kind}">[\\s\\S]*?<svg[\\s\\S]*?</svg>[\\s\\S]*?<table>[\\s\\S]*?</figure>`);
    expect(html).toMatch(figure);
  });
  it.each(['HeadlineCards', 'SegmentTable', 'Methodology'])('renders <%s/>', (name) => {
    expect(html).toContain(`data-component="${name}"`);
  });
  it('prints every <Metric> exactly as the figures say', () => {
    const spans = [...html.matchAll(/<span class="metric[^"]*" data-figure="([^"]+)"[^>]*>([\s\S]*?)<\/span>/g)];
    expect(spans.length).toBeGreaterThan(30);
    const fmt = formatters('en');
    for (const [, id, inner] of spans) {
      const expected = metricText(figures, id, fmt, strings('en'));
      expect(expected.kind, id).not.toBe('unknown');
      expect(decode(inner).replace(/†$/, ''), id).toBe(expected.kind === 'unknown' ? '' : expected.text);
    }
  });
  it('shows the headline NPS from the figures', () => {
    expect(html).toMatch(/data-figure="nps.score">\s*\+12/);
  });
  it('colours a significant headline change by its direction (report wave vs the previous one)', () => {
    expect(html).toContain('class="card-change card-change--better card-change--significant"');
    expect(html).not.toContain('card-change--undefined');
  });
  it('marks every significant pair of waves on a trend and bands a dimension trend with its interval', () => {
    const svg = /<svg[^>]*aria-labelledby="trend-responsiveness-title[\s\S]*?<\/svg>/.exec(html)![0];
    expect(svg.match(/fill="var\(--gr-good, #0072b2\)" stroke="var\(--gr-surface, #ffffff\)"/g)).toHaveLength(2);
    expect(svg).toMatch(/<path d="M[^"]+Z" fill="var\(--gr-band, #56b4e9\)" fill-opacity="0.3"\/>/);
  });
  it('shows the suppressed Islands region as "suppressed" and never its value', () => {
    // Every table row of Islands (chart data tables and the segment table): its base, and "suppressed" for the rest.
    const rows = [...html.matchAll(/<tr>\s*<th scope="row">Islands<\/th>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row).toContain('suppressed');
      expect(decode(row).replace(/suppressed( \(n < 10\))?/g, '')).toMatch(/^\s*8\s*$/);
    }
    expect(html).toMatch(/data-figure="segments.region.Islands.nps.score">suppressed/);
    const islands = figures.segments.region.Islands;
    expect(islands.nps).toEqual({ suppressed: true, n: 8 });
  });
  it('states the data-as-of date from the figures, not the clock', () => {
    expect(html).toContain('Data as of September 30, 2026');
  });
  it('offers the figures as JSON and as a CSV long table', async () => {
    const csv = await readFile(join(project, 'out/reports/demo/figures.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFfigure_id,value\r\n')).toBe(true);
    expect(csv).toContain('segments.region.Islands.nps.suppressed,true\r\n');
    expect(csv).not.toContain('segments.region.Islands.nps.score');
    expect(html).toContain('href="/reports/demo/figures.csv"');
  });
});

describe('gapreport build: the demo comments that carry contact details and names', () => {
  const details = [...PLANTED_PII.emails, ...PLANTED_PII.phones];
  it('holds them in data/demo, so the scan below can find a leak', async () => {
    const csv = await readFile(join(project, 'data/demo/responses.csv'), 'utf8');
    for (const d of [...details, ...PLANTED_PII.names]) expect(csv, d).toContain(d);
  });
  it('publishes those comments with the removed-detail tokens of each edition', () => {
    const items = figures.comments?.items.map((c) => c.text) ?? [];
    for (const token of ['[e-mail removed]', '[phone number removed]', '[name removed]'])
      expect(
        items.some((t) => t.includes(token)),
        token,
      ).toBe(true);
    for (const [page, locale] of [
      [html, 'en'],
      [htmlFr, 'fr'],
      [htmlVi, 'vi'],
    ] as const) {
      const removed = strings(locale).comments.removed;
      for (const token of [removed.email, removed.phone, removed.name]) expect(decode(page), `${locale} ${token}`).toContain(token);
    }
  });
  it('leaves no e-mail, phone number (in any spacing) or redacted name in any page, download or search-index file', () => {
    const files = publishedTexts(join(project, 'out'));
    let scanned = 0;
    for (const [file, text] of Object.entries(files)) {
      if (file.startsWith('pagefind/wasm.')) continue;
      scanned++;
      const lower = text.toLowerCase();
      const digits = text.replace(/[\s().+-]/g, '');
      for (const d of PLANTED_PII.emails) expect(lower.includes(d.toLowerCase()), `${d} in ${file}`).toBe(false);
      for (const p of PLANTED_PII.phones) expect(digits.includes(p.replace(/[\s().+-]/g, '')), `${p} in ${file}`).toBe(false);
      for (const n of PLANTED_PII.names) for (const part of n.toLowerCase().split(' ')) expect(lower.includes(part), `${part} in ${file}`).toBe(false);
    }
    expect(Object.keys(files).some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['reports/demo/figures.json', 'reports/demo/figures.csv', 'reports/demo-fr/index.html']));
    expect(scanned).toBeGreaterThan(10);
  });
});

describe('gapreport build: locales and strictness', () => {
  it('builds the French edition with French labels and number formats', () => {
    expect(htmlFr).toContain('<html lang="fr"');
    expect(htmlFr).toContain('72,9\u202f%');
    expect(htmlFr).toContain('Les cinq écarts de qualité de service');
    expect(htmlFr).toContain('Données au 30 septembre 2026');
  });
  it('shows French segment values, industry and units on the French page, the English data values only in figure ids', () => {
    const rowHeads = [...htmlFr.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(rowHeads).toEqual(expect.arrayContaining(['Boutique', 'Téléphone', 'Nord', 'Îles']));
    expect(rowHeads).not.toEqual(expect.arrayContaining(['store']));
    expect(htmlFr).toContain('data-figure="segments.channel.store.nps.score"');
    expect(htmlFr).toContain('secteur télécoms');
    expect(htmlFr).not.toMatch(/secteur telecom\b/);
    // Units are the page's; the verbatim comments are customers' own words, in the language they wrote.
    expect(htmlFr.replace(/<ul class="comment-list">[\s\S]*?<\/ul>/g, '')).not.toMatch(/\d days\b/);
    expect(htmlFr).toMatch(/<ul class="comment-list">/);
  });
  it('links the editions to each other', () => {
    expect(html).toMatch(/href="\/reports\/demo-fr\/"[^>]*>Français/);
    expect(htmlFr).toMatch(/href="\/reports\/demo\/"[^>]*>English/);
    for (const page of [html, htmlFr]) expect(page).toMatch(/href="\/reports\/demo-vi\/"[^>]*>Tiếng Việt/);
    expect(htmlVi).toMatch(/href="\/reports\/demo\/"[^>]*>English/);
    expect(htmlVi).toMatch(/href="\/reports\/demo-fr\/"[^>]*>Français/);
  });
  it('publishes the Vietnamese edition as a lang="vi" page with Vietnamese periods and percentages', () => {
    expect(htmlVi).toMatch(/<html[^>]*lang="vi"/);
    const text = decode(htmlVi);
    expect(text).toContain('Tóm tắt điều hành');
    expect(text).toContain('Quý 3/2026');
    expect(text).toMatch(/\(77,8%\) ở bách phân vị thứ \d+/);
    expect(text).not.toMatch(/\d{4}-Q\d/);
    expect(htmlVi).toContain('data-figure="nps.score"');
  });
  it('renders an explicit "not measured" for a benchmark without a company value', () => {
    expect(probe).toMatch(/data-component="BenchmarkPosition" data-metric="abandonment_rate">Abandoned calls: not measured/);
  });
  it('lists every report on the index with its headline NPS', async () => {
    const index = await readFile(join(project, 'out/index.html'), 'utf8');
    for (const id of ['demo', 'demo-fr', 'demo-vi', 'probe']) expect(index).toContain(`data-report="${id}"`);
    expect(index).toContain('<strong>+12</strong>');
  });
  it('fails on an unknown <Metric id>, naming the file and line, and keeps the last good site', async () => {
    const file = join(project, 'content/reports/demo.mdx');
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    lines.splice(12, 0, 'Churn is <Metric id="nps.churn" />.');
    await writeFile(file, lines.join('\n'));
    const io = memoryIo(project);
    const code = await main(['build', '--out', join(project, 'out')], io);
    expect(code).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/content\/reports\/demo\.mdx:13\b[^\n]*nps\.churn/);
    expect(await readFile(join(project, 'out/reports/demo/index.html'), 'utf8')).toBe(html);
  }, 120_000);
});
