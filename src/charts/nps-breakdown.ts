/**
 * NPS breakdown: 100 % stacked bars (detractors · passives · promoters) with the score
 * at the end, one bar for the total and one per segment value. Detractors are hatched
 * so the three parts separate in greyscale; suppressed rows say so instead of a bar.
 */
import { scaleLinear } from 'd3';
import type { NpsFigure } from '../schemas/figures';
import { fill, resolveFormat } from './format';
import {
  C,
  FS,
  DEFAULT_LOW_BASE,
  DEFAULT_MIN_BASE,
  LOW_BASE_MARK,
  NARROW_WIDTH,
  WIDE_WIDTH,
  bothLayouts,
  checkId,
  el,
  ellipsize,
  ellipsizeToFit,
  hatch,
  svgRoot,
  text,
  textWidth,
  withDefaults,
  type ChartOptions,
  type ChartOutput,
} from './svg';
import { z } from 'zod';
import { chartComponent, declaredSegments } from './component';
import { strict } from './registry-schema';
import { significanceSuffix } from './significance';

/** This chart's labels, in every locale file under charts.npsBreakdown (src/i18n/locales; English is the default). */
export const NpsBreakdownLabelsSchema = strict({
  title: z.string(),
  detractors: z.string(),
  passives: z.string(),
  promoters: z.string(),
  nps: z.string(),
  base: z.string(),
  group: z.string(),
  suppressed: z.string(),
  lowBase: z.string(),
  headline: z.string(),
  range: z.string(),
  suppressedList: z.string(),
  /** A cell withheld so that a smaller one cannot be derived from the total (its base is large enough). */
  withheld: z.string(),
  withheldList: z.string(),
  caption: z.string(),
});
export type NpsBreakdownLabels = z.infer<typeof NpsBreakdownLabelsSchema>;

/** The English labels: the default of the builder and the `charts.npsBreakdown` block of the en locale (composed from the registry). */
export const npsBreakdownEn: NpsBreakdownLabels = {
  title: 'Net Promoter Score: promoters, passives and detractors',
  detractors: 'Detractors (0–6)',
  passives: 'Passives (7–8)',
  promoters: 'Promoters (9–10)',
  nps: 'NPS',
  /** The row's base: respondents who answered the NPS question (a table of respondents may count more). */
  base: 'n = {n} answering NPS',
  group: 'Group',
  suppressed: 'suppressed (n < {min})',
  lowBase: '{mark} low base (n < {low}): read with caution.',
  headline: 'NPS is {score} for {label} (n = {n}): {promoters} promoters, {detractors} detractors.',
  range: 'Across the other groups it ranges from {low} ({lowLabel}) to {high} ({highLabel}).',
  suppressedList: 'Suppressed (n < {min}): {list}.',
  withheld: 'withheld to protect a smaller group',
  withheldList: 'Withheld to protect a smaller group: {list}.',
  caption: 'Shares of promoters, passives and detractors, and the NPS',
};

export interface NpsRow {
  /** "All customers", a segment value, … (data text: escaped). */
  label: string;
  figure: NpsFigure;
  /** Drawn first, bold, with a rule under it. */
  total?: boolean;
}
export type NpsBreakdownInput = NpsRow[];

export interface NpsBreakdownOptions extends ChartOptions<NpsBreakdownLabels> {
  /** Decimals of the score (default 0). */
  decimals?: number;
  /** The legend of the ▲ ▼ marks (the report's locale, the correction named): with it, each segment row's test against the rest is marked. */
  significance?: string;
}

/** Wide: the legend in a row, labels left of the bars. Narrow: the legend stacked, each label above its bar. */
const GEOMETRY = {
  wide: { W: WIDE_WIDTH, X0: 190, X1: 590, ROW: 40, top: 58, above: false },
  narrow: { W: NARROW_WIDTH, X0: 12, X1: 284, ROW: 50, top: 82, above: true },
} as const;
const BAR = 22;

/** Builds the stacked NPS bars from `{label, figure}` rows (total first, then segment values). */
export function npsBreakdown(input: NpsBreakdownInput, options: NpsBreakdownOptions): ChartOutput {
  if (!options.layout) return bothLayouts(npsBreakdown, input, options);
  const { W, X0, X1, ROW, top, above } = GEOMETRY[options.layout];
  const id = checkId(options.id);
  const L = withDefaults<NpsBreakdownLabels>(npsBreakdownEn, options.labels);
  const f = resolveFormat(options.format);
  const min = options.minBase ?? DEFAULT_MIN_BASE;
  const low = options.lowBase ?? DEFAULT_LOW_BASE;
  const score = (v: number) => f.signed(v, options.decimals ?? 0);
  const x = scaleLinear().domain([0, 1]).range([X0, X1]);
  const defs = hatch(`${id}-detractors`, C.bad);
  const parts: string[] = [];
  const colours = [`url(#${id}-detractors)`, C.neutral, C.accent];
  const names = [L.detractors, L.passives, L.promoters];

  // Legend.
  let lx = X0;
  names.forEach((name, i) => {
    const ly = above ? 10 + i * 18 : 10;
    parts.push(el('rect', { x: lx, y: ly, width: 12, height: 12, fill: colours[i], stroke: i === 0 ? C.bad : 'none' }));
    parts.push(text(lx + 17, ly + 10, name, { 'font-size': FS.small, fill: C.muted }));
    if (!above) lx += 30 + [...name].length * FS.small * 0.56;
  });
  parts.push(text(W - 12, top - 8, L.nps, { 'text-anchor': 'end', 'font-size': FS.small, 'font-weight': 'bold', fill: C.muted }));

  let y = top;
  let lowSeen = false;
  const hiddenText = (fig: NpsFigure) => (fig.suppressed && fig.secondary ? L.withheld : fill(L.suppressed, { min }));
  // The gate is analysis's (figure.low_base): a chart never re-tests the base.
  const mark = (fig: NpsFigure) => (!fig.suppressed && fig.low_base ? ` ${LOW_BASE_MARK}` : '');
  // ▲ ▼ against the rest of the segment, only when the caller gives the legend that explains them.
  const sig = (fig: NpsFigure) => (options.significance === undefined ? '' : significanceSuffix(fig));
  const sigSeen = input.some((row) => sig(row.figure) !== '');
  for (const row of input) {
    const fig = row.figure;
    const m = mark(fig);
    lowSeen ||= m !== '';
    const cy = above ? y + 32 : y + ROW / 2;
    const base = fill(L.base, { n: f.number(fig.n, 0) });
    // Narrow: the name gives way so that the base beside it stays inside the drawing.
    const name = above ? ellipsizeToFit(row.label, 30, W - 32 - textWidth(base, FS.small), FS.label, m) : ellipsize(row.label, 24) + m;
    parts.push(text(12, above ? y + 14 : cy - 1, name, { 'font-size': FS.label, 'font-weight': row.total ? 'bold' : undefined }));
    parts.push(text(above ? 20 + textWidth(name, FS.label) : 12, above ? y + 14 : cy + 13, base, { 'font-size': FS.small, fill: C.muted }));
    if (fig.suppressed) {
      parts.push(el('rect', { x: X0, y: cy - BAR / 2, width: X1 - X0, height: BAR, fill: 'none', stroke: C.grid, 'stroke-dasharray': '4 3' }));
      parts.push(text(X0 + 8, cy + 4, hiddenText(fig), { 'font-style': 'italic', fill: C.muted }));
    } else {
      // Shares are rounded upstream; normalise so the bar spans exactly 100 %.
      const shares = [fig.detractors, fig.passives, fig.promoters];
      const sum = shares.reduce((a, b) => a + b, 0) || 1;
      let acc = 0;
      shares.forEach((s, i) => {
        const a = x(acc / sum);
        acc += s;
        const b = x(acc / sum);
        if (b - a <= 0) return;
        parts.push(
          el('rect', {
            x: a,
            y: cy - BAR / 2,
            width: b - a,
            height: BAR,
            fill: colours[i],
            stroke: i === 0 ? C.bad : undefined,
            'stroke-width': i === 0 ? 1 : undefined,
          }),
        );
        if (b - a >= 34) {
          parts.push(
            text((a + b) / 2, cy + 4, f.fraction(s), {
              'text-anchor': 'middle',
              'font-size': FS.small,
              'font-weight': 'bold',
              fill: C.ink,
              stroke: C.surface,
              'stroke-width': 3,
              'paint-order': 'stroke',
            }),
          );
        }
      });
      parts.push(text(W - 12, cy + 5, score(fig.score) + sig(fig), { 'text-anchor': 'end', 'font-size': FS.title, 'font-weight': 'bold' }));
    }
    y += ROW;
    if (row.total) {
      parts.push(el('line', { x1: 12, x2: W - 12, y1: y, y2: y, stroke: C.grid }));
    }
  }
  // 0 / 50 / 100 % guide under the bars.
  for (const t of [0, 0.5, 1]) {
    parts.push(text(x(t), y + 14, f.fraction(t), { 'text-anchor': 'middle', 'font-size': FS.small, fill: C.muted }));
  }
  let height = y + 26;
  const lowNote = fill(L.lowBase, { mark: LOW_BASE_MARK, low });
  if (lowSeen) {
    parts.push(text(12, height + 4, lowNote, { 'font-size': FS.small, fill: C.muted }));
    height += 18;
  }

  const shown = input.filter((row): row is NpsRow & { figure: Extract<NpsFigure, { suppressed: false }> } => !row.figure.suppressed);
  const sentences: string[] = [];
  const head = shown.find((row) => row.total) ?? shown[0];
  if (head) {
    sentences.push(
      fill(L.headline, {
        score: score(head.figure.score),
        label: head.label + mark(head.figure),
        n: f.number(head.figure.n, 0),
        promoters: f.fraction(head.figure.promoters),
        detractors: f.fraction(head.figure.detractors),
      }),
    );
  }
  const others = shown.filter((row) => row !== head).sort((a, b) => a.figure.score - b.figure.score);
  if (others.length >= 2) {
    const lo = others[0];
    const hi = others[others.length - 1];
    sentences.push(
      fill(L.range, { low: score(lo.figure.score), lowLabel: lo.label + mark(lo.figure), high: score(hi.figure.score), highLabel: hi.label + mark(hi.figure) }),
    );
  }
  const hidden = input.filter((row) => row.figure.suppressed && !row.figure.secondary);
  if (hidden.length) sentences.push(fill(L.suppressedList, { min, list: hidden.map((row) => row.label).join(', ') }));
  const withheld = input.filter((row) => row.figure.suppressed && row.figure.secondary);
  if (withheld.length) sentences.push(fill(L.withheldList, { list: withheld.map((row) => row.label).join(', ') }));
  if (lowSeen) sentences.push(lowNote);
  if (sigSeen) sentences.push(options.significance!);
  const description = sentences.join(' ');

  const table = {
    caption: L.caption,
    columns: [L.group, 'n', L.promoters, L.passives, L.detractors, L.nps],
    rows: input.map((row) => {
      const fig = row.figure;
      if (fig.suppressed) {
        const s = hiddenText(fig);
        return [row.label, f.number(fig.n, 0), s, s, s, s];
      }
      return [
        row.label + mark(fig),
        f.number(fig.n, 0),
        f.fraction(fig.promoters),
        f.fraction(fig.passives),
        f.fraction(fig.detractors),
        score(fig.score) + sig(fig),
      ];
    }),
  };
  return {
    svg: svgRoot({ id, kind: 'nps-breakdown', width: W, height, title: L.title, description, defs, body: parts.join('') }),
    title: L.title,
    description,
    table,
  };
}

/**
 * <NpsBreakdown by="channel"/>: the total first, then (with `by`) one bar per value of that
 * segment; a value significantly better / worse than the rest of its segment carries ▲ / ▼, with
 * the legend under the chart. Without NPS data it says "not measured", without any response so.
 */
export const npsBreakdownComponent = chartComponent(npsBreakdown, {
  name: 'NpsBreakdown',
  schema: z.object({
    by: z.string().optional().describe('a segment declared in questionnaire.yaml: one bar per value'),
  }),
  props: { by: { kind: 'choice', example: 'channel', values: declaredSegments } },
  guide: { title: 'promoters, passives, detractors', example: { by: 'channel' } },
  select: ({ figures, t, noResponses, segments }, { by }) => {
    if (!figures.nps) return noResponses ? { fallback: noResponses, className: 'no-data' } : { fallback: `NPS: ${t.notMeasured}`, className: 'not-measured' };
    const rows: NpsRow[] = [{ label: t.nps.total, figure: figures.nps, total: true }];
    if (by) {
      const labels = segments.valueLabels(by);
      for (const [value, g] of Object.entries(segments.groups(by))) if (g.nps) rows.push({ label: labels[value] ?? value, figure: g.nps });
    }
    // ▲ ▼: a segment value's NPS against the rest of the segment (vs_rest), explained under the chart only when one is drawn.
    const legend = by && rows.some((r) => significanceSuffix(r.figure) !== '') ? segments.significanceLegend(by) : undefined;
    return {
      input: rows,
      options: { significance: legend },
      prefix: by ? `nps-${by}` : 'nps',
      kind: 'nps-breakdown',
      ...(legend ? { note: { className: 'table-note significance-note', text: legend } } : {}),
    };
  },
});
