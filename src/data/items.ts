/** Cross-file rule: every e_/p_/m_ (and w_) column names a declared item (or dimension). */
import { DIMENSIONS, type Item } from '../schemas/questionnaire';
import type { Columns } from './columns';
import type { ProblemSink } from './problems';

export function reportUnknownItemColumns(cols: Columns, sink: ProblemSink, items: Item[], prefixes: ('e' | 'p' | 'm' | 'w')[]): void {
  const ids = new Set(items.map((i) => i.id));
  for (const { name } of cols.unmapped()) {
    const m = /^([epmw])_(.+)$/i.exec(name);
    if (!m || !prefixes.includes(m[1].toLowerCase() as 'e')) continue;
    const [prefix, id] = [m[1].toLowerCase(), m[2].toLowerCase()];
    if (prefix === 'w') {
      if (!(DIMENSIONS as readonly string[]).includes(id)) sink.add({ line: 1, column: name, message: `names dimension "${id}", which is not one of ${DIMENSIONS.join(', ')}.` });
    } else if (!ids.has(id)) {
      sink.add({ line: 1, column: name, message: `names item "${id}", which questionnaire.yaml does not declare.`, hint: 'Declare it under items: (or use preset: servqual-22), or rename the column.' });
    }
  }
}
