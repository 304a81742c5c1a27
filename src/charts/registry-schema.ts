/**
 * The building blocks of a chart's label schema. They live in src/charts (not src/i18n) so
 * that each chart file declares its own label schema beside its builder without importing
 * src/i18n/schema-charts.ts, which composes them from the registry (an import back would be a
 * cycle). src/i18n re-exports them for the UI strings' schema.
 */
import { z } from 'zod';

/** A strict object: a misspelt key is an error, not an unused extra. */
export const strict = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

/** One label per key of a closed list (dimensions, gaps, statuses): none may be left out. */
export function labelsFor<K extends string>(keys: readonly K[]) {
  return strict(Object.fromEntries(keys.map((k) => [k, z.string()])) as Record<K, z.ZodString>);
}

/** Column headings of a chart's data table, one per column in order. */
export const columns = (n: number) => z.array(z.string()).length(n);
