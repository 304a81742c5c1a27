/**
 * Complementary suppression between two ordinary segments (complementary.ts segmentSuppression):
 * a value of one segment minus the other segment's published values lying wholly inside it is a
 * block of respondents; a difference of two crossing values is not, and withholds nothing.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import type { Dataset, Respondent } from '../../src/schemas/dataset';
import type { Figures } from '../../src/schemas/figures';
import { QuestionnaireSchema } from '../../src/schemas/questionnaire';
import { AnalysisOptionsSchema } from '../../src/schemas/report';

const questionnaire = QuestionnaireSchema.parse({
  scale: { min: 1, max: 5 },
  items: [{ id: 'r1', dimension: 'reliability', text: 'Keeps promises' }],
  segments: ['region', 'channel'],
});

/** `count` respondents of one region and channel, NPS answers spread over 0–10. */
const block = (count: number, region: string, channel: string, from: number): Respondent[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${region}-${channel}-${from + i}`,
    wave: '2026-Q1',
    segments: { region, channel },
    e: {},
    p: {},
    w: {},
    nps: (from + i * 7) % 11,
    line: from + i + 2,
  }));

function figures(responses: Respondent[]): Figures {
  const data: Dataset = { name: 'pairs', questionnaire, items: questionnaire.items, responses, files: [] };
  const result = analyzeDataset(data, AnalysisOptionsSchema.parse({ min_base: 10, low_base: 10 }));
  if (!result.figures) throw new Error(JSON.stringify(result.problems));
  return result.figures;
}

const withheldSecondarily = (f: Figures) =>
  Object.entries(f.segments).flatMap(([segment, cells]) =>
    Object.entries(cells).flatMap(([value, g]) => (g.nps?.suppressed && (g.nps as { secondary?: true }).secondary ? [`${segment}=${value}`] : [])),
  );

describe('complementary suppression between two segments', () => {
  it('withholds a region whose respondents all answered Online when channel=Online minus it would leave 3 respondents', () => {
    // R2 (20) lies wholly in Online (23): Online − R2 is R1's 3 online respondents. Every cell is ≥ 10 and each segment covers the wave.
    const f = figures([...block(30, 'R0', 'Store', 0), ...block(25, 'R1', 'Store', 100), ...block(3, 'R1', 'Online', 200), ...block(20, 'R2', 'Online', 300)]);
    expect(f.segments.channel.Online.nps).toMatchObject({ suppressed: false, n: 23 });
    // R2 gives way (the family Online − R2 has no other member); then R0 + R1 − Store (Store lies in R0 ∪ R1) leaves the same 3, so Store does too.
    expect(withheldSecondarily(f)).toEqual(['region=R2', 'channel=Store']);
    expect(f.segments.region.R2.nps).toEqual({ suppressed: true, secondary: true, n: 20 });
  });

  it('withholds nothing when the region crosses the channels: Online minus R2 is then no group of respondents', () => {
    // R2 has 3 in-store respondents, so no published figure tells the reader which 3 of Online are not R2's.
    const f = figures([
      ...block(30, 'R0', 'Store', 0),
      ...block(25, 'R1', 'Store', 100),
      ...block(3, 'R1', 'Online', 200),
      ...block(17, 'R2', 'Online', 300),
      ...block(3, 'R2', 'Store', 400),
    ]);
    expect(withheldSecondarily(f)).toEqual([]);
  });

  it('withholds the smallest member of the leaking family first, then what still leaves the same block from another total', () => {
    // Channel Kiosk (12) and Phone (11) lie wholly in R0 (30): R0 − Kiosk − Phone leaves R0's 7 in-store respondents.
    const f = figures([
      ...block(12, 'R0', 'Kiosk', 0),
      ...block(11, 'R0', 'Phone', 100),
      ...block(7, 'R0', 'Store', 200),
      ...block(40, 'R1', 'Store', 300),
      ...block(15, 'R1', 'Online', 400),
    ]);
    // Phone, the smallest of wave − R1 − Kiosk − Phone, gives way; Store + Online − R1 (R1 lies in those two) still leaves the 7, so R1 does too.
    expect(withheldSecondarily(f)).toEqual(['region=R1', 'channel=Phone']);
    expect(f.segments.channel.Kiosk.nps).toMatchObject({ suppressed: false, n: 12 });
    expect(f.segments.region.R0.nps).toMatchObject({ suppressed: false, n: 30 });
  });
});
