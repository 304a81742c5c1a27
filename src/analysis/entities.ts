import type { BenchmarkFigure, Entities, EntityFigures, Gap, GroupFigures, Servqual } from '../schemas/figures';
import { REPORT_SETTINGS, type Problem } from '../schemas/problem';
import { crossCells, type SurveyAccs } from './accumulate';
import { changeFigures } from './changes';
import { entitySuppression, secondarySuppression, segmentSuppression, type Grouping } from './complementary';
import { consistencyOf, rankAmong, standings, type ConsistencyMetric, type Standing } from './consistency';
import { closest } from './did-you-mean';
import { entitySlugs } from './entities-slug';
import type { SurveyLayout } from './layout';
import { published, type BaseRule } from './suppress';
import { benchmarkFigures, BEST_IN_CLASS, type OwnValue } from './benchmarks';
import type { BenchmarkRow, Standard } from '../schemas/dataset';
import { groupFigures } from './survey-figures';
import type { SurveyAcc } from './survey-acc';

/**
 * The entities of a `per:` report (issue 15): one set of figures per value of the segment,
 * every one taken from the accumulators the single pass already filled (wave × segment
 * value), never a pass per entity. An entity whose base in the report's wave is under
 * min_base is withheld whole — its page says so and no figure of it is published, not even
 * an earlier wave's. Every wave's cells are complemented against that wave (complementary.ts),
 * and the report's wave also against every value of the other segments it publishes (a region
 * total minus its published outlets never reveals a withheld outlet either): the parent's
 * breakdown by `per` withholds the same cells (reportWaveWithheld).
 */
export interface EntityInput {
  per: string;
  /** The questionnaire's segments: the others publish totals of the report's wave that hold entities. */
  segments: readonly string[];
  /** The report's wave and every wave up to it, sorted. */
  wave: string | undefined;
  waves: readonly string[];
  accs: SurveyAccs;
  layout: SurveyLayout;
  rule: BaseRule;
  /** The report's benchmark figures for another own value (benchmarkFigures with the report's rows). */
  benchmarks: (own: OwnValue) => BenchmarkFigure[];
  /** Gaps 1 and 5 for another SERVQUAL result (management.csv is the chain's, perceptions the entity's). */
  gaps: (servqual: Servqual | undefined) => { gap1: Gap; gap5: Gap };
  /** reportWaveWithheld of the report's wave, when the caller computed it already (the parent's breakdown). */
  withheld?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** `per: benchmarks`: one page per company of benchmarks.csv in the report's industry, against its peers. */
export const BENCHMARK_COMPANIES = 'benchmarks';

/**
 * A `per:` naming no declared segment (nor `benchmarks`) is the analyst's mistake: a problem on
 * the setting, with the closest name. `crossCounted`: the engine counted entity × segment cells;
 * without them the totals of the other segments cannot be complemented, so such a report is
 * refused, not published. `companies`: benchmarks.csv's companies of the report's industry.
 */
export function perProblems(per: string | undefined, segments: readonly string[], crossCounted = true, companies: readonly string[] = []): Problem[] {
  const problem = (message: string, hint: string): Problem[] => [{ file: REPORT_SETTINGS, column: 'per', value: per!, message, hint }];
  if (per === BENCHMARK_COMPANIES) {
    if (segments.includes(per))
      return problem(
        'names both a segment of questionnaire.yaml and the companies of benchmarks.csv.',
        'Rename the segment in questionnaire.yaml (per: benchmarks expands over benchmarks.csv’s companies).',
      );
    if (companies.length === 0)
      return problem(
        'expands over the companies of benchmarks.csv, and it names none for the report’s industry.',
        'Fill the company column of benchmarks.csv for that industry, or set per: to a segment.',
      );
    return [];
  }
  if (per !== undefined && segments.includes(per) && !crossCounted && segments.length > 1)
    return problem(
      `needs the counts of each ${per} within ${segments.filter((s) => s !== per).join(', ')}, which this engine does not compute, to keep a withheld ${per} from being derived from those totals.`,
      'Build this report with --engine memory or --engine stream.',
    );
  if (per === undefined || segments.includes(per)) return [];
  const near = closest(per, [...segments, BENCHMARK_COMPANIES]);
  return problem(
    `is not a segment of questionnaire.yaml (segments: ${segments.join(', ') || 'none'}) nor benchmarks (the companies of benchmarks.csv).`,
    near ? `Did you mean ${near}?` : 'Declare it under segments: in questionnaire.yaml, or remove per:.',
  );
}

/** The companies of benchmarks.csv in an industry (best-in-class marks are no industry's companies), sorted. */
export function benchmarkCompanies(rows: readonly BenchmarkRow[], industry: string | undefined): string[] {
  if (industry === undefined || industry === BEST_IN_CLASS) return [];
  return [...new Set(rows.filter((r) => r.industry === industry && r.company !== undefined).map((r) => r.company as string))].sort();
}

export interface BenchmarkEntityInput {
  rows: readonly BenchmarkRow[];
  industry: string | undefined;
  period: string | undefined;
  standards: readonly Standard[];
  ces: 'higher' | 'lower';
}

const notMeasured = (reason: string) => ({ status: 'not measured' as const, reason });

/**
 * `per: benchmarks` (issue 15 item 1): an entity per company of benchmarks.csv in the report's
 * industry. Its figures are its own rows: each metric's value in the period the report compares
 * (benchmarkFigures' choice), positioned among the other companies of the industry (never
 * itself), ranked among them, and spread over them. A company has no respondents: no survey
 * figure, wave, change or gap is its, and none is borrowed (they read as not measured). Every
 * value is published in benchmarks.csv already, so none is withheld.
 */
export function benchmarkEntities(input: BenchmarkEntityInput): Entities {
  const { rows, industry, period, standards, ces } = input;
  const companies = benchmarkCompanies(rows, industry);
  const slugs = entitySlugs(companies);
  const heads = new Map<string, BenchmarkFigure[]>();
  for (const company of companies) {
    // Its value per metric: its row of the period benchmarkFigures compares (theirs when present, else the latest).
    const own: OwnValue = (metric) => {
      const all = rows.filter((r) => r.industry === industry && r.metric === metric);
      const periods = [...new Set(all.map((r) => r.period))].sort();
      const chosen = period !== undefined && periods.includes(period) ? period : periods[periods.length - 1];
      return all.find((r) => r.period === chosen && r.company === company)?.value;
    };
    heads.set(
      company,
      benchmarkFigures(
        rows.filter((r) => r.company !== company),
        industry,
        period,
        standards,
        own,
        ces,
      ),
    );
  }
  const metrics: ConsistencyMetric<BenchmarkFigure[]>[] = [...new Set([...heads.values()].flat().map((b) => b.metric))].sort().map((metric) => ({
    key: metric,
    figure: `benchmarks.${metric}.value`,
    direction: [...heads.values()].flat().find((b) => b.metric === metric)!.direction,
    value: (bs) => bs.find((b) => b.metric === metric)?.value,
  }));
  const ranked = new Map<string, Standing>(companies.map((c) => [c, { rank: {}, percentile: {}, of: {}, tests: {} }]));
  rankAmong(heads, metrics, ranked);
  const reason = 'a company of benchmarks.csv has no respondents in this survey';
  const values: Record<string, EntityFigures> = {};
  for (const company of companies) {
    const slug = slugs.get(company)!;
    values[company] = {
      withheld: false,
      slug,
      n: 0,
      waves: [],
      changes: [],
      trend_changes: [],
      benchmarks: heads.get(company)!,
      gaps: { gap1: notMeasured(reason), gap5: notMeasured(reason) },
      standing: { per: BENCHMARK_COMPANIES, name: company, slug, ...ranked.get(company)! },
    };
  }
  return { per: BENCHMARK_COMPANIES, values, consistency: consistencyOf(heads, ranked, metrics) };
}

/** The other segments' values of one wave as totals holding entities, each complemented against the wave as the parent publishes it. */
function groupingsOf(accs: SurveyAccs, wave: string, per: string, segments: readonly string[], rule: BaseRule, layout: SurveyLayout): Grouping[] {
  const total = accs.byWave.get(wave);
  if (!total) return [];
  const others = segments.filter((s) => s !== per);
  const cellsOf = (segment: string) => accs.bySegment.get(wave)?.get(segment) ?? new Map<string, SurveyAcc>();
  // The other segments withhold as the report's breakdowns do (analyze.ts): against the wave and each other.
  const withheld = segmentSuppression(total, new Map(others.map((s) => [s, cellsOf(s)])), (a, b) => crossCells(accs, wave, a, b), rule, layout);
  return others.map((segment) => {
    const cells = cellsOf(segment);
    return {
      segment,
      cells,
      withheld: withheld.get(segment)!,
      cross: crossCells(accs, wave, per, segment) ?? new Map(),
      pairs: new Map(others.filter((h) => h !== segment).map((h) => [h, crossCells(accs, wave, segment, h) ?? new Map()])),
    };
  });
}

/**
 * The figure keys each entity of the report's wave withholds secondarily: against the wave and
 * against every published value (and union of values) of the other segments. The parent's
 * segments[per] breakdown publishes the same cells as the entity pages, so analyze uses this too.
 */
export function reportWaveWithheld(
  accs: SurveyAccs,
  wave: string,
  per: string,
  segments: readonly string[],
  rule: BaseRule,
  layout: SurveyLayout,
): Map<string, Set<string>> {
  const total = accs.byWave.get(wave);
  const cells = accs.bySegment.get(wave)?.get(per) ?? new Map<string, SurveyAcc>();
  return total ? entitySuppression(total, cells, groupingsOf(accs, wave, per, segments, rule, layout), rule, layout) : new Map();
}

/**
 * The segment's cells in one wave, complemented against that wave's total — and, in the report's
 * wave, against the other segments' totals (only the report's wave publishes segment values).
 */
function waveCells(input: EntityInput, wave: string): { cells: Map<string, SurveyAcc>; figures: Map<string, GroupFigures> } {
  const { accs, layout, rule, per } = input;
  const cells = accs.bySegment.get(wave)?.get(per) ?? new Map<string, SurveyAcc>();
  const total = accs.byWave.get(wave);
  const withheld =
    wave === input.wave
      ? (input.withheld ?? reportWaveWithheld(accs, wave, per, input.segments, rule, layout))
      : total
        ? secondarySuppression(total, cells, rule, layout)
        : new Map<string, Set<string>>();
  return { cells, figures: new Map([...cells].map(([v, acc]) => [v, groupFigures(acc, layout, rule, withheld.get(v))])) };
}

/** Headline values a benchmark compares, as analyze's `own` does for the report. */
function ownOf(head: GroupFigures): OwnValue {
  return (metric) => {
    if (metric === 'nps') return published(head.nps, 'score');
    if (metric === 'csat') return published(head.csat, 'top2box');
    if (metric === 'ces') return published(head.ces, 'mean');
    if (metric === 'overall') return published(head.overall, 'mean');
    if (metric === 'servqual') return head.servqual?.unweighted;
    return undefined; // operations KPIs are the chain's, not an entity's
  };
}

export function entityFigures(input: EntityInput): Entities {
  const { wave, rule, layout } = input;
  if (wave === undefined) return { per: input.per, values: {}, consistency: {} };
  const upTo = input.waves.filter((w) => w <= wave);
  const byWave = new Map(upTo.map((w) => [w, waveCells(input, w)]));
  const report = byWave.get(wave)!;
  const names = [...report.cells.keys()].sort();
  const slugs = entitySlugs(names);
  const total = input.accs.byWave.get(wave)!;
  const open = names.filter((v) => report.cells.get(v)!.n >= rule.min_base);
  const heads = new Map(open.map((v) => [v, report.figures.get(v)!]));
  const ranked = standings(heads, report.cells, total, layout, rule);
  const values: Record<string, EntityFigures> = {};
  for (const v of names) {
    const slug = slugs.get(v)!;
    const acc = report.cells.get(v)!;
    if (acc.n < rule.min_base) {
      values[v] = { withheld: true, slug, n: acc.n };
      continue;
    }
    const head = heads.get(v)!;
    const series = upTo.flatMap((w) => {
      const g = byWave.get(w)!;
      const f = g.figures.get(v);
      return f ? [{ w, acc: g.cells.get(v)!, f }] : [];
    });
    // A change only between two figures both published for this entity (withheld stays withheld).
    const changesBetween = (a: (typeof series)[number], b: (typeof series)[number]) =>
      changeFigures({ wave: a.w, acc: a.acc }, { wave: b.w, acc: b.acc }, layout, rule).filter((c) => isPublished(a.f, c.metric) && isPublished(b.f, c.metric));
    const last = series[series.length - 1];
    const before = series.length > 1 && series[series.length - 2];
    values[v] = {
      withheld: false,
      slug,
      ...head,
      // Trends chart headlines and dimensions: earlier waves keep no item figures (a tenth of the size per entity).
      waves: series.map(({ w, f }) => ({ wave: w, ...f, ...(f.servqual ? { servqual: { ...f.servqual, items: [] } } : {}) })),
      changes: before && last.w === wave ? changesBetween(before, last) : [],
      trend_changes: series.slice(1).flatMap((b, i) => changesBetween(series[i], b)),
      benchmarks: input.benchmarks(ownOf(head)),
      gaps: input.gaps(head.servqual),
      standing: { per: input.per, name: v, slug, ...ranked.get(v)! },
    };
  }
  return { per: input.per, values, consistency: consistencyOf(heads, ranked) };
}

/** Whether the change's figure (`nps.score`, `servqual.dimensions.x.gap`) is published in `f`. */
function isPublished(f: GroupFigures, metric: string): boolean {
  const [family, ...rest] = metric.split('.');
  if (family === 'servqual') {
    if (rest[0] === 'dimensions') {
      const d = f.servqual?.dimensions[rest[1] as keyof NonNullable<GroupFigures['servqual']>['dimensions']];
      return !!d && !d.suppressed;
    }
    return f.servqual?.unweighted !== undefined;
  }
  const fig = f[family as 'nps' | 'csat' | 'ces' | 'overall'];
  return !!fig && !fig.suppressed;
}
