/**
 * employees.csv: the internal service survey. Employees are customers of the teams that serve
 * them, so they rate the same SERVQUAL items (p_<item>, optional e_<item>) for the internal
 * service they receive, and give an employee NPS (enps, 0–10). Each row carries its team or
 * branch as a segment declared in questionnaire.yaml (branch:, region:…), the key the internal
 * figures are compared with the customers' on. Rows stay in memory: only figures gated by
 * min_base are published (src/analysis/internal.ts).
 */
import type { Item, Questionnaire } from '../schemas/questionnaire';
import type { Employee } from '../schemas/dataset';
import { reportUnknownItemColumns } from './items';
import { ProblemSink } from './problems';
import { segmentProblems, segmentTally, tallyValue } from './segments';
import { labelOf } from './columns';
import { readTable, UniqueCheck, type TableContext, type TableResult } from './table';

export const ENPS_RULE = { min: 0, max: 10, integer: true };

export function parseEmployees(text: string, ctx: TableContext, q: Questionnaire, items: Item[]): TableResult & { employees: Employee[] } {
  const employees: Employee[] = [];
  const scale = { min: q.scale.min, max: q.scale.max, notApplicable: q.not_applicable };
  const sink = new ProblemSink(ctx.file);
  let tally: ReturnType<typeof segmentTally> | undefined;
  const result = readTable(
    text,
    ctx,
    (cols, _cells, sink) => {
      const id = cols.find('respondent_id', true);
      // Only declared segments group employees: a team column the questionnaire does not declare would have no customer side to meet.
      const segments = q.segments.map((s) => [s, cols.find(s)] as const).filter((pair): pair is readonly [string, NonNullable<(typeof pair)[1]>] => pair[1] !== undefined);
      if (segments.length === 0) {
        sink.add({
          line: 1,
          message: q.segments.length
            ? `has no team or branch column: none of the segments declared in questionnaire.yaml (${q.segments.join(', ')}) is in the header.`
            : 'has no team or branch to group employees by: questionnaire.yaml declares no segments:.',
          hint: 'Add a column named like a segment of questionnaire.yaml (e.g. branch), so employees meet their customers by branch.',
        });
      }
      const e = items.map((i) => [i.id, cols.find(`e_${i.id}`)] as const);
      const p = items.map((i) => [i.id, cols.find(`p_${i.id}`)] as const);
      const enps = cols.find('enps');
      const role = cols.find('role');
      reportUnknownItemColumns(cols, sink, items, ['e', 'p']);
      if (!enps && p.every(([, s]) => !s)) sink.add({ line: 1, message: 'has neither an enps column nor any p_<item> column, so it measures nothing.', hint: 'Add enps (0–10) and the p_ columns of the items employees rate.' });
      if (!id || segments.length === 0) return undefined;
      const unique = new UniqueCheck(sink, labelOf(id, 'respondent_id'));
      tally = segmentTally(
        segments.map(([s]) => s),
        segments.map(([s, src]) => labelOf(src, s)),
        q.entities,
      );
      const t = tally;
      return (c) => {
        const employeeId = c.text(id, 'respondent_id');
        if (c.required(employeeId, id, 'respondent_id')) unique.add(employeeId, c.line);
        const values: Record<string, string | undefined> = {};
        segments.forEach(([s, src], i) => {
          const v = c.text(src, s);
          values[s] = v !== undefined && tallyValue(t, i, v) ? v : undefined;
        });
        employees.push({
          id: employeeId ?? '',
          segments: values,
          e: Object.fromEntries(e.map(([k, s]) => [k, c.number(s, `e_${k}`, scale)])),
          p: Object.fromEntries(p.map(([k, s]) => [k, c.number(s, `p_${k}`, scale)])),
          enps: c.number(enps, 'enps', ENPS_RULE),
          role: c.text(role, 'role'),
          line: c.line,
        });
      };
    },
    sink,
  );
  // A team column that names people, or has too many values, is refused as a customer segment would be.
  if (tally) for (const problem of segmentProblems(tally)) sink.add(problem);
  return { ...result, problems: sink.list(), employees };
}
