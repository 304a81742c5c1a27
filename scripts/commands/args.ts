import { closest } from '../../src/analysis/did-you-mean';
import type { Io } from './io';
import { booleanFlags, commandHelp, usageLine, type CommandSpec } from './specs';

/** Minimal flag parser: `--name value`, `--name=value`, `--flag` (boolean), positionals. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(args: string[], booleans: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else {
      const name = arg.slice(2);
      const next = args[i + 1];
      if (booleans.includes(name) || next === undefined || next.startsWith('--')) flags[name] = true;
      else {
        flags[name] = next;
        i++;
      }
    }
  }
  return { positionals, flags };
}

/** Unknown flags are a user mistake: name them. */
export function unknownFlags(parsed: ParsedArgs, known: readonly string[]): string[] {
  return Object.keys(parsed.flags).filter((f) => !known.includes(f));
}

/**
 * A command's arguments checked against its spec (specs.ts): `--help`/`-h` prints the
 * command's help (exit 0); an unknown flag, or a single-dash word, is named with the
 * closest flag the command takes and its usage (exit 2). Returns the parsed arguments,
 * or the exit code when there is nothing more to do.
 */
export function readArgs(args: string[], spec: CommandSpec, io: Io): ParsedArgs | number {
  const parsed = parseArgs(args, [...booleanFlags(spec), 'help']);
  if (parsed.flags.help !== undefined || parsed.positionals.includes('-h')) {
    io.out(commandHelp(spec));
    return 0;
  }
  const names = spec.options.map((o) => o.name);
  const flag = unknownFlags(parsed, names)[0];
  // `-o`, or `-out` for --out, is a mistyped option, not a path: name it. (`-acme` stays an argument, for the command to judge.)
  const dashed = parsed.positionals.find((p) => /^-[a-z]$/i.test(p) || (/^-[a-z]/i.test(p) && closest(p.slice(1), names) !== undefined));
  const written = flag !== undefined ? `--${flag}` : dashed;
  if (written === undefined) return parsed;
  const near = closest(written.replace(/^-+/, ''), names);
  io.err(
    `gapreport ${spec.name}: unknown option ${written}.${near ? ` Did you mean --${near}?` : ''}\n${usageLine(spec)}\nRun gapreport ${spec.name} --help for what each option does.`,
  );
  return 2;
}
