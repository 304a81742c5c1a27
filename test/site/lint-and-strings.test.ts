import { beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/schemas/figures';
import { lintReport } from '../../src/build/lint-mdx';
import { TRANSLATIONS as STRINGS } from '../../src/i18n';
import { demoFigures } from './demo-figures';

let figures: Figures;
beforeAll(async () => {
  figures = await demoFigures();
}, 120_000);

const lint = (body: string) => lintReport('content/reports/x.mdx', `---\ntitle: x\n---\n\n${body}\n`, figures);

describe('lintReport with the component registry', () => {
  it('accepts every component with valid props', () => {
    const ok = [
      '<Metric id="nps.score" interval />',
      '<HeadlineCards />',
      '<GapModel />',
      '<ServqualGaps by="items" />',
      '<NpsBreakdown by="channel" />',
      '<KpiScorecard />',
      '<BenchmarkPosition metric="fcr_rate" />',
      '<DriverMatrix />',
      '<Trend metric="reliability" />',
      '<SegmentTable by="region" metric="csat" />',
      '<Methodology />',
    ];
    expect(lint(ok.join('\n\n'))).toEqual([]);
  });
  it.each([
    ['<Metric id="nps.scroe" />', 'is not a figure id'],
    ['<Trend metric="revenue" />', 'is not one of: nps, csat, ces, overall, servqual'],
    ['<SegmentTable by="age" />', 'is not one of: channel, region'],
    ['<ServqualGaps by="waves" />', 'is not one of: dimensions, items'],
    ['<BenchmarkPosition metric="churn" />', 'is not one of: nps, csat, ces'],
    ['<BenchmarkPosition />', 'needs the prop metric'],
    ['<Chart />', 'is not a gapreport component'],
    ['<KpiScorecard period="2026-Q1" />', 'is not a prop of <KpiScorecard>'],
  ])('%s fails naming the file and line', (tag, message) => {
    const problems = lint(`Some text.\n\n${tag}`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'content/reports/x.mdx', line: 7 });
    expect(`${problems[0].message} ${problems[0].hint ?? ''}`).toContain(message);
  });
  it('refuses code in the MDX (an export reading process.env) unless the frontmatter says trusted_mdx: true', () => {
    const body = 'export const leak = process.env.SECRET\n\n<Metric id="nps.score" />';
    expect(lint(body)).toEqual([
      expect.objectContaining({
        file: 'content/reports/x.mdx',
        line: 5,
        value: 'export const leak = process.env.SECRET',
        message: 'is an import or export; a report may not contain code.',
      }),
    ]);
    expect(lintReport('content/reports/x.mdx', `---\ntitle: x\ntrusted_mdx: true\n---\n\n${body}\n`, figures)).toEqual([]);
  });
});

function keys(o: unknown, prefix = ''): string[] {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales', () => {
  it.each(['fr', 'vi'] as const)('%s has every UI string English has', (locale) => {
    // Names of data values (industries, segment values) are open maps a locale fills as it translates them.
    const fixed = (k: string) => !/^(industries|segmentValues)\./.test(k);
    expect(keys(STRINGS[locale]).filter(fixed).sort()).toEqual(keys(STRINGS.en).filter(fixed).sort());
  });
  it.each(['fr', 'vi'] as const)('%s translates a title for every chart', (locale) => {
    for (const [chart, labels] of Object.entries(STRINGS[locale].charts)) expect(labels, chart).toHaveProperty('title');
  });
  it('keeps every {placeholder} of the English UI strings', () => {
    const en = Object.fromEntries(keys(STRINGS.en).map((k) => [k, k.split('.').reduce<any>((o, p) => o[p], STRINGS.en)]));
    for (const locale of ['fr', 'vi'] as const) {
      for (const [k, v] of Object.entries(en)) {
        const other = k.split('.').reduce<any>((o, p) => o[p], STRINGS[locale]);
        const holes = (s: string) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(holes(other), `${locale} ${k}`).toEqual(holes(v));
      }
    }
  });
});
