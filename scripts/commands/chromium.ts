/**
 * Where the browser is: one answer for `gapreport pdf`, the browser tests and the CI
 * workflow (which runs `gapreport chromium` after installing one). Nothing downloads a
 * browser. `GAPREPORT_CHROMIUM`, when set, is the only candidate: a wrong explicit path is
 * an error to report, not a reason to print with some other browser. Otherwise Debian's
 * Chromium, then Google Chrome (GitHub's Ubuntu runners ship it), then Ubuntu's
 * `chromium-browser`, last because it may be a shim that only installs a snap.
 *
 * `gapreport chromium` prints the path it found (exit 0), or where it looked (exit 1).
 */
import { accessSync, constants } from 'node:fs';
import { readArgs } from './args';
import type { Io } from './io';
import { specOf, usageLine } from './specs';

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'] as const;
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumLookup {
  /** The executable to launch, when one was found. */
  path?: string;
  /** Every candidate looked at, in order (GAPREPORT_CHROMIUM=… when it was set). */
  tried: string[];
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The browser to launch; `executable` is passed in so tests can stand in for the disk. */
export function findChromium(env: Record<string, string | undefined>, executable: (path: string) => boolean = isExecutable): ChromiumLookup {
  const chosen = env.GAPREPORT_CHROMIUM?.trim();
  if (chosen) return { path: executable(chosen) ? chosen : undefined, tried: [`GAPREPORT_CHROMIUM=${chosen}`] };
  const path = CHROMIUM_PATHS.find((p) => executable(p));
  return { path, tried: path ? [...CHROMIUM_PATHS.slice(0, CHROMIUM_PATHS.indexOf(path) + 1)] : [...CHROMIUM_PATHS] };
}

/** What to say when there is no browser: where we looked and how to get one. */
export function chromiumMissing(lookup: ChromiumLookup): string {
  return `no Chromium found (looked at ${lookup.tried.join(', ')}). Install it (sudo apt-get install chromium) or set GAPREPORT_CHROMIUM to its path.`;
}

export async function run(args: string[], io: Io): Promise<number> {
  const spec = specOf('chromium');
  const parsed = readArgs(args, spec, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 0) {
    io.err(usageLine(spec));
    return 2;
  }
  const lookup = findChromium(io.env);
  if (!lookup.path) {
    io.err(`gapreport chromium: ${chromiumMissing(lookup)}`);
    return 1;
  }
  io.out(lookup.path);
  return 0;
}
