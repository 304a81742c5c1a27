/**
 * Which folders `gapreport build --out <folder>` may replace. A build replaces its output
 * folder whole, so that folder must never hold the project's inputs (`--out data` once
 * replaced every dataset with the site) nor files that are not a previous build.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { BUILD_MARKER, looksLikeBuild } from './swap-fs';

/** The project's inputs, and what each holds (for the message). */
const INPUTS: Record<string, string> = {
  data: "the project's datasets",
  content: 'the reports and the guide',
  src: "the site's source code",
  public: "the site's static files",
  scripts: 'the command line',
  test: 'the tests',
  node_modules: 'the installed packages',
};

/** The path with symlinks resolved as far as it exists (the rest appended as written). */
async function resolveExisting(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await resolveExisting(parent), basename(path));
  }
}

/** a is b or inside b. */
const within = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);

/**
 * Why outDir must not be the build's output folder, as the message to print, or undefined
 * when it may be. Symlinks are followed, so a link to data/ is data/.
 */
export async function refuseOutDir(root: string, outDir: string): Promise<string | undefined> {
  const realRoot = await resolveExisting(root);
  const out = await resolveExisting(outDir);
  // Named as the user wrote it (a link stays the link's name), relative to the project when inside it.
  const shown = (p: string) => (p === root || p === realRoot ? 'the project folder' : within(p, root) ? `${relative(root, p)}/` : `${p}/`);
  const refuse = (why: string) =>
    `gapreport build: refusing to build into ${shown(outDir)}: ${why}, and a build replaces its output folder whole. Choose a new folder inside the project, e.g. --out dist (the default).`;
  if (out === realRoot) return refuse('it is the project folder itself');
  if (within(realRoot, out)) return refuse('it contains the project');
  for (const [name, holds] of Object.entries(INPUTS)) {
    const input = await resolveExisting(join(root, name));
    if (out === input) return refuse(`it holds ${holds}`);
    if (within(input, out)) return refuse(`it contains ${name}/, which holds ${holds}`);
    if (within(out, input)) return refuse(`it is inside ${name}/, which holds ${holds}`);
  }
  const info = await stat(out).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory()) return `gapreport build: refusing to build into ${shown(outDir)}: it is a file, not a folder. Choose another folder with --out.`;
  if ((await readdir(out)).length === 0 || (await looksLikeBuild(out))) return undefined;
  return `gapreport build: refusing to replace ${shown(outDir)}: it is not empty and is not a previous build (it has no ${BUILD_MARKER} file). Choose a new or empty folder with --out, or empty ${shown(outDir)} yourself if its files can go.`;
}
