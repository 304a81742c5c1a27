/** The rewritten demo (issue 12) lints clean, and its verdicts come from components, not from typed words. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintReport } from '../../src/build/lint-mdx';
import { ROOT, demoFigures } from '../site/demo-figures';

const read = (name: string) => readFileSync(resolve(ROOT, 'content/reports', name), 'utf8');
/** The prose a reader sees typed by the author: component tags, their props and the frontmatter removed. */
const typed = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<\/?[A-Z][^>]*>/g, ' ');

describe('the demo reports after issue 12', () => {
  it.each(['demo.mdx', 'demo-fr.mdx', 'demo-vi.mdx'])(
    '%s lints clean (every <When> condition parses and fits its figure)',
    async (name) => {
      expect(lintReport(`content/reports/${name}`, read(name), await demoFigures())).toEqual([]);
    },
    300_000,
  );
  it('types no KPI verdict and no count of standards in English: <Metric …status/> and <Count/> write them', () => {
    expect(typed(read('demo.mdx')).match(/\b(met|missed|at risk|(one|two|three|four|five|six|seven) of the \w+ standards)\b/gi)).toBeNull();
  });
  it('types no KPI verdict and no count of standards in French', () => {
    expect(typed(read('demo-fr.mdx')).match(/\b(atteinte?s?|manquée?s?|à risque|(une|deux|trois|quatre|cinq|six|sept) des \w+ normes)\b/gi)).toBeNull();
  });
});
