/**
 * Issue 17, item 5: a report with comments (opted in) and themes over comments full of
 * contact details and of names the questionnaire's `redact:` list declares. After
 * `gapreport build` no page, download or search-index file of dist/ carries a detail or a
 * name, in any case or accents; themes publish counts and shares, never comment text.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, FIXTURES, makeProject, publishedTexts, removeProject } from '../robustness/site';

const DETAILS = ['zoe.martin@example.org', '+44 20 7946 0958', '4000 0566 5566 5556', 'https://bank.example.com/reset?token=Zx91Qa'];
/** Written in comments with other case and accents than in the redact list. */
const NAMES = [
  { listed: 'Marguerite Duval', written: 'MARGUERITE DUVAL' },
  { listed: 'José Álvarez', written: 'jose alvarez' },
  { listed: 'Nguyễn Thị Ánh', written: 'Nguyen Thi Anh' },
];
const TRACES = ['zoe.martin', '2079460958', '4000056655665556', 'Zx91Qa', 'marguerite', 'duval', 'alvarez', 'álvarez', 'nguyen thi anh', 'nguyễn'];

let root: string;
let files: Record<string, string>;

beforeAll(async () => {
  const data = mkdtempSync(join(tmpdir(), 'gapreport-pii-themes-'));
  cpSync(join(FIXTURES, 'hostile/hostile'), data, { recursive: true });
  appendFileSync(join(data, 'questionnaire.yaml'), `redact: [${NAMES.map((n) => JSON.stringify(n.listed)).join(', ')}]\n`);
  writeFileSync(
    join(data, 'themes.yaml'),
    'themes:\n  - id: waiting\n    label: { en: Waiting times }\n    keywords: { en: [wait, queue] }\n  - id: staff\n    label: { en: Staff }\n    keywords: { en: [agent] }\n',
  );
  const csv = Papa.parse<Record<string, string>>(readFileSync(join(data, 'responses.csv'), 'utf8'), { header: true, skipEmptyLines: true });
  csv.data.forEach((row, i) => {
    const name = NAMES[i % NAMES.length].written;
    row.comment = `${i % 2 ? 'I waited in the queue' : 'The agent'} ${name} gave me ${DETAILS[i % DETAILS.length]} (case ${i % 3})`;
  });
  writeFileSync(join(data, 'responses.csv'), Papa.unparse(csv.data, { columns: csv.meta.fields }));
  const mdx = `---\ntitle: "Themes and names"\ncompany: Northwind\ndataset: piithemes\nlocale: en\ncomments: true\n---\n\n## What they said\n\n<Themes />\n\n<Comments />\n`;
  root = makeProject({ reports: { piithemes: mdx }, datasets: { piithemes: data } });
  removeProject(data);
  const result = await build(root);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
  files = publishedTexts(join(root, 'dist'));
}, 240_000);
afterAll(() => removeProject(root));

describe('published comments and themes carry no contact detail and no redacted name', () => {
  it('publishes the themes and the comments with the name token', () => {
    const figures = JSON.parse(files['reports/piithemes/figures.json']);
    expect(Object.keys(figures.themes)).toEqual(['waiting', 'staff']);
    expect(figures.themes.waiting.mentions + figures.themes.staff.mentions).toBe(figures.themes.waiting.n);
    expect(files['reports/piithemes/index.html']).toContain('gave me');
    expect(files['reports/piithemes/index.html']).toContain('[name removed]');
    expect(files['reports/piithemes/index.html']).toContain('Themes in comments');
  });

  it('leaves no detail, no name (in any case or accents) and no digits of a detail in any file of dist/', () => {
    let scanned = 0;
    for (const [file, text] of Object.entries(files)) {
      if (file.startsWith('pagefind/wasm.')) continue;
      scanned++;
      const flat = text.replace(/[\s().-]/g, '').toLowerCase();
      const lower = text.toLowerCase();
      for (const d of DETAILS) expect(text.includes(d), `${d} in ${file}`).toBe(false);
      for (const t of TRACES) expect(lower.includes(t.toLowerCase()) || flat.includes(t.toLowerCase().replace(/\s/g, '')), `${t} in ${file}`).toBe(false);
    }
    // HTML, figures.json, figures.csv and the search index's fragments were all read.
    expect(Object.keys(files).some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    expect(Object.keys(files).some((f) => f.endsWith('figures.csv'))).toBe(true);
    expect(scanned).toBeGreaterThan(10);
  });
});
