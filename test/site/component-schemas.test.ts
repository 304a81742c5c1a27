/**
 * The components' zod schemas (src/components/schemas.ts) are the one source of their props:
 * the MDX lint's registry is derived from them, and report MDX gets exactly one component per schema.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Figures } from '../../src/schemas/figures';
import { COMPONENTS, propsOf, type ComponentName } from '../../src/components/schemas';
import { COMPONENT_PROPS } from '../../src/components/registry';
import { CHART_COMPONENTS } from '../../src/charts/registry';
import { demoFigures } from './demo-figures';

const NAMES = Object.keys(COMPONENTS) as ComponentName[];
let figures: Figures;
beforeAll(async () => {
  figures = await demoFigures();
}, 120_000);

describe('component schemas', () => {
  it('give every prop a one-line description for the guide', () => {
    for (const name of NAMES) for (const p of propsOf(name)) expect(p.description, `<${name}> ${p.name}`).toMatch(/^[^\n]{10,}$/);
  });
  it('give every required prop an example the lint can suggest', () => {
    for (const name of NAMES) for (const p of propsOf(name).filter((q) => q.required)) expect(p.kind.example, `<${name}> ${p.name}`).toBeTruthy();
  });
  it("derive the lint's registry: the same components and props, required exactly where the schema is not optional", () => {
    expect(Object.keys(COMPONENT_PROPS)).toEqual(NAMES);
    for (const name of NAMES) {
      const shape = COMPONENTS[name].schema.shape as Record<string, { isOptional(): boolean }>;
      expect(Object.keys(COMPONENT_PROPS[name]), name).toEqual(Object.keys(shape));
      for (const [prop, type] of Object.entries(shape)) expect(COMPONENT_PROPS[name][prop].required, `<${name}> ${prop}`).toBe(!type.isOptional());
    }
  });
  it("take a choice prop's values from its z.enum, or from the figures when the schema says only string", () => {
    const values = (c: string, p: string) => {
      const rule = COMPONENT_PROPS[c][p];
      return rule.kind === 'choice' ? rule.values(figures) : undefined;
    };
    expect(values('ServqualGaps', 'by')).toEqual(COMPONENTS.ServqualGaps.schema.shape.by.unwrap().options);
    expect(values('Trend', 'metric')).toEqual(COMPONENTS.Trend.schema.shape.metric.options);
    expect(values('SegmentTable', 'metric')).toEqual(['nps', 'csat', 'ces', 'overall']);
    expect(values('SegmentTable', 'by')).toEqual(Object.keys(figures.segments));
    expect(values('BenchmarkPosition', 'metric')).toEqual(expect.arrayContaining(['nps', 'csat', 'ces', ...figures.kpis.map((k) => k.metric)]));
  });
  it('accept each example as a value of its prop', () => {
    for (const name of NAMES) {
      const example = Object.fromEntries(
        propsOf(name)
          .filter((p) => p.kind.example)
          .map((p) => [p.name, p.kind.example]),
      );
      expect(COMPONENTS[name].schema.safeParse(example).success, name).toBe(true);
      for (const p of propsOf(name)) if (p.values && p.kind.example) expect(p.values(figures), `<${name}> ${p.name}`).toContain(p.kind.example);
    }
  });
  it('hand report MDX exactly one component per schema: its own .astro file, or for a chart the registry-driven ChartComponent.astro', async () => {
    // .astro files do not load under vitest: each is replaced by its name. A component registered
    // without a schema would load its real .astro and fail here; one missing would fail the equality.
    const charts = new Map(CHART_COMPONENTS.map(([type, c]) => [c.name as string, type]));
    for (const name of NAMES) if (!charts.has(name)) vi.doMock(`../../src/components/${name}.astro`, () => ({ default: `${name}.astro` }));
    vi.doMock('../../src/components/ChartComponent.astro', () => ({ default: 'ChartComponent.astro' }));
    const { REPORT_COMPONENTS } = await import('../../src/components/report-components');
    expect(Object.keys(REPORT_COMPONENTS).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      const entry = (REPORT_COMPONENTS as Record<string, unknown>)[name] as
        (((...args: unknown[]) => unknown) & { isAstroComponentFactory?: boolean }) | string;
      if (charts.has(name)) expect(typeof entry === 'function' && entry.isAstroComponentFactory && entry.name, name).toBe(name);
      else expect(entry, name).toBe(`${name}.astro`);
    }
    expect(charts.size).toBeGreaterThan(0);
  });
});
