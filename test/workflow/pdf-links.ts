/**
 * The link targets a PDF holds: every /URI of its link annotations, read from the raw bytes
 * and from each Flate stream (object streams may hold the annotations), so no poppler is needed.
 */
import { inflateSync } from 'node:zlib';

/** PDF literal string escapes: \( \) \\ \n \r \t and octal \ddd. */
function unescapePdf(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) =>
    /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c),
  );
}

/** The decoded text of every stream that inflates, after the file's own text. */
function texts(pdf: Buffer): string[] {
  const out = [pdf.toString('latin1')];
  for (let at = pdf.indexOf('stream'); at >= 0; at = pdf.indexOf('stream', at + 6)) {
    if (pdf.subarray(at - 3, at).toString('latin1') === 'end') continue;
    let start = at + 6;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] === 0x0a) start++;
    const end = pdf.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not Flate, or not a stream at all: images and fonts are of no interest here.
    }
  }
  return out;
}

/** Every /URI target in the PDF, in the order found (literal or hex strings). */
export function pdfUris(pdf: Buffer): string[] {
  const uris: string[] = [];
  for (const text of texts(pdf)) {
    for (const m of text.matchAll(/\/URI\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f\s]*)>)/g)) {
      uris.push(m[1] !== undefined ? unescapePdf(m[1]) : Buffer.from(m[2].replace(/\s+/g, ''), 'hex').toString('latin1'));
    }
  }
  return uris;
}
