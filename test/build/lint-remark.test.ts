/**
 * The MDX lint is a remark plugin (src/build/lint-remark.ts): the gapreport integration adds it
 * to the MDX remarkPlugins, so Astro's own compile (astro dev's preview, astro build) fails a
 * report with a bad prop at the parser's line, with the messages gapreport build prints.
 */
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { astroLintPlugin } from '../../src/build/lint-astro';
import { lintReport } from '../../src/build/lint-mdx';
import type { ReportFigures } from '../../src/build/pipeline-fs';
import { forgetGapreportOptions, gapreport } from '../../src/integration';
import type { Figures } from '../../src/schemas/figures';
import { formatProblem } from '../../src/schemas/problem';
import { demoFigures } from '../site/demo-figures';

let figures: Figures;
beforeAll(async () => {
  figures = await demoFigures();
}, 300_000);
afterEach(forgetGapreportOptions);

const ROOT = '/projects/acme';
const TEXT = '---\ntitle: x\n---\n\nIntro.\n\n<Metric idd="nps.score" />\n';

/** Compiles as @astrojs/mdx does: the frontmatter blanked to spaces, the frontmatter on file.data.astro, the plugin from the integration. */
async function astroCompile(text: string, path = `${ROOT}/content/reports/x.mdx`) {
  const value = text.replace(/^---\n[\s\S]*?\n---/, (fm) => fm.replace(/[^\n]/g, ' '));
  const handed = new Map([['x', { figures } as ReportFigures]]);
  const file = new VFile({ value, path, data: { astro: { frontmatter: { title: 'x' } } } });
  return compile(file, { remarkPlugins: [astroLintPlugin(() => ({ root: ROOT, figures: handed }))] });
}

describe('the MDX lint as a remark plugin', () => {
  it('is added to the MDX remarkPlugins by the gapreport integration, once however many gapreport() run', () => {
    const config = { root: new URL('file:///projects/acme/'), markdown: { remarkPlugins: [] as unknown[] } };
    const updateConfig = (c: { markdown: { remarkPlugins: unknown[] } }) => config.markdown.remarkPlugins.push(...c.markdown.remarkPlugins);
    for (const i of [gapreport(), gapreport({ root: '/tmp/copy' })])
      (i.hooks['astro:config:setup'] as (p: unknown) => void)({ config, command: 'dev', updateConfig });
    expect(config.markdown.remarkPlugins.map((p) => (p as [{ name: string }])[0].name)).toEqual(['remarkGapreportLint']);
  });

  it("fails Astro's compile of a report with a bad prop, with the lint's message at the parser's line", async () => {
    const error = await astroCompile(TEXT).then(
      () => undefined,
      (e: { message: string; line?: number }) => e,
    );
    expect(error?.message).toBe('content/reports/x.mdx:7: <Metric> idd: is not a prop of <Metric>. Did you mean id?');
    expect(error?.line).toBe(7);
  });

  it('says in the compile exactly what lintReport says for gapreport build and check', async () => {
    const text = '---\ntitle: x\n---\n\n<Metrik id="nps.score" />\n\nText {process.env.X}.\n\n<When test="nps.score < high">y</When>\n';
    const error = await astroCompile(text).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message.split('\n')).toEqual(lintReport('content/reports/x.mdx', text, figures).map(formatProblem));
    expect(error?.message.split('\n')).toHaveLength(3);
  });

  it('leaves files that are not reports (the guide) and reports without figures to the page', async () => {
    await expect(astroCompile(TEXT, `${ROOT}/content/docs/x.mdx`)).resolves.toBeDefined();
    await expect(astroCompile(TEXT, `${ROOT}/content/reports/other.mdx`)).resolves.toBeDefined();
  });

  it('reads components from the syntax tree: an escaped \\<Metrik> is text, a tag across lines is placed at its first line', () => {
    const text = '---\ntitle: x\n---\n\nWrite \\<Metrik idd="x" /> to see the error.\n\n<Metric\n  idd="nps.score"\n/>\n';
    expect(lintReport('content/reports/x.mdx', text, figures).map(formatProblem)).toEqual([
      'content/reports/x.mdx:7: <Metric> idd: is not a prop of <Metric>. Did you mean id?',
    ]);
  });

  it('compiles a clean report', async () => {
    await expect(astroCompile('---\ntitle: x\n---\n\n<Metric id="nps.score" />\n')).resolves.toBeDefined();
  });
});
