/**
 * `gapreport build --out <folder>` replaces that folder whole, so it refuses (exit 2,
 * before any work) a folder of the project's inputs, the project itself or a parent of it,
 * a folder inside an input, and a non-empty folder that is not a previous build. Before
 * this, `--out data` replaced every dataset with the site.
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseOutDir } from '../../src/build/out-dir-fs';
import { BUILD_MARKER, BUILD_MARKER_TEXT } from '../../src/build/swap-fs';
import { buildInProcess, FIXTURES, hashTree, makeProject, removeProject } from './site';

let root: string;
beforeAll(() => {
  root = makeProject(
    { reports: { hostile: '---\ntitle: t\ncompany: c\ndataset: hostile\n---\n' }, datasets: { hostile: join(FIXTURES, 'hostile/hostile') } },
    'gapreport-outdir-',
  );
});
afterAll(() => removeProject(root));

describe('gapreport build --out refuses folders it must not replace', () => {
  it('--out data: exit 2, the message names the folder and the fix, every dataset untouched', async () => {
    const before = hashTree(join(root, 'data'));
    const result = await buildInProcess(root, '--out', 'data');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "gapreport build: refusing to build into data/: it holds the project's datasets, and a build replaces its output folder whole. Choose a new folder inside the project, e.g. --out dist (the default).",
    );
    expect(hashTree(join(root, 'data'))).toEqual(before);
  });

  it.each([
    ['content', 'content/: it holds the reports and the guide'],
    ['src', "src/: it holds the site's source code"],
    ['public', "public/: it holds the site's static files"],
    ['scripts', 'scripts/: it holds the command line'],
    ['test', 'test/: it holds the tests'],
    ['node_modules', 'node_modules/: it holds the installed packages'],
    ['.', 'the project folder: it is the project folder itself'],
    ['data/hostile', "data/hostile/: it is inside data/, which holds the project's datasets"],
    ['content/reports/site', 'content/reports/site/: it is inside content/, which holds the reports and the guide'],
  ])('--out %s is refused (%s)', async (out, why) => {
    expect(await refuseOutDir(root, join(root, out))).toBe(
      `gapreport build: refusing to build into ${why}, and a build replaces its output folder whole. Choose a new folder inside the project, e.g. --out dist (the default).`,
    );
  });

  it('refuses a parent of the project', async () => {
    expect(await refuseOutDir(root, dirname(root))).toBe(
      `gapreport build: refusing to build into ${dirname(root)}/: it contains the project, and a build replaces its output folder whole. Choose a new folder inside the project, e.g. --out dist (the default).`,
    );
  });

  it('follows symbolic links: a link to data/ is data/', async () => {
    symlinkSync(join(root, 'data'), join(root, 'data-link'));
    expect(await refuseOutDir(root, join(root, 'data-link'))).toMatch(/^gapreport build: refusing to build into data-link\/: it holds the project's datasets/);
  });

  it('refuses a non-empty folder that is not a previous build, exit 2, its files untouched', async () => {
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'notes/todo.txt'), 'keep me');
    const result = await buildInProcess(root, '--out', 'notes');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'gapreport build: refusing to replace notes/: it is not empty and is not a previous build (it has no .gapreport-build file). Choose a new or empty folder with --out, or empty notes/ yourself if its files can go.',
    );
    expect(readdirSync(join(root, 'notes'))).toEqual(['todo.txt']);
  });

  it('refuses a file', async () => {
    writeFileSync(join(root, 'site.txt'), 'x');
    expect(await refuseOutDir(root, join(root, 'site.txt'))).toBe(
      'gapreport build: refusing to build into site.txt/: it is a file, not a folder. Choose another folder with --out.',
    );
  });

  it.each([
    ['a new folder', 'public-site', () => undefined],
    ['an empty folder', 'empty', () => mkdirSync(join(root, 'empty'))],
    ['a previous build (the marker)', 'built', () => (mkdirSync(join(root, 'built')), writeFileSync(join(root, 'built', BUILD_MARKER), BUILD_MARKER_TEXT))],
    [
      'a build from before the marker (its search index)',
      'legacy',
      () => (mkdirSync(join(root, 'legacy/pagefind'), { recursive: true }), writeFileSync(join(root, 'legacy/pagefind/pagefind-entry.json'), '{}')),
    ],
    ['a folder outside the project', '../gapreport-outdir-elsewhere', () => undefined],
  ])('accepts %s', async (_, out, make) => {
    make();
    expect(await refuseOutDir(root, join(root, out))).toBeUndefined();
  });
});
