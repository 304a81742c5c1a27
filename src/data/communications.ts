/** communications.csv (SPEC §2.7): promises made to customers (Gap 4). */
import type { Claim } from '../schemas/dataset';
import { readTable, UniqueCheck, type TableContext, type TableResult } from './table';

export function parseCommunications(text: string, ctx: TableContext): TableResult & { claims: Claim[] } {
  const claims: Claim[] = [];
  const result = readTable(text, ctx, (cols, _cells, sink) => {
    const [id, metric, promised, source] = ['claim_id', 'metric', 'promised', 'source'].map((c) => cols.find(c, true));
    if (!id || !metric || !promised || !source) return undefined;
    const unique = new UniqueCheck(sink, id.kind === 'header' ? id.name : 'claim_id');
    return (c) => {
      const row = { claim_id: c.text(id, 'claim_id'), metric: c.text(metric, 'metric'), promised: c.number(promised, 'promised'), source: c.text(source, 'source') };
      if (c.required(row.claim_id, id, 'claim_id')) unique.add(row.claim_id, c.line);
      c.required(row.metric, metric, 'metric');
      c.required(row.promised, promised, 'promised');
      c.required(row.source, source, 'source');
      claims.push({ claim_id: row.claim_id ?? '', metric: row.metric ?? '', promised: row.promised ?? NaN, source: row.source ?? '', line: c.line });
    };
  });
  return { ...result, claims };
}
