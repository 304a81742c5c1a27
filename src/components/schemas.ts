import { z } from 'zod';
import type { Figures } from '../schemas/figures';
import { changeIds } from './lib/words';
import { CONSISTENCY_METRICS } from '../analysis/consistency';
import type { PropKind } from '../charts/component';
import { CHART_COMPONENTS, type ChartComponents } from '../charts/registry';

/**
 * One zod schema per MDX component: the single source of its props. Each .astro takes
 * `type Props = z.infer<typeof XSchema>` (a chart's component declares its schema beside its
 * builder, src/charts/<name>.ts), registry.ts derives the MDX lint's rules from
 * these schemas (names, required/optional, allowed values) and the guide's props tables
 * (<PropsTable component="X"/>) print their `.describe()` text. What zod cannot say — the
 * kind of check the lint makes against the figures, and an example — sits beside each
 * schema in COMPONENTS, typed so that every prop has exactly one entry.
 */

/** How the lint checks a prop's value before the build renders (see lint-mdx.ts); declared with the charts' components. */
export type { PropKind } from '../charts/component';

/** Figures a `per:` report's entities are compared on (src/analysis/consistency.ts); every such figure before a report has entities (the component then names the missing per:). */
export const consistencyKeys = (f: Figures) => (f.entities ? Object.keys(f.entities.consistency) : CONSISTENCY_METRICS.map((m) => m.key));
/** Metrics a benchmark may be asked for: declared with the benchmark chart's component. */
export { benchmarkMetrics } from '../charts/benchmark-position';

export const MetricSchema = z.object({
  id: z.string().describe('a figure id (see below)'),
  interval: z.boolean().optional().describe('written bare: add the 95 % interval when the figure has one'),
});
export const HeadlineCardsSchema = z.object({});
export const MethodologySchema = z.object({});
export const CountSchema = z.object({
  status: z.enum(['met', 'at risk', 'missed', 'not measured']).describe('the KPI status counted: "six of the seven standards are met"'),
  start: z.boolean().optional().describe('written bare: capitalise the first word, for a sentence that opens with the count'),
});
export const ChangeSchema = z.object({
  id: z.string().describe('a change between waves, `changes.<figure id>`: `changes.nps.score`'),
  say: z
    .enum(['direction', 'significance'])
    .optional()
    .describe(
      '`direction` (default): "rose significantly", "fell, not significantly"; `significance`: "is statistically significant", "is within the margin of error"',
    ),
});
export const CompareSchema = z.object({
  metric: z.string().describe('a benchmarked metric (`nps`, `fcr_rate`, …): "9 pts below the telecom median"'),
});
export const RankSchema = z.object({
  pick: z.enum(['widest', 'narrowest']).describe('which SERVQUAL dimension gap: `widest` (most negative) or `narrowest`'),
  say: z.enum(['name', 'phrase']).optional().describe('`name` (default): the dimension ("Reliability"); `phrase`: "the widest of the five gaps"'),
});
export const WhenSchema = z.object({
  test: z
    .string()
    .describe(
      'a condition on one figure: `kpis.first-contact-fix.status is missed`, `changes.nps.score.significant`, `benchmarks.nps.percentile < 25` (see below)',
    ),
});
export const OtherwiseSchema = z.object({});
export const ClaimSchema = z.object({
  test: z
    .string()
    .describe(
      'what the sentence claims, in the condition language of <When>: `kpis.first-contact-fix.status is missed`, `servqual.dimensions.reliability.gap is lowest`',
    ),
});
export const CommentsSchema = z.object({});
export const LeagueTableSchema = z.object({
  metric: z
    .string()
    .optional()
    .describe('the figure the entities are ranked on: `nps` (default), `csat`, `ces`, `overall`, `servqual` or a dimension (`reliability`: its gap)'),
});
export const DispersionSchema = z.object({
  metric: z.string().describe('the figure charted across the entities: `nps`, `csat`, `ces`, `overall`, `servqual` or a dimension (its gap)'),
});
export const ConsistencySchema = z.object({});

type Shape = z.ZodRawShape;
/** A component's schema and, for each of its props, the lint's kind (no prop without one, no extra). */
interface Component<S extends Shape> {
  schema: z.ZodObject<S>;
  props: { [K in keyof S]: PropKind };
}
const component = <S extends Shape>(schema: z.ZodObject<S>, props: { [K in keyof S]: PropKind }): Component<S> => ({ schema, props });

/**
 * The components the charts declare beside their builders (src/charts/component.ts), each under its
 * MDX name: a new chart type adds its component on its registry line, not here.
 */
const chartComponents = Object.fromEntries(CHART_COMPONENTS.map(([, c]) => [c.name, component(c.schema, c.props)])) as {
  [N in keyof ChartComponents]: Component<ChartComponents[N]['schema']['shape']>;
};

/** Every component a report's MDX can use, in the guide's order (the charts' own in the registry's order). */
export const COMPONENTS = {
  Metric: component(MetricSchema, { id: { kind: 'figure', example: 'nps.score' }, interval: { kind: 'boolean' } }),
  HeadlineCards: component(HeadlineCardsSchema, {}),
  ...chartComponents,
  Methodology: component(MethodologySchema, {}),
  Comments: component(CommentsSchema, {}),
  Count: component(CountSchema, { status: { kind: 'choice', example: 'met' }, start: { kind: 'boolean' } }),
  Change: component(ChangeSchema, { id: { kind: 'choice', example: 'changes.nps.score', values: changeIds }, say: { kind: 'choice', example: 'direction' } }),
  Compare: component(CompareSchema, {
    metric: { kind: 'choice', example: 'nps', values: (f) => f.benchmarks.filter((b) => b.median !== undefined).map((b) => b.metric) },
  }),
  Rank: component(RankSchema, { pick: { kind: 'choice', example: 'widest' }, say: { kind: 'choice', example: 'name' } }),
  When: component(WhenSchema, { test: { kind: 'condition', example: 'kpis.first-contact-fix.status is missed' } }),
  Otherwise: component(OtherwiseSchema, {}),
  LeagueTable: component(LeagueTableSchema, { metric: { kind: 'choice', example: 'nps', values: consistencyKeys } }),
  Dispersion: component(DispersionSchema, { metric: { kind: 'choice', example: 'nps', values: consistencyKeys } }),
  Consistency: component(ConsistencySchema, {}),
  Claim: component(ClaimSchema, { test: { kind: 'condition', example: 'kpis.first-contact-fix.status is missed' } }),
};
export type ComponentName = keyof typeof COMPONENTS;

/** One row of a props table: what the guide prints and the lint checks. */
export interface PropInfo {
  name: string;
  required: boolean;
  description: string;
  kind: PropKind;
  /** The allowed values of a choice prop: its enum's options, or the function beside the schema. */
  values?: (figures: Figures) => string[];
}

/** The props of one component, in the schema's order. */
export function propsOf(name: ComponentName): PropInfo[] {
  const { schema, props } = COMPONENTS[name] as Component<Shape>;
  return Object.entries(schema.shape).map(([prop, type]) => {
    const kind = props[prop];
    const inner = type instanceof z.ZodOptional ? type.unwrap() : type;
    const options = inner instanceof z.ZodEnum ? (inner.options as string[]) : undefined;
    const values = kind.kind === 'choice' ? (kind.values ?? (options ? () => [...options] : undefined)) : undefined;
    // A choice prop must say where its values come from; a programmer mistake, caught by the registry test.
    if (kind.kind === 'choice' && !values) throw new Error(`<${name}> ${prop}: a choice prop needs a z.enum or a values function`);
    return { name: prop, required: !type.isOptional(), description: type.description ?? '', kind, values };
  });
}
