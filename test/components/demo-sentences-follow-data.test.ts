/**
 * Issue 12's "done when", for the two mutations demo-words-follow-data.test.ts (a target) does
 * not make: one benchmark row (Bluepeak Broadband's CSAT 67.0 → 95.0 in benchmarks.csv) and one
 * wave's answers (every email respondent of the report's wave a promoter, nps = 10), each in its
 * own temp copy of data/demo. Every sentence that speaks of a figure the change moves reads the
 * new figure and the new verdict — in English and French, and the NPS sentence in Vietnamese —
 * and the sentences about figures it does not move read as before. The claims these mutations
 * make false are reported at their lines by test/build/claims-follow-data.test.ts.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/build/figures-fs';
import { metricText } from '../../src/components/lib/metric-format';
import { compareText } from '../../src/components/lib/words';
import { strings } from '../../src/i18n';
import { formatters } from '../../src/i18n/format';
import type { Figures } from '../../src/schemas/figures';
import type { Locale } from '../../src/schemas/questionnaire';
import { ROOT, demoFigures } from '../site/demo-figures';
import { renderProse } from './render-prose';

const EDITIONS: [Locale, string][] = [
  ['en', 'demo.mdx'],
  ['fr', 'demo-fr.mdx'],
  ['vi', 'demo-vi.mdx'],
];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** The demo's figures with one file of data/demo changed (in a temp copy). */
async function figuresWith(file: string, change: (text: string) => string): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'gapreport-sentences-'));
  dirs.push(dir);
  await cp(resolve(ROOT, 'data/demo'), dir, { recursive: true });
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  await writeFile(path, changed);
  const result = await computeFigures(ROOT, dir, {});
  if (!result.figures) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.figures;
}

/** Sets column `index` (0-based) of a CSV line, leaving the rest of it (quoted comments) as written. */
function setCell(line: string, index: number, value: string): string {
  let at = 0;
  for (let i = 0; i < index; i++) at = line.indexOf(',', at) + 1;
  const end = line.indexOf(',', at);
  return line.slice(0, at) + value + (end < 0 ? '' : line.slice(end));
}

const mdx = (name: string) => readFile(resolve(ROOT, 'content/reports', name), 'utf8');
/** Spaces as renderProse leaves them (the French no-break spaces read as plain ones). */
const plain = (s: string) => s.replace(/\s+/g, ' ');
/** What <Metric id> prints in the locale (the reference the sentences must carry). */
const shown = (figures: Figures, id: string, locale: Locale) => {
  const m = metricText(figures, id, formatters(locale), strings(locale));
  if (m.kind === 'unknown') throw new Error(m.message);
  return plain(m.text);
};
const compare = (figures: Figures, metric: string, locale: Locale) => plain(compareText(figures, metric, formatters(locale), strings(locale))!);
/** The report's paragraphs (blank-line separated) with what they render to before and after. */
async function paragraphs(name: string, locale: Locale, before: Figures, after: Figures) {
  const body = (await mdx(name)).replace(/^---\n[\s\S]*?\n---\n/, '');
  return body.split(/\n\s*\n/).map((source) => ({ source, was: renderProse(source, before, locale), now: renderProse(source, after, locale) }));
}

let before: Figures;
const mdxText = new Map<string, string>();
beforeAll(async () => {
  before = await demoFigures();
  for (const [, name] of EDITIONS) mdxText.set(name, await mdx(name));
}, 300_000);

describe('a benchmark row changes (Bluepeak Broadband CSAT 67.0 → 95.0)', () => {
  let after: Figures;
  beforeAll(async () => {
    after = await figuresWith('benchmarks.csv', (csv) =>
      csv.replace(/^(csat,telecom,2026-Q3,"Telecom CX Panel, 2026",Bluepeak Broadband,,)67\.0,/m, '$195.0,'),
    );
  }, 300_000);

  it('moves the CSAT median, gap and percentile, and nothing of the survey', () => {
    const [b0, b1] = [before, after].map((f) => f.benchmarks.find((b) => b.metric === 'csat')!);
    expect(b1.median).not.toBe(b0.median);
    expect(b1.percentile).not.toBe(b0.percentile);
    expect(after.csat).toEqual(before.csat);
    expect(after.nps).toEqual(before.nps);
  });

  it.each(EDITIONS.slice(0, 2))(
    '%s: the CSAT sentence reads the new gap to the median and percentile, the NPS beside it is unchanged',
    async (locale, name) => {
      const text = (f: Figures) => renderProse(mdxText.get(name)!, f, locale);
      const csat = shown(before, 'csat.top2box', locale);
      const sentence = (f: Figures) =>
        locale === 'en'
          ? `CSAT is ${csat}, ${compare(f, 'csat', locale)} (${shown(f, 'benchmarks.csat.percentile', locale)} percentile), and NPS ${compare(f, 'nps', locale)}.`
          : `le CSAT est de ${csat}, ${compare(f, 'csat', locale)} (${shown(f, 'benchmarks.csat.percentile', locale)} centile), et le NPS ${compare(f, 'nps', locale)}.`;
      expect(sentence(after)).not.toBe(sentence(before));
      expect(text(before)).toContain(sentence(before));
      expect(text(after)).toContain(sentence(after));
      expect(text(after)).not.toContain(sentence(before));
      expect(compare(after, 'nps', locale)).toBe(compare(before, 'nps', locale));
    },
  );

  it.each(EDITIONS)('%s: every paragraph that names no CSAT benchmark reads as before, and those that do read differently', async (locale, name) => {
    const ps = await paragraphs(name, locale, before, after);
    const csatBenchmark = (source: string) => /benchmarks\.csat\.|metric="csat"/.test(source);
    expect(ps.filter((p) => !csatBenchmark(p.source) && p.was !== p.now).map((p) => p.source)).toEqual([]);
    const named = ps.filter((p) => csatBenchmark(p.source) && /<Metric id="benchmarks\.csat\.percentile"|<Compare metric="csat"/.test(p.source));
    expect(named.length).toBeGreaterThan(0);
    for (const p of named) expect(p.now).not.toBe(p.was);
  });
});

describe("one wave's answers change (every email respondent of the report's wave a promoter)", () => {
  let after: Figures;
  beforeAll(async () => {
    const wave = before.meta.wave!;
    after = await figuresWith('responses.csv', (csv) => {
      const [head, ...rows] = csv.split('\n');
      const cols = head.split(',');
      const [nps, waveCol, channel] = ['nps', 'wave', 'channel'].map((c) => cols.indexOf(c));
      expect([nps, waveCol, channel].every((i) => i >= 0)).toBe(true);
      return [head, ...rows.map((r) => (r.split(',')[waveCol] === wave && r.split(',')[channel] === 'email' ? setCell(r, nps, '10') : r))].join('\n');
    });
  }, 300_000);

  it('lifts NPS above the telecom median and makes its rise since last quarter significant', () => {
    const gap = (f: Figures) => f.benchmarks.find((b) => b.metric === 'nps')!.gap_to_median!;
    const change = (f: Figures) => f.changes.find((c) => c.metric === 'nps.score')!;
    expect([gap(before) < 0, gap(after) >= 0]).toEqual([true, true]);
    expect([change(before).significant, change(after).significant, change(after).direction]).toEqual([false, true, 'better']);
  });

  it('English: the verdict, the score, the comparison, the percentile and the change all follow', async () => {
    const m = mdxText.get('demo.mdx')!;
    const [was, now] = [renderProse(m, before, 'en'), renderProse(m, after, 'en')];
    expect(was).toContain('Customers recommend Northwind less than they recommend its competitors.');
    expect(now).toContain('Customers recommend Northwind at least as much as its competitors.');
    expect(now).not.toContain('less than they recommend its competitors');
    for (const [f, text] of [
      [before, was],
      [after, now],
    ] as const)
      expect(text).toContain(
        `NPS is ${shown(f, 'nps.score', 'en')} (margin of error ${shown(f, 'nps.moe95', 'en')}), ${compare(f, 'nps', 'en')} (${shown(f, 'benchmarks.nps.median', 'en')}): the ${shown(f, 'benchmarks.nps.percentile', 'en')} percentile`,
      );
    expect(was).toMatch(/Since last quarter it (rose|fell), not significantly \([^)]*\): the change is within the margin of error\./);
    expect(now).toContain(
      `Since last quarter it rose significantly (${shown(after, 'changes.nps.score.difference', 'en')}): the change is statistically significant.`,
    );
    expect(now).not.toContain(shown(before, 'changes.nps.score.difference', 'en') + ')');
  });

  it('French: the same sentences, in French', async () => {
    const m = mdxText.get('demo-fr.mdx')!;
    const [was, now] = [renderProse(m, before, 'fr'), renderProse(m, after, 'fr')];
    expect(was).toContain('Les clients recommandent moins Northwind que ses concurrents.');
    expect(now).toContain('Les clients recommandent Northwind au moins autant que ses concurrents.');
    expect(now).toContain(
      `Le NPS est de ${shown(after, 'nps.score', 'fr')} (marge d'erreur ${shown(after, 'nps.moe95', 'fr')}), ${compare(after, 'nps', 'fr')}`,
    );
    expect(now).toContain(`le ${shown(after, 'benchmarks.nps.percentile', 'fr')} centile`);
    expect(was).toContain('la variation reste dans la marge d’erreur');
    expect(now).toContain(
      `il a augmenté significativement (${shown(after, 'changes.nps.score.difference', 'fr')}) : la variation est statistiquement significative.`,
    );
  });

  it('Vietnamese: the NPS sentence carries the new score, comparison and percentile', async () => {
    const m = mdxText.get('demo-vi.mdx')!;
    const [was, now] = [renderProse(m, before, 'vi'), renderProse(m, after, 'vi')];
    for (const id of ['nps.score', 'benchmarks.nps.percentile', 'changes.nps.score.difference']) {
      expect(shown(after, id, 'vi')).not.toBe(shown(before, id, 'vi'));
      expect(now).toContain(shown(after, id, 'vi'));
    }
    expect(now).toContain(compare(after, 'nps', 'vi'));
    expect(was).toContain(compare(before, 'nps', 'vi'));
    expect(now).not.toContain(compare(before, 'nps', 'vi'));
  });
});
