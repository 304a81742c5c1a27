/** benchmarks.csv (SPEC §2.8): peers' values or published statistics of an industry. */
import { STATISTICS, type BenchmarkRow } from '../schemas/dataset';
import { readTable, type TableContext, type TableResult } from './table';

export function parseBenchmarks(text: string, ctx: TableContext): TableResult & { benchmarks: BenchmarkRow[] } {
  const benchmarks: BenchmarkRow[] = [];
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
        direction: c.oneOf(direction, 'direction', ['higher', 'lower'] as const),
      };
      c.required(row.metric, metric, 'metric');
      c.required(row.industry, industry, 'industry');
      c.required(row.period, period, 'period');
      c.required(row.source, source, 'source');
      c.required(row.value, value, 'value');
      const hasStatistic = c.text(statistic, 'statistic') !== undefined;
      if (row.company !== undefined && hasStatistic) sink.add({ line: c.line, message: 'has both a company and a statistic; a row is either a peer\'s value or a published statistic.', hint: 'Leave one of the two empty.' });
      if (row.company === undefined && !hasStatistic && (company || statistic)) sink.add({ line: c.line, message: 'has neither a company nor a statistic.', hint: 'Name the peer in company, or the published statistic (p10, p25, median, p75, p90, mean) in statistic.' });
      benchmarks.push({ ...row, metric: row.metric ?? '', industry: row.industry ?? '', period: row.period ?? '', source: row.source ?? '', value: row.value ?? NaN, line: c.line });
    };
  });
  return { ...result, benchmarks };
}
