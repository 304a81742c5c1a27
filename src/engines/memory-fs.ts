/**
 * The in-memory engine: buildDataset parses responses.csv (and every small file) into
 * rows, which loadWith folds into the survey accumulators; contacts.csv it reads here as
 * one text and folds row by row into the KPI accumulator, as the other engines do
 * (src/analysis/kpi-acc.ts), so the loader holds no contact.
 */
import { KpiGroups } from '../analysis/kpi-acc';
import { readContacts } from '../data/contacts';
import { DEFAULT_LIMITS } from '../data/limits';
import { readText } from '../data/load-fs';
import type { Accumulated, Engine } from './engine';

/** contacts.csv as text, folded: its problems, rows and KPIs; a file that is not text is its one problem. */
async function foldContacts(path: string, input: Parameters<Engine['accumulate']>[0]): Promise<NonNullable<Accumulated['streamed']['contacts.csv']>> {
  const ctx = input.contexts.base('contacts.csv');
  // The loader checked its size against the limits already (checkFile); read it as the loader reads a text.
  const read = await readText(path, { ...DEFAULT_LIMITS, maxFileBytes: Infinity });
  if (read.text === undefined) return { problems: read.problem ? [{ file: ctx.file, ...read.problem }] : [], rows: 0, unreadable: true, operations: [] };
  const groups = new KpiGroups(input.thresholds);
  const result = readContacts(read.text, ctx, (c) => groups.add(c));
  return { ...result, ...groups.derived() };
}

export const memoryEngine: Engine = {
  name: 'memory',
  files: ['contacts.csv'],
  async accumulate(input) {
    const contacts = input.paths['contacts.csv'];
    return { streamed: contacts ? { 'contacts.csv': await foldContacts(contacts, input) } : {} };
  },
};
