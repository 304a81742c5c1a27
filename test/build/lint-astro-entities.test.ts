/**
 * The MDX lint plugin in Astro lints a per: template against the figures the pipeline lints it
 * against (an entity page's, src/build/entities.ts lintFigures): the chain demo's entity. ids
 * compile in astro dev and astro build as they pass gapreport build's lint, and are type-checked as there.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { astroLintPlugin } from '../../src/build/lint-astro';
import { reportFigures } from '../../src/build/pipeline-fs';
import { readReports } from '../../src/build/reports-fs';
import { ROOT } from '../site/demo-figures';

describe('the lint plugin on a per: template', () => {
  it('compiles the chain demo, whose entity. ids name an entity page figure', async () => {
    const chain = (await readReports(ROOT)).reports.find((r) => r.id === 'chain');
    expect(chain?.settings?.per).toBeDefined();
    const result = await reportFigures(ROOT, chain!);
    expect(result.problems).toEqual([]);
    const text = await readFile(join(ROOT, chain!.file), 'utf8');
    expect(text).toContain('entity.');
    const value = text.replace(/^---\n[\s\S]*?\n---/, (fm) => fm.replace(/[^\n]/g, ' '));
    const file = new VFile({ value, path: join(ROOT, chain!.file), data: { astro: { frontmatter: {} } } });
    const handed = new Map([['chain', result]]);
    const plugins = { remarkPlugins: [astroLintPlugin(() => ({ root: ROOT, figures: handed }))] };
    await expect(compile(file, plugins)).resolves.toBeDefined();
    // Against an entity page's figures entity.rank.nps is a number, so a word test on it is refused (on the parent's it is not measured).
    const wrong = new VFile({ value: `${value}\n<When test="entity.rank.nps is first">x</When>\n`, path: file.path, data: file.data });
    await expect(compile(wrong, plugins)).rejects.toThrow('entity.rank.nps is a number, not a word');
  }, 300_000);
});
