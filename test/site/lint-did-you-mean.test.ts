/**
 * The MDX lint names the closest real name for a mistyped figure id (at the step that
 * fails, corrected until the id resolves), component, prop or segment: exact messages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lintReport } from '../../src/build/lint-mdx';
import type { Figures } from '../../src/schemas/figures';
import { formatProblem } from '../../src/schemas/problem';
import { demoFigures } from './demo-figures';

let figures: Figures;
beforeAll(async () => {
  figures = await demoFigures();
}, 120_000);

const lint = (body: string) => lintReport('content/reports/x.mdx', `---\ntitle: x\n---\n\n${body}\n`, figures);

describe('lintReport: did you mean', () => {
  it.each([
    ['<Metric id="nsp.score" />', '<Metric> id: "nsp.score" is not a figure id: "nsp.score": "nsp" is not a figure of the figures. Did you mean "nps.score"?'],
    // Each step is corrected in turn; only an id that resolves is offered.
    ['<Metric id="nsp.scroe" />', '<Metric> id: "nsp.scroe" is not a figure id: "nsp.scroe": "nsp" is not a figure of the figures. Did you mean "nps.score"?'],
    [
      '<Metric id="servqual.dimensions.reliabilty.gap" />',
      '<Metric> id: "servqual.dimensions.reliabilty.gap" is not a figure id: "servqual.dimensions.reliabilty.gap": "reliabilty" is not a figure of servqual.dimensions. Did you mean "servqual.dimensions.reliability.gap"?',
    ],
    [
      '<Metric id="kpis.answer-30.value" />',
      '<Metric> id: "kpis.answer-30.value" is not a figure id: "kpis.answer-30.value": no entry "answer-30" in kpis (known: answer-30s, average-wait, first-contact-fix, abandoned-calls, handle-time, repairs-on-time, complaints-closed). Did you mean "kpis.answer-30s.value"?',
    ],
    [
      '<Metric id="changes.nsp.score.p" />',
      expect.stringMatching(
        /^<Metric> id: "changes\.nsp\.score\.p" is not a figure id: "changes\.nsp\.score\.p": no entry "nsp" in changes \(known: nps\.score, .*\)\. Did you mean "changes\.nps\.score\.p"\?$/,
      ),
    ],
    // Another number is another wave, not a typo; a word far from every name gets no guess.
    [
      '<Metric id="waves.2026-Q9.nps.score" />',
      '<Metric> id: "waves.2026-Q9.nps.score" is not a figure id: "waves.2026-Q9.nps.score": no entry "2026-Q9" in waves (known: 2026-Q1, 2026-Q2, 2026-Q3).',
    ],
    ['<Metric id="revenue" />', '<Metric> id: "revenue" is not a figure id: "revenue": "revenue" is not a figure of the figures.'],
    ['<Metrik id="nps.score" />', '<Metrik> is not a gapreport component. Did you mean <Metric>?'],
    // A mistyped required prop is one problem, not also "needs the prop id".
    ['<Metric idd="nps.score" />', '<Metric> idd: is not a prop of <Metric>. Did you mean id?'],
    ['<SegmentTable by="chanel" />', '<SegmentTable> by: "chanel" is not one of: channel, region. Did you mean channel?'],
  ])('%s: did you mean the closest name', (tag, expected) => {
    const problems = lint(`Some text.\n\n${tag}`);
    expect(problems.map((p) => formatProblem(p).replace(/^content\/reports\/x\.mdx:7: /, ''))).toEqual([expected]);
  });
});
