import { describe, expect, it } from 'vitest';
import { complementaryRule } from '../../src/components/lib/methodology';
import { strings } from '../../src/i18n';
import type { Figures } from '../../src/schemas/figures';

/** The part of the figures the rule reads: segments and min_base. */
const figures = (segments: Figures['segments']) => ({ meta: { min_base: 10 }, segments }) as unknown as Figures;
const published = { suppressed: false as const, n: 300, low_base: false, mean: 5, sd: 1 };

describe('methodology: complementary suppression', () => {
  it('states the rule and names each secondarily withheld cell with its figures', () => {
    const f = figures({
      region: {
        Islands: { n: 8, nps: { suppressed: true, n: 8 } },
        East: { n: 276, nps: { suppressed: true, secondary: true, n: 270 }, ces: { suppressed: true, secondary: true, n: 260 }, overall: published },
      },
    });
    expect(complementaryRule(f, strings('en'))).toBe(
      'In each breakdown the total minus the published cells must not give a suppressed group away, so while the withheld cells of a breakdown (with any respondents who left it blank) hold fewer than 10 respondents, the next-smallest cell is withheld too (complementary suppression): it reads “withheld to protect a smaller group” although its own base is larger. Between two segments, a published value minus the other segment’s values that lie wholly inside it is checked the same way. Withheld to protect another small group: Region East (NPS, CES).',
    );
    expect(complementaryRule(f, strings('fr'))).toContain('Masquées pour protéger un autre petit groupe\u202f: Région Est (NPS, CES).');
  });

  it('names a withheld cell by the questionnaire’s label for its value, else capitalised, never by the raw code', () => {
    const withheld = { n: 276, nps: { suppressed: true as const, secondary: true as const, n: 270 } };
    const f = {
      ...figures({ branch: { b7: withheld }, tier: { gold: withheld, silver: { n: 300, overall: published } } }),
      meta: { min_base: 10, segment_labels: { branch: { b7: 'Lyon Part-Dieu' } } },
    } as unknown as Figures;
    const rule = complementaryRule(f, strings('en'));
    expect(rule).toContain('small group: branch Lyon Part-Dieu (NPS); tier Gold (NPS).');
    expect(rule).not.toMatch(/\bb7\b|\bgold\b/);
  });

  it('states only the rule when no cell was withheld for another', () => {
    expect(complementaryRule(figures({ region: { Islands: { n: 8, nps: { suppressed: true, n: 8 } } } }), strings('vi'))).not.toContain('Bị ẩn để bảo vệ');
  });
});
