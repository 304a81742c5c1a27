/**
 * Internal against external quality by team or branch (`<InternalQuality by="branch"/>`): one row
 * per value published on both sides, a hollow square for the employees' perception index of the
 * internal service and a filled dot for the customers' perception index, joined by a line, on a
 * common scale axis. Shape, not colour alone, tells the two apart. The correlation across the
 * rows (Pearson r, Fisher-z 95 % interval) is stated in the description, or why it is not.
 * Withheld groups are not drawn: the chart receives only published pairs.
 */
import { scaleLinear } from 'd3';
import { fill, resolveFormat } from './format';
import { C, FS, NARROW_WIDTH, WIDE_WIDTH, bothLayouts, checkId, el, ellipsize, svgRoot, text, withDefaults, type ChartOptions, type ChartOutput } from './svg';
import { z } from 'zod';
import { strict, columns } from './registry-schema';
import type { Figures } from '../schemas/figures';
import { chartComponent, declaredSegments, type ChartSegments } from './component';

/** Internal against external quality (src/charts/internal-quality.ts) and the <InternalQuality/> component around it. */
export const InternalQualityLabelsSchema = strict({
  /** Templates with {segment}, {count}, {r}, {low}, {high}, {n}, {internal}, {external}. */
  title: z.string(),
  description: z.string(),
  /** Said after the description when the correlation is measured / is not. */
  correlation: z.string(),
  noCorrelation: z.string(),
  /** The legend's two shapes: the employees' square, the customers' dot. */
  internal: z.string(),
  external: z.string(),
  caption: z.string(),
  columns: columns(5),
  /** Why no chart is shown: no employees.csv, or no value of {segment} published on both sides. */
  none: z.string(),
});
export type InternalQualityLabels = z.infer<typeof InternalQualityLabelsSchema>;

/** The English labels: the default of the builder and the `charts.internalQuality` block of the en locale (composed from the registry). */
export const internalQualityEn: InternalQualityLabels = {
  title: 'Internal and external service quality by {segment}',
  description:
    'For {count} values of {segment}, the employees’ perception of the internal service they receive ({internal}) beside the customers’ perception of the service ({external}), on the item scale.',
  correlation: 'Across them, internal and external quality correlate at r = {r} (95 % interval {low} to {high}, n = {n}).',
  noCorrelation: 'Their correlation is not measured ({n} values published on both sides; at least 4 are needed).',
  internal: 'employees (internal)',
  external: 'customers (external)',
  caption: 'Internal and external quality by {segment}',
  columns: ['{segment}', 'Internal quality', 'External quality', 'eNPS', 'NPS'],
  none: 'Internal quality by {segment} not shown: the dataset has no employees.csv, or no value of {segment} is published for both employees and customers.',
};

export interface InternalQualityInput {
  segment: string;
  pairs: { value: string; internal: number; external: number; enps?: number; nps?: number }[];
  correlation: { status: 'measured'; r: number; ci95?: [number, number]; n: number } | { status: 'not measured'; n: number };
}

export interface InternalQualityOptions extends ChartOptions<InternalQualityLabels> {
  decimals?: number;
}

const ROW = 26;

export function internalQuality(input: InternalQualityInput, options: InternalQualityOptions): ChartOutput {
  if (!options.layout) return bothLayouts(internalQuality, input, options);
  const narrow = options.layout === 'narrow';
  const W = narrow ? NARROW_WIDTH : WIDE_WIDTH;
  const L = withDefaults<InternalQualityLabels>(internalQualityEn, options.labels);
  const id = checkId(options.id);
  const f = resolveFormat(options.format);
  const d = options.decimals ?? 2;
  // Wide: the value's name in a left column; narrow: above its row, so the axis keeps the width.
  const X0 = narrow ? 16 : 150;
  const X1 = W - 20;
  const values = input.pairs.flatMap((p) => [p.internal, p.external]);
  const x = scaleLinear()
    .domain(values.length ? [Math.min(...values), Math.max(...values)] : [0, 1])
    .range([X0, X1])
    .nice();
  const parts: string[] = [];
  // Legend: the two shapes, stacked on a phone.
  const legendY = 18;
  const square = (cx: number, cy: number) => el('rect', { x: cx - 5, y: cy - 5, width: 10, height: 10, fill: C.surface, stroke: C.ink, 'stroke-width': 2 });
  const dot = (cx: number, cy: number) => el('circle', { cx, cy, r: 5, fill: C.accent });
  parts.push(square(X0 + 5, legendY - 4), text(X0 + 16, legendY, L.internal, { 'font-size': FS.small }));
  const second = narrow ? [X0 + 5, legendY + 16] : [X0 + 230, legendY];
  parts.push(dot(second[0], second[1] - 4), text(second[0] + 11, second[1], L.external, { 'font-size': FS.small }));
  const top = (narrow ? legendY + 16 : legendY) + 20;
  const step = narrow ? ROW + 16 : ROW;
  input.pairs.forEach((p, i) => {
    const y = top + i * step + (narrow ? 16 : 0) + ROW / 2;
    if (narrow) parts.push(text(X0, y - 12, ellipsize(p.value, 40), { 'font-size': FS.small }));
    else parts.push(text(X0 - 10, y + 4, ellipsize(p.value, 20), { 'text-anchor': 'end', 'font-size': FS.small }));
    parts.push(el('line', { x1: X0, x2: X1, y1: y, y2: y, stroke: C.grid }));
    parts.push(el('line', { x1: x(p.internal), x2: x(p.external), y1: y, y2: y, stroke: C.ink, 'stroke-width': 2 }));
    parts.push(square(x(p.internal), y), dot(x(p.external), y));
  });
  const base = top + input.pairs.length * step + 6;
  parts.push(el('line', { x1: X0, x2: X1, y1: base, y2: base, stroke: C.ink }));
  for (const t of x.ticks(narrow ? 3 : 6)) {
    parts.push(el('line', { x1: x(t), x2: x(t), y1: base, y2: base + 4, stroke: C.ink }));
    parts.push(text(x(t), base + 16, f.number(t, 1), { 'text-anchor': 'middle', 'font-size': FS.small, fill: C.muted }));
  }
  const c = input.correlation;
  const vars = {
    segment: input.segment,
    count: f.number(input.pairs.length, 0),
    internal: L.internal,
    external: L.external,
    n: f.number(c.n, 0),
    r: c.status === 'measured' ? f.signed(c.r, 2) : '—',
    low: c.status === 'measured' && c.ci95 ? f.signed(c.ci95[0], 2) : '—',
    high: c.status === 'measured' && c.ci95 ? f.signed(c.ci95[1], 2) : '—',
  };
  const title = fill(L.title, vars);
  const description = `${fill(L.description, vars)} ${fill(c.status === 'measured' ? L.correlation : L.noCorrelation, vars)}`;
  const table = {
    caption: fill(L.caption, vars),
    columns: L.columns.map((col) => fill(col, vars)),
    rows: input.pairs.map((p) => [
      p.value,
      f.number(p.internal, d),
      f.number(p.external, d),
      p.enps === undefined ? '—' : f.signed(p.enps, 0),
      p.nps === undefined ? '—' : f.signed(p.nps, 0),
    ]),
  };
  return { svg: svgRoot({ id, kind: 'internal-quality', width: W, height: base + 26, title, description, body: parts.join('') }), title, description, table };
}

/**
 * The chart's input from the figures: the pairs published on both sides for segment `by`, each
 * value shown as the other segment components show it. Undefined when there is nothing to draw — no
 * employees.csv, `by` not a column of it, or no value of it published for both employees and
 * customers — so the component says so in one sentence.
 */
export function internalQualityInput(figures: Figures, by: string, segments: Pick<ChartSegments, 'name' | 'valueLabels'>): InternalQualityInput | undefined {
  const compare = figures.internal && Object.hasOwn(figures.internal.compare, by) ? figures.internal.compare[by] : undefined;
  if (!compare || compare.pairs.length === 0) return undefined;
  const labels = segments.valueLabels(by);
  return {
    segment: segments.name(by).toLowerCase(),
    pairs: compare.pairs.map((p) => ({ ...p, value: labels[p.value] ?? p.value })),
    correlation: compare.correlation,
  };
}

/**
 * <InternalQuality by="branch"/>: the employees' perception of the internal service beside the
 * customers' perception of the service, one row per value of the segment published on both sides
 * (figures.internal.compare[by]), with their correlation in the description; else one sentence why not.
 */
export const internalQualityComponent = chartComponent(internalQuality, {
  name: 'InternalQuality',
  schema: z.object({
    by: z.string().describe('a segment declared in questionnaire.yaml that employees.csv also has as a column (`branch`, `team`): one row per value'),
  }),
  props: { by: { kind: 'choice', example: 'region', values: declaredSegments } },
  guide: {
    title: 'internal against external service quality',
    // The line breaks are the guide's, as its paragraph was written.
    text: [
      'From `employees.csv` (see the data contract): one row per value of the segment published for both',
      'employees and customers — a hollow square for the employees’ perception of the internal service',
      'they receive, a filled dot for the customers’ perception of the service, joined by a line on the',
      'item scale — drawn at build time with its title, description and data table (eNPS and NPS beside',
      'each pair). The description gives the correlation across the rows (Pearson r with its Fisher-z',
      '95 % interval), or says it is not measured under four rows. A branch under `min_base` employees is',
      'not drawn. Without `employees.csv`, or when no value of the segment is published on both sides,',
      'one line says why no chart is shown. The demo has no employees, so this example is code only.',
    ].join('\n'),
    example: { by: 'branch' },
    live: false,
  },
  select: ({ figures, labels, segments }, { by }) => {
    const input = internalQualityInput(figures, by, segments);
    return input
      ? { input, options: {}, prefix: `internal-${by}`, kind: 'internal-quality' }
      : { fallback: fill(labels.none, { segment: segments.name(by).toLowerCase() }), className: 'no-data' };
  },
});
