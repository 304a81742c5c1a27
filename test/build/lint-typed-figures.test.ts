/**
 * The typed-figure lint (issue 12.4, src/build/lint-typed-figures.ts): a figure, a count of
 * standards or a KPI status typed in prose, equal to what the report prints, is a finding at
 * its line naming the figure to write instead. The planted fixtures are flagged line by line;
 * the demo reports and the guide have none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintMdx } from '../../src/build/lint-mdx';
import type { Figures } from '../../src/schemas/figures';
import { formatProblem } from '../../src/schemas/problem';
import { ROOT, demoFigures } from '../site/demo-figures';

let demo: Figures;
beforeAll(async () => {
  demo = await demoFigures();
}, 300_000);

const fixture = (name: string) => readFileSync(resolve(ROOT, 'test/fixtures/typed-figures', name), 'utf8');
/** Each finding as line, kind, typed text and the id (or component) it says to write. */
const flagged = (name: string) =>
  lintMdx(name, fixture(name), demo).findings.map((p) => [p.line, p.column, p.value, /Write (.*) instead\.$/.exec(p.hint ?? '')?.[1]]);

describe('typed figures in a fixture', () => {
  it('flags each planted figure, count and status word at its line, and nothing else', () => {
    expect(flagged('planted.mdx')).toEqual([
      [9, 'typed figure', '68.1 %', '<Metric id="kpis.first-contact-fix.value" />'],
      [9, 'typed figure', '75 %', '<Metric id="kpis.first-contact-fix.target" />'],
      [9, 'typed status', 'missed', '<Metric id="kpis.first-contact-fix.status" />'],
      [10, 'typed count', 'Five', '<Count status="met" />'],
      [10, 'typed count', 'seven', '<Count status="met" />'],
      [11, 'typed figure', '−1.29', '<Metric id="servqual.dimensions.reliability.gap" />'],
      [11, 'typed figure', '+12', '<Metric id="nps.score" />'],
      [12, 'typed figure', '77.8%', '<Metric id="kpis.answer-30s.value" />'],
      [12, 'typed figure', '80%', '<Metric id="kpis.answer-30s.target" />'],
      [12, 'typed status', 'at risk', '<Metric id="kpis.answer-30s.status" />'],
      [13, 'typed figure', '12', '<Metric id="nps.score" />'],
    ]);
  });
  it('reads a French report in its own format and words (68,1 %, manquée, cinq des sept normes), not in English', () => {
    expect(flagged('planted-fr.mdx')).toEqual([
      [8, 'typed figure', '68,1 %', '<Metric id="kpis.first-contact-fix.value" />'],
      [8, 'typed figure', '75 %', '<Metric id="kpis.first-contact-fix.target" />'],
      [8, 'typed status', 'manquée', '<Metric id="kpis.first-contact-fix.status" />'],
      [9, 'typed count', 'Cinq', '<Count status="met" />'],
      [9, 'typed count', 'sept', '<Count status="met" />'],
    ]);
  });
  it('says which figure the typed number is, as the page prints it', () => {
    expect(formatProblem(lintMdx('planted.mdx', fixture('planted.mdx'), demo).findings[0])).toBe(
      'planted.mdx:9: typed figure: "68.1 %" is typed: it is the figure kpis.first-contact-fix.value (68.1%), which the next build may change. Write <Metric id="kpis.first-contact-fix.value" /> instead.',
    );
  });
  it('follows the figures: a typed number the data no longer print is not one of them', () => {
    const changed = { ...demo, kpis: demo.kpis.map((k) => (k.standard_id === 'first-contact-fix' ? { ...k, value: 70.4 } : k)) };
    const lines = lintMdx('planted.mdx', fixture('planted.mdx'), changed).findings.map((p) => p.value);
    expect(lines).not.toContain('68.1 %');
    expect(lines).toContain('75 %');
  });
});

describe('typed figures in the demo and the guide', () => {
  const files = [
    ...['demo.mdx', 'demo-fr.mdx', 'demo-vi.mdx'].map((n) => `content/reports/${n}`),
    ...readdirSync(resolve(ROOT, 'content/docs')).map((n) => `content/docs/${n}`),
  ];
  it.each(files)('%s types no figure, count or KPI status', (file) => {
    expect(lintMdx(file, readFileSync(resolve(ROOT, file), 'utf8'), demo).findings.map(formatProblem)).toEqual([]);
  });
  it('lints every page of the guide', () => {
    expect(files.filter((f) => f.startsWith('content/docs/')).length).toBeGreaterThanOrEqual(6);
  });
});
