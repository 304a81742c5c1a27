/**
 * The embedded demo company, Northwind Telecom (telecom: mobile & broadband
 * customer service). Pure generation: file name -> file text, no I/O.
 */
import { buildBenchmarks, buildCommunications, buildOperations, buildQuestionnaire, buildStandards } from './business.ts';
import { buildThemes } from './comments.ts';
import { buildEmployees } from './employees.ts';
import { Rng } from './random.ts';
import { buildManagement, buildResponses } from './survey.ts';

export interface DemoOptions {
  /** PRNG seed; the committed data/demo uses the default. */
  seed?: number;
  /** Customer respondents per wave (three waves); default 1,200. */
  respondentsPerWave?: number;
}

export const DEMO_DEFAULTS = { seed: 20260930, respondentsPerWave: 1200 } as const;

/** The demo dataset as `{ "responses.csv": "...", ... }`; same options, same bytes. */
export function buildDemoFiles(options: DemoOptions = {}): Record<string, string> {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const perWave = options.respondentsPerWave ?? DEMO_DEFAULTS.respondentsPerWave;
  if (!Number.isInteger(perWave) || perWave < 20) throw new Error(`respondentsPerWave must be an integer >= 20, got ${perWave}`);
  const rng = new Rng(seed);
  return {
    'questionnaire.yaml': buildQuestionnaire(),
    'responses.csv': buildResponses(rng, perWave),
    'management.csv': buildManagement(rng),
    'standards.csv': buildStandards(),
    'operations.csv': buildOperations(rng),
    'communications.csv': buildCommunications(),
    'benchmarks.csv': buildBenchmarks(rng),
    // Forks of their own: adding them moved no draw of the files above.
    'themes.yaml': buildThemes(),
    'employees.csv': buildEmployees(rng),
  };
}
