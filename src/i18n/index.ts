/**
 * Translations: one file per locale under ./locales (UI strings and chart labels),
 * all of one schema (./schema.ts). English is a locale like the others; no key falls
 * back to another locale.
 */
import { LOCALES, type Locale } from '../schemas/questionnaire';
import * as REGISTERED from './locales';
import type { Translation } from './schema';
import type { ChartLabelSet } from './schema-charts';
import { CHART_LABELS_EN } from '../charts/registry';

/**
 * Every registered locale, typed by the schema: tsc names the key a locale file lacks. English
 * chart labels are declared beside each builder and composed from the chart registry, so a new
 * chart type edits no English locale file.
 */
export const TRANSLATIONS: Record<Locale, Translation> = { ...REGISTERED, en: { ...REGISTERED.en, charts: CHART_LABELS_EN } };

/** The UI strings of a page (its chart labels are under `charts`). */
export type Strings = Translation;
export type { ChartLabelSet, Translation };

export function strings(locale: Locale): Strings {
  return TRANSLATIONS[locale];
}

/** The labels every chart builder takes, in `locale`. */
export function chartLabels(locale: Locale): ChartLabelSet {
  return TRANSLATIONS[locale].charts;
}

/** A page's `lang` is a registered locale (anything else renders in English). */
export function isLocale(lang: string): lang is Locale {
  return (LOCALES as readonly string[]).includes(lang);
}

/** The one template filler lives with the formatters (src/i18n/format.ts). */
export { fillTemplate } from './format';
