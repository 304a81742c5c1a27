import { afterEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { figuresLoader, figuresProblems } from '../../src/build/figures-loader';
import { HELD_IN_MEMORY, storedFigures } from '../../src/build/stored-figures';
import { validatedFigures } from '../../src/build/figures-fs';
import { forgetGapreportOptions, gapreport, gapreportOptions } from '../../src/integration';
import { removeProject, writeProject } from '../workflow/project';

const STANDARDS = 'standard_id,metric,unit,direction,target,tolerance\nwait,asa_seconds,seconds,lower,30,0.05\n';
const OPS = 'period,metric,value,n\n2026-Q3,asa_seconds,25,1000\n';
const report = (body: string) => `---\ntitle: T\ncompany: Acme\ndataset: acme\n---\n\n${body}\n`;

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeProject));
});

/** Runs the Astro content loader once (as `astro build` does: no watcher) with a fake store. */
async function load(body: string) {
  const dir = await writeProject({ 'content/reports/acme.mdx': report(body), 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': OPS });
  dirs.push(dir);
  const stored: string[] = [];
  const context = {
    store: { clear: () => stored.splice(0), set: ({ id }: { id: string }) => stored.push(id) },
    logger: { info: () => {}, error: () => {}, warn: () => {} },
    parseData: async ({ data }: { data: unknown }) => data,
  };
  const error = await figuresLoader({ root: dir })
    .load(context as never)
    .then(
      () => undefined,
      (e: Error) => e.message,
    );
  return { stored, error };
}

describe('figuresLoader (astro build / astro dev)', () => {
  it('refuses a report whose MDX exports code, naming the file and line, and stores no figures for it', async () => {
    const { stored, error } = await load('export const leak = process.env.SECRET');
    expect(stored).toEqual([]);
    expect(error).toContain(
      'gapreport: the data has problems:\ncontent/reports/acme.mdx:7: "export const leak = process.env.SECRET" is an import or export; a report may not contain code.',
    );
    expect(figuresProblems('acme')?.[0]).toMatch(/^content\/reports\/acme\.mdx:7: /);
  });
  it('stores the figures of a report without code', async () => {
    expect(await load('<KpiScorecard />')).toEqual({ stored: ['acme'], error: undefined });
  });
});

describe('figuresLoader in a build (the gapreport integration set up)', () => {
  afterEach(() => forgetGapreportOptions());

  it('hands the pages the figures FiguresSchema parsed as they are, not through parseData, and the store only a placeholder', async () => {
    const dir = await writeProject({
      'content/reports/acme.mdx': report('<KpiScorecard />'),
      'data/acme/standards.csv': STANDARDS,
      'data/acme/operations.csv': OPS,
    });
    dirs.push(dir);
    const setup = gapreport({ root: dir }).hooks['astro:config:setup'] as (o: unknown) => void;
    setup({
      config: { root: pathToFileURL(`${dir}/`), markdown: {}, vite: {}, integrations: [] },
      command: 'build',
      updateConfig: () => {},
      logger: { info: () => {} },
    });
    const set: { id: string; data: unknown }[] = [];
    let parsed = 0;
    const context = {
      store: { clear: () => set.splice(0), set: (entry: { id: string; data: unknown }) => set.push(entry) },
      logger: { info: () => {}, error: () => {}, warn: () => {} },
      parseData: async ({ data }: { data: unknown }) => (parsed++, structuredClone(data)),
      config: { root: pathToFileURL(`${dir}/`) },
    };
    await figuresLoader().load(context as never);
    expect(parsed).toBe(0);
    expect(set).toEqual([{ id: 'acme', data: HELD_IN_MEMORY }]);
    const held = storedFigures(gapreportOptions()!).get('acme');
    expect(held && validatedFigures(held)).toBe(true);
    expect(held?.kpis.map((k) => k.standard_id)).toEqual(['wait']);
  });
});
