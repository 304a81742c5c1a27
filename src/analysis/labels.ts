import type { Item, Locale } from '../schemas/questionnaire';

/** An item's label in the locale, falling back to English, then to any text, then the id. */
export function itemText(item: Pick<Item, 'id' | 'text'>, locale: Locale): string {
  if (typeof item.text === 'string') return item.text;
  return item.text[locale] ?? item.text.en ?? Object.values(item.text)[0] ?? item.id;
}

/**
 * The label the figures carry: the questionnaire's own text (English when it gives several).
 * Figures are the same for every edition of a report, so they never hold a locale's text;
 * the page resolves the report's locale (src/components/lib/item-labels.ts).
 */
export function sourceItemText(item: Pick<Item, 'id' | 'text'>): string {
  return itemText(item, 'en');
}

/**
 * Direction of a metric no standard or benchmark row describes: SPEC §2.8 says `higher`,
 * except the survey's own customer effort score, which goes the way its wording does
 * (`ces_wording`: effort, lower is better, by default; ease, higher is better).
 */
export function defaultDirection(metric: string, ces: 'higher' | 'lower' = 'lower'): 'higher' | 'lower' {
  return metric === 'ces' || metric === 'ces.mean' ? ces : 'higher';
}
