/**
 * The axis policy of trend charts (stated for readers in content/docs/reading-charts.mdx,
 * "How the axes are drawn"), so that no axis makes a change look larger than the data can tell:
 *
 * 1. A signed metric — a SERVQUAL gap P − E, the SERVQUAL score, NPS — keeps zero on its axis.
 *    Its sign is the message (a shortfall or not, more promoters than detractors), and its
 *    distance from zero then reads true: a −0.05 move on a −1.25 gap is a sliver, not a fall.
 * 2. A level metric (CSAT %, a mean on the item scale) need not show zero — a 1–7 mean has none —
 *    but its axis spans at least MIN_SPAN_INTERVALS times its widest 95 % interval, so a change
 *    inside the intervals never fills the plot. When such an axis leaves zero out, the chart
 *    draws a break mark at its foot (the axis is cut, and says so).
 * 3. The axis never leaves the metric's possible range (`bounds`).
 */

/** A level metric's axis spans at least this many times its widest 95 % interval. */
export const MIN_SPAN_INTERVALS = 3;

export interface TrendAxisInput {
  /** The values drawn (suppressed waves left out). */
  values: number[];
  /** Their 95 % intervals, where known. */
  intervals: [number, number][];
  /** Keep zero on the axis (rule 1): signed metrics. */
  zero: boolean;
  /** The metric's possible range: the axis never leaves it. */
  bounds?: [number, number];
  /** Decimals of the values: the smallest padding is one unit of the last decimal. */
  decimals: number;
}

/** The y extent before d3's `nice()`: the data and intervals, zero when rule 1 applies, the minimum span (rule 2), padded. */
export function trendExtent(a: TrendAxisInput): [number, number] {
  const ys = [...a.values, ...a.intervals.flat()];
  if (!ys.length) return [0, 1];
  let [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  if (a.zero) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  const widest = Math.max(0, ...a.intervals.map(([l, h]) => h - l));
  const span = MIN_SPAN_INTERVALS * widest;
  if (hi - lo < span) {
    const grow = (span - (hi - lo)) / 2;
    [lo, hi] = [lo - grow, hi + grow];
  }
  // Padding so points and their labels clear the frame; none past zero when zero is the edge.
  const pad = Math.max((hi - lo) * 0.15, Math.abs(hi) * 0.02, 10 ** -a.decimals);
  [lo, hi] = [a.zero && lo === 0 ? 0 : lo - pad, a.zero && hi === 0 ? 0 : hi + pad];
  if (a.bounds) {
    const [b0, b1] = a.bounds;
    // Shift a window that runs past a bound back inside, keeping its span where the range allows.
    if (lo < b0) [lo, hi] = [b0, Math.min(b1, hi + (b0 - lo))];
    if (hi > b1) [lo, hi] = [Math.max(b0, lo - (hi - b1)), b1];
  }
  return [lo, hi];
}

/** Whether a (niced) axis leaves zero out, and so is drawn with a break mark at its foot (rule 2). */
export function axisIsCut(domain: [number, number]): boolean {
  return domain[0] > 0 || domain[1] < 0;
}
