import { formatProblem, type Problem } from '../schemas/problem';

/**
 * Problems of datasets that several reports read (demo and demo-fr both on data/demo):
 * each problem of a dataset's files is kept once, however many reports hit it, and printed
 * under `data/demo (used by demo, demo-fr):` so the reader knows fixing it fixes both.
 */
export class DatasetProblems {
  private readonly reportsOf = new Map<string, string[]>();
  private readonly kept = new Set<string>();
  private readonly datasetOf = new Map<Problem, string>();

  /** The report's problems from `dataset` (e.g. `data/demo`) not yet recorded for it; others (its settings) pass through. */
  add(report: string, dataset: string, problems: readonly Problem[]): Problem[] {
    const fresh: Problem[] = [];
    for (const p of problems) {
      if (!p.file.startsWith(`${dataset}/`)) {
        fresh.push(p);
        continue;
      }
      const users = this.reportsOf.get(dataset) ?? [];
      if (!users.includes(report)) this.reportsOf.set(dataset, [...users, report]);
      const key = `${dataset}\0${formatProblem(p)}`;
      if (this.kept.has(key)) continue;
      this.kept.add(key);
      this.datasetOf.set(p, dataset);
      fresh.push(p);
    }
    return fresh;
  }

  /** The header before the first problem of each dataset more than one report hit. */
  headers(problems: readonly Problem[]): Map<Problem, string> {
    const headers = new Map<Problem, string>();
    const done = new Set<string>();
    for (const p of problems) {
      const dataset = this.datasetOf.get(p);
      const users = dataset === undefined ? [] : (this.reportsOf.get(dataset) ?? []);
      if (dataset === undefined || users.length < 2 || done.has(dataset)) continue;
      done.add(dataset);
      headers.set(p, `${dataset} (used by ${users.join(', ')}):`);
    }
    return headers;
  }
}
