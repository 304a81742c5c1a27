/**
 * `gapreport new <report-id> [--title T] [--company C] [--segments a,b] [--dataset name]`:
 * scaffolds content/reports/<id>.mdx and data/<dataset>/ (questionnaire.yaml with the
 * SERVQUAL preset and a commented mapping block; header-only contract CSVs under
 * templates/, which the loader does not read). The scaffold builds as it is, every figure
 * "not measured" until data arrives. Never
 * overwrites: an existing file is named and nothing is written. With --dataset naming an
 * existing folder, only the report is written and it reads that dataset.
 * Exit 0 written, 1 a file exists, 2 usage.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { COMPONENT_PROPS } from '../../src/components/registry';
import { REPORTS_DIR } from '../../src/build/reports-fs';
import { readArgs } from './args';
import type { Io } from './io';
import { specOf, usageLine } from './specs';
import { contractCsvs, questionnaireYaml, reportMdx, templatesReadme, TEMPLATES, type ScaffoldOptions } from './new-scaffold';
import { proposalFor } from './new-from';

const SPEC = specOf('new');
const USAGE = usageLine(SPEC);

/** kebab-case: lower-case letters and digits in words joined by single hyphens. */
export const REPORT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest report id or dataset folder name: file names stop at 255 bytes, and a URL segment should stay readable. */
export const MAX_NAME_LENGTH = 64;
const SEGMENT = /^[a-z][a-z0-9_]*$/;

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = readArgs(args, SPEC, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1) {
    io.err(USAGE);
    return 2;
  }
  const id = parsed.positionals[0];
  const shorten = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);
  if (id.length > MAX_NAME_LENGTH) {
    io.err(
      `gapreport new: the report id "${shorten(id)}" is ${id.length} characters long; use at most ${MAX_NAME_LENGTH} (it becomes a file name and the report's URL).`,
    );
    return 2;
  }
  if (!REPORT_ID.test(id)) {
    io.err(`gapreport new: "${id}" is not a report id. Use kebab-case — lower-case letters and digits joined by hyphens, e.g. "acme-2026-q3".`);
    return 2;
  }
  const flag = (name: string) => (typeof parsed.flags[name] === 'string' ? (parsed.flags[name] as string).trim() : undefined);
  const dataset = flag('dataset') ?? id;
  if (dataset.length > MAX_NAME_LENGTH) {
    io.err(`gapreport new: --dataset "${shorten(dataset)}" is ${dataset.length} characters long; use at most ${MAX_NAME_LENGTH} (it becomes a folder name).`);
    return 2;
  }
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(dataset)) {
    io.err(`gapreport new: --dataset "${dataset}" is not a folder name under data/ (letters, digits, - and _).`);
    return 2;
  }
  const root = io.cwd;
  const reportFile = join(REPORTS_DIR, `${id}.mdx`);
  const dataDir = join('data', dataset);
  const reuse = flag('dataset') !== undefined && (await exists(resolve(root, dataDir)));

  let segments = (flag('segments') ?? 'channel')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (reuse) segments = await declaredSegments(resolve(root, dataDir));
  const bad = reuse ? undefined : segments.find((s) => !SEGMENT.test(s));
  if (bad) {
    io.err(`gapreport new: segment "${bad}" is not a column name (lower-case letters, digits and _, starting with a letter).`);
    return 2;
  }
  // --from: the questionnaire is proposed from the export's headers (new-from.ts), and its segments get the SegmentTables.
  const from = flag('from');
  if (from !== undefined && reuse) {
    io.err(
      `gapreport new: --from proposes the questionnaire of a new dataset, but ${dataDir}/ exists already. Choose another --dataset, or edit its questionnaire.yaml.`,
    );
    return 2;
  }
  const proposal = from !== undefined ? await proposalFor(root, from, dataDir) : undefined;
  if (proposal && 'error' in proposal) {
    io.err(proposal.error);
    return 2;
  }
  if (proposal) segments = proposal.segments;
  const options: ScaffoldOptions = {
    id,
    dataset,
    title: flag('title') ?? `Customer service benchmark — ${id}`,
    company: flag('company') ?? 'Company name',
    segments: [...new Set(segments)],
  };

  const files: Record<string, string> = { [reportFile]: reportMdx(options, Object.keys(COMPONENT_PROPS)) };
  if (!reuse) {
    files[join(dataDir, 'questionnaire.yaml')] = proposal?.yaml ?? questionnaireYaml(options);
    // Header-only CSVs go to templates/: in the dataset folder itself a file without rows is a
    // validation error ("has a header but no data rows"), and the scaffold must build as it is.
    for (const [name, header] of Object.entries(contractCsvs(options.segments))) files[join(dataDir, TEMPLATES, name)] = `${header}\n`;
    files[join(dataDir, TEMPLATES, 'README.md')] = templatesReadme(options);
  }
  // Refuse before writing anything, so a refused scaffold leaves no half-made files.
  const report = resolve(root, reportFile);
  if (await exists(report)) {
    io.err(`gapreport new: ${reportFile} already exists; nothing was written. Choose another report id, or delete the file to scaffold it again.`);
    return 1;
  }
  if (!reuse && (await exists(resolve(root, dataDir)))) {
    io.err(`gapreport new: ${dataDir}/ already exists; nothing was written. To write a report on that data, run: npx gapreport new ${id} --dataset ${dataset}`);
    return 1;
  }
  for (const [file, text] of Object.entries(files)) {
    await mkdir(resolve(root, file, '..'), { recursive: true });
    await writeFile(resolve(root, file), text, { flag: 'wx' });
  }
  io.out(
    `created ${reportFile}${reuse ? ` (reading ${dataDir}/)` : ` and ${dataDir}/ (questionnaire.yaml; header-only templates of every contract file in ${dataDir}/${TEMPLATES}/)`}.`,
  );
  io.out('next:');
  io.out(`  1. set company and title in ${reportFile}`);
  if (proposal)
    io.out(`  2. review ${dataDir}/questionnaire.yaml, proposed from ${from} (scale, item dimensions, segments), then: npx gapreport validate ${dataDir}`);
  else if (!reuse)
    io.out(
      `  2. copy each template you have data for up into ${dataDir}/ and fill it (or map your survey export in questionnaire.yaml), then: npx gapreport validate ${dataDir}`,
    );
  io.out(
    `  ${reuse ? 2 : 3}. npm run dev — live preview at /reports/${id}/ (the report is a draft: delete its draft: true line to publish it with npm run build)`,
  );
  return 0;
}

/** Segments an existing dataset declares (so the scaffold's SegmentTables match). */
async function declaredSegments(dir: string): Promise<string[]> {
  try {
    const q = parseYaml(await readFile(join(dir, 'questionnaire.yaml'), 'utf8')) as { segments?: unknown };
    return Array.isArray(q?.segments) ? q.segments.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
