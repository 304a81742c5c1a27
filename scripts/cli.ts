/**
 * The `gapreport` command line. Each command lives in scripts/commands/<name>.ts and
 * exports `run(args, io): Promise<number>` (the exit code). Only this layer exits.
 */
import { parseArgs } from './commands/args';
import { defaultIo, type Io } from './commands/io';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[], io: Io) => Promise<number> }> }> = {
  validate: { summary: 'validate <dataset-dir>            check every file; exit 1 on any problem', load: () => import('./commands/validate') },
  analyze: { summary: 'analyze <dataset-dir> [--out f]   compute the figures JSON', load: () => import('./commands/analyze') },
  build: { summary: 'build                             validate, analyze and build the site into dist/', load: () => import('./commands/build') },
  new: { summary: 'new <report-id>                   scaffold a report and its dataset folder', load: () => import('./commands/new') },
  pdf: { summary: 'pdf [report-id]                   print reports to dist/pdf/ with Chromium', load: () => import('./commands/pdf') },
  chromium: { summary: 'chromium                          print the browser pdf and the browser tests use', load: () => import('./commands/chromium') },
  check: { summary: 'check [--fail-on missed|at-risk]  quality gates for CI', load: () => import('./commands/check') },
  bench: { summary: 'bench                             benchmark analyze against DuckDB and the I/O floor', load: () => import('./commands/bench') },
  'generate-demo': { summary: 'generate-demo [dir]               regenerate the seeded demo dataset', load: () => import('./commands/generate-demo') },
};

export function usage(): string {
  return ['usage: gapreport <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n');
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`gapreport: unknown command "${name}".\n${usage()}`);
    return 2;
  }
  let mod;
  try {
    mod = await command.load();
  } catch (error) {
    io.err(`gapreport: the "${name}" command is not available in this build (${(error as Error).message}).`);
    return 2;
  }
  return mod.run(rest, io);
}

export { parseArgs };
