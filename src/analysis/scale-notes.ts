/**
 * What the figures' meta says about labels and scales, for the pages and the methodology:
 * the segment value labels (questionnaire `labels:`, the source text — English when it has
 * several; a page shows its locale's, as for items), and every column read on its own scale,
 * reverse-coded or rescaled, as the analyst wrote it (columns or globs), so that a rescale
 * is never silent.
 */
import type { Figures } from '../schemas/figures';
import type { Questionnaire } from '../schemas/questionnaire';
import { itemText } from './labels';

type Meta = Pick<Figures['meta'], 'segment_labels' | 'column_scales'>;

export function scaleMeta(q: Questionnaire | undefined): Meta {
  if (!q) return {};
  const labels = Object.entries(q.labels ?? {}).filter(([segment]) => q.segments.includes(segment));
  const scales: NonNullable<Meta['column_scales']> = [];
  for (const [table, s] of Object.entries(q.scales ?? {})) {
    if (s.min === undefined && s.rescale === undefined) continue; // a label table only: answers stay on the contract's scale
    const from = s.min !== undefined && s.max !== undefined ? { min: s.min, max: s.max } : q.scale;
    scales.push({ table, columns: s.columns, from, ...(s.rescale ? { to: s.rescale } : {}), reverse: false });
  }
  if (q.reverse?.length) scales.push({ columns: q.reverse, from: q.scale, reverse: true });
  if (q.binary?.length) scales.push({ columns: q.binary, from: { min: 0, max: 1 }, reverse: false, binary: true });
  return {
    ...(labels.length
      ? {
          segment_labels: Object.fromEntries(
            labels.map(([segment, values]) => [
              segment,
              Object.fromEntries(Object.entries(values).map(([code, text]) => [code, itemText({ id: code, text }, 'en')])),
            ]),
          ),
        }
      : {}),
    ...(scales.length ? { column_scales: scales } : {}),
  };
}
