/**
 * The CLI starts without a TypeScript compiler when npm's prepare built it
 * (scripts/build-js.mjs → .gapreport/js), and never runs a stale build: a source newer than
 * the build sends scripts/gapreport.mjs back to the sources through tsx.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fresh, withExtensions } from '../../scripts/build-js.mjs';

const root = mkdtempSync(join(tmpdir(), 'gapreport-prebuilt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string): string {
  const dir = join(root, name);
  for (const d of ['scripts', 'src/stream', '.gapreport/js']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'scripts/cli.ts'), 'export {};\n');
  writeFileSync(join(dir, 'src/stream/range.ts'), 'export {};\n');
  return dir;
}
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('fresh(root)', () => {
  it('is true when the build is newer than every source file', () => {
    const dir = project('fresh');
    writeFileSync(join(dir, '.gapreport/js/stamp'), 'x');
    at(join(dir, 'scripts/cli.ts'), 1_000);
    at(join(dir, 'src/stream/range.ts'), 1_000);
    at(join(dir, '.gapreport/js/stamp'), 2_000);
    expect(fresh(dir)).toBe(true);
  });

  it('is false when one source changed after the build, so the sources run instead', () => {
    const dir = project('stale');
    writeFileSync(join(dir, '.gapreport/js/stamp'), 'x');
    at(join(dir, 'scripts/cli.ts'), 1_000);
    at(join(dir, '.gapreport/js/stamp'), 2_000);
    at(join(dir, 'src/stream/range.ts'), 3_000);
    expect(fresh(dir)).toBe(false);
  });

  it('is false without a build (installed without prepare, or a build that failed)', () => {
    expect(fresh(project('none'))).toBe(false);
  });
});

describe('withExtensions(file)', () => {
  it("gives relative imports the .js Node's loader needs, and a folder its index.js", () => {
    const dir = join(root, 'emit');
    mkdirSync(join(dir, 'lib'), { recursive: true });
    writeFileSync(join(dir, 'a.js'), '');
    writeFileSync(join(dir, 'lib/index.js'), '');
    const file = join(dir, 'main.js');
    writeFileSync(file, "import { x } from './a';\nexport * from './lib';\nconst m = await import('./a');\nimport y from 'yaml';\nimport './a.js';\n");
    withExtensions(file);
    expect(readFileSync(file, 'utf8')).toBe(
      "import { x } from './a.js';\nexport * from './lib/index.js';\nconst m = await import('./a.js');\nimport y from 'yaml';\nimport './a.js';\n",
    );
  });
});
