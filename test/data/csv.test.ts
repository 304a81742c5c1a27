import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from '../../src/data/csv';
import { DEFAULT_LIMITS } from '../../src/data/limits';
import { ProblemSink } from '../../src/data/problems';
import { formatProblem } from '../../src/schemas/problem';

function read(text: string, headerRows = 0, limits = DEFAULT_LIMITS) {
  const sink = new ProblemSink('x.csv');
  const records: [string[], number, number][] = [];
  const header = readCsv(text, { sink, headerRows, limits }, { record: (f, line, row) => records.push([f, line, row]) });
  return { header, records, problems: sink.list().map(formatProblem) };
}

describe('detectDelimiter(text)', () => {
  it('picks ";" when it outnumbers "," on the header line, outside quotes', () => {
    expect(detectDelimiter('a;b;"c,d,e"\n1,2,3,4')).toBe(';');
    expect(detectDelimiter('a,b;c,d\n')).toBe(',');
  });
});

describe('readCsv(text)', () => {
  it('strips a BOM and trims header names', () => {
    expect(read('\uFEFF id , Wave\n1,2\n').header?.names).toEqual(['id', 'Wave']);
  });

  it('gives each record its physical first line, across CRLF, blank lines and quoted line breaks (LF inside, as Excel writes)', () => {
    const { records } = read('a,b\r\n1,"x\r\ny"\r\n\r\n2,"p\nq\nr"\r\n3,z');
    expect(records.map(([f, line, row]) => [f[0], line, row])).toEqual([['1', 2, 1], ['2', 5, 2], ['3', 8, 3]]);
  });

  it('skips header_rows records below the names, even when they hold line breaks', () => {
    const { records } = read('a,b\n"Question\none",Q2\n{x},{y}\n1,2\n', 2);
    expect(records).toEqual([[['1', '2'], 5, 1]]);
  });

  it('reports a ragged row and an unclosed quote with their lines', () => {
    expect(read('a,b\n1\n2,"open\n3,4\n').problems).toEqual([
      'x.csv:2: this row has 1 values, but the header has 2 columns. Check the delimiter (",") and quotes on this line.',
      'x.csv:3: an opening quote (") is never closed, so the rest of the file was read as one value. Close the quote, and double any quote inside a quoted value ("").',
    ]);
  });

  it('reports an empty file', () => {
    expect(read('').problems).toEqual(['x.csv: is empty: it needs a header row.']);
  });

  it('reports a header over the column limit and a field over the size limit instead of crashing', () => {
    const limits = { ...DEFAULT_LIMITS, maxColumns: 3, maxFieldChars: 10 };
    expect(read('a,b,c,d\n1,2,3,4\n', 0, limits).problems).toEqual(['x.csv:1: the header has 4 columns; the limit is 3. Is this the right file and delimiter?']);
    expect(read(`a,b\n1,${'x'.repeat(11)}\n`, 0, limits).problems).toEqual(['x.csv:2: field 2 is 11 bytes long; the limit is 10 bytes. Check for an unclosed quote above this line.']);
  });
});
