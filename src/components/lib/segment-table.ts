import type { Figures, GroupFigures, VsRest } from '../../schemas/figures';
import type { Formatters } from '../../i18n/format';
import { fillTemplate, type Strings } from '../../i18n';
import { metricText } from './metric-format';
import { formatFigureId } from '../../analysis/figure-id';
import { SIGNIFICANCE_MARKS, significanceMark } from '../../charts/significance';
import type { FiguresTable } from '../../charts/component';

/** Columns of the breakdown: the headline figure ids inside a segment value. */
export const SEGMENT_COLUMNS = [
  { id: 'nps.score', path: ['nps', 'score'], key: 'nps' },
  { id: 'csat.top2box', path: ['csat', 'top2box'], key: 'csat' },
  { id: 'ces.mean', path: ['ces', 'mean'], key: 'ces' },
  { id: 'overall.mean', path: ['overall', 'mean'], key: 'overall' },
  { id: 'servqual.unweighted', path: ['servqual', 'unweighted'], key: 'servqual' },
] as const;

/** The breakdown of the report's wave by one segment: bases and headline figures, suppressed cells said so (drawn by <SegmentTable>, src/charts/segment-bars.ts). */
export function segmentTable(figures: Figures, by: string, fmt: Formatters, t: Strings): FiguresTable {
  const groups = segmentGroups(figures, by);
  const name = segmentName(t, by);
  const labels = segmentValueLabels(figures, by, t);
  const rows = Object.entries(groups).map(([value, g]) => ({
    label: labels[value] ?? value,
    n: fmt.integer(g.n),
    cells: SEGMENT_COLUMNS.map(({ id, path, key }) => {
      // Built in the figure id syntax, so a value such as "St. Louis" stays one name.
      const full = formatFigureId(['segments', by, value, ...path]);
      const m = metricText(figures, full, fmt, t);
      if (m.kind === 'value') {
        const mark = significanceMark(vsRestOf(g, key));
        const text = m.text + (m.lowBase ? ' †' : '') + (mark ? ` ${SIGNIFICANCE_MARKS[mark]}` : '');
        return mark ? { id: full, state: 'value' as const, text, mark, markLabel: t.segment[mark] } : { id: full, state: 'value' as const, text };
      }
      // A suppressed group has no SERVQUAL score at all: it reads as suppressed, not as missing data.
      const hidden = m.kind === 'suppressed' || (id === 'servqual.unweighted' && Object.values(g.servqual?.dimensions ?? {}).some((d) => d.suppressed));
      if (hidden) return { id: full, state: 'suppressed' as const, text: m.kind === 'suppressed' && m.secondary ? t.withheld : t.suppressedShort };
      return { id: full, state: 'not measured' as const, text: t.notMeasured };
    }),
  }));
  return {
    caption: fillTemplate(t.segment.caption, { by: name.toLowerCase(), wave: figures.meta.wave ? fmt.period(figures.meta.wave) : '' }),
    columns: [
      fillTemplate(t.segment.value, { by: name }),
      t.segment.n,
      ...SEGMENT_COLUMNS.map((c) => (c.key === 'servqual' ? t.segment.servqual : t.shortMetrics[c.key])),
    ],
    rows,
    note: fillTemplate(t.segment.note, { min: figures.meta.min_base, low: figures.meta.low_base }),
    // The legend only where a mark is shown: a table without one needs no key to it.
    significance: rows.some((r) => r.cells.some((c) => c.mark)) ? significanceLegend(figures, name.toLowerCase(), t) : undefined,
  };
}

/** The published test of a headline figure of one segment value against the rest of its segment. */
export function vsRestOf(g: GroupFigures, key: (typeof SEGMENT_COLUMNS)[number]['key']): VsRest | undefined {
  if (key === 'servqual') return g.servqual?.unweighted_vs_rest;
  const f = g[key];
  return f && !f.suppressed ? f.vs_rest : undefined;
}

/** "▲ / ▼ significantly better / worse than the other values of channel together (p < 0.05 after Holm's correction)." */
export function significanceLegend(figures: Figures, by: string, t: Strings): string {
  const correction = figures.meta.statistics?.multiple_comparisons ?? 'holm';
  return fillTemplate(t.segment.significance, { by, correction: t.segment[correction] });
}

/** The value groups of a declared segment (own keys only: a segment named "toString" is data). */
export function segmentGroups(figures: Figures, by: string): Figures['segments'][string] {
  return Object.hasOwn(figures.segments, by) ? figures.segments[by] : {};
}

/** A segment's display name in the locale, else the segment as declared. */
export function segmentName(t: Strings, by: string): string {
  return Object.hasOwn(t.segmentNames, by) ? t.segmentNames[by] : by;
}

/**
 * How each value of a segment is shown: the questionnaire's label for it (labels:, in the
 * report's locale), else the locale's name for it (t.segmentValues), else the
 * value as written, capitalised when every value of the segment is lower case ("chat" beside
 * "North" read as a typo). Display only: figure ids and downloads keep the data's values.
 */
export function segmentValueLabels(figures: Figures, by: string, t: Strings): Record<string, string> {
  const values = Object.keys(segmentGroups(figures, by));
  // The questionnaire's labels: (codes 1/2/3 → the branch a reader knows) come first, in the edition's locale (edition-fs).
  const declared = figures.meta.segment_labels;
  const own = declared && Object.hasOwn(declared, by) ? declared[by] : {};
  const named = { ...(Object.hasOwn(t.segmentValues, by) ? t.segmentValues[by] : {}), ...own };
  const allLower = values.every((v) => v === v.toLowerCase());
  const shown = (v: string) => (allLower ? v.charAt(0).toLocaleUpperCase() + v.slice(1) : v);
  return Object.fromEntries(values.map((v) => [v, Object.hasOwn(named, v) ? named[v] : shown(v)]));
}
