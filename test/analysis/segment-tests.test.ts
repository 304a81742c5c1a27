/**
 * Segment significance (issue 14) against test/reference/significance_reference.py: each
 * published value of a segment against the rest of it, Holm or Benjamini–Hochberg over the
 * segment's values, to 1e-9; suppressed cells neither tested nor pooled into any rest.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildDataset } from '../../src/data/dataset';
import { AnalysisOptionsSchema } from '../../src/schemas/report';
import type { Figures, GroupFigures, VsRest } from '../../src/schemas/figures';

const ref = JSON.parse(readFileSync(new URL('../reference/significance_expected.json', import.meta.url), 'utf8'));

function figures(extra = ''): Figures {
  const loaded = buildDataset({ name: 'significance', texts: { 'questionnaire.yaml': ref.questionnaire + extra, 'responses.csv': ref.responses } });
  expect(loaded.problems).toEqual([]);
  const result = analyzeDataset(loaded.dataset!, AnalysisOptionsSchema.parse({}));
  expect(result.problems).toEqual([]);
  return result.figures!;
}

/** The vs_rest of one family inside a segment value's figures. */
function vsRest(g: GroupFigures, key: string): VsRest | undefined {
  const live = <T extends { suppressed: boolean }>(f: T | undefined) => (f && !f.suppressed ? (f as T & { vs_rest?: VsRest }) : undefined);
  if (key === 'servqual.unweighted') return g.servqual?.unweighted_vs_rest;
  if (key.startsWith('servqual.dimensions.')) return live(g.servqual?.dimensions[key.split('.')[2] as 'reliability'])?.vs_rest;
  return live(g[key as 'nps' | 'csat' | 'ces' | 'overall'])?.vs_rest;
}

function compare(f: Figures, expected: Record<string, Record<string, Record<string, unknown>>>): number {
  let checked = 0;
  for (const [key, byValue] of Object.entries(expected)) {
    for (const [value, want] of Object.entries(byValue)) {
      const got = vsRest(f.segments.channel[value], key);
      expect(got, `${value} ${key}`).toBeDefined();
      for (const [field, w] of Object.entries(want)) {
        const g = (got as Record<string, unknown>)[field];
        if (typeof w === 'number') expect(Math.abs((g as number) - w), `${value} ${key} ${field}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
        else expect(g, `${value} ${key} ${field}`).toBe(w);
        checked++;
      }
    }
  }
  return checked;
}

describe('segments.<s>.<v>.<figure>.vs_rest', () => {
  it('matches scipy (Welch, NPS z with the NPS variance, two-proportion z) with Holm over the segment, to 1e-9', () => {
    const f = figures();
    expect(compare(f, ref.holm)).toBe(7 * 3 * 8);
    expect(f.meta.statistics).toEqual({ multiple_comparisons: 'holm', nps_interval: 'wald', bootstrap_replicates: 1000, ces_wording: 'effort' });
  });

  it('uses Benjamini–Hochberg and the ease wording of CES (higher is better) when the questionnaire says so', () => {
    const f = figures('statistics: { multiple_comparisons: bh }\nces_wording: ease\n');
    expect(compare(f, ref.bh_ease)).toBe(7 * 3 * 8);
    const holm = figures();
    const ces = (x: Figures) => (x.segments.channel.web.ces as { vs_rest: VsRest }).vs_rest.direction;
    expect(ces(f)).not.toBe(ces(holm));
  });

  it('never tests a suppressed cell, and never pools it into the rest of another', () => {
    const f = figures();
    const kiosk = f.segments.channel.kiosk;
    expect(kiosk.nps).toEqual({ suppressed: true, n: 6 });
    expect(JSON.stringify(kiosk)).not.toContain('vs_rest');
    // The rest of phone is store + web only: its NPS is theirs pooled, not the wave's minus phone.
    expect(Math.abs((f.segments.channel.phone.nps as { vs_rest: VsRest }).vs_rest.rest - ref.holm.nps.phone.rest)).toBeLessThanOrEqual(1e-9);
  });

  it('marks significant exactly when the adjusted p is under 0.05', () => {
    const f = figures();
    const all = Object.values(f.segments.channel).flatMap((g) => ['nps', 'csat', 'ces', 'overall', 'servqual.unweighted'].map((k) => vsRest(g, k)));
    const tested = all.filter((x): x is VsRest => x !== undefined);
    expect(tested.length).toBe(15);
    for (const t of tested) expect(t.significant).toBe(t.p_adjusted < 0.05);
    expect(tested.some((t) => t.significant) && tested.some((t) => !t.significant)).toBe(true);
  });
});

describe('statistics: { nps_interval: adjusted-wald }', () => {
  it('gives every published NPS the adjusted-Wald interval of the numpy reference, within [−100, 100]', () => {
    const f = figures('statistics: { nps_interval: adjusted-wald }\n');
    for (const v of ['phone', 'store', 'web']) {
      const nps = f.segments.channel[v].nps as { ci95: [number, number] };
      nps.ci95.forEach((x, i) => expect(Math.abs(x - ref.adjusted_wald[v][i])).toBeLessThanOrEqual(1e-9));
    }
    (f.nps as { ci95: [number, number] }).ci95.forEach((x, i) => expect(Math.abs(x - ref.adjusted_wald_total[i])).toBeLessThanOrEqual(1e-9));
    expect(figures().nps).not.toEqual(f.nps);
  });

  it('refuses an unknown method naming the choices', () => {
    const loaded = buildDataset({
      name: 'x',
      texts: { 'questionnaire.yaml': ref.questionnaire + 'statistics: { nps_interval: wilson }\n', 'responses.csv': ref.responses },
    });
    expect(loaded.problems.map((p) => `${p.file}: ${p.column}: ${p.message}`).join('\n')).toMatchInlineSnapshot(
      `"questionnaire.yaml: undefined: setting "statistics.nps_interval": "wilson" is not one of wald, adjusted-wald."`,
    );
  });
});
