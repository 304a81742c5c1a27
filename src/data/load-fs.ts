/**
 * Reads a dataset folder from disk and hands the texts to buildDataset (pure). The only
 * file of src/data that touches the disk. `files:` in questionnaire.yaml may point a
 * contract file at an export elsewhere (a path relative to the folder).
 */
import { lstat, readdir, readFile, readlink, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Problem } from '../schemas/problem';
import { THEMES_FILE } from '../schemas/themes';
import { buildDataset, readFirst, type DatasetInput, type FirstFiles, type LoadResult } from './dataset';
import { decodeText } from './encoding';
import { CONTRACT_FILES, isContractFile, type ContractFile } from './files';
import { DEFAULT_LIMITS, formatBytes, type Limits } from './limits';
import { parseQuestionnaire } from './questionnaire';

export type { LoadResult } from './dataset';

/** Files the streaming engine (src/stream) reads itself instead of as one text. */
export type StreamedFile = 'responses.csv' | 'contacts.csv';

export interface StreamHook {
  files: readonly StreamedFile[];
  /** Reads the streamed files (their paths, when present) once the small files are in, with the questionnaire and standards as parsed once; returns what they held. */
  read: (paths: Partial<Record<StreamedFile, string>>, first: FirstFiles) => Promise<DatasetInput['streamed']>;
}

export interface LoadOptions {
  limits?: Partial<Limits>;
  stream?: StreamHook;
}

type Read = { text?: string; path?: string; problem?: Omit<Problem, 'file'> };

/** Whether a contract file can be read: its size, or the problem that stops it (undefined size: absent). Shared with the streaming engine. */
export async function checkFile(path: string, limits: Limits): Promise<{ size?: number; problem?: Omit<Problem, 'file'> }> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile())
      return {
        problem: {
          message: s.isDirectory() ? 'is a folder, not a file.' : 'is not a file.',
          hint: 'Put the file itself under this name, or rename what is there.',
        },
      };
    size = s.size;
  } catch (error) {
    return { problem: await whyNot(path, (error as NodeJS.ErrnoException).code) };
  }
  if (size > limits.maxFileBytes) {
    return { problem: { message: `is ${formatBytes(size)}; the limit is ${formatBytes(limits.maxFileBytes)}.`, hint: 'Split it (e.g. by period), or aggregate contacts into operations.csv.' } };
  }
  return { size };
}

/** Why stat failed, when the file is there in some form (a link, unreadable); undefined when it is simply absent. */
async function whyNot(path: string, code: string | undefined): Promise<Omit<Problem, 'file'> | undefined> {
  const fix = 'Replace the link with the file itself, or point it at the file.';
  if (code === 'ELOOP') return { message: 'is a link that loops (it leads back to itself through other links), so there is no file to read.', hint: fix };
  if (code !== 'ENOENT' && code !== 'ENOTDIR') return { message: `could not be read (${code ?? 'unknown error'}).`, hint: code === 'EACCES' ? 'Check the file\'s permissions.' : undefined };
  const link = await lstat(path).catch(() => undefined);
  if (!link?.isSymbolicLink()) return undefined;
  const target = await readlink(path).catch(() => undefined);
  return { message: `is a link to a missing file${target === undefined ? '' : ` (${target})`}.`, hint: fix };
}

/** A folder entry whose name differs from a contract file's only by case: a contract file that was meant, but is not read (names are case-sensitive). */
function caseTwin(entry: string): ContractFile | undefined {
  const lower = entry.toLowerCase();
  return lower !== entry && isContractFile(lower) ? lower : undefined;
}

export async function readText(path: string, limits: Limits): Promise<Read> {
  const checked = await checkFile(path, limits);
  if (checked.size === undefined) return checked.problem ? { problem: checked.problem } : {};
  const size = checked.size;
  try {
    const decoded = decodeText(await readFile(path));
    return decoded.problem ? { problem: decoded.problem } : { text: decoded.text };
  } catch (error) {
    // Node cannot hold a string beyond ~512 MiB: say so instead of crashing.
    return { problem: { message: `could not be read (${(error as Error).message}).`, hint: size > 256 * 1024 ** 2 ? 'Split it into smaller files, e.g. by period.' : undefined } };
  }
}

export async function loadDataset(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch {
    return { problems: [{ file: '.', message: 'is not a dataset folder that can be read.', hint: 'Give the path of a folder like data/demo.' }], warnings, rowCounts: {} };
  }

  // files: is needed before the other files are read; its errors are reported by buildDataset.
  const qRead = await readText(join(dir, 'questionnaire.yaml'), limits);
  // Parsed here once, for files: and for every engine (readFirst hands it on).
  const parsedQ = qRead.text !== undefined ? parseQuestionnaire(qRead.text) : undefined;
  const mapped = parsedQ?.questionnaire?.files ?? {};
  const shownAs: Partial<Record<ContractFile, string>> = {};
  for (const [name, path] of Object.entries(mapped)) {
    if (!isContractFile(name) || name === 'questionnaire.yaml') {
      problems.push({ file: 'questionnaire.yaml', message: `files: names "${name}", which is not a contract CSV file.`, hint: `Use one of ${CONTRACT_FILES.slice(1).join(', ')}.` });
    } else shownAs[name] = path;
  }

  const texts: Partial<Record<ContractFile, string>> = {};
  const paths: Partial<Record<StreamedFile, string>> = {};
  const streams = (f: ContractFile): f is StreamedFile => options.stream?.files.includes(f as StreamedFile) ?? false;
  for (const file of CONTRACT_FILES) {
    const shown = shownAs[file] ?? file;
    const path = resolve(dir, shown);
    const read = file === 'questionnaire.yaml' ? qRead : streams(file) ? await checkFile(path, limits).then((c): Read => ({ problem: c.problem, path: c.size !== undefined ? path : undefined })) : await readText(path, limits);
    if (read.problem) problems.push({ file: shown, ...read.problem });
    if (read.path !== undefined && streams(file)) paths[file] = read.path;
    else if (read.text !== undefined) texts[file] = read.text;
    else if (shownAs[file] && !read.problem) problems.push({ file: shown, message: `is not there (questionnaire.yaml maps ${file} to it under files:).`, hint: 'Paths under files: are relative to the dataset folder.' });
  }
  const read = (f: ContractFile) => texts[f] !== undefined || paths[f as StreamedFile] !== undefined || problems.some((p) => p.file === (shownAs[f] ?? f));
  for (const e of entries) {
    const twin = caseTwin(e);
    // On a case-insensitive disk the contract name found this very file, and it was read.
    if (twin && !shownAs[twin] && !read(twin)) problems.push({ file: e, message: `is not read: file names are case-sensitive. Did you mean ${twin}?`, hint: `Rename it to ${twin}.` });
    // A file files: points at is read, under its contract name: no warning that it is not.
    const mappedHere = Object.values(shownAs).some((path) => resolve(dir, path) === resolve(dir, e));
    // recipients.csv is read by pdf --per for the delivery manifest (src/build/delivery.ts), themes.yaml by the comment figures (src/build/comments-fs.ts), not by the analysis.
    if (/\.(csv|ya?ml)$/i.test(e) && !isContractFile(e.toLowerCase()) && !mappedHere && e !== 'recipients.csv' && e !== THEMES_FILE) warnings.push({ file: e, message: 'is not a contract file, so it is not read.', hint: `Contract files are ${CONTRACT_FILES.join(', ')}.` });
  }
  if (Object.keys(texts).length === 0 && Object.keys(paths).length === 0 && problems.length === 0) {
    return { problems: [{ file: '.', message: `has none of the dataset files (${CONTRACT_FILES.join(', ')}).`, hint: 'Add at least questionnaire.yaml and responses.csv.' }], warnings, rowCounts: {} };
  }
  const first = readFirst(texts, shownAs, limits, parsedQ);
  const streamed = options.stream ? await options.stream.read(paths, first) : undefined;
  const built = buildDataset({ name: basename(resolve(dir)), texts, shownAs, limits, streamed, first });
  // An unreadable questionnaire.yaml is reported once; "responses.csv needs a questionnaire" would only echo it.
  const all = [...problems, ...built.problems.filter((p) => !(qRead.problem && p.message.startsWith('needs a questionnaire.yaml')))];
  return { ...built, dataset: all.length ? undefined : built.dataset, problems: all, warnings: [...warnings, ...built.warnings] };
}
