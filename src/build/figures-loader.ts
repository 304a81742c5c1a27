import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { formatProblem } from '../schemas/problem';
import { gapreportOptions, type GapreportOptions } from '../integration';
import { reportsFigures } from './pipeline-fs';
import { validatedFigures } from './figures-fs';
import { HELD_IN_MEMORY, storedFigures } from './stored-figures';
import { rememberFigures } from './lint-astro';
import { readReports, REPORTS_DIR, splitDrafts } from './reports-fs';
import { lastFiguresProblems } from './figures-problems';

export { figuresProblems } from './figures-problems';

/**
 * Astro content loader: runs the report pipeline (pipeline-fs.ts) for every report, through
 * the content-hash cache (an MDX-only edit reuses the figures) — or takes the figures
 * gapreport build has just computed, handed over by the gapreport integration. In `astro dev`
 * it re-runs when a CSV, questionnaire or report changes; problems fail the load with
 * the same messages the CLI prints.
 */
export function figuresLoader(explicit: GapreportOptions = {}): Loader {
  return {
    name: 'gapreport-figures',
    load: async ({ store, logger, watcher, parseData, config }) => {
      // The gapreport integration's options (astro.config.mjs, or gapreport build's own), else Astro's root.
      const options = gapreportOptions();
      const root = explicit.root ?? options?.root ?? fileURLToPath(config.root);
      const computed = explicit.figures ?? options?.figures;
      const run = async () => {
        const { reports, problems } = await readReports(root);
        if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
        store.clear();
        // In a build its pages read the figures stored as they are from here (astro dev reads the store).
        const stored = options && !watcher ? storedFigures(options) : undefined;
        stored?.clear();
        const byReport = lastFiguresProblems();
        byReport.clear();
        // The same pipeline as gapreport build and check (pipeline-fs.ts): the MDX lint included, so
        // astro dev / astro build also refuse unknown components and code before a page renders (and runs) it.
        // Drafts only when this run builds them (astro dev, build --drafts): a published build computes no draft.
        const pipeline = await reportsFigures(root, splitDrafts(reports, options?.drafts ?? false).built, { computed });
        for (const { report, figures, problems: found, findings, reused } of pipeline.results) {
          // The MDX lint plugin reads them when Astro compiles the report (lint-astro.ts).
          if (figures) rememberFigures(report.id, figures);
          // A claim the data contradict: said here in astro dev and astro build (gapreport build said it already).
          if (!computed) for (const f of findings ?? []) logger.warn(formatProblem(f));
          if (found.length > 0 || !figures) {
            byReport.set(report.id, found.map(formatProblem));
            continue;
          }
          logger.info(`${report.id}: figures ${reused ? 'reused' : 'computed'} (data/${report.settings!.dataset})`);
          // Figures FiguresSchema parsed in this process go in as they are (the schema would return the same
          // object again: 2.4 s at 1,000 entities); others (an audience's cut) through the collection's schema.
          const asIs = validatedFigures(figures);
          if (asIs && stored) {
            // The pages read these very objects (figures-entry.ts): the store gets a placeholder, not a copy to serialise.
            stored.set(report.id, figures);
            store.set({ id: report.id, data: { ...HELD_IN_MEMORY } });
            continue;
          }
          const data = asIs ? figures : await parseData({ id: report.id, data: figures as unknown as Record<string, unknown> });
          store.set({ id: report.id, data: data as unknown as Record<string, unknown> });
        }
        if (pipeline.problems.length > 0) throw new Error(`gapreport: the data has problems:\n${pipeline.problems.map(formatProblem).join('\n')}`);
      };
      if (!watcher) {
        await run();
        return;
      }
      // In `astro dev` broken data must not stop the server: the terminal shows the problems,
      // the report's page throws them into the error overlay, and fixing the file recovers.
      const rerun = async () => {
        try {
          await run();
        } catch (error) {
          logger.error((error as Error).message);
        }
      };
      await rerun();
      watcher.add([resolve(root, 'data'), resolve(root, REPORTS_DIR)]);
      const onChange = async (path: string) => {
        if (!/\.(csv|ya?ml|mdx)$/i.test(path)) return;
        logger.info(`${path} changed: re-validating and recomputing`);
        await rerun();
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}
