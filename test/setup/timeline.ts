/**
 * A reporter for measuring the suite (not part of `npm test`): per test file, when it started and
 * ended on the run's clock and how its time splits (import, hooks and tests), written as JSON to
 * TIMELINE_OUT (default gapreport-test-timeline.json in the temp folder) with the heaviest files printed at the end.
 * Vitest's JSON reporter times a file from its first test to its last, without its beforeAll
 * hooks (where the site builds are): this one times the whole file.
 * usage: npx vitest run --config test/vitest.config.ts --reporter=default --reporter=./test/setup/timeline.ts
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

interface Row {
  file: string;
  project: string;
  start: number;
  end: number;
  /** Import of the file and everything it loads (and its describe bodies). */
  collect: number;
  /** Every hook and test of the file. */
  run: number;
  tests: number;
}

export default class Timeline implements Reporter {
  private readonly t0 = Date.now();
  private readonly started = new Map<string, number>();
  private readonly rows: Row[] = [];

  onTestModuleStart(module: TestModule): void {
    this.started.set(module.moduleId, Date.now());
  }

  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    const end = Date.now();
    const start = this.started.get(module.moduleId) ?? end - d.duration - d.collectDuration;
    this.rows.push({
      file: relative(process.cwd(), module.moduleId),
      project: module.project.name,
      start: (start - this.t0) / 1000,
      end: (end - this.t0) / 1000,
      collect: d.collectDuration / 1000,
      run: d.duration / 1000,
      tests: [...module.children.allTests()].length,
    });
  }

  onTestRunEnd(): void {
    const wall = (Date.now() - this.t0) / 1000;
    const sum = (f: (r: Row) => number) => this.rows.reduce((s, r) => s + f(r), 0);
    const out = process.env.TIMELINE_OUT ?? join(tmpdir(), 'gapreport-test-timeline.json');
    const rows = [...this.rows].sort((a, b) => a.start - b.start);
    writeFileSync(out, JSON.stringify({ wall, collect: sum((r) => r.collect), run: sum((r) => r.run), files: rows }, null, 1));
    const top = [...this.rows].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, 25);
    const f = (n: number) => n.toFixed(1).padStart(6);
    console.log(
      `\ntimeline (${out}): ${wall.toFixed(0)} s wall; summed over files: import ${sum((r) => r.collect).toFixed(0)} s, hooks and tests ${sum((r) => r.run).toFixed(0)} s`,
    );
    console.log(' start    end  total import    run  file');
    for (const r of top) console.log(`${f(r.start)} ${f(r.end)} ${f(r.end - r.start)} ${f(r.collect)} ${f(r.run)}  ${r.file}`);
  }
}
