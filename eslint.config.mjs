// @ts-check
// ESLint encodes the layering (DEVELOPERS.md "Layout and rules"); formatting is Prettier's job.
import tsParser from '@typescript-eslint/parser';

/** What the pure core (schemas, stats, analysis, charts) may never import: disk, CSV parser, Astro, DuckDB, a browser. */
const IMPURE = [
  {
    group: ['node:*', 'fs', 'path', 'papaparse', 'astro', 'astro:*', '@astrojs/*', '@duckdb/*', 'playwright*'],
    message: 'The pure core (src/schemas, stats, analysis, charts) does no I/O: pass the data in.',
  },
];
const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default [
  { ignores: ['node_modules/**', 'dist/**', '.astro/**', '.gapreport/**', 'bench/out/**', 'test/e2e/artifacts/**', '**/*.astro', 'src/stream/worker.mjs'] },
  {
    files: ['**/*.ts', '**/*.mjs'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    rules: { 'no-duplicate-imports': 'off' },
  },
  layer(['src/stats/**/*.ts'], [...IMPURE, { group: ['../**'], message: 'src/stats imports only its own files: it is the bottom layer.' }]),
  layer(
    ['src/schemas/**/*.ts'],
    [
      ...IMPURE,
      {
        group: ['../data/**', '../analysis/**', '../charts/**', '../build/**', '../components/**', '../engines/**', '../stream/**'],
        message: 'src/schemas sits below every layer but stats and i18n.',
      },
    ],
  ),
  layer(
    ['src/analysis/**/*.ts'],
    [
      ...IMPURE,
      {
        group: ['../data/**', '../build/**', '../components/**', '../engines/**', '../stream/**', '../charts/**'],
        message: 'src/analysis turns accumulators into figures: no loading, no rendering.',
      },
    ],
  ),
  layer(
    ['src/charts/**/*.ts'],
    [
      ...IMPURE,
      { group: ['../data/**', '../build/**', '../components/**', '../engines/**', '../stream/**'], message: 'src/charts only draws what analysis computed.' },
    ],
  ),
  layer(
    ['src/data/**/*.ts'],
    [
      {
        group: ['../analysis/**', '../build/**', '../components/**', '../charts/**'],
        message: 'src/data validates files and knows nothing of the figures or the site.',
      },
    ],
  ),
];
