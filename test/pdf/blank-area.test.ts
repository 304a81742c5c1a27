import { describe, expect, it } from 'vitest';
import { BLANK_LEVEL, largestHole, parsePgm } from './blank-area';

/** A binary PGM `width` × `height` whose rows are ink (0) where `ink(y)` says so, paper (255) elsewhere. */
function pgm(width: number, height: number, ink: (y: number) => boolean): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const body = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) if (ink(y)) body.fill(0, y * width, y * width + 3);
  return new Uint8Array([...head, ...body]);
}
const A4 = { dpi: 30, marginTopMm: 15, marginBottomMm: 15 };

describe('largestHole(page)', () => {
  it('measures the longest blank run inside the margins as a share of the printable height', () => {
    // 352 rows at 30 dpi (A4); margins of 15 mm are 18 rows; text every 6 rows down to row 200.
    const page = parsePgm(pgm(249, 352, (y) => y >= 18 && y < 200 && y % 6 === 0));
    expect(largestHole(page, A4)).toBeCloseTo((352 - 18 - 198) / (352 - 36), 2);
  });

  it('does not count the white between lines, nor the margins where the page number sits', () => {
    const page = parsePgm(pgm(249, 352, (y) => (y >= 18 && y < 334 && y % 6 === 0) || y > 340));
    expect(largestHole(page, A4)).toBeLessThan(0.02);
  });

  it(`counts a near-white row (≥ ${BLANK_LEVEL}) as paper, and a grey one as ink`, () => {
    const light = parsePgm(pgm(10, 100, () => false));
    light.pixels.fill(BLANK_LEVEL);
    expect(largestHole(light, { dpi: 25.4, marginTopMm: 0, marginBottomMm: 0 })).toBe(1);
    light.pixels.fill(BLANK_LEVEL - 1, 500, 501);
    expect(largestHole(light, { dpi: 25.4, marginTopMm: 0, marginBottomMm: 0 })).toBe(0.5);
  });

  it('refuses what is not an 8-bit binary PGM', () => {
    expect(() => parsePgm(new TextEncoder().encode('P6\n1 1\n255\n\0\0\0'))).toThrow('not an 8-bit binary PGM');
  });
});
