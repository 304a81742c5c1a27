/** The MDX lint checks a <When test> condition before the build, at file:line (src/build/lint-mdx.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { lintReport } from '../../src/build/lint-mdx';
import type { Figures } from '../../src/schemas/figures';
import { demoFigures } from '../site/demo-figures';

let demo: Figures;
beforeAll(async () => {
  demo = await demoFigures();
}, 300_000);
const lint = (body: string) => lintReport('content/reports/x.mdx', `---\ntitle: x\n---\n\nIntro.\n\n${body}\n`, demo);

describe('a <When> condition in the lint', () => {
  it('passes a valid condition and its <Otherwise>', () => {
    expect(lint('<When test="benchmarks.nps.percentile < 25">Low.<Otherwise>Not low.</Otherwise></When>')).toEqual([]);
  });
  it('reports a malformed condition at its line', () => {
    expect(lint('<When test="nps.score < high">x</When>')).toEqual([
      {
        file: 'content/reports/x.mdx',
        line: 7,
        column: '<When> test',
        value: 'nps.score < high',
        message:
          '"nps.score < high" is not a condition: "< high" does not compare with a number. Write a figure id and a test, e.g. "kpis.first-contact-fix.status is missed", "changes.nps.score.significant", "benchmarks.nps.percentile < 25", "nps.score is published".',
      },
    ]);
  });
  it('reports an unknown id with the did-you-mean, at its line', () => {
    expect(lint('Text.\n\n<When test="nsp.score > 0">x</When>')).toEqual([
      {
        file: 'content/reports/x.mdx',
        line: 9,
        column: '<When> test',
        value: 'nsp.score > 0',
        message: 'names no figure: "nsp.score": "nsp" is not a figure of the figures.',
        hint: 'Did you mean "nps.score"?',
      },
    ]);
  });
  it('reports a type mismatch at its line', () => {
    expect(lint('<When test="kpis.first-contact-fix.status > 1">x</When>')).toEqual([
      {
        file: 'content/reports/x.mdx',
        line: 7,
        column: '<When> test',
        value: 'kpis.first-contact-fix.status > 1',
        message: 'kpis.first-contact-fix.status is a word, not a number: test it with "is".',
      },
    ]);
  });
  it('reports a <When> without a test', () => {
    expect(lint('<When>x</When>')).toEqual([
      {
        file: 'content/reports/x.mdx',
        line: 7,
        column: '<When>',
        message: 'needs the prop test.',
        hint: 'For example <When test="kpis.first-contact-fix.status is missed" />.',
      },
    ]);
  });
});

describe('an <Otherwise> in the lint', () => {
  it('reports an <Otherwise> outside any <When>, at its line', () => {
    expect(lint('<When test="nps.score > 0">x</When>\n\n<Otherwise>y</Otherwise>')).toEqual([
      {
        file: 'content/reports/x.mdx',
        line: 9,
        column: '<Otherwise>',
        message: 'is only meaningful inside a <When test="…">.',
        hint: 'Put it just before the </When> whose condition it is the other branch of.',
      },
    ]);
  });
});
