/**
 * `gapreport themes --discover <dataset-dir> [--by segment|wave|low-scorers] [--top N] [--lang en|fr|vi]`:
 * discovery mode for an analyst without a codebook (issue 17). For each group — every value of
 * every segment, every wave, or the low scorers (likelihood to recommend 0–6) — the words and
 * two-word phrases most distinctive of its comments against all the others, by weighted
 * log-odds with an informative Dirichlet prior (src/analysis/themes-discover.ts), with their
 * counts and z-scores; then the terms as themes.yaml entries to paste and edit. Comments lose
 * e-mails, phone and card numbers, links and the questionnaire's `redact:` names before they
 * are counted, so none is proposed. Reads the disk only; writes nothing. Exit 0, 1 when the
 * dataset has problems or no comments, 2 on a usage error.
 */
import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { distinctiveTerms, proposeCodebook, type DistinctiveTerm } from '../../src/analysis/themes-discover';
import { scrubPersonalData } from '../../src/analysis/scrub';
import { loadFolder } from '../../src/engines/load-with-fs';
import { formatProblem } from '../../src/schemas/problem';
import { THEME_LANGUAGES, type ThemeLanguage } from '../../src/schemas/themes';
import { readArgs } from './args';
import type { Io } from './io';
import { specOf, usageLine } from './specs';

const SPEC = specOf('themes');
const USAGE = usageLine(SPEC);
export const DISCOVER_BY = ['segment', 'wave', 'low-scorers'] as const;
/** Likelihood to recommend at or below this is a low scorer (an NPS detractor). */
const LOW_SCORE = 6;
const NO_TOKENS = { email: '', phone: '', card: '', iban: '', link: '', name: '' };

interface Group {
  title: string;
  members: boolean[];
}

function table(found: readonly DistinctiveTerm[]): string[] {
  const width = Math.max(4, ...found.map((t) => t.term.length));
  return [
    `  ${'term'.padEnd(width)}  ${'z'.padStart(6)}  ${'in group'.padStart(8)}  ${'others'.padStart(6)}`,
    ...found.map((t) => `  ${t.term.padEnd(width)}  ${t.z.toFixed(2).padStart(6)}  ${String(t.group).padStart(8)}  ${String(t.rest).padStart(6)}`),
  ];
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = readArgs(args, SPEC, io);
  if (typeof parsed === 'number') return parsed;
  const { flags } = parsed;
  const dir = flags.discover;
  if (typeof dir !== 'string' || parsed.positionals.length) {
    io.err(`gapreport themes: give the dataset as --discover <dataset-dir>.\n${USAGE}`);
    return 2;
  }
  const by = flags.by === undefined ? 'low-scorers' : flags.by;
  if (typeof by !== 'string' || !(DISCOVER_BY as readonly string[]).includes(by)) {
    io.err(`gapreport themes: --by "${String(by)}" is not one of ${DISCOVER_BY.join(', ')}.\n${USAGE}`);
    return 2;
  }
  const top = flags.top === undefined ? 10 : Number(flags.top);
  if (!Number.isInteger(top) || top < 1) {
    io.err(`gapreport themes: --top "${String(flags.top)}" is not a whole number of at least 1.\n${USAGE}`);
    return 2;
  }
  const lang = flags.lang === undefined ? 'en' : flags.lang;
  if (typeof lang !== 'string' || !(THEME_LANGUAGES as readonly string[]).includes(lang)) {
    io.err(`gapreport themes: --lang "${String(lang)}" is not one of ${THEME_LANGUAGES.join(', ')}.\n${USAGE}`);
    return 2;
  }
  const path = resolve(io.cwd, dir);
  if (
    !(await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    io.err(`gapreport themes: "${dir}" is not a folder.\n${USAGE}`);
    return 2;
  }
  const loaded = await loadFolder(path);
  if (loaded.problems.length || !loaded.dataset) {
    for (const p of loaded.problems) io.err(formatProblem(p));
    io.err(`gapreport themes: ${dir} has problems; run gapreport validate ${dir}.`);
    return 1;
  }
  const names = loaded.dataset.questionnaire?.redact ?? [];
  const comments = (loaded.dataset.responses ?? [])
    .map((r) => ({ r, text: scrubPersonalData(r.comment ?? '', NO_TOKENS, names).trim() }))
    .filter((c) => c.text !== '');
  if (!comments.length) {
    io.err(`gapreport themes: ${dir} has no comments to discover themes in (responses.csv column "comment").`);
    return 1;
  }
  const groups: Group[] = [];
  if (by === 'low-scorers') {
    groups.push({
      title: `Low scorers (likelihood to recommend 0–${LOW_SCORE})`,
      members: comments.map((c) => Number.isFinite(c.r.nps) && (c.r.nps as number) <= LOW_SCORE),
    });
  } else if (by === 'wave') {
    for (const w of [...new Set(comments.map((c) => c.r.wave))].sort()) groups.push({ title: `Wave ${w}`, members: comments.map((c) => c.r.wave === w) });
  } else {
    const segments = [...new Set(comments.flatMap((c) => Object.keys(c.r.segments)))].sort();
    for (const s of segments) {
      const values = [...new Set(comments.map((c) => c.r.segments[s]).filter((v): v is string => v !== undefined))].sort();
      for (const v of values) groups.push({ title: `${s} = ${v}`, members: comments.map((c) => c.r.segments[s] === v) });
    }
  }
  const proposed = new Map<string, DistinctiveTerm>();
  const out: string[] = [];
  for (const g of groups) {
    const inGroup = g.members.filter(Boolean).length;
    out.push(`${g.title}: ${inGroup} comments against ${comments.length - inGroup} others`);
    const found = distinctiveTerms(
      comments.map((c, i) => ({ text: c.text, inGroup: g.members[i] })),
      top,
    ).filter((t) => t.z > 0);
    if (!found.length) out.push('  no term stands out (each needs 3 mentions in the group)');
    else out.push(...table(found));
    out.push('');
    for (const t of found) if (!proposed.has(t.term)) proposed.set(t.term, t);
  }
  if (!groups.length) out.push(`No group to compare: the dataset has no ${by === 'segment' ? 'segment' : 'wave'} with comments.`, '');
  out.push('z: weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); in group / others: occurrences.', '');
  if (proposed.size) {
    out.push('# Proposed codebook entries: paste into themes.yaml, then name, merge and translate them.');
    out.push(proposeCodebook([...proposed.values()], lang as ThemeLanguage).trimEnd());
  }
  io.out(out.join('\n'));
  return 0;
}
