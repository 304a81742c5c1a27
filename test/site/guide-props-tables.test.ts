/**
 * The authoring guide's props tables are generated from the components' schemas
 * (<PropsTable component="X"/>, src/components/PropsTable.astro), so the guide cannot
 * drift from what the lint and the components accept.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintReport } from '../../src/build/lint-mdx';
import { COMPONENTS, propsOf, type ComponentName } from '../../src/components/schemas';
import { demoFigures } from './demo-figures';
import { CHART_COMPONENTS } from '../../src/charts/registry';

const guide = readFileSync(resolve(import.meta.dirname, '../../content/docs/components.mdx'), 'utf8');
/** Chart components: their sections are written from the registry by <ChartGuide name/> (src/components/ChartGuide.astro). */
const CHART_GUIDES = new Map(CHART_COMPONENTS.map(([, c]) => [c.name as string, c]));
const placed = [...guide.matchAll(/<ChartGuide name="([^"]+)" \/>/g)].map((m) => m[1]);
/** The guide's sections by component: `## Metric — …` up to the next `## `. */
const sections = new Map(
  guide
    .split(/^## /m)
    .slice(1)
    .map((s) => [s.split(' ')[0], s] as const),
);

describe('the guide documents every component from its schema', () => {
  it.each(Object.keys(COMPONENTS) as ComponentName[])('%s: a section with its generated props table, or "No props."', (name) => {
    const chart = CHART_GUIDES.get(name);
    if (chart) {
      // Placed by name, or written after the last placed chart section; the props table is the schema's.
      expect(placed.length, 'content/docs/components.mdx places no <ChartGuide name="…" />').toBeGreaterThan(0);
      expect(sections.has(name), `${name} is written from the chart registry: no hand-kept section`).toBe(false);
      if (!propsOf(name).length) expect(chart.guide.text).toMatch(/^No props\./);
      return;
    }
    const section = sections.get(name);
    expect(section, `content/docs/components.mdx has no "## ${name} — …" section`).toBeDefined();
    if (propsOf(name).length) expect(section).toContain(`<PropsTable component="${name}" />`);
    else expect(section).toMatch(/^No props\./m);
    // No hand-kept copy of a props table beside the generated one.
    expect(section).not.toContain('| prop | required |');
  });
  it('places only chart components by <ChartGuide name/>, each once, and their examples are props their schemas accept', () => {
    expect(placed.filter((n) => !CHART_GUIDES.has(n))).toEqual([]);
    expect(new Set(placed).size).toBe(placed.length);
    for (const [name, c] of CHART_GUIDES) expect(c.schema.safeParse(c.guide.example).success, name).toBe(true);
  });
  it('has no section for a component without a schema', () => {
    expect([...sections.keys()].filter((n) => !(n in COMPONENTS))).toEqual([]);
  });
  it("writes its live examples with props the schemas accept (the lint passes them; <PropsTable/> is the guide's own)", async () => {
    const problems = lintReport('content/docs/components.mdx', guide, await demoFigures()).filter(
      (p) => !p.message.startsWith('<PropsTable>') && !p.message.startsWith('<ChartGuide>'),
    );
    expect(problems).toEqual([]);
  }, 120_000);
});
