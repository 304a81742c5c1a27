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

const guide = readFileSync(resolve(import.meta.dirname, '../../content/docs/components.mdx'), 'utf8');
/** The guide's sections by component: `## Metric — …` up to the next `## `. */
const sections = new Map(
  guide
    .split(/^## /m)
    .slice(1)
    .map((s) => [s.split(' ')[0], s] as const),
);

describe('the guide documents every component from its schema', () => {
  it.each(Object.keys(COMPONENTS) as ComponentName[])('%s: a section with its generated props table, or "No props."', (name) => {
    const section = sections.get(name);
    expect(section, `content/docs/components.mdx has no "## ${name} — …" section`).toBeDefined();
    if (propsOf(name).length) expect(section).toContain(`<PropsTable component="${name}" />`);
    else expect(section).toMatch(/^No props\./m);
    // No hand-kept copy of a props table beside the generated one.
    expect(section).not.toContain('| prop | required |');
  });
  it('has no section for a component without a schema', () => {
    expect([...sections.keys()].filter((n) => !(n in COMPONENTS))).toEqual([]);
  });
  it("writes its live examples with props the schemas accept (the lint passes them; <PropsTable/> is the guide's own)", async () => {
    const problems = lintReport('content/docs/components.mdx', guide, await demoFigures()).filter((p) => !p.message.startsWith('<PropsTable>'));
    expect(problems).toEqual([]);
  }, 120_000);
});
