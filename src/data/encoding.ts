/**
 * File bytes → text, or the one problem that stops reading it. SPEC §2 asks for UTF-8;
 * anything else is reported, never guessed: a Latin-1 byte read as UTF-8 would silently
 * become "�" in a label or comment. UTF-16 (byte-order mark FF FE / FE FF) is reported
 * too rather than decoded: spreadsheets export it as tab-separated "Unicode text", which
 * is not a contract CSV either, and one clear instruction ("save as CSV UTF-8") fixes both.
 */
import type { Problem } from '../schemas/problem';

export type Decoded = { text: string; problem?: undefined } | { text?: undefined; problem: Omit<Problem, 'file'> };

const SAVE_AS_UTF8 = 'Save it from the spreadsheet as "CSV UTF-8", or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8.';

/** 1-based line and column (in bytes) of byte offset `at`. */
function position(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: at - start + 1 };
}

/** Offset of the first byte that is not valid UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return undefined;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

export function decodeText(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: { message: 'is UTF-16 text (it starts with a UTF-16 byte-order mark); gapreport reads UTF-8.', hint: 'Save it from the spreadsheet as "CSV UTF-8", or convert it: iconv -f UTF-16 -t UTF-8.' } };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { problem: { message: 'is a zip archive (an Excel .xlsx workbook?), not CSV text.', hint: 'Open it in the spreadsheet and save it as "CSV UTF-8".' } };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = position(bytes, nul);
    return { problem: { line: at.line, message: `contains a NUL byte (byte ${at.column} of the line), so it is not a text file.`, hint: 'Is this the right file? Save spreadsheets as "CSV UTF-8".' } };
  }
  try {
    // ignoreBOM keeps a UTF-8 BOM in the text: the CSV and YAML readers accept and strip it.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch (error) {
    const bad = firstInvalidUtf8(bytes);
    if (bad === undefined) throw error; // too large for a string: load-fs reports it
    const at = position(bytes, bad);
    return { problem: { line: at.line, message: `is not UTF-8 text: byte ${hex(bytes[bad])} (byte ${at.column} of the line) cannot be read (Latin-1 or Windows-1252 text?).`, hint: SAVE_AS_UTF8 } };
  }
}
