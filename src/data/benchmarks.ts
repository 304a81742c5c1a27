/** benchmarks.csv (SPEC §2.8): peers' values or published statistics of an industry. */
import { DirectionSchema, STATISTICS, type BenchmarkRow } from '../schemas/dataset';
import { readTable, type TableContext, type TableResult } from './table';

export function parseBenchmarks(text: string, ctx: TableContext): TableResult & { benchmarks: BenchmarkRow[] } {
  const benchmarks: BenchmarkRow[] = [];
  /** metric, industry, period and peer/statistic → its line: a repeat would count a peer twice. */
  const seen = new Map<string, number>();
  const result = readTable(text, ctx, (cols, _cells, sink) => {
    const [metric, industry, period, source, value] = ['metric', 'industry', 'period', 'source', 'value'].map((c) => cols.find(c, true));
    const company = cols.find('company');
    const statistic = cols.find('statistic');
    const direction = cols.find('direction');
    if (!company && !statistic) sink.add({ line: 1, message: 'needs a "company" column (peer rows) or a "statistic" column (published summaries), or both.' });
    if (!metric || !industry || !period || !source || !value) return undefined;
    return (c) => {
      const row = {
        metric: c.text(metric, 'metric'),
        industry: c.text(industry, 'industry'),
        period: c.text(period, 'period'),
        source: c.text(source, 'source'),
        company: c.text(company, 'company'),
        statistic: c.oneOf(statistic, 'statistic', STATISTICS),
        value: c.number(value, 'value'),
        direction: c.oneOf(direction, 'direction', DirectionSchema.options),
      };
      c.required(row.metric, metric, 'metric');
      c.required(row.industry, industry, 'industry');
      c.required(row.period, period, 'period');
      c.required(row.source, source, 'source');
      c.required(row.value, value, 'value');
      const hasStatistic = c.text(statistic, 'statistic') !== undefined;
      if (row.company !== undefined && hasStatistic) sink.add({ line: c.line, message: 'has both a company and a statistic; a row is either a peer\'s value or a published statistic.', hint: 'Leave one of the two empty.' });
      if (row.company === undefined && !hasStatistic && (company || statistic)) sink.add({ line: c.line, message: 'has neither a company nor a statistic.', hint: 'Name the peer in company, or the published statistic (p10, p25, median, p75, p90, mean) in statistic.' });
      const who = row.company !== undefined ? `peer "${row.company}"` : row.statistic !== undefined ? `statistic "${row.statistic}"` : undefined;
      const key = JSON.stringify([row.metric, row.industry, row.period, row.company, row.statistic]);
      if (who && row.metric && row.period && seen.has(key)) {
        sink.add({ line: c.line, message: `gives ${who} for metric "${row.metric}", industry "${row.industry ?? ''}", period "${row.period}" again; line ${seen.get(key)} gave it already.`, hint: 'Keep one value per peer or statistic, metric, industry and period.' });
        return;
      }
      seen.set(key, c.line);
      benchmarks.push({ ...row, metric: row.metric ?? '', industry: row.industry ?? '', period: row.period ?? '', source: row.source ?? '', value: row.value ?? NaN, line: c.line });
    };
  });
  return { ...result, benchmarks };
}
