/**
 * Importance–performance matrix of key drivers: importance = share of R² (Shapley/LMG
 * or relative weights), performance = mean perception. Split at the means into four
 * quadrants; each driver's quadrant comes from the figures (the analysis owns the rule)
 * and is drawn with its own shape. Drivers not measured or suppressed render a note.
 */
import { mean, scaleLinear } from 'd3';
import { QUADRANTS, type Drivers } from '../schemas/figures';
import { fill, resolveFormat } from './format';
import {
  C,
  FS,
  DEFAULT_MIN_BASE,
  LOW_BASE_MARK,
  NARROW_WIDTH,
  WIDE_WIDTH,
  bothLayouts,
  checkId,
  el,
  ellipsize,
  r,
  svgRoot,
  text,
  textWidth,
  withDefaults,
  type ChartOptions,
  type ChartOutput,
} from './svg';
import { z } from 'zod';
import { chartComponent } from './component';
import { strict, labelsFor, columns } from './registry-schema';

/** This chart's labels, in every locale file under charts.driverMatrix (src/i18n/locales; English is the default). */
export const DriverMatrixLabelsSchema = strict({
  title: z.string(),
  x: z.string(),
  y: z.string(),
  quadrants: labelsFor(QUADRANTS),
  mean: z.string(),
  notMeasured: z.string(),
  suppressed: z.string(),
  fixFirst: z.string(),
  noFixFirst: z.string(),
  model: z.string(),
  lowBase: z.string(),
  /** What the interval lines are ({replicates}); the drivers whose coefficient's interval holds 0 ({mark}, {list}). */
  intervals: z.string(),
  noClearEffect: z.string(),
  methods: labelsFor(['shapley', 'relative-weights']),
  /** Outcome column → readable name; unknown outcomes print as they are. */
  outcomes: z.record(z.string(), z.string()),
  columns: columns(4),
  caption: z.string(),
});
export type DriverMatrixLabels = z.infer<typeof DriverMatrixLabelsSchema>;

/** The English labels: the default of the builder and the `charts.driverMatrix` block of the en locale (composed from the registry). */
export const driverMatrixEn: DriverMatrixLabels = {
  title: 'Key drivers: importance vs performance',
  x: 'Importance (share of R²) →',
  y: 'Performance (mean perception) →',
  quadrants: { 'fix first': 'Fix first', 'keep up': 'Keep up', 'low priority': 'Low priority', 'possible overkill': 'Possible overkill' },
  mean: 'mean',
  notMeasured: 'Key drivers not measured: {reason}',
  suppressed: 'Key drivers suppressed (n < {min})',
  fixFirst: 'Fix first (important, below-average performance): {list}.',
  noFixFirst: 'No driver is both above-average in importance and below-average in performance.',
  model: 'The drivers explain R² = {r2} of {outcome} (n = {n}{mark}, {method}).',
  lowBase: '{mark} low base: read with caution.',
  intervals: 'Lines: bootstrap 95 % intervals of each share ({replicates} replicates).',
  noClearEffect: '{mark} no clear effect (the 95 % interval of its coefficient holds 0): {list}.',
  methods: { shapley: 'Shapley decomposition', 'relative-weights': "Johnson's relative weights" },
  outcomes: { overall: 'overall satisfaction', nps: 'likelihood to recommend', csat: 'CSAT', ces: 'customer effort' },
  columns: ['Driver', 'Share of R²', 'Performance', 'Quadrant'],
  caption: 'Key drivers: share of R², mean perception and quadrant',
};

export type DriverMatrixInput = Drivers;
/** Beside a driver whose standardised coefficient's bootstrap interval holds 0 (no_clear_effect). */
export const NO_CLEAR_EFFECT_MARK = '°';
type Quadrant = 'fix first' | 'keep up' | 'low priority' | 'possible overkill';

/** Narrow: a squarer plot, fewer ticks, smaller quadrant names and shorter point labels. */
const GEOMETRY = {
  wide: { W: WIDE_WIDTH, H: 440, P: { left: 64, right: 640, top: 24, bottom: 384 }, ticks: 6, yTicks: 6, quadrant: FS.base, chars: 28, note: 90 },
  narrow: { W: NARROW_WIDTH, H: 356, P: { left: 50, right: 328, top: 24, bottom: 300 }, ticks: 3, yTicks: 4, quadrant: FS.small, chars: 18, note: 44 },
} as const;

function shape(q: Quadrant, x: number, y: number): string {
  const s = 6;
  if (q === 'fix first')
    return el('path', {
      d: `M${r(x)},${r(y - s - 1.5)}L${r(x + s + 1.5)},${r(y)}L${r(x)},${r(y + s + 1.5)}L${r(x - s - 1.5)},${r(y)}Z`,
      fill: C.bad,
      stroke: C.surface,
    });
  if (q === 'keep up') return el('circle', { cx: x, cy: y, r: s, fill: C.good, stroke: C.surface });
  if (q === 'possible overkill')
    return el('path', { d: `M${r(x)},${r(y - s - 1)}L${r(x + s + 1)},${r(y + s)}L${r(x - s - 1)},${r(y + s)}Z`, fill: C.warn, stroke: C.surface });
  return el('rect', { x: x - s + 0.5, y: y - s + 0.5, width: 2 * s - 1, height: 2 * s - 1, fill: C.muted, stroke: C.surface });
}

/** Builds the matrix from `figures.drivers` (a note for the not-measured and suppressed variants). */
export function driverMatrix(input: DriverMatrixInput, options: ChartOptions<DriverMatrixLabels>): ChartOutput {
  if (!options.layout) return bothLayouts(driverMatrix, input, options);
  const { W, H, P, ticks: tickCount, yTicks, quadrant, chars, note: noteChars } = GEOMETRY[options.layout];
  const id = checkId(options.id);
  const L = withDefaults<DriverMatrixLabels>(driverMatrixEn, options.labels);
  const f = resolveFormat(options.format);
  const min = options.minBase ?? DEFAULT_MIN_BASE;
  const table = { caption: L.caption, columns: [...L.columns], rows: [] as string[][] };
  if (input.status !== 'measured') {
    const note = input.status === 'suppressed' ? fill(L.suppressed, { min }) : fill(L.notMeasured, { reason: input.reason });
    const body =
      el('rect', { x: 1, y: 1, width: W - 2, height: 58, fill: 'none', stroke: C.grid, 'stroke-dasharray': '4 3' }) +
      text(16, 35, ellipsize(note, noteChars), { 'font-style': 'italic', fill: C.muted });
    return {
      svg: svgRoot({ id, kind: 'driver-matrix', width: W, height: 60, title: L.title, description: note, body }),
      title: L.title,
      description: note,
      table,
    };
  }

  const items = [...input.items];
  const shareMean = mean(items, (d) => d.share) ?? 0;
  const perfMean = mean(items, (d) => d.performance) ?? 0;
  const perf = items.map((d) => d.performance);
  const [pLo, pHi] = [Math.min(...perf, perfMean), Math.max(...perf, perfMean)];
  const pad = Math.max((pHi - pLo) * 0.15, 0.1);
  const x = scaleLinear()
    .domain([0, Math.max(...items.map((d) => d.share_ci95?.[1] ?? d.share), shareMean) * 1.15 || 1])
    .range([P.left, P.right])
    .nice();
  const y = scaleLinear()
    .domain([pLo - pad, pHi + pad])
    .range([P.bottom, P.top])
    .nice();
  const parts: string[] = [];
  const mx = x(shareMean);
  const my = y(perfMean);

  // Quadrants: "fix first" tinted; every quadrant named in its outer corner.
  parts.push(el('rect', { x: mx, y: my, width: P.right - mx, height: P.bottom - my, fill: C.bad, 'fill-opacity': 0.08 }));
  const q = { 'font-size': quadrant, 'font-weight': 'bold', fill: C.muted };
  parts.push(text(P.right - 6, P.bottom - 8, L.quadrants['fix first'], { ...q, 'text-anchor': 'end', fill: C.bad }));
  parts.push(text(P.right - 6, P.top + 16, L.quadrants['keep up'], { ...q, 'text-anchor': 'end' }));
  parts.push(text(P.left + 6, P.bottom - 8, L.quadrants['low priority'], q));
  parts.push(text(P.left + 6, P.top + 16, L.quadrants['possible overkill'], q));

  // Axes and mean lines.
  parts.push(el('rect', { x: P.left, y: P.top, width: P.right - P.left, height: P.bottom - P.top, fill: 'none', stroke: C.grid }));
  for (const t of x.ticks(tickCount)) {
    parts.push(text(x(t), P.bottom + 16, f.fraction(t), { 'text-anchor': 'middle', 'font-size': FS.small, fill: C.muted }));
  }
  for (const t of y.ticks(yTicks)) {
    parts.push(text(P.left - 6, y(t) + 4, f.number(t, 1), { 'text-anchor': 'end', 'font-size': FS.small, fill: C.muted }));
  }
  const dash = { stroke: C.muted, 'stroke-dasharray': '5 4', 'stroke-width': 1 };
  parts.push(el('line', { x1: mx, x2: mx, y1: P.top, y2: P.bottom, ...dash }));
  parts.push(el('line', { x1: P.left, x2: P.right, y1: my, y2: my, ...dash }));
  parts.push(text(mx + 4, P.bottom - 24, L.mean, { 'font-size': FS.small, fill: C.muted }));
  parts.push(text(P.left + 6, my - 5, L.mean, { 'font-size': FS.small, fill: C.muted }));
  parts.push(text((P.left + P.right) / 2, P.bottom + 36, L.x, { 'text-anchor': 'middle', 'font-size': FS.base, fill: C.ink }));
  const ly = (P.top + P.bottom) / 2;
  parts.push(text(16, ly, L.y, { 'text-anchor': 'middle', 'font-size': FS.base, fill: C.ink, transform: `rotate(-90 16 ${r(ly)})` }));

  // Points, labelled beside them; labels nudged down when they would overlap.
  const placed: { x: number; y: number; w: number }[] = [];
  const ordered = items.map((d) => ({ d, px: x(d.share), py: y(d.performance) })).sort((a, b) => a.py - b.py || a.px - b.px);
  // Bootstrap intervals of the shares, drawn first so the points sit on them.
  for (const { d, py } of ordered) {
    if (!d.share_ci95) continue;
    const [a, b] = d.share_ci95.map((v) => x(v));
    parts.push(el('line', { x1: a, x2: b, y1: py, y2: py, stroke: C.muted, 'stroke-width': 1.5 }));
    for (const e of [a, b]) parts.push(el('line', { x1: e, x2: e, y1: py - 4, y2: py + 4, stroke: C.muted, 'stroke-width': 1.5 }));
  }
  for (const { d, px, py } of ordered) {
    parts.push(shape(d.quadrant, px, py));
    const label = ellipsize(d.label, chars) + (d.no_clear_effect ? ` ${NO_CLEAR_EFFECT_MARK}` : '');
    const w = textWidth(label);
    const left = px + 10 + w > P.right - 4;
    const lx = left ? px - 10 - w : px + 10;
    let ty = py + 4;
    for (const p of placed) {
      if (Math.abs(p.y - ty) < 14 && lx < p.x + p.w && p.x < lx + w) ty = p.y + 14;
    }
    placed.push({ x: lx, y: ty, w });
    parts.push(text(lx, ty, label, { 'font-size': FS.base, stroke: C.surface, 'stroke-width': 3, 'paint-order': 'stroke' }));
  }

  const fix = items.filter((d) => d.quadrant === 'fix first').sort((a, b) => b.share - a.share);
  const mark = input.low_base ? ` ${LOW_BASE_MARK}` : '';
  const sentences = [
    fix.length ? fill(L.fixFirst, { list: fix.map((d) => `${d.label} (${f.fraction(d.share)}, ${f.number(d.performance, 2)})`).join(', ') }) : L.noFixFirst,
    fill(L.model, {
      r2: f.number(input.r2, 2),
      outcome: L.outcomes[input.outcome] ?? input.outcome,
      n: f.number(input.n, 0),
      mark,
      method: L.methods[input.method],
    }),
  ];
  if (input.low_base) sentences.push(fill(L.lowBase, { mark: LOW_BASE_MARK }));
  if (input.bootstrap) sentences.push(fill(L.intervals, { replicates: f.number(input.bootstrap.replicates, 0) }));
  const unclear = items.filter((d) => d.no_clear_effect);
  if (unclear.length) sentences.push(fill(L.noClearEffect, { mark: NO_CLEAR_EFFECT_MARK, list: unclear.map((d) => d.label).join(', ') }));
  const description = sentences.join(' ');
  const shareText = (d: (typeof items)[number]) =>
    f.fraction(d.share) +
    (d.share_ci95 ? ` (${f.fraction(d.share_ci95[0])}–${f.fraction(d.share_ci95[1])})` : '') +
    (d.no_clear_effect ? ` ${NO_CLEAR_EFFECT_MARK}` : '');
  table.rows = items.map((d) => [d.label, shareText(d), f.number(d.performance, 2), L.quadrants[d.quadrant]]);
  return {
    svg: svgRoot({ id, kind: 'driver-matrix', width: W, height: H, title: L.title, description, body: parts.join('') }),
    title: L.title,
    description,
    table,
  };
}

/**
 * <DriverMatrix/>: key drivers of the outcome (questionnaire `outcome`), importance against
 * performance; a driver analysis that is suppressed or not measured says so in the chart, and a
 * dataset without any response says so in one sentence instead of an empty quadrant chart.
 */
export const driverMatrixComponent = chartComponent(driverMatrix, {
  name: 'DriverMatrix',
  schema: z.object({}),
  props: {},
  guide: {
    title: 'what drives satisfaction',
    // The line break is the guide's, as its paragraph was written.
    text: 'No props. Explains the questionnaire’s `outcome` by the five dimensions (or the items, with\n`drivers: items`).',
    example: {},
  },
  select: ({ figures, t, noResponses }) => {
    if (noResponses) return { fallback: noResponses, className: 'no-data' };
    const d = figures.drivers;
    const input =
      d.status === 'measured'
        ? { ...d, items: d.items.map((i) => ({ ...i, label: d.by === 'dimensions' ? (t.dimension[i.driver] ?? i.label) : i.label })) }
        : d;
    return { input, options: {}, prefix: 'driver-matrix', kind: 'driver-matrix' };
  },
});
