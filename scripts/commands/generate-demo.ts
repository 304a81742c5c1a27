import { resolve } from 'node:path';
import { generateDemo } from '../generate-demo';
import { readArgs } from './args';
import type { Io } from './io';
import { specOf, usageLine } from './specs';

const SPEC = specOf('generate-demo');
const HELP = usageLine(SPEC);

/** Regenerates the seeded demo dataset (the committed data/demo is its output; same seed ⇒ same bytes). */
export async function run(args: string[], io: Io): Promise<number> {
  const parsed = readArgs(args, SPEC, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 1) {
    io.err(HELP);
    return 2;
  }
  const num = (name: string) => {
    const v = parsed.flags[name];
    return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  for (const { name } of SPEC.options) {
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
