import { scaleMeta } from './scale-notes';
import type { Dataset } from '../schemas/dataset';
import { rowsBase } from './rows-base';
import type { Figures, GroupFigures } from '../schemas/figures';
import { REPORT_SETTINGS, type Problem } from '../schemas/problem';
import type { AnalysisOptions } from '../schemas/report';
import { accumulateResponses, crossCells, type SurveyAccs } from './accumulate';
import type { SurveyAcc } from './survey-acc';
import { BEST_IN_CLASS, benchmarkFigures } from './benchmarks';
import { changeFigures } from './changes';
import { segmentSuppression } from './complementary';
import { deliveredIndex } from './delivered';
import { driverFigures } from './drivers';
import { gap1, gap2, gap3, gap4, gap5 } from './gaps';
import { kpiFigures } from './kpis';
import { chooseOutcome, surveyLayout, type SurveyLayout } from './layout';
import { published } from './suppress';
import { groupFigures } from './survey-figures';
import { nonFiniteProblems, reservedSegmentValues } from './guards';
import { columnWeightingReport, weighAccs } from './weighting';
import { withSegmentTests } from './segment-tests';
import { orientCes, withNpsInterval } from './statistics';
import { cesDirection, statisticsOf } from '../schemas/statistics';
import { BENCHMARK_COMPANIES, benchmarkCompanies, benchmarkEntities, entityFigures, perProblems, reportWaveWithheld } from './entities';
import { internalFigures } from './internal';

export type AnalyzeResult = { figures: Figures; problems: [] } | { figures?: undefined; problems: Problem[] };

/** Where the survey accumulators came from: the in-memory fold, or a streaming pass. */
export interface SurveySource {
  layout: SurveyLayout;
  accs: SurveyAccs;
  engine: Figures['meta']['engine'];
}

/** The in-memory path: dataset → figures (SPEC §3, §4). */
export function analyzeDataset(dataset: Dataset, options: AnalysisOptions): AnalyzeResult {
  const layout = surveyLayout(dataset.items, dataset.questionnaire, chooseOutcome(dataset.questionnaire, dataset.responses ?? []));
  return figuresFrom(dataset, { layout, accs: accumulateResponses(dataset, layout), engine: 'memory' }, options);
}

const settingProblem = (name: string, value: string, message: string, hint: string): Problem => ({ file: REPORT_SETTINGS, column: name, value, message, hint });

/** Turns accumulated survey data plus the small files into the figures; checks the report's settings. */
export function figuresFrom(dataset: Dataset, source: SurveySource, options: AnalysisOptions): AnalyzeResult {
  // Declared weighting: each wave's cells weighted and merged (weighting.ts) before any figure.
  const weighed = dataset.questionnaire?.weighting ? weighAccs(source.accs, dataset.questionnaire) : undefined;
  if (weighed && weighed.accs === undefined) return { problems: weighed.problems };
  const accs = weighed?.accs ?? source.accs;
  // Weighted respondents: the figures publish their effective bases (n_eff) beside n.
  const layout: SurveyLayout = accs.weighted ? { ...source.layout, weighted: true } : source.layout;
  const rule = { min_base: options.min_base, low_base: options.low_base };
  const waves = [...accs.byWave.keys()].sort();
  const delivered = deliveredIndex(dataset.operations);
  // Best-in-class marks sit beside an industry, so they are never the report's industry.
  const industries = [...new Set((dataset.benchmarks ?? []).map((b) => b.industry))].filter((i) => i !== BEST_IN_CLASS).sort();
  const problems: Problem[] = [];
  if (options.wave !== undefined && !waves.includes(options.wave))
    problems.push(
      settingProblem(
        'wave',
        options.wave,
        `is not a wave in responses.csv (waves: ${waves.join(', ') || 'none'}).`,
        'Set wave: to one of them, or leave it out for the latest.',
      ),
    );
  if (options.period !== undefined && !delivered.periods.includes(options.period))
    problems.push(
      settingProblem(
        'period',
        options.period,
        `is not a period in operations.csv or contacts.csv (periods: ${delivered.periods.join(', ') || 'none'}).`,
        'Set period: to one of them, or leave it out for the latest.',
      ),
    );
  if (options.industry !== undefined && !industries.includes(options.industry))
    problems.push(
      settingProblem(
        'industry',
        options.industry,
        `is not an industry in benchmarks.csv (industries: ${industries.join(', ') || 'none'}).`,
        'Set industry: to one of them.',
      ),
    );
  if (options.industry === undefined && industries.length > 1)
    problems.push(
      settingProblem(
        'industry',
        '',
        `must be set: benchmarks.csv has several industries (${industries.join(', ')}).`,
        'Add industry: to the report settings (or --industry).',
      ),
    );
  problems.push(...reservedSegmentValues(accs));
  problems.push(
    ...perProblems(
      options.per,
      dataset.questionnaire?.segments ?? [],
      accs.byWave.size === 0 || accs.cross !== undefined,
      benchmarkCompanies(dataset.benchmarks ?? [], options.industry ?? (industries.length === 1 ? industries[0] : undefined)),
    ),
  );
  if (problems.length > 0) return { problems };

  const wave = options.wave ?? waves[waves.length - 1];
  const period = options.period ?? delivered.periods[delivered.periods.length - 1];
  const industry = options.industry ?? industries[0];
  const statistics = statisticsOf(dataset.questionnaire);
  const ces = cesDirection(statistics.ces_wording);
  const waveFigures = onceByWave((w: string): GroupFigures => withNpsInterval(groupFigures(accs.byWave.get(w)!, layout, rule), statistics.nps_interval));
  const waveDrivers = onceByWave((w: string) => driverFigures(accs.byWave.get(w)!, layout, rule, statistics.bootstrap_replicates));
  const head: GroupFigures = wave !== undefined ? waveFigures(wave) : { n: 0 };
  const reportAcc = wave !== undefined ? accs.byWave.get(wave) : undefined;
  const previous = wave !== undefined ? waves[waves.indexOf(wave) - 1] : undefined;

  const segments: Figures['segments'] = {};
  const declared = dataset.questionnaire?.segments ?? [];
  // A per: report's entities are complemented against the other segments' totals too; its breakdown by per withholds alike.
  const perSegment = options.per !== undefined && options.per !== BENCHMARK_COMPANIES;
  const perWithheld =
    perSegment && options.per !== undefined && wave !== undefined ? reportWaveWithheld(accs, wave, options.per, declared, rule, layout) : undefined;
  const valuesOf = (segment: string): Map<string, SurveyAcc> => (wave !== undefined && accs.bySegment.get(wave)?.get(segment)) || new Map();
  // Each segment partitions the wave, and two segments nest or cross: withhold what the wave, a value
  // or a union of values minus the published cells inside it would reveal (complementary.ts).
  const ordinary = declared.filter((s) => !(s === options.per && perWithheld));
  const withheldBy =
    reportAcc && wave !== undefined
      ? segmentSuppression(reportAcc, new Map(ordinary.map((s) => [s, valuesOf(s)])), (a, b) => crossCells(accs, wave, a, b), rule, layout)
      : new Map<string, Map<string, Set<string>>>();
  for (const segment of declared) {
    const values = valuesOf(segment);
    const withheld = segment === options.per && perWithheld ? perWithheld : (withheldBy.get(segment) ?? new Map<string, Set<string>>());
    const cells = Object.fromEntries(
      [...values.keys()].sort().map((v) => [v, withNpsInterval(groupFigures(values.get(v)!, layout, rule, withheld.get(v)), statistics.nps_interval)]),
    );
    // Each published value against the rest of its segment, adjusted over the segment (segment-tests.ts).
    segments[segment] = withSegmentTests(values, cells, layout, { correction: statistics.multiple_comparisons, ces });
  }

  const standards = dataset.standards ?? [];
  const kpis = kpiFigures(standards, delivered, period);
  const own = (metric: string): number | undefined => {
    switch (metric) {
      case 'nps':
        return published(head.nps, 'score');
      case 'csat':
        return published(head.csat, 'top2box');
      case 'ces':
        return published(head.ces, 'mean');
      case 'overall':
        return published(head.overall, 'mean');
      case 'servqual':
        return head.servqual?.unweighted;
      default:
        return period === undefined ? undefined : delivered.get(metric, period)?.value;
    }
  };

  const figures: Figures = {
    meta: {
      dataset: dataset.name,
      wave,
      waves,
      period,
      industry,
      min_base: rule.min_base,
      low_base: rule.low_base,
      outcome: layout.outcome,
      scale: dataset.questionnaire?.scale,
      ...scaleMeta(dataset.questionnaire),
      files: dataset.files,
      as_of: dataset.as_of,
      engine: source.engine,
      weighting: weighed?.accs ? weighed.report : columnWeightingReport(accs, waves),
      statistics,
    },
    ...head,
    gaps: {
      gap1: gap1(dataset.management, head.servqual, layout),
      gap2: gap2(dataset.standards),
      gap3: gap3(dataset.standards, delivered, period),
      gap4: gap4(dataset.communications, dataset.standards, delivered, period),
      gap5: gap5(head.servqual, layout.dims.length > 0), // constructs alone (ECSI) have no SERVQUAL dimension: not measured
    },
    kpis,
    base: rowsBase(dataset.rows_filter),
    benchmarks: benchmarkFigures(dataset.benchmarks ?? [], industry, period, standards, own, ces),
    drivers: reportAcc ? waveDrivers(wave!) : { status: 'not measured', reason: 'no survey responses' },
    // Each wave repeats the headline figures, its drivers included (from the same accumulator as the headline's).
    waves: waves.map((w) => ({ wave: w, ...waveFigures(w), drivers: waveDrivers(w) })),
    segments,
    changes:
      previous !== undefined && wave !== undefined
        ? orientCes(changeFigures({ wave: previous, acc: accs.byWave.get(previous)! }, { wave, acc: reportAcc! }, layout, rule), ces)
        : [],
    trend_changes: waves
      .filter((w) => wave !== undefined && w <= wave)
      .flatMap((w, i, upTo) =>
        i === 0
          ? []
          : orientCes(changeFigures({ wave: upTo[i - 1], acc: accs.byWave.get(upTo[i - 1])! }, { wave: w, acc: accs.byWave.get(w)! }, layout, rule), ces),
      ),
  };
  // employees.csv: internal quality per team or branch, against the customers' figures of the report's wave.
  if (dataset.employees)
    figures.internal = internalFigures({ employees: dataset.employees, items: dataset.items, rule, method: statistics.nps_interval, head, segments });
  // A per: report's entities, from the same accumulators (issue 15: one pass, however many entities).
  if (options.per === BENCHMARK_COMPANIES) figures.entities = benchmarkEntities({ rows: dataset.benchmarks ?? [], industry, period, standards, ces });
  else if (options.per !== undefined)
    figures.entities = entityFigures({
      per: options.per,
      segments: declared,
      withheld: perWithheld,
      wave,
      waves,
      accs,
      layout,
      rule,
      benchmarks: (value) => benchmarkFigures(dataset.benchmarks ?? [], industry, period, standards, value, ces),
      gaps: (servqual) => ({ gap1: gap1(dataset.management, servqual, layout), gap5: gap5(servqual, layout.items.length > 0) }),
    });
  const broken = nonFiniteProblems(figures);
  return broken.length > 0 ? { problems: broken } : { figures, problems: [] };
}

/**
 * A wave's figures computed once: the report's wave is also one of `waves`, and its drivers are a
 * seeded bootstrap of a thousand replicates. A repeat gets a copy (the same values, bit for bit),
 * so the headline and the wave never share an object that one of them could change.
 */
function onceByWave<T>(compute: (wave: string) => T): (wave: string) => T {
  const done = new Map<string, T>();
  return (wave) => {
    const known = done.get(wave);
    if (known !== undefined) return structuredClone(known);
    const value = compute(wave);
    done.set(wave, value);
    return value;
  };
}
