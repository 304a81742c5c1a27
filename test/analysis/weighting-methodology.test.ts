/**
 * The methodology of a weighted report says how the respondents were weighted and which
 * base is which: unweighted n, Kish's effective n and deff of the report's wave, the raking's
 * convergence and trimming; the bases table shows n with its effective base. Unweighted
 * reports say none of it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { methodology, weightingRules } from '../../src/components/lib/methodology';
import { headlineCards } from '../../src/components/lib/headline';
import { makeFormat } from '../../src/charts/format';
import { loadDataset } from '../../src/data/load-fs';
import { chartLabels, strings } from '../../src/i18n';
import { formatters } from '../../src/i18n/format';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const csv = readFileSync(new URL('../reference/weighting/responses.csv', import.meta.url), 'utf8');
const root = mkdtempSync(join(tmpdir(), 'gapreport-weighting-methodology-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const Q =
  'scale: { min: 1, max: 7 }\nsegments: [region, age]\nitems:\n  - { id: speed, dimension: responsiveness, text: Speed }\n  - { id: care, dimension: empathy, text: Care }\n';
const RAKING = `${Q}weighting:\n  method: raking\n  targets:\n    region: { North: 0.35, South: 0.35, East: 0.3 }\n    age: { "18-34": 0.3, "35-54": 0.4, "55+": 0.3 }\n  trim: { lower: 0.5, upper: 1.6 }\n`;

async function figures(name: string, yaml: string, responses: string) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'questionnaire.yaml'), yaml);
  writeFileSync(join(dir, 'responses.csv'), responses);
  const loaded = await loadDataset(dir);
  return analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({})).figures!;
}

describe('methodology of weighted data', () => {
  it('states the raking, its convergence and trimming, and the unweighted n, effective n and deff of the wave', async () => {
    const f = await figures('raking', RAKING, csv.replace(/,[^,\n]*$/gm, ''));
    const wave = f.meta.weighting!.waves[0];
    const [how, trim, bases] = weightingRules(f, formatters('en'), strings('en'));
    expect(how).toBe(
      `Respondents are raked to the population margins of region, age (iterative proportional fitting, wave by wave; weights average 1): wave 2026-Q3 converged in ${wave.iterations} iterations, largest margin error ${(100 * wave.max_margin_error!).toFixed(2)} percentage points.`,
    );
    expect(trim).toBe(`Weights are trimmed to 0.50–1.60, the excess spread over the other respondents (${wave.trimmed} respondents trimmed in wave 2026-Q3).`);
    expect(bases).toBe(
      `Every base n in this report counts respondents, unweighted (the minimum base and the low-base mark apply to it); intervals, margins of error and tests use Kish’s effective base n_eff = (Σw)²/Σw². Wave 2026-Q3: n = 400, effective n = ${Math.round(wave.n_eff!)}, design effect deff = 1 + CV² of the weights = ${wave.deff!.toFixed(2)}.`,
    );
    const m = methodology(f, formatters('en'), strings('en'), chartLabels('en'));
    expect(m.rules).toContain(bases);
    expect(m.bases.find((b) => b.label === strings('en').metrics.nps)?.n).toBe(`400 (effective ${Math.round((f.nps as { n_eff: number }).n_eff)})`);
  });

  it('says on the headline cards which base is which: respondents, then the effective base', async () => {
    const f = await figures('raking-cards', RAKING, csv.replace(/,[^,\n]*$/gm, ''));
    const nps = headlineCards(f, formatters('en'), strings('en'), makeFormat('en')).find((c) => c.key === 'nps')!;
    expect(nps.detail).toMatch(new RegExp(`^n = 400 \\(effective ${Math.round((f.nps as { n_eff: number }).n_eff)}\\) · margin of error ±`));
    const plain = await figures('plain-cards', Q, csv.replace(/,[^,\n]*$/gm, ''));
    expect(headlineCards(plain, formatters('en'), strings('en'), makeFormat('en')).find((c) => c.key === 'ces')!.detail).toBe('n = 400 · lower is better');
  });

  it('names the weight column, in French too', async () => {
    const f = await figures('column', Q, csv);
    expect(weightingRules(f, formatters('en'), strings('en'))[0]).toBe('Respondents are weighted by the weight column of responses.csv.');
    expect(weightingRules(f, formatters('fr'), strings('fr'))[1]).toContain('n effectif');
  });

  it('says nothing of weights for unweighted data, and shows bare bases', async () => {
    const f = await figures('plain', Q, csv.replace(/,[^,\n]*$/gm, ''));
    expect(weightingRules(f, formatters('en'), strings('en'))).toEqual([]);
    expect(methodology(f, formatters('en'), strings('en'), chartLabels('en')).bases[0].n).toBe('400');
  });
});
