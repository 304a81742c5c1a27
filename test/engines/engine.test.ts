/**
 * The Engine interface (src/engines/engine.ts): every engine of the one list is one, and
 * questionnaire.yaml and standards.csv are parsed once per analysis, whatever the engine
 * (the loader parses them; engines receive them); every engine folds contacts.csv into
 * the same KPIs (src/analysis/kpi-acc.ts), which the loader checks standards against.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadWith } from '../../src/engines/load-with-fs';
import { engineNamed, analyzeWith } from '../../src/engines/run-fs';
import { ENGINES } from '../../src/schemas/engine';
import { OPTIONS, ROOT } from '../perf/compare';
import { Q, tempDatasets } from './dataset';

const parsed = vi.hoisted(() => ({ questionnaire: 0, standards: 0 }));
vi.mock('../../src/data/questionnaire', async (original) => {
  const m = await original<typeof import('../../src/data/questionnaire')>();
  return { ...m, parseQuestionnaire: (...args: Parameters<typeof m.parseQuestionnaire>) => (parsed.questionnaire++, m.parseQuestionnaire(...args)) };
});
vi.mock('../../src/data/standards', async (original) => {
  const m = await original<typeof import('../../src/data/standards')>();
  return { ...m, parseStandards: (...args: Parameters<typeof m.parseStandards>) => (parsed.standards++, m.parseStandards(...args)) };
});

const dataset = tempDatasets('gapreport-engine-');
const full = join(ROOT, 'test/fixtures/valid/operations-full');
const dir = dataset('all-files', {
  'questionnaire.yaml': Q,
  'responses.csv':
    'respondent_id,wave,e_speed,p_speed,e_care,p_care,nps\n' +
    Array.from({ length: 40 }, (_, i) => `r${i},2026-Q3,5,${1 + (i % 7)},6,${1 + ((i * 3) % 7)},${i % 11}`).join('\n') +
    '\n',
  'standards.csv': readFileSync(join(full, 'standards.csv'), 'utf8'),
  'contacts.csv': readFileSync(join(full, 'contacts.csv'), 'utf8'),
  'operations.csv': readFileSync(join(full, 'operations.csv'), 'utf8'),
});

describe('the Engine interface', () => {
  it.each(ENGINES)('has an implementation named %s for every engine of the one list', async (name) => {
    expect((await engineNamed(name)).name).toBe(name);
  });

  it.each(ENGINES)('parses questionnaire.yaml and standards.csv once per analysis with the %s engine', async (name) => {
    parsed.questionnaire = 0;
    parsed.standards = 0;
    const result = await analyzeWith(name, dir, OPTIONS);
    expect(result.problems).toEqual([]);
    expect(result.figures?.meta.engine).toBe(name);
    expect(parsed).toEqual({ questionnaire: 1, standards: 1 });
  });

  it.each(ENGINES)('folds contacts.csv into the same KPIs with the %s engine as in memory, and the loader checks the standards against them', async (name) => {
    const memory = await loadWith(await engineNamed('memory'), dir);
    const loaded = await loadWith(await engineNamed(name), dir);
    expect(loaded.problems).toEqual([]);
    const fromContacts = (operations = loaded.dataset?.operations) => operations?.filter((o) => o.source === 'contacts.csv');
    expect(fromContacts()?.length).toBeGreaterThan(0);
    expect(fromContacts()).toEqual(fromContacts(memory.dataset?.operations));
    // service_level_45s is delivered only by contacts.csv: without the engine's KPIs, standards.csv would be refused.
    expect(fromContacts()?.some((o) => o.metric === 'service_level_45s')).toBe(true);
    expect(loaded.dataset?.as_of).toBe(memory.dataset?.as_of);
  });
});
