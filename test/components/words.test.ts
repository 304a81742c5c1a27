/** The words chosen from the figures (src/components/lib/words.ts), per locale, with plurals and agreement. */
import { beforeAll, describe, expect, it } from 'vitest';
import { changeText, compareText, countText, rankDimension, statusWord } from '../../src/components/lib/words';
import { metricText } from '../../src/components/lib/metric-format';
import { formatters } from '../../src/i18n/format';
import { strings } from '../../src/i18n';
import type { Change, Figures, Kpi } from '../../src/schemas/figures';
import { demoFigures } from '../site/demo-figures';

const L = { en: { t: strings('en'), fmt: formatters('en') }, fr: { t: strings('fr'), fmt: formatters('fr') }, vi: { t: strings('vi'), fmt: formatters('vi') } };
let demo: Figures;
beforeAll(async () => {
  demo = await demoFigures();
}, 300_000);

/** The demo's figures with these KPI statuses, one per standard. */
const withStatuses = (statuses: Kpi['status'][]): Figures => ({
  ...demo,
  kpis: statuses.map((status, i) => ({ ...demo.kpis[i % demo.kpis.length], standard_id: `s${i}`, status })),
});

describe('a KPI status in words', () => {
  it('is met / at risk / missed in English, agrees with "objectif" in French, and is Vietnamese in Vietnamese', () => {
    expect((['met', 'at risk', 'missed', 'not measured'] as const).map((s) => statusWord(s, L.en.t))).toEqual(['met', 'at risk', 'missed', 'not measured']);
    expect((['met', 'at risk', 'missed'] as const).map((s) => statusWord(s, L.fr.t))).toEqual(['atteint', 'menacé', 'manqué']);
    expect(statusWord('met', L.vi.t)).toBe('đạt');
  });
  it('is what <Metric id="kpis.….status"/> prints, in the report language', () => {
    expect(metricText(demo, 'kpis.first-contact-fix.status', L.en.fmt, L.en.t)).toMatchObject({ text: 'missed' });
    expect(metricText(demo, 'kpis.first-contact-fix.status', L.fr.fmt, L.fr.t)).toMatchObject({ text: 'manqué' });
  });
});

describe('a count of standards in words', () => {
  it('takes the singular for one, the plural for two, and "none" for zero (English)', () => {
    expect(countText(withStatuses(['met', 'missed']), 'met', L.en.t, L.en.fmt)).toBe('one of the two standards is met');
    expect(countText(withStatuses(['met', 'met', 'missed']), 'met', L.en.t, L.en.fmt)).toBe('two of the three standards are met');
    expect(countText(withStatuses(['met', 'met']), 'missed', L.en.t, L.en.fmt)).toBe('none of the two standards is missed');
  });
  it('agrees in gender and number in French ("une … est atteinte", "six … sont atteintes")', () => {
    expect(countText(withStatuses(['met', 'missed']), 'met', L.fr.t, L.fr.fmt)).toBe('une des deux normes est atteinte');
    expect(countText(withStatuses(['met', 'met', 'met', 'met', 'met', 'met', 'at risk']), 'met', L.fr.t, L.fr.fmt)).toBe('six des sept normes sont atteintes');
    expect(countText(withStatuses(['met', 'met']), 'missed', L.fr.t, L.fr.fmt)).toBe('aucune des deux normes n’est manquée');
  });
  it('writes numbers above twelve in digits, and counts in Vietnamese', () => {
    expect(countText(withStatuses(Array(13).fill('met')), 'met', L.en.t, L.en.fmt)).toBe('13 of the 13 standards are met');
    expect(countText(withStatuses(['met', 'met', 'missed']), 'met', L.vi.t, L.vi.fmt)).toBe('hai trong ba tiêu chuẩn đạt');
  });
});

describe("a change's direction and significance in words", () => {
  const change = (difference: number, significant: boolean): Change => ({ ...demo.changes[0], difference, significant });
  it('says which way and whether it is significant', () => {
    expect(changeText(change(2, true), 'direction', L.en.t)).toBe('rose significantly');
    expect(changeText(change(-2, false), 'direction', L.en.t)).toBe('fell, not significantly');
    expect(changeText(change(0, false), 'direction', L.en.t)).toBe('did not change');
    expect(changeText(change(1.6, false), 'significance', L.en.t)).toBe('is within the margin of error');
    expect(changeText(change(1.6, true), 'significance', L.fr.t)).toBe('est statistiquement significative');
    expect(changeText(change(-1, true), 'direction', L.vi.t)).toBe('giảm có ý nghĩa thống kê');
    // The site's own Vietnamese term for the margin of error (headline cards, methodology).
    expect(changeText(change(1, false), 'significance', L.vi.t)).toBe('nằm trong sai số biên');
  });
});

describe('a comparison with the industry median in words', () => {
  it('says the distance in the unit and the side, by value (NPS in points, seconds in s), the industry in the reader’s language', () => {
    expect(compareText(demo, 'nps', L.en.fmt, L.en.t)).toBe('10.1 points below the telecom median');
    expect(compareText(demo, 'asa_seconds', L.en.fmt, L.en.t)).toBe('18 s below the telecom median');
    expect(compareText(demo, 'csat', L.fr.fmt, L.fr.t)).toBe('3,3 points de pourcentage sous la médiane du secteur télécoms');
  });
  it('says "level" when the distance rounds to zero, and nothing when no median is published', () => {
    const level: Figures = { ...demo, benchmarks: demo.benchmarks.map((b) => (b.metric === 'nps' ? { ...b, value: 22.02, median: 22 } : b)) };
    expect(compareText(level, 'nps', L.en.fmt, L.en.t)).toBe('level with the telecom median');
    const none: Figures = { ...demo, benchmarks: demo.benchmarks.map((b) => (b.metric === 'nps' ? { ...b, median: undefined } : b)) };
    expect(compareText(none, 'nps', L.en.fmt, L.en.t)).toBeUndefined();
  });
});

describe('the widest and narrowest SERVQUAL gap, named', () => {
  it('names reliability as the widest of the five gaps in the demo, tangibles as the narrowest', () => {
    expect(rankDimension(demo, 'widest', L.en.t, L.en.fmt)).toEqual({ dimension: 'reliability', name: 'Reliability', phrase: 'the widest of the five gaps' });
    expect(rankDimension(demo, 'narrowest', L.fr.t, L.fr.fmt)).toMatchObject({ dimension: 'tangibles', phrase: 'le plus étroit des cinq écarts' });
  });
  it('follows the data: a wider empathy gap makes empathy the widest', () => {
    const sq = demo.servqual!;
    const f: Figures = { ...demo, servqual: { ...sq, dimensions: { ...sq.dimensions, empathy: { ...sq.dimensions.empathy!, gap: -2 } as never } } };
    expect(rankDimension(f, 'widest', L.en.t, L.en.fmt)?.dimension).toBe('empathy');
  });
});
