/**
 * A record read as spans (SpanRecord, the stream reader's regular records) gives the cells
 * the same numbers, texts and problems as the same record cut into strings: the span
 * reader's digits and decimals (m / 10^k) are Number()'s doubles, and everything else takes
 * the string path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cells, type CellOptions, type NumberRule } from '../../src/data/cells';
import { SpanRecord } from '../../src/data/csv';
import { ProblemSink } from '../../src/data/problems';
import type { Source } from '../../src/data/columns';

const digits = fc.stringMatching(/^[0-9]{0,17}$/);
const cell = fc.oneof(
  digits,
  fc.tuple(digits, digits).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom(
    '',
    ' 5',
    '5 ',
    '-3',
    '+2',
    '1e3',
    '5,5',
    '.',
    '5.',
    '.5',
    '007',
    '0.1',
    '9.9',
    '99',
    'NA',
    '1.2.3',
    '\u202a5',
    '4.999999999999999',
    '123456789012345.6',
  ),
  fc.string({ maxLength: 6 }),
);

const RULES: NumberRule[] = [{ min: 1, max: 7 }, { min: 0, max: 10, integer: true }, { min: 0 }, {}];
const OPTIONS: CellOptions[] = [{}, { missing: [99, 'NA'] }, { missing: ['9.9', -1] }, { numberHint: 'Map it.' }];

function read(values: string[], rule: NumberRule, options: CellOptions, spans: boolean) {
  const sink = new ProblemSink('responses.csv');
  const cells = new Cells(sink, options);
  const text = values.map((v) => (v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
  if (spans) {
    const record = new SpanRecord();
    record.reset(text);
    let at = 0;
    for (const v of values) {
      const quoted = v.includes('"');
      const length = quoted ? v.length + 2 + (v.match(/"/g)?.length ?? 0) : v.length;
      if (quoted) record.push(at + 1, at + length - 1, true);
      else record.push(at, at + length, false);
      at += length + 1;
    }
    cells.atSpans(record, 2, 1);
  } else cells.at(values, 2, 1);
  const sources: Source[] = values.map((_, index) => ({ kind: 'header', index, name: `c${index}` }));
  const numbers = sources.map((s, i) => cells.number(s, `c${i}`, rule));
  const texts = sources.map((s, i) => cells.text(s, `c${i}`));
  return { numbers, texts, fields: cells.fields, problems: sink.list() };
}

describe('cells read from spans', () => {
  it('give the numbers, texts and problems of the same record cut into strings', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), fc.nat(RULES.length - 1), fc.nat(OPTIONS.length - 1), (values, r, o) => {
        const fields = values.map((v) => v.replace(/[,\r\n]/g, ''));
        const strings = read(fields, RULES[r], OPTIONS[o], false);
        const spans = read(fields, RULES[r], OPTIONS[o], true);
        expect(spans).toEqual(strings);
        spans.numbers.forEach((n, i) => expect(Object.is(n, strings.numbers[i])).toBe(true));
      }),
      { numRuns: 3000 },
    );
  });

  it('read decimals as the same doubles as Number()', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,8}$/), fc.stringMatching(/^[0-9]{0,7}$/), (a, b) => {
        const { numbers } = read([`${a}.${b}`], {}, {}, true);
        expect(Object.is(numbers[0], Number(`${a}.${b}`))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
