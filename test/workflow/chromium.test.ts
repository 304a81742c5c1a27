import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../scripts/cli';
import { CHROMIUM_PATHS, chromiumMissing, findChromium } from '../../scripts/commands/chromium';
import { memoryIo } from '../../scripts/commands/io';
import { ROOT } from './project';

/** A disk holding only the given executables. */
const only =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('findChromium(env): one lookup for gapreport pdf, the browser tests and CI', () => {
  it('takes GAPREPORT_CHROMIUM first, and only it when it is set', () => {
    expect(findChromium({ GAPREPORT_CHROMIUM: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', '/usr/bin/chromium'))).toEqual({
      path: '/opt/chrome/chrome',
      tried: ['GAPREPORT_CHROMIUM=/opt/chrome/chrome'],
    });
    // A wrong explicit path is reported, not replaced by another browser.
    expect(findChromium({ GAPREPORT_CHROMIUM: '/opt/none' }, only('/usr/bin/chromium'))).toEqual({ path: undefined, tried: ['GAPREPORT_CHROMIUM=/opt/none'] });
  });

  it("then Debian's Chromium, Google Chrome, and Ubuntu's chromium-browser last", () => {
    expect(CHROMIUM_PATHS).toEqual(['/usr/bin/chromium', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/usr/bin/chromium-browser']);
    expect(findChromium({}, only('/usr/bin/chromium', '/usr/bin/google-chrome')).path).toBe('/usr/bin/chromium');
    expect(findChromium({}, only('/usr/bin/chromium-browser', '/usr/bin/google-chrome'))).toEqual({
      path: '/usr/bin/google-chrome',
      tried: ['/usr/bin/chromium', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'],
    });
    expect(findChromium({ GAPREPORT_CHROMIUM: '  ' }, only('/usr/bin/chromium-browser')).path).toBe('/usr/bin/chromium-browser');
  });

  it('says where it looked and how to get a browser when there is none', () => {
    expect(chromiumMissing(findChromium({}, only()))).toBe(
      'no Chromium found (looked at /usr/bin/chromium, /usr/bin/google-chrome-stable, /usr/bin/google-chrome, /usr/bin/chromium-browser). Install it (sudo apt-get install chromium) or set GAPREPORT_CHROMIUM to its path.',
    );
  });
});

describe('gapreport chromium', () => {
  it('prints the browser it found', async () => {
    const io = memoryIo(ROOT, { GAPREPORT_CHROMIUM: process.execPath });
    expect(await main(['chromium'], io)).toBe(0);
    expect(io.stdout).toEqual([process.execPath]);
  });

  it('exits 1 naming where it looked when there is none', async () => {
    const io = memoryIo(ROOT, { GAPREPORT_CHROMIUM: '/nonexistent/chromium' });
    expect(await main(['chromium'], io)).toBe(1);
    expect(io.stderr).toEqual([
      'gapreport chromium: no Chromium found (looked at GAPREPORT_CHROMIUM=/nonexistent/chromium). Install it (sudo apt-get install chromium) or set GAPREPORT_CHROMIUM to its path.',
    ]);
  });

  it('is how the CI workflow checks its browser, right after installing it, without a path of its own', async () => {
    const wf = parse(await readFile(join(ROOT, '.github/workflows/report.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string }[] }> };
    const steps = Object.values(wf.jobs)[0].steps;
    const install = steps.find((s) => /apt-get install .*chromium/.test(s.run ?? ''))!;
    expect(install.run).toMatch(/\nnpx gapreport chromium\n?$/);
    expect(steps.map((s) => s.run ?? '').join('\n')).not.toMatch(/GAPREPORT_CHROMIUM=|\/usr\/bin\//);
  });
});
