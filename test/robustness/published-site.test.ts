/**
 * Builds a report from a hostile dataset (test/fixtures/hostile: HTML, <script>,
 * javascript: URLs, "><img onerror>, formula cells and bidi overrides in segment values,
 * item texts, report settings and comments) and reads every file of dist/: hostile text
 * is only ever text, no respondent-level value is published, and a suppressed segment
 * has no value anywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIDI_CONTROLS } from '../../src/schemas/text';
import { contentsOf, decode, scripts, tags } from './html';
import { sharedSite } from '../setup/sites';
import { FIXTURES, publishedTexts } from './site';

const DATA = join(FIXTURES, 'hostile/hostile');
let root: string;
let files: Record<string, string>;
const pages = () => Object.entries(files).filter(([f]) => f.endsWith('.html'));
const report = () => files['reports/hostile/index.html'];

beforeAll(async () => {
  // The hostile report alone in its project, built once for every file that reads it (test/setup/sites.ts).
  root = await sharedSite('hostile');
  files = publishedTexts(join(root, 'dist'));
}, 300_000);

describe('the guide of a project without the demo', () => {
  it('still builds: a live example on a figure this project lacks reads "not measured", never a build error', () => {
    const guide = files['docs/components/index.html'];
    expect(guide).toContain('data-figure="kpis.first-contact-fix.status" title=');
    expect(guide).toMatch(/data-figure="kpis\.first-contact-fix\.status" title="[^"]*">not measured</);
  });
});

describe('hostile text renders as text', () => {
  it('publishes the report page, figures.json, figures.csv and a search index', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['reports/hostile/index.html', 'reports/hostile/figures.json', 'reports/hostile/figures.csv']));
    expect(Object.keys(files).some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
  });

  it('creates no element, event handler or javascript: URL from data in any page', () => {
    for (const [file, html] of pages()) {
      for (const tag of tags(html)) {
        expect(tag.name, `${file}@${tag.at}`).not.toBe('img');
        for (const [name, value] of tag.attrs) {
          expect(name, `${file}@${tag.at}`).not.toMatch(/^on/);
          if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name))
            expect(decode(value).trim(), `${file}@${tag.at}`).not.toMatch(/^javascript:/i);
        }
      }
      for (const script of scripts(html)) expect(script, file).not.toContain('alert(');
    }
  });

  it('shows the hostile labels as escaped text in HTML, tables and SVG titles', () => {
    const html = report();
    expect(html).toContain('&lt;script&gt;alert(&quot;seg&quot;)&lt;/script&gt;'); // a segment value, in a table row
    expect(html).toMatch(/&lt;script&gt;alert\((&#39;|')item(&#39;|')\)&lt;\/script&gt; keeps promises/); // an item text
    const titles = contentsOf(html, 'title');
    expect(titles.length).toBeGreaterThan(3);
    for (const t of titles) expect(t).not.toMatch(/<|>/);
    expect(decode(contentsOf(files['index.html'], 'h2').join(''))).toContain("<script>alert('title')</script>");
  });

  it('keeps the labels intact in figures.json (data, served as application/json)', () => {
    const figures = JSON.parse(files['reports/hostile/figures.json']);
    expect(Object.keys(figures.segments.channel)).toEqual(
      expect.arrayContaining(['<script>alert("seg")</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(2)']),
    );
  });

  it('neutralises spreadsheet formulas in figures.csv: a text cell never starts with = + - @ tab or CR', () => {
    const rows = Papa.parse<string[]>(files['reports/hostile/figures.csv'].replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","cares") evil`);
    for (const cell of cells) if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i);
  });

  it('strips bidi override and isolate controls from every published file', () => {
    for (const [file, text] of Object.entries(files)) expect(BIDI_CONTROLS.test(text), file).toBe(false);
    expect(report()).toContain('gnp.exe');
  });
});

describe('privacy: nothing respondent-level reaches dist/', () => {
  const csv = Papa.parse<Record<string, string>>(readFileSync(join(DATA, 'responses.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

  it('publishes no respondent id in any file (search index included)', () => {
    expect(csv.length).toBeGreaterThan(100);
    for (const [file, text] of Object.entries(files)) for (const r of csv) expect(text.includes(r.respondent_id), `${r.respondent_id} in ${file}`).toBe(false);
  });

  it('publishes no comment text (the report does not opt in with comments: true)', () => {
    for (const [file, text] of Object.entries(files)) {
      for (const r of csv)
        expect(
          text.includes(r.comment.slice(0, 12)) || text.includes(r.comment.replace(BIDI_CONTROLS, '').slice(-20)),
          `comment of ${r.respondent_id} in ${file}`,
        ).toBe(false);
    }
  });

  it('gives the suppressed segment (n = 4 < min_base) no value in JSON', () => {
    const tiny = JSON.parse(files['reports/hostile/figures.json']).segments.channel['tiny-branch'];
    expect(tiny.nps).toEqual({ suppressed: true, n: 4 });
    const values = JSON.stringify(tiny, (k, v) => (['n', 'item', 'dimension', 'text'].includes(k) ? undefined : v));
    expect(values).not.toMatch(/\d/);
  });

  it('gives it no value in figures.csv: only its base and "suppressed"', () => {
    const rows = files['reports/hostile/figures.csv'].split('\r\n').filter((l) => l.startsWith('segments.channel.tiny-branch.'));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row).toMatch(/\.(n,4|suppressed,true|item,\w+|dimension,\w+|text,.*)$/);
  });

  it('gives it no value in the HTML: its table rows and chart rows say suppressed, never +100', () => {
    const html = report();
    const rows = [...html.matchAll(/<tr>(?:(?!<\/tr>)[\s\S])*?tiny-branch[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toContain('suppressed');
      expect(row.replace(/data-figure="[^"]*"/g, '')).not.toMatch(/100|\+|\d\.\d/);
    }
    expect(html).not.toMatch(/tiny-branch[^<]{0,80}(\+100|100(\.0)?%)/);
  });
});
