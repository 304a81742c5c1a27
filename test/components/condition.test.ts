/** The condition language of <When test> (src/analysis/condition.ts): parsing, checking against the figures, evaluating. */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCondition, parseCondition, testCondition } from '../../src/analysis/condition';
import type { Figures } from '../../src/schemas/figures';
import { demoFigures } from '../site/demo-figures';

let demo: Figures;
beforeAll(async () => {
  demo = await demoFigures();
}, 300_000);

describe('parsing a condition', () => {
  it('reads the three forms: "is" a word, a yes/no figure, a comparison with a number', () => {
    expect(parseCondition('kpis.first-contact-fix.status is missed')).toEqual({
      ok: true,
      condition: { kind: 'is', id: 'kpis.first-contact-fix.status', negated: false, word: 'missed' },
    });
    expect(parseCondition('kpis.answer-30s.status is not at risk')).toEqual({
      ok: true,
      condition: { kind: 'is', id: 'kpis.answer-30s.status', negated: true, word: 'at risk' },
    });
    expect(parseCondition('not changes.nps.score.significant')).toEqual({
      ok: true,
      condition: { kind: 'flag', id: 'changes.nps.score.significant', negated: true },
    });
    expect(parseCondition('servqual.dimensions.reliability.gap < −1')).toEqual({
      ok: true,
      condition: { kind: 'compare', id: 'servqual.dimensions.reliability.gap', op: '<', number: -1 },
    });
    expect(parseCondition('benchmarks.nps.percentile≥25')).toMatchObject({ ok: true, condition: { op: '>=', number: 25 } });
    expect(parseCondition('segments.region["St. Louis"].nps.score > 0')).toMatchObject({
      ok: true,
      condition: { id: 'segments.region["St. Louis"].nps.score' },
    });
  });
  it('refuses a malformed condition with a message that shows the forms', () => {
    expect(parseCondition('nps.score < high')).toEqual({
      ok: false,
      message:
        '"nps.score < high" is not a condition: "< high" does not compare with a number. Write a figure id and a test, e.g. "kpis.first-contact-fix.status is missed", "changes.nps.score.significant", "benchmarks.nps.percentile < 25", "nps.score is published".',
    });
    expect(parseCondition('nps.score equals 3')).toMatchObject({
      ok: false,
      message: expect.stringContaining('"equals 3" is not a test (use "is", "is not", <, <=, >, >= or =, "is suppressed" or "is published")'),
    });
    expect(parseCondition('   ')).toMatchObject({ ok: false, message: expect.stringContaining('it is empty') });
    expect(parseCondition('not nps.score < 3')).toMatchObject({ ok: false, message: expect.stringContaining('"not" goes only before a yes/no figure') });
  });
});

describe('checking a condition against the figures', () => {
  const check = (s: string) => {
    const p = parseCondition(s);
    if (!p.ok) throw new Error(p.message);
    return checkCondition(demo, p.condition);
  };
  it('accepts the demo conditions', () => {
    for (const s of [
      'kpis.first-contact-fix.status is missed',
      'changes.nps.score.significant',
      'servqual.dimensions.reliability.gap < -1',
      'benchmarks.nps.percentile < 25',
    ])
      expect(check(s)).toBeUndefined();
  });
  it('refuses an unknown id, with the did-you-mean', () => {
    expect(check('kpis.first-contact-fx.status is met')).toEqual({
      message:
        'names no figure: "kpis.first-contact-fx.status": no entry "first-contact-fx" in kpis (known: answer-30s, average-wait, first-contact-fix, abandoned-calls, handle-time, repairs-on-time, complaints-closed).',
      hint: 'Did you mean "kpis.first-contact-fix.status"?',
    });
  });
  it('refuses a test that does not fit the figure: a word compared with a number, a number tested with "is", a status that can never be', () => {
    expect(check('kpis.first-contact-fix.status < 3')).toEqual({ message: 'kpis.first-contact-fix.status is a word, not a number: test it with "is".' });
    expect(check('nps.score is high')).toEqual({ message: 'nps.score is a number, not a word: compare it with <, >, =.' });
    expect(check('nps.score')).toEqual({ message: 'nps.score is a number, not yes/no: test it with <, >, =.' });
    expect(check('changes.nps.score.significant > 0')).toEqual({
      message: 'changes.nps.score.significant is yes/no, not a number: write the id alone (or "not" before it).',
    });
    expect(check('kpis.first-contact-fix.status is failed')).toEqual({
      message: 'kpis.first-contact-fix.status is never "failed": it is one of met, at risk, missed, not measured.',
    });
  });
});

describe('evaluating a condition', () => {
  it('holds or not by the figures', () => {
    expect(testCondition(demo, 'kpis.first-contact-fix.status is missed')).toEqual({ ok: true, holds: true });
    expect(testCondition(demo, 'kpis.first-contact-fix.status is not missed')).toEqual({ ok: true, holds: false });
    expect(testCondition(demo, 'changes.nps.score.significant')).toEqual({ ok: true, holds: false });
    expect(testCondition(demo, 'not changes.nps.score.significant')).toEqual({ ok: true, holds: true });
    expect(testCondition(demo, 'servqual.dimensions.reliability.gap < -1')).toEqual({ ok: true, holds: true });
    expect(testCondition(demo, 'benchmarks.nps.percentile >= 25')).toEqual({ ok: true, holds: false });
  });
  it('does not hold on a suppressed figure, which is unavailable, so the otherwise branch shows', () => {
    const islands = demo.segments.region.Islands.nps as { suppressed: true; n: number };
    expect(islands.suppressed).toBe(true);
    expect(testCondition(demo, 'segments.region.Islands.nps.score < 100')).toEqual({
      ok: true,
      holds: false,
      unavailable: { kind: 'suppressed', n: islands.n },
    });
  });
});
