/**
 * A chart's MDX component, declared beside its builder: the component's name, its props as one
 * zod schema (with the MDX lint's kind for each prop), what it draws from the figures and what it
 * says instead when there is nothing to draw. The chart registry (registry.ts) carries it on the
 * chart's line; src/components/schemas.ts adds it to the components, report-components.ts hands
 * it to report MDX, and the generic src/components/ChartComponent.astro renders it —
 * title, SVG (wide and narrow), description and data table, as every chart component does. So a
 * new chart type writes no .astro file, no schemas.ts entry and no report-components.ts line.
 *
 * Pure, and blind to src/i18n (whose index composes the English labels from the registry): the
 * environment — figures, the chart's labels and any other chart's (labelsOf), the UI strings and
 * formatters of the report's locale, the segments as the report reads them — is handed in by
 * ChartComponent.astro; nothing here reads a report context. What a component shows is one chart
 * (with, optionally, a table of figures and a <section> around them), a section of several charts
 * under their headings, or the one sentence instead (ChartSelection).
 */
import type { z } from 'zod';
import type { Figures, GroupFigures } from '../schemas/figures';
import type { Formatters } from '../i18n/format';
import type { ChartOutput } from './svg';

/** How the lint checks a prop's value before the build renders (src/build/lint-mdx.ts). */
export type PropKind =
  | { kind: 'figure'; example?: string }
  | { kind: 'boolean'; example?: string }
  /** A condition on figures (src/analysis/condition.ts), parsed and checked against the figures. */
  | { kind: 'condition'; example?: string }
  /** One of the values the figures allow; for a z.enum prop, `values` defaults to its options. */
  | { kind: 'choice'; example?: string; values?: (figures: Figures) => string[] };

/** The declared segments: the values a `by` prop may take (a choice prop's `values`). */
export const declaredSegments = (figures: Figures): string[] => Object.keys(figures.segments);

/** The UI strings of the report's locale a chart component may need for its selection or its fallback sentence. */
export interface ChartStrings {
  notMeasured: string;
  /** The headline metrics' names (a trend's label). */
  metrics: Record<'nps' | 'csat' | 'ces' | 'overall' | 'servqual', string>;
  /** "{dimension} gap (P − E)": a dimension's trend label. */
  dimensionGap: string;
  dimension: Record<string, string>;
  kpiMetrics: Record<string, string>;
  shortMetrics: Record<string, string>;
  industries: Record<string, string>;
  benchmark: { notMeasured: string };
  nps: { total: string };
}

/** A segment as the report reads it (src/components/lib/segment-table.ts, in the report's locale), for charts drawn by segment. */
export interface ChartSegments {
  /** figures.segments[by], or none. */
  groups(by: string): Record<string, GroupFigures>;
  /** Each value's label (questionnaire `labels:`, the locale's segmentValues). */
  valueLabels(by: string): Record<string, string>;
  /** The segment's name ("Channel"). */
  name(by: string): string;
  /** The legend of the ▲ ▼ marks against the rest of the segment, the correction named. */
  significanceLegend(by: string): string;
  /** The segment's table of headline figures, each cell as <Metric> prints it (src/components/lib/segment-table.ts). */
  table(by: string): FiguresTable;
}

/** An HTML table of figures under a chart (<SegmentTable>): cells already worded in the report's locale. */
export interface FiguresTable {
  caption: string;
  columns: string[];
  rows: { label: string; n: string; cells: FiguresTableCell[] }[];
  note: string;
  /** The legend of the ▲ ▼ marks, when the table shows any. */
  significance?: string;
}
export interface FiguresTableCell {
  text: string;
  state: 'value' | 'suppressed' | 'not measured';
  /** Figure id, for data-figure. */
  id: string;
  /** Significantly better or worse than the rest of the segment (vs_rest, after the correction); the mark is in `text`. */
  mark?: 'better' | 'worse';
  /** What the mark means, for a title / screen reader. */
  markLabel?: string;
}

/** What a chart component is handed: the report's figures, its chart's labels and strings in the report's locale. */
export interface ChartEnv<L> {
  figures: Figures;
  labels: L;
  t: ChartStrings;
  /** The one sentence shown instead of a survey chart when the dataset has no response at all; undefined once there is data. */
  noResponses: string | undefined;
  /** The report's company (frontmatter `company`). */
  company: string;
  /** The report's locale (a theme's name is picked from its labels in it). */
  locale: string;
  /** The report's id: the prefix of a section heading's id (`demo-themes`). */
  reportId: string;
  /** The report's formatters (a wave as its reader writes it: T3 2026). */
  fmt: Formatters;
  segments: ChartSegments;
  /** Another chart's labels in the report's locale, for a component that draws several charts (<Themes>). */
  labelsOf<L2, I2, O2>(draw: ChartBuilder<I2, O2, L2>): L2;
}

/** A chart builder as the registry lists it: input, options with the common ones. */
export type ChartBuilder<I, O, L> = (input: I, options: O & { id: string; labels?: Partial<L> }) => ChartOutput;

/** A chart to draw: the builder's input and its options beyond the common ones, the id prefix and the figure's data-chart kind. */
export interface ChartDraw<I, O> {
  input: I;
  options: O;
  /** The chart's ids start with it (`servqual-items`): unique per page through the report's id counter. */
  prefix: string;
  /** The figure's `data-chart` attribute (for tests and styling). */
  kind: string;
  /** A paragraph right after the chart (the ▲ ▼ legend), marked with the component's name. */
  note?: { className: string; text: string };
  /** Another chart's builder (a part of a section, <Themes>): drawn with its own labels instead of the component's chart. */
  draw?: ChartBuilder<any, any, any>;
  /** A table of figures right after the chart, with its notes (<SegmentTable>). */
  table?: FiguresTable;
  /** The chart (and its table) inside a <section> of these attributes, in order: class first, `data-component` among them. */
  wrap?: Record<string, string>;
}
/** Nothing to draw: one sentence in a paragraph of this class, marked with the component's name. */
export interface ChartFallback {
  fallback: string;
  className: 'no-data' | 'not-measured';
  /** Further attributes of the paragraph (`data-metric`), after `class` and `data-component`. */
  attributes?: Record<string, string>;
}

/**
 * Several charts in one <section> under their headings (<Themes>), drawn in order, each with the
 * report's id counter. A group holds the parts shown together (its parts empty when none is).
 */
export interface ChartSection {
  /** The section's attributes in order, its class first and `data-component` among them. */
  section: Record<string, string>;
  parts: ChartPart[];
}
export type ChartPart =
  | { heading: string; level: 3 | 4; id?: string }
  | { chart: ChartDraw<unknown, unknown> }
  | { paragraph: string; attributes: Record<string, string> }
  | { group: ChartPart[] };

/** A chart of another builder, type-checked against it, as a part of a section. */
export function drawWith<I, O, L>(draw: ChartBuilder<I, O, L>, chart: Omit<ChartDraw<I, Partial<O>>, 'draw'>): { chart: ChartDraw<unknown, unknown> } {
  return { chart: { ...chart, draw } as ChartDraw<unknown, unknown> };
}

/** What a component shows: one chart, the one sentence instead, or a section of several parts. */
export type ChartSelection<I, O> = ChartDraw<I, O> | ChartFallback | ChartSection;

/** A chart component's section of the guide. */
export interface ChartGuideText {
  /** After "<Name> — ": "the five gaps". */
  title: string;
  /** The paragraph under the heading; required without props ("No props. …"). */
  text?: string;
  /** The live example's props, `{}` for none. */
  example: Record<string, string>;
  /** false: the example is code only (its data is not in the demo). */
  live?: false;
}

/** The MDX code of a guide example: `<NpsBreakdown by="channel" />`. */
export function exampleCode(name: string, example: Record<string, string>): string {
  return `<${name}${Object.entries(example)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('')} />`;
}

export interface ChartComponent<S extends z.ZodRawShape = z.ZodRawShape, L = any, I = any, O = any, N extends string = string> {
  /** The MDX name (`<GapModel/>`). */
  name: N;
  /** The props, the single source of their type, the lint's rules and the guide's props table. */
  schema: z.ZodObject<S>;
  /** The lint's kind of check for each prop (no prop without one, no extra). */
  props: { [K in keyof S]: PropKind };
  /**
   * Its section of the authoring guide (content/docs/components.mdx, through <ChartGuide/>): the
   * heading after the name, the paragraph (a component without props starts it "No props."; `code`
   * spans in backticks), the live example's props (the code shown is written from them). The
   * props table comes from the schema.
   */
  guide: ChartGuideText;
  /** What to draw from the figures, or the sentence that says why nothing is drawn. */
  select: (env: ChartEnv<L>, props: z.infer<z.ZodObject<S>>) => ChartSelection<I, O>;
}

/**
 * Declares a chart's component, typed against its builder: `select` returns the builder's input and
 * options (the common ones — id, labels, format, bases — are added by the component).
 */
export function chartComponent<S extends z.ZodRawShape, L, I, O, const N extends string>(
  _draw: (input: I, options: O & { id: string; labels?: Partial<L> }) => unknown,
  component: ChartComponent<S, L, I, Partial<O>, N>,
): ChartComponent<S, L, I, Partial<O>, N> {
  return component;
}
