/**
 * The `gapreport` command line. Each command lives in scripts/commands/<name>.ts and
 * exports `run(args, io): Promise<number>` (the exit code); its arguments and options
 * are in scripts/commands/specs.ts, which the help below prints. Only this layer exits.
 */
import { closest } from '../src/analysis/did-you-mean';
import { parseArgs } from './commands/args';
import { defaultIo, type Io } from './commands/io';
import { commandHelp, SPECS, usageLine } from './commands/specs';

type Command = { run: (args: string[], io: Io) => Promise<number> };

const LOADERS: Record<string, () => Promise<Command>> = {
  validate: () => import('./commands/validate'),
  analyze: () => import('./commands/analyze'),
  build: () => import('./commands/build'),
  new: () => import('./commands/new'),
  pdf: () => import('./commands/pdf'),
  chromium: () => import('./commands/chromium'),
  check: () => import('./commands/check'),
  bench: () => import('./commands/bench'),
  'generate-demo': () => import('./commands/generate-demo'),
  themes: () => import('./commands/themes'),
};

/** The commands, one line each (printed with no command or an unknown one). */
export function usage(): string {
  const width = Math.max(...SPECS.map((s) => `${s.name} ${s.args}`.length));
  return [
    'usage: gapreport <command> [options]',
    '',
    ...SPECS.map((s) => `  ${`${s.name} ${s.args}`.padEnd(width)}  ${s.summary}`),
    '',
    'gapreport help <command> (or gapreport <command> --help) prints its options.',
  ].join('\n');
}

/** `gapreport --help`: every command with every option it takes. */
export function fullHelp(): string {
  return ['usage: gapreport <command> [options]', ...SPECS.map((s) => `\n${commandHelp(s).replace(/^usage: /, '')}`)].join('\n');
}

function unknownCommand(io: Io, name: string): number {
  const near = closest(
    name,
    SPECS.map((s) => s.name),
  );
  io.err(`gapreport: unknown command "${name}".${near ? ` Did you mean "${near}"?` : ''}\n${usage()}`);
  return 2;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.err(usage());
    return 2;
  }
  if (name === '--help' || name === '-h') {
    io.out(fullHelp());
    return 0;
  }
  if (name === 'help') {
    if (rest.length === 0) {
      io.out(fullHelp());
      return 0;
    }
    const spec = SPECS.find((s) => s.name === rest[0]);
    if (!spec) return unknownCommand(io, rest[0]);
    io.out(commandHelp(spec));
    return 0;
  }
  const load = Object.hasOwn(LOADERS, name) ? LOADERS[name] : undefined;
  if (!load) return unknownCommand(io, name);
  let mod;
  try {
    mod = await load();
  } catch (error) {
    io.err(`gapreport: the "${name}" command is not available in this build (${(error as Error).message}).`);
    return 2;
  }
  return mod.run(rest, io);
}

export { parseArgs };
