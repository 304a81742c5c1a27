import type { Figures } from '../../schemas/figures';
import type { Formatters } from '../../i18n/format';
import { fillTemplate, type Strings } from '../../i18n/strings';
import { metricText } from './metric-format';

export interface Cell {
  text: string;
  state: 'value' | 'suppressed' | 'not measured';
  /** Figure id, for data-figure. */
  id: string;
}

export interface SegmentTable {
  caption: string;
  columns: string[];
  rows: { label: string; n: string; cells: Cell[] }[];
  note: string;
}

/** Columns of the breakdown: the headline figure ids inside a segment value. */
export const SEGMENT_COLUMNS = [
  { id: 'nps.score', key: 'nps' },
  { id: 'csat.top2box', key: 'csat' },
  { id: 'ces.mean', key: 'ces' },
  { id: 'overall.mean', key: 'overall' },
  { id: 'servqual.unweighted', key: 'servqual' },
] as const;

/** The breakdown of the report's wave by one segment: bases and headline figures, suppressed cells said so. */
export function segmentTable(figures: Figures, by: string, fmt: Formatters, t: Strings): SegmentTable {
  const groups = figures.segments[by] ?? {};
  const name = t.segmentNames[by] ?? by;
  const rows = Object.entries(groups).map(([value, g]) => ({
    label: value,
    n: fmt.integer(g.n),
    cells: SEGMENT_COLUMNS.map(({ id }) => {
      const full = `segments.${by}.${value}.${id}`;
      const m = metricText(figures, full, fmt, t);
      if (m.kind === 'value') return { id: full, state: 'value' as const, text: m.text + (m.lowBase ? ' †' : '') };
      // A suppressed group has no SERVQUAL score at all: it reads as suppressed, not as missing data.
      const hidden = m.kind === 'suppressed' || (id === 'servqual.unweighted' && Object.values(g.servqual?.dimensions ?? {}).some((d) => d.suppressed));
      if (hidden) return { id: full, state: 'suppressed' as const, text: t.suppressedShort };
      return { id: full, state: 'not measured' as const, text: t.notMeasured };
    }),
  }));
  return {
    caption: fillTemplate(t.segment.caption, { by: name.toLowerCase(), wave: figures.meta.wave ?? '' }),
    columns: [fillTemplate(t.segment.value, { by: name }), t.segment.n, ...SEGMENT_COLUMNS.map((c) => (c.key === 'servqual' ? t.segment.servqual : t.shortMetrics[c.key]))],
    rows,
    note: fillTemplate(t.segment.note, { min: figures.meta.min_base, low: figures.meta.low_base }),
  };
}
