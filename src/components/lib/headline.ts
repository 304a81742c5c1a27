import type { Change, Figures } from '../../schemas/figures';
import type { Formatters } from '../../i18n/format';
import { fillTemplate, type Strings } from '../../i18n';
import type { ChartFormat } from '../../charts/format';
import { metricText } from './metric-format';
import { formatStep } from '../../analysis/figure-id';

export type HeadlineKey = 'nps' | 'csat' | 'ces' | 'servqual';

export interface HeadlineCard {
  key: HeadlineKey;
  label: string;
  /** Figure id of the value (data-figure in the markup). */
  id: string;
  value: string;
  state: 'value' | 'suppressed' | 'not measured';
  lowBase: boolean;
  /** Base, margin of error or scale. */
  detail: string;
  /** Change vs the previous wave, or the previous value when no test exists. */
  change?: { text: string; direction: Change['direction'] | 'untested'; significant: boolean };
  /** Percentile position in the industry, or "no industry benchmark". */
  position: string;
  /** The best-in-class mark beyond the industry and the gap to it, when benchmarks.csv has one for this metric. */
  bestInClass?: string;
}

const CARDS: { key: HeadlineKey; id: string; change: string; decimals: number }[] = [
  { key: 'nps', id: 'nps.score', change: 'nps.score', decimals: 1 },
  { key: 'csat', id: 'csat.top2box', change: 'csat.top2box', decimals: 1 },
  { key: 'ces', id: 'ces.mean', change: 'ces.mean', decimals: 2 },
  { key: 'servqual', id: 'servqual.unweighted', change: 'servqual.unweighted', decimals: 2 },
];

/** The previous wave's label, from meta (the waves are sorted). */
export function previousWave(figures: Figures): string | undefined {
  const i = figures.meta.wave ? figures.meta.waves.indexOf(figures.meta.wave) : -1;
  return i > 0 ? figures.meta.waves[i - 1] : undefined;
}

function detail(key: HeadlineKey, figures: Figures, fmt: Formatters, t: Strings): string {
  // Weighted data: the respondents, then the effective base the interval rests on ("n = 400 (effective 352)").
  const base = (n: number | undefined, neff?: number) =>
    n === undefined
      ? ''
      : fillTemplate(t.headline.base, {
          n: neff === undefined ? fmt.integer(n) : fillTemplate(t.methodology.effectiveBase, { n: fmt.integer(n), neff: fmt.number(neff, 0) }),
        });
  const effective = (f: { suppressed: boolean; n_eff?: number } | undefined) => (f && !f.suppressed ? f.n_eff : undefined);
  const scale = figures.meta.scale ? fillTemplate(t.headline.scale, { min: figures.meta.scale.min, max: figures.meta.scale.max }) : '';
  switch (key) {
    case 'nps':
      return figures.nps && !figures.nps.suppressed
        ? `${base(figures.nps.n, figures.nps.n_eff)} · ${fillTemplate(t.headline.moe, { moe: `±${fmt.number(figures.nps.moe95, 1)}` })}`
        : base(figures.nps?.n);
    case 'csat':
      return base(figures.csat?.n, effective(figures.csat));
    case 'ces':
      // The questionnaire's ces_wording: effort (lower is better, the default) or ease (higher is better).
      return [base(figures.ces?.n, effective(figures.ces)), figures.meta.statistics?.ces_wording === 'ease' ? t.headline.higherBetter : t.headline.lowerBetter]
        .filter(Boolean)
        .join(' · ');
    case 'servqual':
      return [base(figures.n, figures.n_eff), scale].filter(Boolean).join(' · ');
  }
}

/** The four headline cards: value, base, change vs the previous wave, position in the industry. */
export function headlineCards(figures: Figures, fmt: Formatters, t: Strings, cf: ChartFormat): HeadlineCard[] {
  const prev = previousWave(figures);
  return CARDS.map(({ key, id, change, decimals }) => {
    const m = metricText(figures, id, fmt, t);
    const card: HeadlineCard = {
      key,
      id,
      label: t.metrics[key],
      value: m.kind === 'unknown' ? t.notMeasured : m.text,
      state: m.kind === 'value' ? 'value' : m.kind === 'suppressed' ? 'suppressed' : 'not measured',
      lowBase: m.kind === 'value' && m.lowBase,
      detail: detail(key, figures, fmt, t),
      position: t.headline.noBenchmark,
    };
    // figures.changes, not trend_changes: the card compares the report's wave with the one before.
    const c = figures.changes.find((x) => x.metric === change);
    const unitDiff = (d: number) => (key === 'csat' ? fillTemplate(t.units.points, { v: fmt.signed(d, decimals) }) : fmt.signed(d, decimals));
    if (c) {
      const arrow = c.difference > 0 ? '▲' : c.difference < 0 ? '▼' : '■';
      const text = `${fillTemplate(t.headline.change, { arrow, difference: unitDiff(c.difference), wave: fmt.period(c.from) })} · ${c.significant ? t.headline.significant : t.headline.notSignificant}`;
      card.change = { text, direction: c.direction, significant: c.significant };
    } else if (prev && card.state === 'value') {
      const before = metricText(figures, `waves${formatStep(prev)}.${id}`, fmt, t);
      if (before.kind === 'value' || before.kind === 'suppressed')
        card.change = { text: fillTemplate(t.headline.previous, { wave: fmt.period(prev), value: before.text }), direction: 'untested', significant: false };
    } else if (!prev) card.change = { text: t.headline.noPrevious, direction: 'untested', significant: false };
    const b = figures.benchmarks.find((x) => x.metric === key);
    if (b)
      card.position = fillTemplate(t.headline.position, {
        percentile: cf.ordinal(b.percentile),
        industry: t.industries[b.industry] ?? b.industry,
        quartile: b.quartile,
      });
    const best = b?.best_in_class;
    if (best) {
      // As <Metric id="benchmarks.<metric>.best_in_class.value|gap"/> prints them: one rendering per figure.
      const at = (k: string) => {
        const m = metricText(figures, `benchmarks.${key}.best_in_class.${k}`, fmt, t);
        return m.kind === 'unknown' ? t.notMeasured : m.text;
      };
      card.bestInClass = fillTemplate(t.headline.bestInClass, { value: at('value'), company: best.company ?? best.statistic ?? best.source, gap: at('gap') });
    }
    return card;
  });
}
