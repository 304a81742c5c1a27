/**
 * The lint in the live preview (astro dev), without a server: the figures loader, run as astro
 * dev runs it (with a watcher), says a contradicted claim and a typed figure as warnings and
 * hands its figures to the MDX lint plugin, which then fails the compile of a report with a bad
 * prop at its line — what the preview's error overlay shows.
 */
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { afterEach, describe, expect, it } from 'vitest';
import { figuresLoader } from '../../src/build/figures-loader';
import { astroLintPlugin } from '../../src/build/lint-astro';
import { removeProject, writeProject } from '../workflow/project';

const STANDARDS = 'standard_id,metric,unit,direction,target,tolerance\nanswer-30s,service_level_30s,percent,higher,80,0.05\n';
const OPS = 'period,metric,value,n\n2026-Q3,service_level_30s,85,1000\n';
const BODY = 'Intro.\n\n<Claim test="kpis.answer-30s.status is missed">Calls wait too long.</Claim> Service level is 85%.\n';
const TEXT = `---\ntitle: T\ncompany: Acme\ndataset: acme\n---\n\n${BODY}`;

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeProject));
});

/** Runs the loader as astro dev does (a watcher), recording what it logs. */
async function preview() {
  const dir = await writeProject({ 'content/reports/acme.mdx': TEXT, 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': OPS });
  dirs.push(dir);
  const warnings: string[] = [];
  const errors: string[] = [];
  const context = {
    store: { clear: () => undefined, set: () => undefined },
    logger: { info: () => {}, error: (m: string) => errors.push(m), warn: (m: string) => warnings.push(m) },
    parseData: async ({ data }: { data: unknown }) => data,
    watcher: { add: () => undefined, on: () => undefined },
  };
  await figuresLoader({ root: dir }).load(context as never);
  return { dir, warnings, errors };
}

describe('the MDX lint in astro dev', () => {
  it('says a claim the data contradict and a typed figure as warnings at their lines', async () => {
    const { warnings, errors } = await preview();
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'content/reports/acme.mdx:9: <Claim> test: "kpis.answer-30s.status is missed" claimed: missed; now: met (85% vs target 80%). The data no longer support this sentence: rewrite it, or let <When>, <Metric> or a words component say it.',
      'content/reports/acme.mdx:9: typed figure: "85%" is typed: it is the figure kpis.answer-30s.value (85%), which the next build may change. Write <Metric id="kpis.answer-30s.value" /> instead.',
    ]);
  });
  it("fails the report's compile on a bad prop with the loader's figures, at its line", async () => {
    const { dir } = await preview();
    const value = `${TEXT.replace(/^---\n[\s\S]*?\n---/, (fm) => fm.replace(/[^\n]/g, ' '))}\n<Metric id="kpis.answer-30s.valeu" />\n`;
    const file = new VFile({ value, path: `${dir}/content/reports/acme.mdx`, data: { astro: { frontmatter: {} } } });
    const error = await compile(file, { remarkPlugins: [astroLintPlugin(() => ({ root: dir }))] }).then(
      () => undefined,
      (e: { message: string; line?: number }) => e,
    );
    expect(error?.line).toBe(11);
    expect(error?.message).toMatch(
      /^content\/reports\/acme\.mdx:11: <Metric> id: "kpis\.answer-30s\.valeu" is not a figure id: .* Did you mean "kpis\.answer-30s\.value"\?$/,
    );
  });
});
