import { DIMENSIONS } from '../../schemas/questionnaire';
import type { Figures } from '../../schemas/figures';
import { MIN_BASE_FLOOR } from '../../schemas/report';
import type { Formatters } from '../../i18n/format';
import { fillTemplate, type ChartLabelSet, type Strings } from '../../i18n';
import { metricText } from './metric-format';
import { segmentName, segmentValueLabels } from './segment-table';

export interface MethodologyContent {
  sample: string;
  bases: { label: string; n: string; interval: string; moe: string }[];
  alpha: { label: string; alpha: string; flagged: boolean }[];
  rules: string[];
  files: string;
  benchmarkSources?: string;
  asOf?: string;
}

const BASES = [
  { key: 'nps', id: 'nps.score' },
  { key: 'csat', id: 'csat.top2box' },
  { key: 'ces', id: 'ces.mean' },
  { key: 'overall', id: 'overall.mean' },
] as const;

/** Everything the methodology appendix states, selected from the figures (dates from meta.as_of, never the clock). */
export function methodology(figures: Figures, fmt: Formatters, t: Strings, charts: ChartLabelSet): MethodologyContent {
  const M = t.methodology;
  const meta = figures.meta;
  const bases = BASES.map(({ key, id }) => {
    const fig = figures[key];
    // Weighted data: the respondents, then the effective base the interval rests on.
    const neff = fig && !fig.suppressed ? fig.n_eff : undefined;
    const base = fig ? (neff === undefined ? fmt.integer(fig.n) : fillTemplate(M.effectiveBase, { n: fmt.integer(fig.n), neff: fmt.number(neff, 0) })) : '—';
    const value = metricText(figures, id, fmt, t, true);
    const moe = key === 'nps' && figures.nps && !figures.nps.suppressed ? `±${fmt.number(figures.nps.moe95, 1)}` : '';
    return { label: t.metrics[key], n: base, interval: value.kind === 'unknown' ? '' : value.text, moe };
  });
  const alpha = DIMENSIONS.flatMap((d) => {
    const fig = figures.servqual?.dimensions[d];
    if (!fig || fig.suppressed || fig.alpha === undefined) return [];
    return [{ label: t.dimension[d], alpha: fmt.number(fig.alpha, 2), flagged: fig.alpha_flag === true }];
  });
  // Constructs (instruments beyond SERVQUAL) state their reliability beside the dimensions'.
  for (const c of Object.values(figures.constructs ?? {})) {
    if (!c.suppressed && c.alpha !== undefined) alpha.push({ label: c.label, alpha: fmt.number(c.alpha, 2), flagged: c.alpha_flag === true });
  }
  // What the minimum base protects; a report that opted below the floor says so to its readers.
  const protects =
    meta.min_base < MIN_BASE_FLOOR ? fillTemplate(M.individualAnswers, { min: meta.min_base }) : fillTemplate(M.minBaseProtects, { floor: MIN_BASE_FLOOR });
  const rules = [
    // Rows the export's row rules excluded (keep:, source:): the base is stated before any figure rests on it.
    ...rowsRule(figures, fmt, t),
    `${fillTemplate(M.suppression, { min: meta.min_base, low: meta.low_base })} ${protects}`,
    complementaryRule(figures, t),
    M.significance,
    M.gaps,
  ];
  const drivers = figures.drivers;
  if (drivers.status === 'measured') {
    const { methods, outcomes } = charts.driverMatrix;
    const said = { method: methods[drivers.method], outcome: outcomes[drivers.outcome] ?? drivers.outcome, n: fmt.integer(drivers.n) };
    rules.push(
      drivers.by === 'constructs'
        ? fillTemplate(M.driversConstructs, { ...said, constructs: drivers.items.map((d) => d.label).join(', ') })
        : fillTemplate(M.drivers, said),
    );
    // Johnson's relative weights beside the Shapley shares: a second decomposition, so a reader sees the shares do not hang on one method.
    const cross = drivers.items.filter((d) => d.relative_weight !== undefined);
    if (cross.length > 0) {
      const list = cross.map(
        (d) =>
          `${Object.hasOwn(t.dimension, d.driver) ? t.dimension[d.driver as keyof typeof t.dimension] : d.label} ${fmt.percent(100 * d.relative_weight!, 0)} (Shapley ${fmt.percent(100 * d.share, 0)})`,
      );
      rules.push(fillTemplate(M.relativeWeights, { list: list.join(', ') }));
    }
  }
  const stats = meta.statistics;
  if (Object.keys(figures.segments).length > 0) rules.push(fillTemplate(M.segmentTests, { correction: t.segment[stats?.multiple_comparisons ?? 'holm'] }));
  if (stats?.nps_interval === 'adjusted-wald') rules.push(M.npsAdjustedWald);
  rules.push(...scaleRules(figures, fmt, t), ...weightingRules(figures, fmt, t));
  const sources = [...new Set(figures.benchmarks.flatMap((b) => b.source.split(/;\s*/)))].sort();
  return {
    sample: fillTemplate(M.sampleText, {
      n: fmt.integer(figures.n),
      wave: meta.wave ? fmt.period(meta.wave) : '—',
      waves: meta.waves.length,
      list: meta.waves.map(fmt.period).join(', '),
      period: meta.period ? fmt.period(meta.period) : '—',
    }),
    bases,
    alpha,
    rules,
    files: fillTemplate(M.files, { dataset: meta.dataset, files: meta.files.join(', ') }),
    benchmarkSources: sources.length ? fillTemplate(M.benchmarkSources, { sources: sources.join('; ') }) : undefined,
    asOf: meta.as_of ? fillTemplate(M.asOf, { date: fmt.date(meta.as_of) }) : undefined,
  };
}

/**
 * The complementary-suppression rule, and which cells it withheld: "Region East (NPS, CES,
 * Overall, SERVQUAL)", segment and value named as the tables name them (the questionnaire's
 * labels, the locale's names, else capitalised) — a reader must not take a secondarily withheld
 * cell for a small one.
 */
export function complementaryRule(figures: Figures, t: Strings): string {
  const M = t.methodology;
  const secondary = (f: unknown) => typeof f === 'object' && f !== null && (f as { secondary?: boolean }).secondary === true;
  const cells = Object.entries(figures.segments).flatMap(([segment, values]) => {
    const labels = segmentValueLabels(figures, segment, t);
    return Object.entries(values).flatMap(([value, g]) => {
      const which: string[] = (['nps', 'csat', 'ces', 'overall'] as const).filter((k) => secondary(g[k])).map((k) => t.shortMetrics[k]);
      const sq = g.servqual;
      if (sq && (Object.values(sq.dimensions).some(secondary) || sq.items.some((i) => secondary(i.figure)))) which.push(t.shortMetrics.servqual);
      return which.length ? [`${segmentName(t, segment)} ${labels[value] ?? value} (${which.join(', ')})`] : [];
    });
  });
  const rule = fillTemplate(M.complementary, { min: figures.meta.min_base });
  return cells.length ? `${rule} ${fillTemplate(M.complementaryList, { list: cells.join('; ') })}` : rule;
}

/** One sentence per column read on its own scale, rescaled, reverse-coded or published as a share (meta.column_scales): no rescale is silent. */
function scaleRules(figures: Figures, fmt: Formatters, t: Strings): string[] {
  const M = t.methodology;
  const range = (r: { min: number; max: number }) => `${fmt.number(r.min, 0)}–${fmt.number(r.max, 0)}`;
  return (figures.meta.column_scales ?? []).map((s) => {
    const columns = s.columns.join(', ');
    if (s.binary) return fillTemplate(M.binaryShare, { columns });
    if (s.reverse) return fillTemplate(M.reversed, { columns, min: fmt.number(s.from.min, 0), max: fmt.number(s.from.max, 0) });
    if (!s.to) return fillTemplate(M.ownScale, { columns, from: range(s.from) });
    const factor = (s.to.max - s.to.min) / (s.from.max - s.from.min);
    return fillTemplate(M.rescaled, {
      columns,
      from: range(s.from),
      to: range(s.to),
      toMin: fmt.number(s.to.min, 0),
      fromMin: fmt.number(s.from.min, 0),
      factor: fmt.number(factor, 4),
    });
  });
}

/** How the respondents were weighted and what the bases are (meta.weighting): unweighted n, effective n and Kish's deff of the report's wave. */
export function weightingRules(figures: Figures, fmt: Formatters, t: Strings): string[] {
  const M = t.methodology;
  const w = figures.meta.weighting;
  if (!w) return [];
  const wave = w.waves.find((x) => x.wave === figures.meta.wave) ?? w.waves[w.waves.length - 1];
  if (!wave) return [];
  const said = { wave: fmt.period(wave.wave), variables: (w.variables ?? []).join(', ') };
  const how =
    w.method === 'column'
      ? M.weightingColumn
      : w.method === 'post-stratification'
        ? fillTemplate(M.weightingPost, said)
        : fillTemplate(M.weightingRaking, { ...said, iterations: fmt.integer(wave.iterations ?? 0), error: fmt.number(100 * (wave.max_margin_error ?? 0), 2) });
  const trim = w.trim
    ? [
        fillTemplate(M.weightingTrim, {
          ...said,
          lower: fmt.number(w.trim.lower, 2),
          upper: fmt.number(w.trim.upper, 2),
          trimmed: fmt.integer(wave.trimmed ?? 0),
        }),
      ]
    : [];
  const bases = fillTemplate(M.weightingBases, {
    wave: said.wave,
    n: fmt.integer(wave.n),
    neff: wave.n_eff === undefined ? '—' : fmt.number(wave.n_eff, 0),
    deff: wave.deff === undefined ? '—' : fmt.number(wave.deff, 2),
  });
  return [how, ...trim, bases];
}

/** "46 rows of responses.csv read; 7 excluded as not respondents (3 unfinished, …); 39 kept." — when row rules applied (figures.base). */
export function rowsRule(figures: Figures, fmt: Formatters, t: Strings): string[] {
  const base = figures.base;
  if (!base) return [];
  const list = base.excluded.map((e) => `${fmt.integer(e.rows)} ${e.rule}`).join(', ');
  return [
    fillTemplate(t.methodology.rowsFilter, {
      read: fmt.integer(base.rows_read),
      file: 'responses.csv',
      excluded: fmt.integer(base.rows_excluded),
      list,
      kept: fmt.integer(base.rows_read - base.rows_excluded),
    }),
  ];
}
