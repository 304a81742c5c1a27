/**
 * DuckDB's CSV reader, reading a column as DOUBLE, takes `_` between digits as a digit
 * separator ("0_5" is 5), where the contract's number syntax (Cells.number) refuses the
 * cell. The engine reads number columns as text (and checks their syntax) when the file
 * has a digit, `_`, digit anywhere: a fast byte scan, so only such files pay the slower path.
 */
import { open } from 'node:fs/promises';

const UNDERSCORE = 0x5f;
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

export async function hasDigitUnderscore(path: string, chunkBytes = 1 << 20): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const buf = Buffer.alloc(chunkBytes);
    // Chunks overlap by two bytes, so a digit, `_`, digit across a boundary lies whole in one.
    for (let pos = 0; ; pos += chunkBytes - 2) {
      const { bytesRead } = await fh.read(buf, 0, chunkBytes, pos);
      for (let i = buf.indexOf(UNDERSCORE, 1); i !== -1 && i < bytesRead - 1; i = buf.indexOf(UNDERSCORE, i + 1)) {
        if (isDigit(buf[i - 1]) && isDigit(buf[i + 1])) return true;
      }
      if (pos + bytesRead >= size || bytesRead < chunkBytes) return false;
    }
  } finally {
    await fh.close();
  }
}
