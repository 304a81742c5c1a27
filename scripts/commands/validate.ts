/**
 * `gapreport validate <dataset-dir>`: every problem, one per line, with paths relative to
 * the working directory, then a summary of rows per file. Exit 0 clean, 1 on any
 * problem, 2 on a usage error.
 */
import { relative, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { loadDataset } from '../../src/data/load-fs';
import { formatProblem, type Problem } from '../../src/schemas/problem';
import { parseArgs, unknownFlags } from './args';
import type { Io } from './io';

const USAGE = 'usage: gapreport validate <dataset-dir>';

/** A problem's file shown from the working directory: `data/demo/responses.csv`. */
function shownFrom(io: Io, dir: string, p: Problem): Problem {
  const file = relative(io.cwd, resolve(io.cwd, dir, p.file)) || '.';
  // The closing "… and N more problems in <file>." names the file too.
  return { ...p, file, message: p.omitted ? p.message.replace(` in ${p.file}.`, ` in ${file}.`) : p.message };
}

/** GitHub Actions annotation; `%`, CR and LF must be escaped in the message. */
function annotation(level: 'error' | 'warning', p: Problem): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const line = p.line === undefined ? '' : `,line=${p.line}`;
  return `::${level} file=${escape(p.file).replace(/,/g, '%2C')}${line}::${escape(formatProblem(p))}`;
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args);
  const unknown = unknownFlags(parsed, []);
  if (unknown.length || parsed.positionals.length !== 1) {
    io.err(unknown.length ? `gapreport validate: unknown option --${unknown[0]}.\n${USAGE}` : USAGE);
    return 2;
  }
  const dir = parsed.positionals[0];
  const isDir = await stat(resolve(io.cwd, dir)).then((s) => s.isDirectory(), () => false);
  if (!isDir) {
    io.err(`gapreport validate: "${dir}" is not a folder.\n${USAGE}`);
    return 2;
  }
  const result = await loadDataset(resolve(io.cwd, dir));
  const github = io.env.GITHUB_ACTIONS === 'true';
  for (const [level, list] of [['warning', result.warnings], ['error', result.problems]] as const) {
    for (const p of list.map((p) => shownFrom(io, dir, p))) {
      const text = formatProblem(p);
      if (level === 'error') io.out(text);
      else io.err(`warning: ${text}`);
      if (github) io.out(annotation(level, p));
    }
  }
  const counts = Object.entries(result.rowCounts).map(([f, n]) => `${f} ${n} row${n === 1 ? '' : 's'}`);
  const n = result.problems.filter((p) => !p.omitted).length + result.problems.reduce((s, p) => s + (p.omitted ?? 0), 0);
  const summary = counts.length ? counts.join(', ') : 'no data files read';
  if (n === 0) io.out(`${dir}: valid — ${summary}.`);
  else io.out(`${dir}: ${n} problem${n === 1 ? '' : 's'} — ${summary}.`);
  return n === 0 ? 0 : 1;
}
