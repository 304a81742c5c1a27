/**
 * Instruments beyond SERVQUAL: constructs declared in questionnaire.yaml (or the `ecsi`
 * preset) get α, means, intervals and drivers; the gap model reads "not measured" without
 * SERVQUAL dimensions; segment value labels reach the pages while figure ids keep the codes.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/dataset';
import { parseQuestionnaire } from '../../src/data/questionnaire';
import { analyzeDataset } from '../../src/analysis/analyze';
import { cronbachAlpha } from '../../src/stats/alpha';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import { formatProblem } from '../../src/schemas/problem';
import { segmentValueLabels } from '../../src/components/lib/segment-table';
import { localizeLabels } from '../../src/components/lib/item-labels';
import { strings } from '../../src/i18n';

const Q = `scale: { min: 1, max: 7 }
columns: { respondent_id: "#row", overall: sat, provider: serviceprovider }
constants: { wave: survey }
segments: [provider]
labels: { provider: { "1": { en: North branch, fr: Agence nord }, "2": South branch } }
outcome: overall
drivers: constructs
items:
  - { id: comp_1, text: c1 }
  - { id: comp_2, text: c2 }
  - { id: like_1, text: l1 }
  - { id: like_2, text: l2 }
constructs:
  - { id: comp, label: Competence, items: [comp_1, comp_2] }
  - { id: like, label: { en: Likeability, fr: Sympathie }, items: [like_1, like_2] }
`;

const rows = Array.from({ length: 40 }, (_, i) => [1 + (i % 2), 1 + (i % 7), 1 + ((i * 3) % 7), 1 + ((i * 5) % 7), 1 + ((i * 2 + 1) % 7), 1 + ((i * 11) % 7)]);
const CSV = 'serviceprovider,p_comp_1,p_comp_2,p_like_1,p_like_2,sat\n' + rows.map((r) => r.join(',')).join('\n') + '\n';

function analyzed(q = Q) {
  const loaded = buildDataset({ name: 'c', texts: { 'questionnaire.yaml': q, 'responses.csv': CSV } });
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  return analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({})).figures!;
}

describe('constructs:', () => {
  it('publishes each construct’s mean score with its t interval and Cronbach’s α on its items', () => {
    const f = analyzed();
    const comp = f.constructs?.comp;
    expect(comp).toMatchObject({ suppressed: false, n: 40, label: 'Competence', items: 2 });
    if (!comp || comp.suppressed) throw new Error('comp withheld');
    const scores = rows.map((r) => (r[1] + r[2]) / 2);
    expect(comp.mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 40, 12);
    expect(comp.alpha).toBeCloseTo(cronbachAlpha(rows.map((r) => [r[1], r[2]]))!.alpha, 12);
    expect(comp.ci95![0]).toBeLessThan(comp.mean);
  });

  it('explains the outcome by the construct scores under drivers: constructs', () => {
    const d = analyzed().drivers;
    expect(d.status).toBe('measured');
    if (d.status !== 'measured') return;
    expect([d.by, d.items.map((x) => x.driver)]).toEqual(['constructs', ['comp', 'like']]);
    expect(d.items[0].share + d.items[1].share).toBeCloseTo(1, 12);
  });

  it('reads the gap model as not measured when the study has no SERVQUAL dimension', () => {
    const f = analyzed();
    expect(f.gaps.gap5).toEqual({ status: 'not measured', reason: 'no SERVQUAL items in the questionnaire' });
    expect(f.servqual).toBeUndefined();
  });

  it('reports a construct naming an undeclared item on its line, with the nearest item', () => {
    const p = parseQuestionnaire(Q.replace('items: [like_1, like_2]', 'items: [like_1, lik_2]')).problems.map(formatProblem);
    expect(p).toEqual([
      'questionnaire.yaml:12: item "like_2" has no dimension and belongs to no construct, so no figure would report it. Give it a SERVQUAL dimension (tangibles, reliability, responsiveness, assurance, empathy), or list it under a construct in constructs:.',
      'questionnaire.yaml:15: construct "like" names item "lik_2", which questionnaire.yaml does not declare. Did you mean "like_2"?',
    ]);
  });
});

describe('preset: ecsi', () => {
  it('ships the ECSI constructs (image, expectations, perceived quality, value, satisfaction, loyalty) beside servqual-22', () => {
    const parsed = parseQuestionnaire('scale: { min: 1, max: 10 }\npreset: ecsi\noutcome: overall\ndrivers: constructs\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.questionnaire?.constructs.map((c) => [c.id, c.items.length, c.driver])).toEqual([
      ['image', 5, true],
      ['expectations', 3, true],
      ['quality', 7, true],
      ['value', 2, true],
      ['satisfaction', 3, false],
      ['loyalty', 3, false],
    ]);
    expect(parsed.items.every((i) => i.dimension === undefined)).toBe(true);
  });
});

describe('labels: for segment values', () => {
  it('shows the label on the pages in the report’s locale while figure ids keep the code', () => {
    const f = analyzed();
    expect(Object.keys(f.segments.provider).sort()).toEqual(['1', '2']);
    expect(segmentValueLabels(f, 'provider', strings('en'))).toEqual({ '1': 'North branch', '2': 'South branch' });
    const fr = localizeLabels(f, parseQuestionnaire(Q).questionnaire, 'fr');
    expect(segmentValueLabels(fr, 'provider', strings('fr'))).toEqual({ '1': 'Agence nord', '2': 'South branch' });
    expect(fr.constructs?.like).toMatchObject({ label: 'Sympathie' });
    expect([fr.waves[0].constructs?.like, fr.segments.provider['1'].constructs?.like]).toMatchObject([{ label: 'Sympathie' }, { label: 'Sympathie' }]);
  });
});
