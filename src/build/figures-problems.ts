/**
 * The problems of the figures loader's last run, by report id. In `astro dev` a report whose data
 * broke has no figures entry; its page throws these lines so Astro's error overlay shows the data
 * problem itself. Kept on globalThis because the loader (config) and the pages (Vite SSR) are
 * separate module instances in one process. A module of its own, importing nothing: the report
 * page reads it, and importing the loader would bundle the whole pipeline (every engine) into the
 * server bundle of every build.
 */
export function lastFiguresProblems(): Map<string, string[]> {
  const g = globalThis as { __gapreportFiguresProblems?: Map<string, string[]> };
  g.__gapreportFiguresProblems ??= new Map();
  return g.__gapreportFiguresProblems;
}

export function figuresProblems(reportId: string): string[] | undefined {
  return lastFiguresProblems().get(reportId);
}
