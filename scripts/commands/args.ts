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
