/**
 * How much of a printed page is a hole: pages rendered by poppler's `pdftoppm -gray` (binary
 * PGM), measured as the longest run of blank pixel rows inside the printable area (the page
 * less its @page margins, where Chromium puts the page number), as a share of that area's
 * height. A run, not a sum: the white between lines and paragraphs is not a hole; a heading
 * pushed apart from its chart, or a chart pushed to the next page, is.
 */

export interface Gray {
  width: number;
  height: number;
  /** One byte a pixel, row by row: 0 black … 255 white. */
  pixels: Uint8Array;
}

/** Parses a binary PGM (P5, maxval 255) as pdftoppm -gray writes it. */
export function parsePgm(data: Uint8Array): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(new TextDecoder('latin1').decode(data.subarray(0, 64)));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PGM (P5, maxval 255)');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, pixels: data.subarray(header[0].length, header[0].length + width * height) };
}

/** A row is blank when no pixel is darker than this (anti-aliased paper is 250–255). */
export const BLANK_LEVEL = 245;

/**
 * The longest run of blank rows between the top and bottom margins (in mm, at `dpi`), as a
 * fraction 0–1 of the printable height.
 */
export function largestHole(page: Gray, o: { dpi: number; marginTopMm: number; marginBottomMm: number }): number {
  const px = (mm: number) => Math.round((mm / 25.4) * o.dpi);
  const [top, bottom] = [px(o.marginTopMm), page.height - px(o.marginBottomMm)];
  let [run, longest] = [0, 0];
  for (let y = top; y < bottom; y++) {
    const row = page.pixels.subarray(y * page.width, (y + 1) * page.width);
    run = row.every((v) => v >= BLANK_LEVEL) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest / (bottom - top);
}
