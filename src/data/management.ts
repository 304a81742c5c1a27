/** management.csv (SPEC §2.3): managers' view of customer expectations, m_<item> on the item scale. */
import type { Item, Questionnaire } from '../schemas/questionnaire';
import type { Manager } from '../schemas/dataset';
import { reportUnknownItemColumns } from './items';
import { readTable, UniqueCheck, type TableContext, type TableResult } from './table';

export function parseManagement(text: string, ctx: TableContext, q: Questionnaire, items: Item[]): TableResult & { managers: Manager[] } {
  const managers: Manager[] = [];
  const scale = { min: q.scale.min, max: q.scale.max, notApplicable: q.not_applicable };
  const result = readTable(text, ctx, (cols, _cells, sink) => {
    const id = cols.find('respondent_id', true);
    const m = items.map((i) => [i.id, cols.find(`m_${i.id}`)] as const);
    reportUnknownItemColumns(cols, sink, items, ['m']);
    if (!id) return undefined;
    const unique = new UniqueCheck(sink, id.kind === 'header' ? id.name : 'respondent_id');
    return (c) => {
      const managerId = c.text(id, 'respondent_id');
      if (c.required(managerId, id, 'respondent_id')) unique.add(managerId, c.line);
      managers.push({ id: managerId ?? '', m: Object.fromEntries(m.map(([k, s]) => [k, c.number(s, `m_${k}`, scale)])), line: c.line });
    };
  });
  return { ...result, managers };
}
