import type { Locale } from '../schemas/questionnaire';
import { FR } from './strings-fr';
import { VI } from './strings-vi';

/** UI strings of the site, per locale ({placeholders} are filled by fillTemplate). Chart labels live in chart-labels.ts. */
const EN = {
  reports: 'Reports',
  report: 'Report',
  company: 'Company',
  period: 'Period',
  wave: 'Wave',
  headlineNps: 'NPS',
  benchmarkMedian: 'industry median',
  suppressed: 'suppressed (base under {min})',
  suppressedShort: 'suppressed',
  /** A cell with a large enough base, withheld so that a smaller cell cannot be derived from the total (complementary suppression). */
  withheld: 'withheld to protect a smaller group',
  notMeasured: 'not measured',
  lowBase: 'low base (n < {low})',
  dataAsOf: 'Data as of {date}',
  base: 'base',
  figuresJson: 'Figures (JSON)',
  figuresCsv: 'Figures (CSV)',
  downloads: 'Downloads',
  dataTable: 'Data table',
  skip: 'Skip to the report',
  language: 'Language',
  otherEditions: 'Also in:',
  localeNames: { en: 'English', fr: 'Français', vi: 'Tiếng Việt' },
  dimension: { tangibles: 'Tangibles', reliability: 'Reliability', responsiveness: 'Responsiveness', assurance: 'Assurance', empathy: 'Empathy' },
  guide: 'Guide',
  search: 'Search',
  noReports: 'No reports yet. Create one with npx gapreport new <report-id>.',
  indexIntro: 'Customer-service benchmark reports: the Gap model, SERVQUAL, NPS, CSAT, CES, service standards and industry benchmarks.',
  /** Names of the headline metrics, for cards, trend and segment tables. */
  metrics: { nps: 'Net Promoter Score', csat: 'CSAT (top-2-box)', ces: 'Customer effort (CES)', overall: 'Overall satisfaction', servqual: 'SERVQUAL score (P−E)' },
  shortMetrics: { nps: 'NPS', csat: 'CSAT', ces: 'CES', overall: 'Overall', servqual: 'SERVQUAL' },
  dimensionGap: '{dimension} gap (P−E)',
  /** KPI metrics as an executive reads them (standards.csv names a metric, not a label). */
  kpiMetrics: {
    service_level_30s: 'Calls answered within 30 s',
    asa_seconds: 'Average speed of answer',
    fcr_rate: 'First-contact resolution',
    abandonment_rate: 'Abandoned calls',
    aht_seconds: 'Average handle time',
    repair_on_time: 'Repairs on time',
    complaint_resolution_days: 'Days to close a complaint',
  } as Record<string, string>,
  segmentNames: { channel: 'Channel', region: 'Region' } as Record<string, string>,
  units: { seconds: '{v} s', days: '{v} days', points: '{v} pts' },
  headline: {
    heading: 'Headline figures',
    base: 'n = {n}',
    moe: 'margin of error {moe}',
    scale: 'on the {min}–{max} scale',
    lowerBetter: 'lower is better',
    change: '{arrow} {difference} vs {wave}',
    significant: 'significant',
    notSignificant: 'not significant',
    previous: '{wave}: {value} (change not tested)',
    noPrevious: 'no earlier wave',
    position: '{percentile} percentile of {industry} · quartile {quartile} of 4',
    noBenchmark: 'no industry benchmark',
  },
  benchmark: {
    notMeasured: '{metric}: not measured — no company value to place against the industry.',
    heading: '{metric} against the industry',
  },
  nps: { total: 'All respondents' },
  segment: {
    caption: 'Headline figures by {by}, {wave} (bases in respondents)',
    value: '{by}',
    n: 'Base (n)',
    servqual: 'SERVQUAL (P−E)',
    note: 'Cells on fewer than {min} respondents are suppressed; † marks a base under {low}.',
  },
  comments: {
    heading: 'In their own words',
    intro: '{n} verbatim comments from wave {wave}, most frequent first (not linked to any respondent).',
    notPublished: 'Verbatim comments are not published in this report.',
    tooFew: 'Verbatim comments are withheld: fewer than {min} in this wave.',
    /** What replaces contact and payment details in a published comment (src/analysis/scrub.ts). */
    removed: { email: '[e-mail removed]', phone: '[phone number removed]', card: '[card number removed]', iban: '[bank account removed]', link: '[link removed]' },
  },
  methodology: {
    heading: 'Methodology',
    sample: 'Sample',
    sampleText: '{n} customers answered in wave {wave} ({waves} waves in the data: {list}). Operations figures are for {period}.',
    bases: 'Bases and margins of error',
    figure: 'Figure',
    baseColumn: 'Base (n)',
    interval: '95 % interval',
    reliability: 'Scale reliability (Cronbach’s α)',
    alphaText: 'α is computed per dimension on the perception items (complete cases, sample variances); α below 0.7 is flagged.',
    alphaFlag: 'below 0.7',
    alphaColumn: 'α',
    rules: 'Rules',
    suppression: 'Figures on fewer than {min} respondents are suppressed everywhere in this report and its downloads; figures on fewer than {low} carry the low-base mark †.',
    complementary: 'In each breakdown the total minus the published cells must not give a suppressed group away, so while the withheld cells of a breakdown (with any respondents who left it blank) hold fewer than {min} respondents, the next-smallest cell is withheld too (complementary suppression): it reads “suppressed” although its own base is larger.',
    complementaryList: 'Withheld to protect another small group: {list}.',
    minBaseProtects: 'The minimum base protects the respondents: a figure on a handful of people would let a reader who knows who they are read each one’s answers, so no report publishes with a minimum base under {floor}.',
    individualAnswers: 'This report publishes figures on as few as {min} respondents, by its authors’ explicit decision: individual answers may be recognisable.',
    significance: 'Changes between waves are tested (NPS: z-test on the difference; shares: two-proportion z-test; means: Welch’s t-test) and called significant at p < 0.05.',
    drivers: 'Key drivers: {method} of R² of {outcome} regressed on the five dimension scores (n = {n}).',
    gaps: 'Every gap is later stage minus earlier stage, oriented so that a negative value is always a shortfall; a gap without data is reported as not measured, never as 0.',
    sources: 'Data sources',
    files: 'Dataset {dataset}: {files}.',
    benchmarkSources: 'Benchmark sources: {sources}.',
    asOf: 'Data as of {date} (the latest date in the data).',
  },
};

export type Strings = typeof EN;

export const STRINGS: Record<Locale, Strings> = { en: EN, fr: FR, vi: VI };

export function strings(locale: Locale): Strings {
  return STRINGS[locale] ?? STRINGS.en;
}

export function fillTemplate(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
