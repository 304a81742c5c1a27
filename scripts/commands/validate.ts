/**
 * `gapreport validate <dataset-dir>`: every problem, one per line, with paths relative to
 * the working directory, then a summary of rows per file. Exit 0 clean, 1 on any
 * problem, 2 on a usage error.
 */
import { relative, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { loadFolder } from '../../src/engines/load-with-fs';
import { exclusionSentence } from '../../src/data/row-filter';
import { formatProblem, type Problem } from '../../src/schemas/problem';
import { readArgs } from './args';
import type { Io } from './io';
import { specOf, usageLine } from './specs';
import { annotation, plainLine } from './workflow-commands';

const SPEC = specOf('validate');
const USAGE = usageLine(SPEC);

/** A problem's file shown from the working directory: `data/demo/responses.csv`. */
function shownFrom(io: Io, dir: string, p: Problem): Problem {
  const file = relative(io.cwd, resolve(io.cwd, dir, p.file)) || '.';
  // The closing "… and N more problems in <file>." names the file too.
  return { ...p, file, message: p.omitted ? p.message.replace(` in ${p.file}.`, ` in ${file}.`) : p.message };
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = readArgs(args, SPEC, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1) {
    io.err(USAGE);
    return 2;
  }
  const dir = parsed.positionals[0];
  const isDir = await stat(resolve(io.cwd, dir)).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    io.err(`gapreport validate: "${dir}" is not a folder.\n${USAGE}`);
    return 2;
  }
  const result = await loadFolder(resolve(io.cwd, dir));
  const github = io.env.GITHUB_ACTIONS === 'true';
  for (const [level, list] of [
    ['warning', result.warnings],
    ['error', result.problems],
  ] as const) {
    for (const p of list.map((p) => shownFrom(io, dir, p))) {
      // A cell value is data: kept on one line and never a workflow command (workflow-commands.ts).
      const text = formatProblem(p);
      if (level === 'error') io.out(plainLine(text));
      else io.err(plainLine(`warning: ${text}`));
      if (github) io.out(annotation(level, { file: p.file, line: p.line }, text));
    }
  }
  const counts = Object.entries(result.rowCounts).map(([f, n]) => `${f} ${n} row${n === 1 ? '' : 's'}`);
  const n = result.problems.filter((p) => !p.omitted).length + result.problems.reduce((s, p) => s + (p.omitted ?? 0), 0);
  const summary = counts.length ? counts.join(', ') : 'no data files read';
  // Rows keep: (or the tool preset) excluded are stated, so n never shrinks silently.
  const filtered = result.dataset?.rows_filter;
  if (filtered) io.out(`${dir}: responses.csv: ${exclusionSentence(filtered.read, filtered.excluded)}.`);
  if (n === 0) io.out(`${dir}: valid — ${summary}.`);
  else io.out(`${dir}: ${n} problem${n === 1 ? '' : 's'} — ${summary}.`);
  return n === 0 ? 0 : 1;
}
