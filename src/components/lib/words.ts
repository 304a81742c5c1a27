import type { Figures, Change } from '../../schemas/figures';
import { FIGURE_KINDS, type Formatters } from '../../i18n/format';
import { fillTemplate, type Strings } from '../../i18n';
import { formatInUnit, unitOf } from './metric-format';
import { STATUS_KEY, type KpiStatus } from './status-word';

export { statusWord, type KpiStatus } from './status-word';

/**
 * The words a report's prose takes from its figures (<Count>, <Change>, <Compare>, <Rank>,
 * and a KPI's status through <Metric>): chosen here, from the figures and the locale's
 * strings, so a sentence follows the data it describes. Never computes a figure: it reads
 * the ones analysis wrote and picks the phrase.
 */
/** A number written out when small (agreeing with its noun), in digits above twelve. */
function inWords(n: number, list: readonly string[], fmt: Formatters): string {
  return list[n] ?? fmt.integer(n);
}

/** Upper-cases the first letter, for a phrase that opens a sentence. */
export function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** "six of the seven standards are met": how many KPIs have a status, out of all of them, with the plural the count takes. */
export function countText(figures: Figures, status: KpiStatus, t: Strings, fmt: Formatters): string {
  const n = figures.kpis.filter((k) => k.status === status).length;
  const total = figures.kpis.length;
  const form = n === 0 ? 'zero' : new Intl.PluralRules(fmt.locale).select(n) === 'one' ? 'one' : 'other';
  const list = t.words.numbers.standards;
  return fillTemplate(t.words.count[STATUS_KEY[status]][form], { n: inWords(n, list, fmt), total: inWords(total, list, fmt) });
}

export type ChangeSay = 'direction' | 'significance';

/** The change entry `changes.<metric>` names (the lint's choice values). */
export const changeIds = (figures: Figures): string[] => figures.changes.map((c) => `changes.${c.metric}`);
export const findChange = (figures: Figures, id: string): Change | undefined => figures.changes.find((c) => `changes.${c.metric}` === id);

/** "rose significantly", "fell, not significantly" (direction), or "is within the margin of error" (significance alone). */
export function changeText(change: Change, say: ChangeSay, t: Strings): string {
  const w = t.words.change;
  if (say === 'significance') return change.significant ? w.significant : w.withinMargin;
  if (change.difference === 0) return w.unchanged;
  const rose = change.difference > 0;
  if (change.significant) return rose ? w.roseSignificantly : w.fellSignificantly;
  return rose ? w.roseNotSignificantly : w.fellNotSignificantly;
}

/** The distance to a median in the figure's unit, unsigned: percent and NPS in points. */
function distance(value: number, unit: string | undefined, fmt: Formatters, t: Strings): string {
  // Points as the policy prints a difference (src/i18n/format.ts), unsigned: the words say the direction.
  if (unit === 'nps') return fillTemplate(t.words.npsPoints, { v: fmt.number(value, FIGURE_KINDS.points.decimals) });
  if (unit === 'percent' || unit === 'rate') return fillTemplate(t.units.points, { v: fmt.number(value, FIGURE_KINDS.points.decimals) });
  return formatInUnit(value, unit ?? '', false, fmt, t);
}

/** "9 pts below the telecom median": a benchmarked figure against its median, by its value (not its orientation). Undefined when no median is published. */
export function compareText(figures: Figures, metric: string, fmt: Formatters, t: Strings): string | undefined {
  const b = figures.benchmarks.find((x) => x.metric === metric);
  if (!b || b.median === undefined) return undefined;
  const unit = unitOf(figures, ['benchmarks', metric]);
  const raw = b.value - b.median;
  const v = distance(Math.abs(raw), unit, fmt, t);
  const industry = t.industries[b.industry] ?? b.industry;
  // Level when the distance prints as zero: the words never contradict the figure beside them.
  if (!/[1-9]/.test(v)) return fillTemplate(t.words.compare.level, { industry });
  return fillTemplate(raw < 0 ? t.words.compare.below : t.words.compare.above, { v, industry });
}

export type RankPick = 'widest' | 'narrowest';

/** The SERVQUAL dimension whose gap is widest (most negative) or narrowest, among those measured, with the phrase "the widest of the five gaps". */
export function rankDimension(figures: Figures, pick: RankPick, t: Strings, fmt: Formatters): { dimension: string; name: string; phrase: string } | undefined {
  const gaps = Object.entries(figures.servqual?.dimensions ?? {}).flatMap(([d, f]) =>
    f && 'gap' in f && typeof f.gap === 'number' ? [{ d, gap: f.gap }] : [],
  );
  if (gaps.length === 0) return undefined;
  // Ties go to the schema's dimension order, so the same data always names the same one.
  const best = gaps.reduce((a, b) => ((pick === 'widest' ? b.gap < a.gap : b.gap > a.gap) ? b : a));
  const name = t.dimension[best.d as keyof Strings['dimension']] ?? best.d;
  return { dimension: best.d, name, phrase: fillTemplate(t.words.rank[pick], { n: inWords(gaps.length, t.words.numbers.gaps, fmt) }) };
}
