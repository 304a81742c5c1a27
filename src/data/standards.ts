/** standards.csv (SPEC §2.4): the service standards the firm set. */
import { DIMENSIONS } from '../schemas/questionnaire';
import { DirectionSchema, type Standard } from '../schemas/dataset';
import { DEFAULT_TOLERANCE } from '../stats/kpi';
import { readTable, UniqueCheck, type TableContext, type TableResult } from './table';

export function parseStandards(text: string, ctx: TableContext): TableResult & { standards: Standard[] } {
  const standards: Standard[] = [];
  const result = readTable(text, ctx, (cols, _cells, sink) => {
    const [id, metric, unit, direction, target] = ['standard_id', 'metric', 'unit', 'direction', 'target'].map((c) => cols.find(c, true));
    const dimension = cols.find('dimension');
    const expectation = cols.find('management_expectation');
    const tolerance = cols.find('tolerance');
    if (!id || !metric || !unit || !direction || !target) return undefined;
    const unique = new UniqueCheck(sink, id.kind === 'header' ? id.name : 'standard_id');
    return (c) => {
      const row = {
        standard_id: c.text(id, 'standard_id'),
        metric: c.text(metric, 'metric'),
        dimension: c.oneOf(dimension, 'dimension', DIMENSIONS),
        unit: c.text(unit, 'unit'),
        direction: c.oneOf(direction, 'direction', DirectionSchema.options),
        target: c.number(target, 'target'),
        management_expectation: c.number(expectation, 'management_expectation'),
        tolerance: c.number(tolerance, 'tolerance', { min: 0 }) ?? DEFAULT_TOLERANCE,
      };
      if (c.required(row.standard_id, id, 'standard_id')) unique.add(row.standard_id, c.line);
      c.required(row.metric, metric, 'metric');
      c.required(row.unit, unit, 'unit');
      c.required(row.direction, direction, 'direction');
      c.required(row.target, target, 'target');
      standards.push({ ...row, standard_id: row.standard_id ?? '', metric: row.metric ?? '', unit: row.unit ?? '', direction: row.direction ?? 'higher', target: row.target ?? NaN, line: c.line });
    };
  });
  return { ...result, standards };
}
