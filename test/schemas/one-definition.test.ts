/**
 * One definition per concept (STYLE.md, d3-array's habit): a default, a list of allowed
 * values or a shape is defined in one module and every layer reads that one, so two
 * layers cannot drift apart (they did: the frontmatter refused `engine: memory`).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOW_BASE as CHART_LOW, DEFAULT_MIN_BASE as CHART_MIN } from '../../src/charts/svg';
import { driverMatrix } from '../../src/charts/driver-matrix';
import { fill, makeFormat } from '../../src/charts/format';
import { fillTemplate, formatters } from '../../src/i18n/format';
import { fillTemplate as i18nFillTemplate } from '../../src/i18n';
import { resolveMetric } from '../../src/analysis/metric-id';
import { ENGINES } from '../../src/schemas/engine';
import { DriversSchema, FiguresSchema, isSuppressed, type Figures } from '../../src/schemas/figures';
import { AnalysisOptionsSchema, DEFAULT_LOW_BASE, DEFAULT_MIN_BASE, ReportFrontmatterSchema } from '../../src/schemas/report';
import { DirectionSchema } from '../../src/schemas/dataset';
import { DIRECTIONS } from '../../src/stats/kpi';

const frontmatter = { title: 'T', company: 'C', dataset: 'demo' };

describe('the engine list (src/schemas/engine.ts)', () => {
  it.each(ENGINES)('lets a report ask for engine: %s, as the CLI and the figures meta do', (engine) => {
    expect(ReportFrontmatterSchema.safeParse({ ...frontmatter, engine }).success).toBe(true);
    expect(FiguresSchema.shape.meta.shape.engine.safeParse(engine).success).toBe(true);
  });
  it('refuses an engine that is not in the list', () => {
    expect(ReportFrontmatterSchema.safeParse({ ...frontmatter, engine: 'sqlite' }).success).toBe(false);
  });
});

describe('the base defaults (src/schemas/report.ts)', () => {
  it('are the ones charts fall back to and the ones analysis applies', () => {
    expect([CHART_MIN, CHART_LOW]).toEqual([DEFAULT_MIN_BASE, DEFAULT_LOW_BASE]);
    const parsed = AnalysisOptionsSchema.parse({});
    expect([parsed.min_base, parsed.low_base]).toEqual([DEFAULT_MIN_BASE, DEFAULT_LOW_BASE]);
  });
});

describe('directions (src/stats/kpi.ts)', () => {
  it('are the values the data schemas accept', () => {
    expect(DirectionSchema.options).toEqual([...DIRECTIONS]);
  });
});

describe('formatting shared by charts and report text (src/i18n/format.ts)', () => {
  it.each(['en', 'fr', 'vi'] as const)('writes the same ordinal in a chart and in the text (%s)', (locale) => {
    const chart = makeFormat(locale);
    const text = formatters(locale);
    for (let i = 0; i <= 120; i++) expect(chart.ordinal(i + 0.4)).toBe(text.ordinal(i + 0.4));
  });
  it('calls a 0–1 share `fraction` in both, and `percent` takes 0–100 in the text', () => {
    expect(makeFormat('en').fraction(0.48)).toBe(formatters('en').fraction(0.48));
    expect(formatters('en').percent(48, 0)).toBe('48%');
  });
  it('fills templates with one function, unknown placeholders left as written', () => {
    expect(fill).toBe(fillTemplate);
    expect(i18nFillTemplate).toBe(fillTemplate);
    expect(fillTemplate('{a} of {b}', { a: 3 })).toBe('3 of {b}');
  });
});

describe('the suppressed shape', () => {
  const withheld = { status: 'suppressed', suppressed: true, n: 3 } as const;
  it('withheld drivers carry { suppressed: true, n } like every other figure', () => {
    expect(DriversSchema.parse(withheld)).toEqual(withheld);
    expect(isSuppressed(DriversSchema.parse(withheld))).toBe(true);
    expect(DriversSchema.safeParse({ status: 'suppressed', n: 3 }).success).toBe(false);
  });
  it('a figure id under withheld drivers resolves as suppressed', () => {
    const figures = { drivers: withheld } as unknown as Figures;
    expect(resolveMetric(figures, 'drivers.n')).toMatchObject({ kind: 'suppressed', n: 3 });
  });
  it('the driver matrix still says the drivers are suppressed, under which base', () => {
    expect(driverMatrix(withheld, { id: 'd', minBase: 10 }).description).toBe('Key drivers suppressed (n < 10)');
  });
});
