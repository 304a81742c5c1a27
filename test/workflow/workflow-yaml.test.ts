import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './project';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Workflow {
  on: Record<string, { paths?: string[] } | null>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const load = async () => parse(await readFile(join(ROOT, '.github/workflows/report.yml'), 'utf8')) as Workflow;

describe('.github/workflows/report.yml (the template analysts copy)', () => {
  it('runs on pushes and pull requests that touch data/ or content/', async () => {
    const wf = await load();
    for (const event of ['push', 'pull_request']) expect(wf.on[event]?.paths).toEqual(['data/**', 'content/**']);
  });

  it('has the steps in order: checkout, Node 20, npm ci, Chromium, validate, test, build, pdf, upload, gates', async () => {
    const steps = Object.values((await load()).jobs)[0].steps;
    const index = (match: (s: Step) => boolean, what: string) => {
      const i = steps.findIndex(match);
      expect(i, what).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      index((s) => s.uses?.startsWith('actions/checkout@') ?? false, 'checkout'),
      index((s) => s.uses?.startsWith('actions/setup-node@') === true && String(s.with?.['node-version']) === '20', 'setup-node 20'),
      index((s) => /^npm ci$/m.test(s.run ?? ''), 'npm ci'),
      index((s) => /apt-get install .*chromium/.test(s.run ?? ''), 'chromium'),
      index(
        (s) => /npx gapreport validate "data\/\$ds"/.test(s.run ?? '') && /content\/reports\/\*\.mdx/.test(s.run ?? ''),
        'validate each dataset a report uses',
      ),
      index((s) => s.run === 'npm test', 'npm test'),
      index((s) => s.run === 'npm run build', 'npm run build'),
      index((s) => s.run === 'npx gapreport pdf', 'pdf'),
      index((s) => /^actions\/upload-(pages-)?artifact@/.test(s.uses ?? '') && s.with?.path === 'dist/', 'upload dist/'),
      index((s) => s.run === 'npx gapreport check --fail-on missed', 'gates'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('uploads the site even when an earlier step failed, so a failed gate still shows why', async () => {
    const steps = Object.values((await load()).jobs)[0].steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-'))?.if).toBe('${{ !cancelled() }}');
  });
});
