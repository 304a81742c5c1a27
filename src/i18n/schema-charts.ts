/**
 * The chart labels of a locale: the `charts` block of every locale file, composed from the
 * chart registry (src/charts/registry.ts), where each chart declares its label schema beside
 * its builder. Adding a chart type adds no line here. Templates use `{placeholders}` filled by
 * the builder; every locale keeps the English placeholders.
 */
import type { z } from 'zod';
import { CHART_LABEL_SCHEMAS } from '../charts/registry';
import { strict } from '../charts/registry-schema';

/** The schema helpers every locale schema uses, declared with the charts (no import back from them). */
export { strict, labelsFor } from '../charts/registry-schema';

/** Labels for every labelled chart builder, under the builder's registry key. */
export const ChartLabelsSchema = strict(CHART_LABEL_SCHEMAS);

export type ChartLabelSet = z.infer<typeof ChartLabelsSchema>;
