import { join, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { formatProblem } from '../schemas/problem';
import { computeFigures } from './figures-fs';
import { readReports, REPORTS_DIR } from './reports-fs';

/**
 * Astro content loader: runs the same pipeline as `gapreport analyze` for every report,
 * through the content-hash cache (an MDX-only edit reuses the figures). In `astro dev`
 * it re-runs when a CSV, questionnaire or report changes; problems fail the load with
 * the same messages the CLI prints.
 */
export function figuresLoader(root = process.cwd()): Loader {
  return {
    name: 'gapreport-figures',
    load: async ({ store, logger, watcher, parseData }) => {
      const run = async () => {
        const { reports, problems } = await readReports(root);
        if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
        store.clear();
        const failures: string[] = [];
        for (const report of reports) {
          const s = report.settings!;
          const dir = resolve(root, 'data', s.dataset);
          const result = await computeFigures(root, dir, { wave: s.wave, period: s.period, industry: s.industry, locale: s.locale, min_base: s.min_base, low_base: s.low_base });
          if (!result.figures) {
            failures.push(...result.problems.map((p) => formatProblem({ ...p, file: p.file.includes('/') ? p.file : p.file === 'report settings' ? report.file : join('data', s.dataset, p.file) })));
            continue;
          }
          logger.info(`${report.id}: figures ${result.reused ? 'reused from cache' : 'computed'} (data/${s.dataset})`);
          const data = await parseData({ id: report.id, data: result.figures as unknown as Record<string, unknown> });
          store.set({ id: report.id, data });
        }
        if (failures.length > 0) throw new Error(`gapreport: the data has problems:\n${failures.join('\n')}`);
      };
      await run();
      if (watcher) {
        watcher.add([resolve(root, 'data'), resolve(root, REPORTS_DIR)]);
        const onChange = async (path: string) => {
          if (!/\.(csv|ya?ml|mdx)$/i.test(path)) return;
          logger.info(`${path} changed: re-validating and recomputing`);
          try {
            await run();
          } catch (error) {
            logger.error((error as Error).message);
          }
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
      }
    },
  };
}
