/**
 * Symbols shared by charts. Each status has its own shape and glyph as well as its
 * colour, so it reads in greyscale print and for colour-blind readers.
 */
import { C, el, r, text, FS } from './svg';

export type Status = 'met' | 'at risk' | 'missed' | 'not measured';

/** met ✓ blue circle · at risk ! orange triangle · missed ✗ vermillion square · not measured: dashed ring. */
export function statusMark(status: Status, cx: number, cy: number, size = 14): string {
  const h = size / 2;
  const cls = `gr-status gr-status--${status.replace(' ', '-')}`;
  switch (status) {
    case 'met':
      return el(
        'g',
        { class: cls },
        [
          el('circle', { cx, cy, r: h, fill: C.good }),
          el('path', {
            d: `M${r(cx - h * 0.5)},${r(cy)}L${r(cx - h * 0.1)},${r(cy + h * 0.4)}L${r(cx + h * 0.55)},${r(cy - h * 0.4)}`,
            fill: 'none',
            stroke: C.surface,
            'stroke-width': 2,
          }),
        ].join(''),
      );
    case 'at risk':
      return el(
        'g',
        { class: cls },
        [
          el('path', { d: `M${r(cx)},${r(cy - h)}L${r(cx + h)},${r(cy + h * 0.8)}L${r(cx - h)},${r(cy + h * 0.8)}Z`, fill: C.warn }),
          el('path', { d: `M${r(cx)},${r(cy - h * 0.4)}V${r(cy + h * 0.2)}`, stroke: C.ink, 'stroke-width': 1.8 }),
          el('circle', { cx, cy: cy + h * 0.5, r: 1, fill: C.ink }),
        ].join(''),
      );
    case 'missed':
      return el(
        'g',
        { class: cls },
        [
          el('rect', { x: cx - h, y: cy - h, width: size, height: size, fill: C.bad }),
          el('path', {
            d: `M${r(cx - h * 0.5)},${r(cy - h * 0.5)}L${r(cx + h * 0.5)},${r(cy + h * 0.5)}M${r(cx + h * 0.5)},${r(cy - h * 0.5)}L${r(cx - h * 0.5)},${r(cy + h * 0.5)}`,
            stroke: C.surface,
            'stroke-width': 2,
          }),
        ].join(''),
      );
    default:
      return el(
        'g',
        { class: cls },
        [
          el('circle', { cx, cy, r: h - 1, fill: 'none', stroke: C.muted, 'stroke-dasharray': '2 2' }),
          el('path', { d: `M${r(cx - h * 0.4)},${r(cy)}H${r(cx + h * 0.4)}`, stroke: C.muted, 'stroke-width': 1.5 }),
        ].join(''),
      );
  }
}

/** A small arrow: up, down or flat; `good` decides the colour, and a bad move gets a hollow head (for greyscale). */
export function trendArrow(slope: number, good: boolean | undefined, cx: number, cy: number, size = 12): string {
  const h = size / 2;
  const color = good === undefined ? C.muted : good ? C.good : C.bad;
  const head = good === false ? C.surface : color;
  const dir = slope > 0 ? -1 : slope < 0 ? 1 : 0;
  if (dir === 0) {
    return el('path', {
      d: `M${r(cx - h)},${r(cy)}H${r(cx + h * 0.3)}M${r(cx + h * 0.3)},${r(cy - h * 0.5)}L${r(cx + h)},${r(cy)}L${r(cx + h * 0.3)},${r(cy + h * 0.5)}Z`,
      stroke: color,
      fill: color,
      'stroke-width': 1.5,
    });
  }
  const tip = cy + dir * h;
  const base = cy - dir * h;
  return el('path', {
    d: `M${r(cx)},${r(base)}V${r(tip - dir * h * 0.6)}M${r(cx - h * 0.6)},${r(tip - dir * h * 0.7)}L${r(cx)},${r(tip)}L${r(cx + h * 0.6)},${r(tip - dir * h * 0.7)}Z`,
    stroke: color,
    fill: head,
    'stroke-width': 1.5,
    'stroke-linejoin': 'round',
  });
}

/** A legend entry: a swatch (markup) and its label. Returns markup and the x after it. */
export function legendItem(x: number, y: number, swatch: string, label: string): { svg: string; next: number } {
  const svg = swatch + text(x + 16, y + 4, label, { 'font-size': FS.small, fill: C.muted });
  return { svg, next: x + 16 + [...label].length * FS.small * 0.56 + 18 };
}
