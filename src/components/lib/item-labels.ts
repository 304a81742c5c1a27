/**
 * The figures as one edition of a report shows them. Computed figures are the same for every
 * locale (one computation and one cache entry for a report and its translations): items carry
 * their id and the questionnaire's own text, comments the English scrub tokens. Here, in the
 * page layer, each item's label becomes its text in the report's locale (the questionnaire's
 * `text` may be a map by locale) and each removed-detail token the locale's token.
 */
import { itemText } from '../../analysis/labels';
import type { ScrubTokens } from '../../analysis/scrub';
import type { Figures, Gap, GroupFigures } from '../../schemas/figures';
import type { Item, Locale, Questionnaire } from '../../schemas/questionnaire';

type ItemTexts = readonly Pick<Item, 'id' | 'text'>[];

function servqualIn<G extends GroupFigures>(group: G, label: (id: string, fallback: string) => string): G {
  if (!group.servqual) return group;
  return { ...group, servqual: { ...group.servqual, items: group.servqual.items.map((i) => ({ ...i, text: label(i.item, i.text) })) } };
}

function gapIn(gap: Gap, label: (id: string, fallback: string) => string): Gap {
  if (gap.status !== 'measured') return gap;
  return { ...gap, items: gap.items.map((p) => (p.kind === 'item' ? { ...p, label: label(p.id, p.label) } : p)) };
}

/** Item labels in `locale`, from the questionnaire's item texts; an item the questionnaire lacks keeps the figures' text. */
export function localizeItems(figures: Figures, items: ItemTexts, locale: Locale): Figures {
  const texts = new Map(items.map((i) => [i.id, i]));
  const label = (id: string, fallback: string): string => {
    const item = texts.get(id);
    return item ? itemText(item, locale) : fallback;
  };
  const gaps = Object.fromEntries(Object.entries(figures.gaps).map(([k, g]) => [k, gapIn(g, label)])) as Figures['gaps'];
  const drivers =
    figures.drivers.status === 'measured' && figures.drivers.by === 'items'
      ? { ...figures.drivers, items: figures.drivers.items.map((d) => ({ ...d, label: label(d.driver, d.label) })) }
      : figures.drivers;
  const segments = Object.fromEntries(
    Object.entries(figures.segments).map(([s, values]) => [s, Object.fromEntries(Object.entries(values).map(([v, g]) => [v, servqualIn(g, label)]))]),
  );
  return { ...servqualIn(figures, label), gaps, drivers, waves: figures.waves.map((w) => servqualIn(w, label)), segments };
}

/** Segment value labels and construct labels (questionnaire labels:, constructs:) in `locale`; the figures carry the source text. */
export function localizeLabels(figures: Figures, q: Pick<Questionnaire, 'labels' | 'constructs'> | undefined, locale: Locale): Figures {
  if (!q) return figures;
  const text = (id: string, t: Item['text']) => itemText({ id, text: t }, locale);
  const own = figures.meta.segment_labels;
  const segment_labels =
    own &&
    Object.fromEntries(
      Object.entries(own).map(([s, values]) => [
        s,
        Object.fromEntries(Object.entries(values).map(([v, fallback]) => [v, q.labels?.[s]?.[v] === undefined ? fallback : text(v, q.labels[s][v])])),
      ]),
    );
  const names = new Map((q.constructs ?? []).map((c) => [c.id, text(c.id, c.label)]));
  const rename = <G extends GroupFigures>(g: G): G =>
    g.constructs
      ? {
          ...g,
          constructs: Object.fromEntries(Object.entries(g.constructs).map(([id, c]) => [id, c.suppressed ? c : { ...c, label: names.get(id) ?? c.label }])),
        }
      : g;
  const drivers =
    figures.drivers.status === 'measured' && figures.drivers.by === 'constructs'
      ? { ...figures.drivers, items: figures.drivers.items.map((d) => ({ ...d, label: names.get(d.driver) ?? d.label })) }
      : figures.drivers;
  const segments = Object.fromEntries(
    Object.entries(figures.segments).map(([s, values]) => [s, Object.fromEntries(Object.entries(values).map(([v, g]) => [v, rename(g)]))]),
  );
  return { ...rename(figures), meta: segment_labels ? { ...figures.meta, segment_labels } : figures.meta, drivers, waves: figures.waves.map(rename), segments };
}

/** Comments with the source tokens (`from`, what the figures carry) written as the locale's (`to`). */
export function localizeComments(comments: Figures['comments'], from: ScrubTokens, to: ScrubTokens): Figures['comments'] {
  if (!comments) return comments;
  const keys = Object.keys(from) as (keyof ScrubTokens)[];
  const swap = (text: string): string => keys.reduce((t, k) => (from[k] === undefined || to[k] === undefined ? t : t.split(from[k]).join(to[k])), text);
  return { ...comments, items: comments.items.map((c) => ({ ...c, text: swap(c.text) })) };
}

/**
 * The figures.json download of an edition: its labels, and `meta.locale` naming their locale
 * (placed before min_base, where the figures schema lists it).
 */
export function publishedFigures(figures: Figures, locale: Locale): Figures {
  const meta = Object.fromEntries(
    Object.entries(figures.meta)
      .filter(([k]) => k !== 'locale')
      .flatMap(([k, v]) =>
        k === 'min_base'
          ? [
              ['locale', locale],
              [k, v],
            ]
          : [[k, v]],
      ),
  );
  return { ...figures, meta: meta as Figures['meta'] };
}
