// The same headline figures as gapreport's, in one DuckDB SQL statement over the CSV (a CTE
// straight over read_csv, PERF-NOTES): NPS, CSAT top-2-box, CES mean and the five
// dimensions' E, P and gap means with the half rule, by wave and channel. Prints the rows
// as JSON, and its peak RSS (KiB) as "max-rss-kib N" on stderr.
import { DuckDBInstance } from '@duckdb/node-api';

const DIMS = {
  tangibles: ['tan1', 'tan2', 'tan3', 'tan4'],
  reliability: ['rel1', 'rel2', 'rel3', 'rel4', 'rel5'],
  responsiveness: ['res1', 'res2', 'res3', 'res4'],
  assurance: ['ass1', 'ass2', 'ass3', 'ass4'],
  empathy: ['emp1', 'emp2', 'emp3', 'emp4', 'emp5'],
};
const half = (xs) => {
  const n = xs.map((x) => `(${x} IS NOT NULL)::INTEGER`).join(' + ');
  return `CASE WHEN (${n}) > 0 AND (${n}) >= ${xs.length / 2} THEN (${xs.map((x) => `coalesce(${x}, 0)`).join(' + ')}) / (${n}) END`;
};
const scores = Object.entries(DIMS).flatMap(([d, items]) => [
  `${half(items.map((i) => `e_${i}`))} AS ${d}_e`,
  `${half(items.map((i) => `p_${i}`))} AS ${d}_p`,
  `${half(items.map((i) => `(p_${i} - e_${i})`))} AS ${d}_g`,
]);
const means = Object.keys(DIMS).flatMap((d) => ['e', 'p', 'g'].map((k) => `avg(${d}_${k}) AS ${d}_${k}`));
const sql = `WITH r AS (SELECT wave, channel, nps, csat, ces, ${scores.join(', ')} FROM read_csv('${process.argv[2].replace(/'/g, "''")}', header = true))
SELECT wave, channel, count(*) AS n,
  100 * (count_if(nps >= 9) - count_if(nps <= 6)) / count(nps) AS nps,
  100 * count_if(csat >= 4) / count(csat) AS csat_top2box,
  avg(ces) AS ces, ${means.join(', ')}
FROM r GROUP BY wave, channel ORDER BY wave, channel`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
console.log(JSON.stringify(reader.getRowObjectsJson()).slice(0, 400));
console.error(`max-rss-kib ${process.resourceUsage().maxRSS}`);
