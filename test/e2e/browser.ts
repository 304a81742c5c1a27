/**
 * Which browser the browser tests use: the one `gapreport pdf` would (scripts/commands/
 * chromium.ts). Without one a suite is skipped with the reason logged, except under
 * CI=true, where it fails instead: CI installs Chromium, so its absence is a broken run.
 */
import { describe, expect, it } from 'vitest';
import { chromiumMissing, findChromium } from '../../scripts/commands/chromium';

export { CHROMIUM_ARGS } from '../../scripts/commands/chromium';
export const CHROMIUM = findChromium(process.env);
const inCi = process.env.CI === 'true';

/** describe(name, body) when a browser is found; otherwise a logged skip, or under CI one failing test. */
export function describeInChromium(name: string, body: (executablePath: string) => void): void {
  if (CHROMIUM.path) {
    describe(name, () => body(CHROMIUM.path!));
    return;
  }
  const reason = chromiumMissing(CHROMIUM);
  if (inCi) {
    describe(name, () => it('has a browser to run in (required under CI=true)', () => expect.fail(reason)));
    return;
  }
  console.warn(`skipped "${name}": ${reason} Under CI=true this fails instead.`);
  describe.skip(name, () => body(''));
}

/** it(name, fn) when a browser is found; otherwise a logged skip, or under CI a failure naming the reason. */
export function itInChromium(name: string, fn: (executablePath: string) => Promise<void>, timeout?: number): void {
  if (CHROMIUM.path) return void it(name, () => fn(CHROMIUM.path!), timeout);
  const reason = chromiumMissing(CHROMIUM);
  if (inCi) return void it(name, () => expect.fail(`${reason} (required under CI=true)`));
  console.warn(`skipped "${name}": ${reason} Under CI=true this fails instead.`);
  it.skip(name, () => fn(''));
}
