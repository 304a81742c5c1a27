/**
 * The Gap model of service quality (Parasuraman, Zeithaml & Berry 1985) as its classic
 * diagram: customer side above the line, firm side below, Gaps 1–5 on the connectors.
 * Negative is always a shortfall (SPEC §1); "not measured" is drawn as such, never 0.
 */
import { FiguresSchema, type Figures, type Gap } from '../schemas/figures';
import { fill, resolveFormat } from './format';
import {
  C,
  FS,
  NARROW_WIDTH,
  WIDE_WIDTH,
  bothLayouts,
  checkId,
  el,
  lines,
  r,
  svgRoot,
  text,
  withDefaults,
  wrap,
  type ChartOptions,
  type ChartOutput,
} from './svg';
import { z } from 'zod';
import { chartComponent } from './component';
import { strict, labelsFor, columns } from './registry-schema';

const GAP_KEYS = FiguresSchema.shape.gaps.keyof().options;
/** This chart's labels, in every locale file under charts.gapModel (src/i18n/locales; English is the default). */
export const GapModelLabelsSchema = strict({
  title: z.string(),
  customer: z.string(),
  firm: z.string(),
  expected: z.string(),
  perceived: z.string(),
  delivery: z.string(),
  communications: z.string(),
  standards: z.string(),
  management: z.string(),
  /** 'Gap {n}' */
  gap: z.string(),
  names: labelsFor(GAP_KEYS),
  compares: labelsFor(GAP_KEYS),
  /** Gaps 1 and 5: '{value}' is signed; '{scale}' is "1–7" when known, else `itemScale`. */
  scaleValue: z.string(),
  itemScale: z.string(),
  shortfall: z.string(),
  noShortfall: z.string(),
  /** Gaps 2–4: '{k} of {n} …'. */
  counts: labelsFor(GAP_KEYS),
  notMeasured: z.string(),
  legendTitle: z.string(),
  /** Description pieces. */
  clause: z.string(),
  widest: z.string(),
  none: z.string(),
  columns: columns(4),
  caption: z.string(),
});
export type GapModelLabels = z.infer<typeof GapModelLabelsSchema>;

/** The English labels: the default of the builder and the `charts.gapModel` block of the en locale (composed from the registry). */
export const gapModelEn: GapModelLabels = {
  title: 'The five service-quality gaps',
  customer: 'Customer',
  firm: 'Firm',
  expected: 'Expected service',
  perceived: 'Perceived service',
  delivery: 'Service delivery',
  communications: 'External communications to customers',
  standards: 'Service standards and specifications',
  management: 'Management perceptions of customer expectations',
  gap: 'Gap {n}',
  names: { gap1: 'knowledge', gap2: 'standards', gap3: 'delivery', gap4: 'communication', gap5: 'customer' },
  compares: {
    gap1: 'management perceptions vs customer expectations',
    gap2: 'standards set vs management perceptions',
    gap3: 'service delivered vs standards',
    gap4: 'service delivered vs promises made',
    gap5: 'perceived vs expected service',
  },
  scaleValue: '{value} on the {scale} scale',
  itemScale: 'item',
  shortfall: 'shortfall',
  noShortfall: 'no shortfall',
  counts: {
    gap1: '{k} of {n} below expectations',
    gap2: '{k} of {n} standards below expectations',
    gap3: '{k} of {n} below standard',
    gap4: '{k} of {n} promises not kept',
    gap5: '{k} of {n} below expectations',
  },
  notMeasured: 'not measured',
  legendTitle: 'Negative = shortfall',
  clause: '{gap} ({name}): {result}.',
  widest: 'Shortfalls at {list}.',
  none: 'No measured gap shows a shortfall.',
  columns: ['Gap', 'Compares', 'Result', 'Parts'],
  caption: 'The five gaps: negative values are shortfalls',
};

export type GapKey = 'gap1' | 'gap2' | 'gap3' | 'gap4' | 'gap5';
export type GapModelInput = Figures['gaps'];

const KEYS: GapKey[] = ['gap1', 'gap2', 'gap3', 'gap4', 'gap5'];
const W = WIDE_WIDTH;
const H = 480;
const BOX = { x: 176, w: 214, h: 40 };
const Y = { expected: 34, perceived: 134, divider: 200, delivery: 226, standards: 326, management: 426 };
const COMMS = { x: 470, w: 196 };

type Result = { kind: 'shortfall' | 'ok' | 'not measured'; text: string; parts: number };

function result(key: GapKey, gap: Gap, L: GapModelLabels, signed: (v: number) => string, scale: string): Result {
  if (gap.status === 'not measured') return { kind: 'not measured', text: L.notMeasured, parts: 0 };
  const n = gap.parts;
  const k = gap.shortfalls ?? gap.items.filter((p) => p.gap < 0).length;
  if ((key === 'gap1' || key === 'gap5') && gap.value !== undefined) {
    const short = gap.value < 0;
    const t = `${fill(L.scaleValue, { value: signed(gap.value), scale })} (${short ? L.shortfall : L.noShortfall})`;
    return { kind: short ? 'shortfall' : 'ok', text: t, parts: n };
  }
  return { kind: k > 0 ? 'shortfall' : 'ok', text: fill(L.counts[key], { k, n }), parts: n };
}

function box(x: number, y: number, w: number, label: string, maxChars: number): string {
  const ls = wrap(label, maxChars, 2);
  const y0 = y + BOX.h / 2 + 4 - ((ls.length - 1) * 14) / 2;
  return (
    el('rect', { x, y, width: w, height: BOX.h, rx: 4, fill: C.surface, stroke: C.ink, 'stroke-width': 1.2 }) +
    lines(x + w / 2, y0, ls, 14, { 'text-anchor': 'middle', 'font-size': FS.base })
  );
}

/** A numbered badge: circle (no shortfall), diamond (shortfall), dashed ring (not measured). */
function badge(n: number | null, kind: Result['kind'], cx: number, cy: number, size = 10): string {
  const num =
    n === null
      ? ''
      : text(cx, cy + 4, String(n), {
          'text-anchor': 'middle',
          'font-weight': 'bold',
          fill: kind === 'not measured' ? C.muted : C.surface,
        });
  if (kind === 'shortfall') {
    const d = size * 1.2;
    return el('path', { d: `M${r(cx)},${r(cy - d)}L${r(cx + d)},${r(cy)}L${r(cx)},${r(cy + d)}L${r(cx - d)},${r(cy)}Z`, fill: C.bad }) + num;
  }
  if (kind === 'ok') return el('circle', { cx, cy, r: size, fill: C.good }) + num;
  return el('circle', { cx, cy, r: size, fill: C.surface, stroke: C.muted, 'stroke-dasharray': '3 2' }) + num;
}

function gapLabel(x: number, y: number, heading: string, res: Result, maxChars: number): string {
  const head = [...heading].length <= maxChars ? [heading] : heading.split(' · ').flatMap((h) => wrap(h, maxChars));
  const body = wrap(res.text, maxChars, 3);
  const style = res.kind === 'not measured' ? { fill: C.muted, 'font-style': 'italic' } : { fill: C.ink };
  return lines(x, y, head, 14, { 'font-weight': 'bold' }) + lines(x, y + head.length * 14, body, 14, style);
}

/**
 * The narrow layout: the diagram's two columns cannot fit a phone, so the five gaps read as a
 * list — badge, name, what the gap compares, the result — with the badge legend stacked below.
 */
function narrowBody(res: Record<GapKey, Result>, heading: (k: GapKey) => string, L: GapModelLabels): { body: string; height: number } {
  const x = 42;
  const chars = (size: number) => Math.floor((NARROW_WIDTH - x - 12) / (size * 0.56));
  const parts: string[] = [];
  let y = 8;
  for (const k of KEYS) {
    const head = wrap(heading(k), chars(FS.base), 2);
    const compares = wrap(L.compares[k], chars(FS.small), 2);
    const body = wrap(res[k].text, chars(FS.base), 3);
    parts.push(badge(+k.slice(3), res[k].kind, 22, y + 12));
    parts.push(lines(x, y + 16, head, 15, { 'font-weight': 'bold' }));
    let ty = y + 16 + head.length * 15;
    parts.push(lines(x, ty, compares, 14, { 'font-size': FS.small, fill: C.muted }));
    ty += compares.length * 14;
    const style = res[k].kind === 'not measured' ? { fill: C.muted, 'font-style': 'italic' } : { fill: C.ink };
    parts.push(lines(x, ty, body, 15, style));
    y = ty + (body.length - 1) * 15 + 16;
    parts.push(el('line', { x1: 12, x2: NARROW_WIDTH - 12, y1: y - 6, y2: y - 6, stroke: C.grid, 'stroke-width': 0.5 }));
  }
  parts.push(text(12, y + 12, L.legendTitle, { 'font-size': FS.small, 'font-weight': 'bold', fill: C.muted }));
  (['shortfall', 'ok', 'not measured'] as const).forEach((kind, i) => {
    const ly = y + 32 + i * 22;
    parts.push(badge(null, kind, 22, ly, 7));
    parts.push(text(40, ly + 4, kind === 'ok' ? L.noShortfall : kind === 'shortfall' ? L.shortfall : L.notMeasured, { 'font-size': FS.small, fill: C.muted }));
  });
  return { body: parts.join(''), height: y + 32 + 2 * 22 + 14 };
}

type GapModelOptions = ChartOptions<GapModelLabels> & { scale?: { min: number; max: number } };

/** Builds the Gap model diagram from `figures.gaps`. */
export function gapModel(input: GapModelInput, options: GapModelOptions): ChartOutput {
  if (!options.layout) return bothLayouts(gapModel, input, options);
  const id = checkId(options.id);
  const L = withDefaults<GapModelLabels>(gapModelEn, options.labels);
  const f = resolveFormat(options.format);
  const signed = (v: number) => f.signed(v, 2);
  const scale = options.scale ? `${f.number(options.scale.min, 0)}–${f.number(options.scale.max, 0)}` : L.itemScale;
  const res = Object.fromEntries(KEYS.map((k) => [k, result(k, input[k], L, signed, scale)])) as Record<GapKey, Result>;
  const heading = (k: GapKey) => `${fill(L.gap, { n: k.slice(3) })} · ${L.names[k]}`;
  const stroke = (k: GapKey) => ({
    stroke: res[k].kind === 'not measured' ? C.muted : C.ink,
    'stroke-width': 1.5,
    'stroke-dasharray': res[k].kind === 'not measured' ? '4 3' : undefined,
    fill: 'none',
  });
  const cx = BOX.x + BOX.w / 2;
  const mid = (a: number, b: number) => (a + b) / 2;
  const parts: string[] = [];
  const narrow = options.layout === 'narrow' ? narrowBody(res, heading, L) : undefined;

  // Sides of the line.
  // Gap 1 runs round the left at x1; the side names sit right of it so the connector never crosses them.
  const x1 = 24;
  parts.push(text(x1 + 10, 22, L.customer.toUpperCase(), { 'font-size': FS.small, 'font-weight': 'bold', fill: C.muted, 'letter-spacing': 1 }));
  parts.push(el('line', { x1: 8, x2: W - 8, y1: Y.divider, y2: Y.divider, stroke: C.muted, 'stroke-dasharray': '6 4' }));
  parts.push(text(x1 + 10, Y.divider + 18, L.firm.toUpperCase(), { 'font-size': FS.small, 'font-weight': 'bold', fill: C.muted, 'letter-spacing': 1 }));

  // Influence arrows of the classic diagram (delivery shapes perception, communications shape expectations).
  const arrow = { stroke: C.grid, 'stroke-width': 1.5, fill: 'none', 'marker-end': `url(#${id}-arrow)` };
  parts.push(el('path', { d: `M${r(cx + 60)},${Y.delivery}V${r(Y.perceived + BOX.h + 2)}`, ...arrow }));
  parts.push(el('path', { d: `M${r(COMMS.x + COMMS.w / 2)},${Y.delivery}V${r(Y.expected + BOX.h / 2)}H${r(BOX.x + BOX.w + 2)}`, ...arrow }));

  // Gap connectors: 5, 3, 2 down the centre, 4 across, 1 round the left.
  const vertical: [GapKey, number, number][] = [
    ['gap5', Y.expected + BOX.h, Y.perceived],
    ['gap3', Y.delivery + BOX.h, Y.standards],
    ['gap2', Y.standards + BOX.h, Y.management],
  ];
  for (const [k, y1, y2] of vertical) {
    parts.push(el('path', { d: `M${cx},${y1}V${y2}`, ...stroke(k) }));
    parts.push(badge(+k.slice(3), res[k].kind, cx, mid(y1, y2)));
    parts.push(gapLabel(cx + 20, y1 + 18, heading(k), res[k], 24));
  }
  const y4 = Y.delivery + BOX.h / 2;
  parts.push(el('path', { d: `M${BOX.x + BOX.w},${y4}H${COMMS.x}`, ...stroke('gap4') }));
  parts.push(badge(4, res.gap4.kind, mid(BOX.x + BOX.w, COMMS.x), y4));
  parts.push(gapLabel(COMMS.x, Y.delivery + BOX.h + 22, heading('gap4'), res.gap4, 29));
  const ya = Y.expected + BOX.h / 2;
  const yb = Y.management + BOX.h / 2;
  parts.push(el('path', { d: `M${BOX.x},${ya}H${x1}V${yb}H${BOX.x}`, ...stroke('gap1') }));
  parts.push(badge(1, res.gap1.kind, x1, Y.divider + 44));
  parts.push(gapLabel(x1 + 14, Y.divider + 80, heading('gap1'), res.gap1, 22));

  // Boxes last so they sit over the connectors.
  parts.push(box(BOX.x, Y.expected, BOX.w, L.expected, 30));
  parts.push(box(BOX.x, Y.perceived, BOX.w, L.perceived, 30));
  parts.push(box(BOX.x, Y.delivery, BOX.w, L.delivery, 30));
  parts.push(box(BOX.x, Y.standards, BOX.w, L.standards, 30));
  parts.push(box(BOX.x, Y.management, BOX.w, L.management, 30));
  parts.push(box(COMMS.x, Y.delivery, COMMS.w, L.communications, 28));

  // Legend: the badge shapes carry the status without colour.
  const lx = COMMS.x + 12;
  parts.push(text(COMMS.x, 392, L.legendTitle, { 'font-size': FS.small, 'font-weight': 'bold', fill: C.muted }));
  (['shortfall', 'ok', 'not measured'] as const).forEach((kind, i) => {
    const y = 412 + i * 22;
    parts.push(badge(null, kind, lx, y, 7));
    parts.push(
      text(lx + 18, y + 4, kind === 'ok' ? L.noShortfall : kind === 'shortfall' ? L.shortfall : L.notMeasured, { 'font-size': FS.small, fill: C.muted }),
    );
  });

  const name = (k: GapKey) => fill(L.gap, { n: k.slice(3) });
  const shortfalls = KEYS.filter((k) => res[k].kind === 'shortfall');
  const lead = shortfalls.length ? fill(L.widest, { list: shortfalls.map(name).join(', ') }) : L.none;
  const clauses = KEYS.map((k) => {
    const g = input[k];
    const why = g.status === 'not measured' && g.reason ? ` (${g.reason})` : '';
    return fill(L.clause, { gap: name(k), name: L.names[k], result: res[k].text + why });
  });
  const description = [lead, ...clauses].join(' ');

  const defs = el(
    'marker',
    { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    el('path', { d: 'M0,0L10,5L0,10Z', fill: C.grid }),
  );
  const table = {
    caption: L.caption,
    columns: [...L.columns],
    rows: KEYS.map((k) => {
      const g = input[k];
      const why = g.status === 'not measured' && g.reason ? ` — ${g.reason}` : '';
      return [heading(k), L.compares[k], res[k].text + why, g.status === 'measured' ? String(g.parts) : ''];
    }),
  };
  return {
    svg: narrow
      ? svgRoot({ id, kind: 'gap-model', width: NARROW_WIDTH, height: narrow.height, title: L.title, description, body: narrow.body })
      : svgRoot({ id, kind: 'gap-model', width: W, height: H, title: L.title, description, defs, body: parts.join('') }),
    title: L.title,
    description,
    table,
  };
}

/** <GapModel/>: the five gaps as the classic diagram, each with its value, its count of shortfalls or "not measured". */
export const gapModelComponent = chartComponent(gapModel, {
  name: 'GapModel',
  schema: z.object({}),
  props: {},
  guide: { title: 'the five gaps', text: 'No props. The Gap model diagram with each gap’s value or count of shortfalls.', example: {} },
  select: ({ figures }) => ({ input: figures.gaps, options: { scale: figures.meta.scale }, prefix: 'gap-model', kind: 'gap-model' }),
});
