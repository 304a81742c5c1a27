import { describe, expect, it } from 'vitest';
import { TRANSLATIONS, chartLabels, isLocale, strings } from '../../src/i18n';
import * as REGISTERED from '../../src/i18n/locales';
import { TranslationSchema, translationProblems } from '../../src/i18n/schema';
import { LOCALES, LocaleSchema } from '../../src/schemas/questionnaire';
import { ReportFrontmatterSchema } from '../../src/schemas/report';
import { gapModel } from '../../src/charts';
import { figures } from '../charts/fixtures';

const GAPS = figures.gaps;

/** Every leaf of a locale as `path → value` (arrays are leaves: table columns, bands). */
function leaves(o: unknown, prefix = ''): [string, unknown][] {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return [[prefix, o]];
  return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const placeholders = (v: unknown) => [...new Set([...JSON.stringify(v).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const OTHERS = LOCALES.filter((l) => l !== 'en');

describe('the locale files', () => {
  it.each(LOCALES)('%s fits the translation schema', (locale) => {
    expect(translationProblems(locale, TRANSLATIONS[locale])).toEqual([]);
  });

  // Names of data values (industries, segment values) are open maps: a locale names those it translates, English none.
  const fixed = ([k]: [string, unknown]) => !/^(industries|segmentValues)\./.test(k);
  it.each(OTHERS)('%s has exactly the keys English has, records included (nothing falls back to English)', (locale) => {
    expect(
      leaves(TRANSLATIONS[locale])
        .filter(fixed)
        .map(([k]) => k)
        .sort(),
    ).toEqual(
      leaves(TRANSLATIONS.en)
        .filter(fixed)
        .map(([k]) => k)
        .sort(),
    );
  });

  it.each(OTHERS)('%s uses the same {placeholders} as English in every template', (locale) => {
    const en = new Map(leaves(TRANSLATIONS.en));
    for (const [key, value] of leaves(TRANSLATIONS[locale]).filter(fixed)) expect(placeholders(value), `${locale} ${key}`).toEqual(placeholders(en.get(key)));
  });
});

describe('translationProblems(locale, value)', () => {
  const broken = (edit: (t: any) => void) => {
    const copy = structuredClone(TRANSLATIONS.fr);
    edit(copy);
    return translationProblems('fr', copy);
  };

  it('names the locale and the key path of a missing key', () => {
    expect(broken((t) => delete t.charts.gapModel.title)).toEqual([
      'fr: charts.gapModel.title is missing. Add it to src/i18n/locales/fr.ts (no key falls back to English).',
    ]);
    expect(broken((t) => delete t.dimension.empathy)).toEqual([
      'fr: dimension.empathy is missing. Add it to src/i18n/locales/fr.ts (no key falls back to English).',
    ]);
  });

  it('names a misspelt key, which would otherwise leave the real one untranslated', () => {
    expect(broken((t) => (t.headline.heeding = 'Chiffres clés'))).toEqual([
      'fr: headline.heeding is not a key of the schema. Remove it from src/i18n/locales/fr.ts, or add it to src/i18n/schema.ts for every locale.',
    ]);
  });

  it('says what is wrong with a value of the wrong shape', () => {
    expect(broken((t) => t.charts.trend.columns.pop())).toEqual([
      'fr: charts.trend.columns: Array must contain exactly 4 element(s). Fix it in src/i18n/locales/fr.ts.',
    ]);
  });

  it('is the schema the registry is typed by', () => {
    expect(TranslationSchema.parse(TRANSLATIONS.vi)).toEqual(TRANSLATIONS.vi);
  });
});

describe('the locale registry (src/i18n/locales/index.ts)', () => {
  it('is the one list of locales: the frontmatter enum, isLocale and the translations read it', () => {
    expect(LOCALES).toEqual(['en', 'fr', 'vi']);
    expect(Object.keys(REGISTERED).sort()).toEqual([...LOCALES]);
    expect(Object.keys(TRANSLATIONS).sort()).toEqual([...LOCALES]);
    expect(LocaleSchema.options).toEqual(LOCALES);
    expect(LOCALES.every(isLocale)).toBe(true);
    expect(isLocale('de')).toBe(false);
  });

  it('rejects a report in a locale that is not registered', () => {
    const report = (locale: string) => ReportFrontmatterSchema.safeParse({ title: 'x', company: 'Co', dataset: 'demo', locale });
    expect(LOCALES.map((l) => report(l).success)).toEqual([true, true, true]);
    expect(report('de').error?.issues.map((i) => i.path)).toEqual([['locale']]);
  });

  it('gives each locale its own name for the language links', () => {
    expect(LOCALES.map((l) => strings(l).localeName)).toEqual(['English', 'Français', 'Tiếng Việt']);
  });
});

describe('chart labels', () => {
  it('a chart drawn without labels is drawn with the English locale’s', () => {
    expect(gapModel(GAPS, { id: 'g' })).toEqual(gapModel(GAPS, { id: 'g', labels: chartLabels('en').gapModel }));
  });

  it('French labels reach the chart', () => {
    expect(gapModel(GAPS, { id: 'g', labels: chartLabels('fr').gapModel }).title).toBe('Les cinq écarts de qualité de service');
  });
});
