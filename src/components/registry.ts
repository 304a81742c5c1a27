import type { Figures } from '../schemas/figures';

/** What a component prop accepts, checked by the MDX lint before the build renders. */
export type PropRule =
  | { kind: 'figure'; required?: boolean; example?: string }
  | { kind: 'boolean'; required?: boolean; example?: string }
  | { kind: 'choice'; required?: boolean; example?: string; values: (figures: Figures) => string[] };

const segments = (f: Figures) => Object.keys(f.segments);
const trendMetrics = () => ['nps', 'csat', 'ces', 'overall', 'servqual', 'tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];
const benchmarkMetrics = (f: Figures) => [...new Set([...f.benchmarks.map((b) => b.metric)])];

/**
 * Every MDX component a report may use, with its props. Keep in step with the
 * components' own Props (and the authoring guide).
 */
export const COMPONENT_PROPS: Record<string, Record<string, PropRule>> = {
  Metric: { id: { kind: 'figure', required: true, example: 'nps.score' }, interval: { kind: 'boolean' } },
  GapModel: {},
};

export { segments, trendMetrics, benchmarkMetrics };
