/**
 * The files `gapreport new <id>` writes: a report MDX with the standard sections and a
 * dataset folder: questionnaire.yaml, and templates/ holding one CSV per contract file with
 * exactly the headers of SPEC §2 and no rows. The loader reads only the dataset folder's own
 * files, so the scaffold builds at once with honest "not measured" states until data arrives.
 */
import { PRESETS } from '../../src/data/preset';
import { DIMENSIONS } from '../../src/schemas/questionnaire';
import { DEFAULT_MIN_BASE, MIN_BASE_FLOOR } from '../../src/schemas/report';

export interface ScaffoldOptions {
  id: string;
  /** Folder under data/ (default: the report id). */
  dataset: string;
  title: string;
  company: string;
  /** Declared segments: columns of responses.csv and one <SegmentTable by> each. */
  segments: string[];
}

/** Sub-folder of the dataset holding the header-only templates (not read by the loader). */
export const TEMPLATES = 'templates';

const ITEMS = PRESETS['servqual-22'].map((i) => i.id);

/** The exact contract headers (SPEC §2.2–2.8), one header-only CSV each. */
export function contractCsvs(segments: readonly string[]): Record<string, string> {
  const responses = [
    'respondent_id',
    'wave',
    'date',
    ...segments,
    ...ITEMS.map((i) => `e_${i}`),
    ...ITEMS.map((i) => `p_${i}`),
    ...DIMENSIONS.map((d) => `w_${d}`),
    'nps',
    'csat',
    'ces',
    'overall',
    'comment',
  ];
  return {
    'responses.csv': responses.join(','),
    'management.csv': ['respondent_id', ...ITEMS.map((i) => `m_${i}`)].join(','),
    'standards.csv': 'standard_id,metric,dimension,unit,direction,target,management_expectation,tolerance',
    'operations.csv': 'period,metric,value,n',
    'contacts.csv': 'contact_id,opened_at,channel,wait_seconds,handle_seconds,abandoned,resolved_first_contact',
    'communications.csv': 'claim_id,metric,promised,source',
    'benchmarks.csv': 'metric,industry,period,source,company,statistic,value,direction',
  };
}

export function questionnaireYaml(o: ScaffoldOptions): string {
  return `# ${o.company} — customer service survey (scaffolded by \`gapreport new ${o.id}\`).
# The data contract: SPEC §2 and the authoring guide (/docs/ on the site).
scale: { min: 1, max: 7 }          # SERVQUAL item scale
preset: servqual-22                 # the 22 SERVQUAL items (tan1…emp5); e_<item> and p_<item> in responses.csv
segments: [${o.segments.join(', ')}]${' '.repeat(Math.max(1, 26 - o.segments.join(', ').length))}# columns of responses.csv used for breakdowns
outcome: overall                    # what key-driver analysis explains (overall, nps, csat or ces)
# drivers: items                    # explain the outcome by each item instead of the five dimensions

# Relabel or translate an item of the preset (by id):
# items:
#   - { id: rel1, text: { en: "Keeps its promises about timing", fr: "Tient ses promesses de délai" } }

# ---------------------------------------------------------------------------------
# Mapping a survey-tool export instead of rewriting it (remove the # to use a line):
# columns:                          # contract name: header in your file
#   respondent_id: ResponseId       #   or "#row" when the export has no id
#   nps: Q12
#   p_rel1: "How reliable was our service?"
# missing: ["", "NA", "-99"]        # cell values read as missing
# not_applicable: [0]               # item answers meaning "does not apply"
# source: qualtrics                # or surveymonkey, limesurvey, google-forms: the tool's header rows, id, dates, completion rules
# header_rows: 1                    # rows between the names and the first respondent (question texts)
# recode:                           # labels to numbers
#   overall: { satisfied: 1, "neutral or dissatisfied": 0 }
# files:                            # read an export where it lies (relative to this folder)
#   responses.csv: ../../exports/survey-2026-q3.csv
# constants:                        # a contract column the export lacks, same for every row
#   wave: 2026-Q3
`;
}

/** Report sections in order; a section is kept only when its component is available. */
function sections(o: ScaffoldOptions): { component?: string; text: string }[] {
  return [
    {
      text: `## Executive summary

{/* Write the three things an executive must know. Every number comes from the figures by id. */}

Net Promoter Score is <Metric id="nps.score" /> (n = <Metric id="nps.n" />, 95 % margin of error <Metric id="nps.moe95" />).
Customer satisfaction (top-2-box) is <Metric id="csat.top2box" />, customer effort <Metric id="ces.mean" />.
The unweighted SERVQUAL score (perception minus expectation) is <Metric id="servqual.unweighted" />.`,
    },
    { component: 'HeadlineCards', text: `<HeadlineCards />` },
    { component: 'GapModel', text: `## The gap model\n\n{/* Which of the five gaps is widest, and why. */}\n\n<GapModel />` },
    { component: 'ServqualGaps', text: `## Expectations and perceptions\n\n<ServqualGaps />` },
    { component: 'DriverMatrix', text: `## What drives satisfaction\n\n<DriverMatrix />` },
    { component: 'KpiScorecard', text: `## Service standards\n\n<KpiScorecard />` },
    { component: 'BenchmarkPosition', text: `## Against the industry\n\n<BenchmarkPosition metric="nps" />` },
    { component: 'Trend', text: `## Over time\n\n<Trend metric="nps" />` },
    ...o.segments.map((s) => ({ component: 'SegmentTable', text: `## By ${s.replace(/_/g, ' ')}\n\n<SegmentTable by="${s}" />` })),
    {
      text: `## Methodology

Customers rated what they expect and what they perceive on the 22 SERVQUAL items (scale 1–7);
a gap is perception minus expectation, so a negative gap is a shortfall. NPS margins of error are
95 % intervals; changes between waves are marked significant at p < 0.05. Figures resting on fewer
respondents than the report's minimum base are not published. The authoring guide (/docs/) explains
every formula.`,
    },
    { component: 'Methodology', text: `<Methodology />` },
  ];
}

/**
 * The report MDX. `available` lists the components this version registers, so a scaffold
 * never names a component the build would reject.
 */
export function reportMdx(o: ScaffoldOptions, available: readonly string[]): string {
  const q = (s: string) => JSON.stringify(s);
  const body = sections(o)
    .filter((s) => !s.component || available.includes(s.component))
    .map((s) => s.text)
    .join('\n\n');
  return `---
title: ${q(o.title)}
company: ${q(o.company)}   # edit: the company this report is about
dataset: ${o.dataset}   # data/${o.dataset}/
locale: en   # en | fr | vi
draft: true   # built by npm run dev and gapreport build --drafts only; delete this line to publish
# wave: 2026-Q3            # default: the latest wave in responses.csv
# period: 2026-Q3          # operations period for "delivered"; default: the latest
# industry: telecom        # benchmark rows compared against
# min_base: ${DEFAULT_MIN_BASE}             # figures on fewer respondents are suppressed (at least ${MIN_BASE_FLOOR}, unless allow_individual_answers: true)
# low_base: 30             # figures on fewer respondents carry a low-base mark
description: ${q(`Service quality of ${o.company}: the five gaps, standards, drivers and the industry.`)}
---

${body}
`;
}

export function templatesReadme(o: ScaffoldOptions): string {
  return `# Templates for data/${o.dataset}/

One file per data contract file, with exactly the header row gapreport expects and no data.
gapreport does not read this folder. When you have the data for a file, copy it up into
\`data/${o.dataset}/\`, add one row per respondent (or standard, period, claim, peer…) and run
\`npx gapreport validate data/${o.dataset}\`.

A file left out is fine: what it measures shows as "not measured" in the report. A file with a
header and no rows is a mistake, and validation says so.

| file | one row per | feeds |
|---|---|---|
| responses.csv | customer respondent | NPS, CSAT, CES, SERVQUAL (Gap 5), drivers, segments, trend |
| management.csv | manager | Gap 1 (what managers believe customers expect) |
| standards.csv | service standard | KPI scorecard, Gaps 2 and 3 |
| operations.csv | metric and period (aggregated) | delivered KPIs (Gap 3), trend per period |
| contacts.csv | contact (call, chat, e-mail) | delivered KPIs derived per quarter |
| communications.csv | promise made to customers | Gap 4 |
| benchmarks.csv | peer value or published statistic | industry position |

The column rules are in the authoring guide (/docs/data-contract/ on the site).
`;
}
