import { mkdir, writeFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { computeFigures } from '../../src/build/figures-fs';
import { publishedFigures } from '../../src/components/lib/item-labels';
import { isLocale } from '../../src/i18n';
import { LOCALES } from '../../src/schemas/questionnaire';
import { ENGINES, fallbackNote, type Engine } from '../../src/engines/run-fs';
import { REPORT_SETTINGS } from '../../src/schemas/problem';
import { readArgs } from './args';
import { specOf, usageLine } from './specs';
import type { Io } from './io';
import { printProblems } from './report-problems';

const SPEC = specOf('analyze');
const HELP = usageLine(SPEC);

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = readArgs(args, SPEC, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1) {
    io.err(HELP);
    return 2;
  }
  const dir = resolve(io.cwd, parsed.positionals[0]);
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
    io.err(`gapreport analyze: ${parsed.positionals[0]} is not a folder. Give the dataset folder, e.g. data/demo.`);
    return 2;
  }
  const f = parsed.flags;
  const int = (name: string) => {
    const v = f[name];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of respondents, 1 or more (got "${String(v)}").`);
    return n;
  };
  const str = (name: string) => (typeof f[name] === 'string' ? (f[name] as string) : undefined);
  let options;
  try {
    options = { wave: str('wave'), period: str('period'), industry: str('industry'), min_base: int('min-base'), low_base: int('low-base') };
  } catch (error) {
    io.err(`gapreport analyze: ${(error as Error).message}`);
    return 2;
  }
  const locale = str('locale');
  if (locale !== undefined && !isLocale(locale)) {
    io.err(`gapreport analyze: --locale must be one of ${LOCALES.join(', ')} (got "${locale}").`);
    return 2;
  }
  const engine = str('engine');
  if (engine !== undefined && !(ENGINES as readonly string[]).includes(engine)) {
    io.err(
      `gapreport analyze: --engine must be one of ${ENGINES.join(', ')} (got "${engine}"). Without it: stream above 20 MB of responses + contacts, else memory.`,
    );
    return 2;
  }
  const clean = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const progress = { isTTY: io.isTTY, env: io.env, write: (t: string) => process.stderr.write(t) };
  const result = await computeFigures(io.cwd, dir, { ...clean, engine: engine as Engine | undefined }, { noCache: f['no-cache'] === true, progress });
  if (io.env.GAPREPORT_REPORT_RSS) io.err(`max-rss-kib ${process.resourceUsage().maxRSS}`);
  if (result.fallback !== undefined) io.err(fallbackNote(parsed.positionals[0], result.fallback));
  if (!result.figures) {
    // Paths from the working directory, mapped exports (files:) included, as validate shows them.
    const shown = result.problems.map((p) => {
      if (p.file === REPORT_SETTINGS) return p; // no report here: the settings are the flags
      const file = relative(io.cwd, resolve(dir, p.file)) || '.';
      return { ...p, file };
    });
    printProblems(io, shown);
    io.err(`gapreport analyze: ${result.problems.length} problem(s); no figures written.`);
    return 1;
  }
  // Figures are locale-free; --locale writes them as that edition's figures.json download (its item texts, meta.locale).
  const figures = locale === undefined ? result.figures : publishedFigures(await (await editions()).localizedFigures(result.figures, dir, locale), locale);
  const json = `${JSON.stringify(figures, null, 2)}\n`;
  const out = str('out');
  if (out) {
    const failed = await writeOut(resolve(io.cwd, out), json);
    if (failed) {
      io.err(`gapreport analyze: could not write ${out}: ${failed}`);
      return 1;
    }
    io.err(`figures for ${parsed.positionals[0]} (wave ${result.figures.meta.wave ?? '—'}, n = ${result.figures.n}) written to ${out}`);
  } else io.out(json.trimEnd());
  return 0;
}

class UsageError extends Error {}

/**
 * Writes the figures, creating missing parent folders (as `--out reports/q3/figures.json`
 * means); on failure, why in words (the folder path is a file, no permission, …).
 */
async function writeOut(path: string, text: string): Promise<string | undefined> {
  const why = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    const words: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EISDIR: 'it is a folder',
      ENOTDIR: 'a part of its folder path is a file, not a folder',
      EEXIST: 'a part of its folder path is a file, not a folder',
      EROFS: 'the disk is read-only',
      ENOSPC: 'the disk is full',
    };
    return `${(code && words[code]) ?? (error as Error).message}.`;
  };
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    return `its folder ${dirname(path)} could not be created (${why(error).slice(0, -1)}).`;
  }
  return writeFile(path, text).then(() => undefined, why);
}

/**
 * The editions' module, loaded only for --locale: it reaches the Astro integration (src/integration.ts:
 * projectRoot), whose MDX lint brings some 300 modules (@mdx-js/mdx, micromark, …) that the figures
 * never need — about 0.4 CPU s at every analyze.
 */
const editions = () => import('../../src/build/edition-fs');
