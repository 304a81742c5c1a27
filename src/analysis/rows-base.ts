/**
 * The rows behind the respondents: responses.csv rows read and those the row rules (keep:, or
 * the tool preset of source:) excluded, per rule — the figures `base.rows_read`,
 * `base.rows_excluded` and `base.excluded[]`, so n never shrinks without the report saying why.
 */
import type { Dataset } from '../schemas/dataset';
import type { Figures } from '../schemas/figures';

export function rowsBase(filter: Dataset['rows_filter']): Figures['base'] {
  if (!filter) return undefined;
  return { rows_read: filter.read, rows_excluded: filter.excluded.reduce((n, e) => n + e.rows, 0), excluded: filter.excluded };
}
