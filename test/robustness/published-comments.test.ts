/**
 * A report that opts in to comments (`comments: true`, <Comments/>) over comments full of
 * contact and payment details: after `gapreport build`, no page, download or search-index
 * fragment of dist/ carries one, and the report says where something was removed.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, FIXTURES, makeProject, publishedTexts, removeProject } from './site';

/** Details a customer may type; each must be gone from every published file. */
const DETAILS = [
  'jane.doe@example.com',
  '+33 6 12 34 56 78',
  '(555) 123-4567',
  '4111 1111 1111 1111',
  '5500-0000-0000-0004',
  'GB82 WEST 1234 5698 7654 32',
  'https://shop.example.com/track?order=991&key=s3cr3t',
];
/** What a reader of the index or the page could still search for: the digits or the address without its separators. */
const TRACES = ['jane.doe', '612345678', '5551234567', '4111111111111111', '5500000000000004', 'GB82WEST', 's3cr3t'];

let root: string;
let files: Record<string, string>;

beforeAll(async () => {
  const data = mkdtempSync(join(tmpdir(), 'gapreport-pii-'));
  cpSync(join(FIXTURES, 'hostile/hostile'), data, { recursive: true });
  const csv = Papa.parse<Record<string, string>>(readFileSync(join(data, 'responses.csv'), 'utf8'), { header: true, skipEmptyLines: true });
  // Every comment of the report's wave carries one of the details.
  csv.data.forEach((row, i) => (row.comment = `Please reach me: ${DETAILS[i % DETAILS.length]} (row ${i % 3})`));
  writeFileSync(join(data, 'responses.csv'), Papa.unparse(csv.data, { columns: csv.meta.fields }));
  const mdx = `---\ntitle: "Comments with contact details"\ncompany: Northwind\ndataset: pii\nlocale: en\ncomments: true\n---\n\n## What they said\n\n<Comments />\n`;
  root = makeProject({ reports: { pii: mdx }, datasets: { pii: data } });
  removeProject(data);
  const result = await build(root);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stderr}`);
  files = publishedTexts(join(root, 'dist'));
}, 180_000);
afterAll(() => removeProject(root));

describe('opted-in comments are published without contact or payment details', () => {
  it('publishes the comments, with the removal tokens, in the page, figures.json and the search index', () => {
    const page = files['reports/pii/index.html'];
    expect(page).toContain('Please reach me: [e-mail removed]');
    for (const token of ['[phone number removed]', '[card number removed]', '[bank account removed]', '[link removed]']) expect(page).toContain(token);
    expect(JSON.parse(files['reports/pii/figures.json']).comments.items.length).toBeGreaterThan(0);
    expect(Object.entries(files).some(([f, text]) => f.startsWith('pagefind/fragment/') && text.includes('[e-mail removed]'))).toBe(true);
  });

  it('leaves no detail, nor its digits without separators, in any file of dist/', () => {
    for (const [file, text] of Object.entries(files)) {
      const flat = text.replace(/[\s().-]/g, '');
      for (const d of DETAILS) expect(text.includes(d), `${d} in ${file}`).toBe(false);
      // Pagefind's search engine binary is no published text (and holds digit runs of its own).
      if (!file.startsWith('pagefind/wasm.')) for (const t of TRACES) expect(flat.includes(t), `${t} in ${file}`).toBe(false);
    }
  });
});
