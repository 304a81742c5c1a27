/**
 * Property: any table of text survives the trip through CSV — written with either
 * delimiter, every field quoted and quotes doubled — and comes back from readCsv equal,
 * each record on the physical line the writer put it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, type Delimiter } from '../../src/data/csv';
import { ProblemSink } from '../../src/data/problems';

/** Text with the characters CSV makes hard: quotes, both delimiters, CR, LF, spaces, non-ASCII. */
const field = fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', '"', ',', ';', '\n', '\r\n', '\t', 'é', '€', '😀', '<', "'"), maxLength: 12 });
const headerName = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);

const table = fc.integer({ min: 2, max: 5 }).chain((k) =>
  fc.record({
    header: fc.uniqueArray(headerName, { minLength: k, maxLength: k }),
    rows: fc.array(fc.array(field, { minLength: k, maxLength: k }), { minLength: 1, maxLength: 8 }),
    delimiter: fc.constantFrom<Delimiter>(',', ';'),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  }),
);

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

describe('readCsv(text) round-trips what a CSV writer wrote', () => {
  it('returns every field as written, on its physical line, with no problems', () => {
    fc.assert(
      fc.property(table, ({ header, rows, delimiter, crlf, bom }) => {
        const eol = crlf ? '\r\n' : '\n';
        // A record whose fields are all empty would be a blank line: the writer quotes, so it is not.
        const text = (bom ? '\uFEFF' : '') + [header.join(delimiter), ...rows.map((r) => r.map(quote).join(delimiter))].join(eol) + eol;
        const sink = new ProblemSink('x.csv');
        const read: { fields: string[]; line: number }[] = [];
        const h = readCsv(text, { sink }, { record: (fields, line) => read.push({ fields: [...fields], line }) });
        expect(sink.list()).toEqual([]);
        expect(h?.names).toEqual(header);
        expect(h?.delimiter).toBe(delimiter);
        expect(read.map((r) => r.fields)).toEqual(rows);
        let line = 2;
        read.forEach((r, i) => {
          expect(r.line).toBe(line);
          line += 1 + rows[i].reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('reads a header-only file as a header and no records, and says it has no data rows', () => {
    fc.assert(
      fc.property(fc.uniqueArray(headerName, { minLength: 2, maxLength: 5 }), fc.constantFrom(',', ';'), (header, d) => {
        const sink = new ProblemSink('x.csv');
        const h = readCsv(`${header.join(d)}\n`, { sink }, { record: () => expect.unreachable() });
        expect(h?.names).toEqual(header);
        expect(sink.list().map((p) => `${p.file}: ${p.message}`)).toEqual(['x.csv: has a header but no data rows.']);
      }),
    );
  });
});
