import { resolve } from 'node:path';
import { generateDemo } from '../generate-demo';
import { parseArgs, unknownFlags } from './args';
import type { Io } from './io';

const HELP = 'usage: gapreport generate-demo [dir] [--seed N] [--respondents-per-wave N]   (default dir: data/demo)';

/** Regenerates the seeded demo dataset (the committed data/demo is its output; same seed ⇒ same bytes). */
export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args);
  const unknown = unknownFlags(parsed, ['seed', 'respondents-per-wave']);
  if (unknown.length > 0 || parsed.positionals.length > 1) {
    io.err(unknown.length ? `gapreport generate-demo: unknown option --${unknown[0]}.\n${HELP}` : HELP);
    return 2;
  }
  const num = (name: string) => {
    const v = parsed.flags[name];
    return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  for (const name of ['seed', 'respondents-per-wave']) {
    if (parsed.flags[name] !== undefined && num(name) === undefined) {
      io.err(`gapreport generate-demo: --${name} must be a whole number.\n${HELP}`);
      return 2;
    }
  }
  const dir = resolve(io.cwd, parsed.positionals[0] ?? 'data/demo');
  await generateDemo(dir, { seed: num('seed'), respondentsPerWave: num('respondents-per-wave') });
  io.err(`demo dataset written to ${dir}`);
  return 0;
}
