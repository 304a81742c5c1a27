/**
 * Every command's arguments and options, defined once: the parser checks flags against
 * these lists (args.ts `readArgs`: unknown flags, boolean flags) and the help text is
 * printed from them, so `--help` and the parser cannot disagree. Kept apart from the
 * commands so `gapreport --help` lists everything without loading them.
 */
import { ENGINES } from '../../src/schemas/engine';
import { LOCALES } from '../../src/schemas/questionnaire';
import { DEFAULT_LOW_BASE, DEFAULT_MIN_BASE } from '../../src/schemas/report';

export interface OptionSpec {
  /** The flag without its dashes: `min-base`. */
  name: string;
  /** What the value reads as in the help (`N`, `file.json`); absent for a boolean flag. */
  value?: string;
  /** One line. */
  description: string;
}

export interface CommandSpec {
  name: string;
  /** The positional arguments as the usage writes them: `<dataset-dir>`, `[report-id]`. */
  args: string;
  /** One line for `gapreport --help`. */
  summary: string;
  options: readonly OptionSpec[];
}

const command = (name: string, args: string, summary: string, options: OptionSpec[] = []): CommandSpec => ({ name, args, summary, options });

export const SPECS: readonly CommandSpec[] = [
  command('validate', '<dataset-dir>', 'check every file of a dataset; exit 1 on any problem'),
  command('analyze', '<dataset-dir>', 'compute the figures of a dataset as JSON (to stdout, or --out)', [
    { name: 'out', value: 'file.json', description: 'write the figures to this file (missing folders are created) instead of stdout' },
    { name: 'wave', value: 'W', description: 'the wave the figures describe (default: the latest)' },
    { name: 'period', value: 'P', description: 'the operations period for KPIs and "delivered" (default: the latest)' },
    { name: 'industry', value: 'I', description: 'the industry whose benchmark rows are compared (default: the only one)' },
    { name: 'min-base', value: 'N', description: `suppress figures on fewer respondents than N (default ${DEFAULT_MIN_BASE})` },
    { name: 'low-base', value: 'N', description: `mark figures on fewer respondents than N as low base (default ${DEFAULT_LOW_BASE})` },
    {
      name: 'locale',
      value: LOCALES.join('|'),
      description:
        "write item texts and comment tokens in this language, as that edition's figures.json download does (default: the questionnaire's own texts, no meta.locale)",
    },
    { name: 'engine', value: ENGINES.join('|'), description: 'how the data is read (default: stream above 20 MB, else memory)' },
    { name: 'no-cache', description: 'recompute, and neither read nor write .gapreport/ (the figures cache and the file-hash index)' },
  ]),
  command('build', '', 'validate, analyze and build the site into dist/', [
    { name: 'out', value: 'dir', description: 'the folder the site is built into (default dist)' },
    {
      name: 'pdf',
      description:
        'also print every report to pdf/<id>.pdf (Chromium), and each entity page of a per: report to pdf/<id>/<slug>.pdf, into the new site before it replaces the old (manifests go to delivery/<id>/); without it the site has no PDFs',
    },
    { name: 'drafts', description: 'also build the reports whose frontmatter says draft: true (marked Draft on the page)' },
    {
      name: 'audience',
      value: 'segment=value',
      description:
        "publish each per: report for one audience: only the entities whose responses have segment=value, and the report's totals (no other entity's name or value)",
    },
  ]),
  command('new', '<report-id>', 'scaffold a report and its dataset folder', [
    { name: 'title', value: '"…"', description: 'the report title (default "Customer service benchmark — <report-id>")' },
    { name: 'company', value: '"…"', description: 'the company the report is about' },
    { name: 'segments', value: 'channel,region', description: 'the segment columns the dataset declares (default channel)' },
    { name: 'dataset', value: 'folder', description: 'the folder under data/ (default: the report id); an existing one is read, not scaffolded' },
    { name: 'from', value: 'export.csv', description: "propose the questionnaire from a survey tool's export (its tool, items, segments, dates), for review" },
  ]),
  command('pdf', '[report-id]', 'print built reports (or the one named) to dist/pdf/ with Chromium', [
    { name: 'format', value: 'A4|Letter', description: 'the paper size (default A4)' },
    { name: 'site-url', value: 'URL', description: 'where the site is published, so links in the PDF point there (default $GAPREPORT_SITE_URL)' },
    { name: 'dist', value: 'dir', description: 'the built site to print from (default dist)' },
    {
      name: 'per',
      description:
        'print each entity page of the per: reports to pdf/<id>/<slug>.pdf (withheld entities get none) and write delivery/<id>/manifest.csv and .json beside the site',
    },
  ]),
  command('chromium', '', 'print the browser that pdf and the browser tests use'),
  command('check', '', 'quality gates for CI: KPIs against standards, significant worsening', [
    { name: 'fail-on', value: 'missed|at-risk', description: 'which KPI status fails the check (default missed)' },
    { name: 'report', value: 'id', description: 'check only this report' },
  ]),
  command('bench', '', 'benchmark analyze against DuckDB and the I/O floor', [
    { name: 'rows', value: 'N', description: 'survey responses to generate (default 1000000)' },
    { name: 'contacts', value: 'N', description: 'contact records to generate (default 5 × rows)' },
    { name: 'runs', value: 'K', description: 'runs per measurement; the median is reported (default 3)' },
    { name: 'seed', value: 'S', description: 'seed of the generated data (default 20260701)' },
    { name: 'skip-site', description: 'skip the site rebuild measurements' },
    {
      name: 'only',
      value: 'entities',
      description: 'run only the entity-page builds (a per: report with 10, 100 and 1,000 outlets; results in bench/out/entities.json)',
    },
  ]),
  command('themes', '', "discover the comments' distinctive words and phrases, and propose codebook entries (themes.yaml)", [
    { name: 'discover', value: '<dataset-dir>', description: 'the dataset whose comments are read (responses.csv column comment); nothing is written' },
    {
      name: 'by',
      value: 'segment|wave|low-scorers',
      description: 'the groups compared with the other comments (default low-scorers: likelihood to recommend 0–6)',
    },
    { name: 'top', value: 'N', description: 'terms shown per group (default 10)' },
    { name: 'lang', value: 'en|fr|vi', description: 'the language the proposed keywords are written under (default en)' },
  ]),
  command('generate-demo', '[dir]', 'regenerate the seeded demo dataset (default dir: data/demo)', [
    { name: 'seed', value: 'N', description: 'the random seed; the same seed writes the same bytes' },
    { name: 'respondents-per-wave', value: 'N', description: 'respondents in each wave' },
  ]),
];

/** The spec of a command; a programmer's mistake (an unlisted command) throws. */
export function specOf(name: string): CommandSpec {
  const spec = SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`no command spec "${name}"`);
  return spec;
}

/** Flags taking no value, for parseArgs. */
export const booleanFlags = (spec: CommandSpec): string[] => spec.options.filter((o) => o.value === undefined).map((o) => o.name);

const flagText = (o: OptionSpec) => `--${o.name}${o.value ? ` ${o.value}` : ''}`;

/** `usage: gapreport analyze <dataset-dir> [--out file.json] […]`. */
export function usageLine(spec: CommandSpec): string {
  return ['usage: gapreport', spec.name, spec.args, ...spec.options.map((o) => `[${flagText(o)}]`)].filter(Boolean).join(' ');
}

/** The full help of one command: usage, what it does, each option with its description, --help. */
export function commandHelp(spec: CommandSpec): string {
  const rows = [...spec.options.map((o) => [flagText(o), o.description]), ['-h, --help', 'print this help']];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    usageLine(spec),
    '',
    `${spec.summary[0].toUpperCase()}${spec.summary.slice(1)}.`,
    '',
    'options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
  ].join('\n');
}
