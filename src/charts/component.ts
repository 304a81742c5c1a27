/**
 * A chart's MDX component, declared beside its builder: the component's name, its props as one
 * zod schema (with the MDX lint's kind for each prop), what it draws from the figures and what it
 * says instead when there is nothing to draw. The chart registry (registry.ts) carries it on the
 * chart's line; src/components/schemas.ts adds it to the components, report-components.ts hands
 * it to report MDX, and the generic src/components/ChartComponent.astro renders it —
 * title, SVG (wide and narrow), description and data table, as every chart component does. So a
 * new chart type writes no .astro file, no schemas.ts entry and no report-components.ts line.
 *
 * Pure: the environment (figures, the chart's labels in the report's locale, the few UI strings a
 * fallback sentence needs) is handed in by the component; nothing here reads a report context.
 */
import type { z } from 'zod';
import type { Figures, GroupFigures } from '../schemas/figures';

/** How the lint checks a prop's value before the build renders (src/build/lint-mdx.ts). */
export type PropKind =
  | { kind: 'figure'; example?: string }
  | { kind: 'boolean'; example?: string }
  /** A condition on figures (src/analysis/condition.ts), parsed and checked against the figures. */
  | { kind: 'condition'; example?: string }
  /** One of the values the figures allow; for a z.enum prop, `values` defaults to its options. */
  | { kind: 'choice'; example?: string; values?: (figures: Figures) => string[] };

/** The UI strings of the report's locale a chart component may need for its selection or its fallback sentence. */
export interface ChartStrings {
  notMeasured: string;
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
  segments: ChartSegments;
}

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
}
/** Nothing to draw: one sentence in a paragraph of this class, marked with the component's name. */
export interface ChartFallback {
  fallback: string;
  className: 'no-data' | 'not-measured';
  /** Further attributes of the paragraph (`data-metric`), after `class` and `data-component`. */
  attributes?: Record<string, string>;
}

/** A chart component's section of the guide. */
export interface ChartGuideText {
  /** After "<Name> — ": "the five gaps". */
  title: string;
  /** The paragraph under the heading; required without props ("No props. …"). */
  text?: string;
  /** The live example's props, `{}` for none. */
  example: Record<string, string>;
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
  select: (env: ChartEnv<L>, props: z.infer<z.ZodObject<S>>) => ChartDraw<I, O> | ChartFallback;
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
