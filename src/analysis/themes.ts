/**
 * Theme figures (issue 17): for each codebook theme, the share of comments mentioning it
 * with its Wilson interval, per wave and per segment value, the change from the wave before
 * (pooled two-proportion z-test), and the likelihood to recommend of commenters who mention
 * it against those who do not (Welch's t-test — an association, not a cause).
 * The base is comments, not respondents: a blank comment is no comment. Shares are
 * unweighted (a survey weight says how many customers an answer stands for, not how
 * many comments it wrote). Groups under min_base comments are suppressed, as people are.
 */
import { meanEstimate } from '../stats/descriptive';
import { shareFromCounts } from '../stats/proportion';
import { twoProportionTest, welchTest } from '../stats/tests';
import type { Respondent } from '../schemas/dataset';
import type { Codebook, ThemeFigure, ThemeLanguage } from '../schemas/themes';
import type { BaseRule } from './suppress';
import { keywordMatcher } from './themes-match';

/** A comment with what the theme figures need of its author. */
interface Commented {
  wave: string;
  segments: Record<string, string | undefined>;
  nps: number | undefined;
  /** Theme ids it mentions (sub-themes count for their parents). */
  mentions: Set<string>;
}

/** Which themes each text mentions: a sub-theme's mention is its ancestors' mention too. */
export function themeMentions(codebook: Codebook): (text: string) => Set<string> {
  const matchers = codebook.themes.map((t) => ({ id: t.id, test: keywordMatcher(t.keywords as Partial<Record<ThemeLanguage, string[]>>) }));
  const parentOf = new Map(codebook.themes.map((t) => [t.id, t.parent]));
  return (text) => {
    const found = new Set<string>();
    for (const m of matchers) {
      if (!m.test(text)) continue;
      for (let id: string | undefined = m.id; id !== undefined && !found.has(id); id = parentOf.get(id)) found.add(id);
    }
    return found;
  };
}

export function themeFigures(
  responses: readonly Respondent[],
  codebook: Codebook,
  wave: string | undefined,
  rule: BaseRule,
  segmentNames: readonly string[],
): Record<string, ThemeFigure> | undefined {
  if (wave === undefined) return undefined;
  const mentions = themeMentions(codebook);
  const comments: Commented[] = responses
    .filter((r) => (r.comment ?? '').trim() !== '')
    .map((r) => ({ wave: r.wave, segments: r.segments, nps: Number.isFinite(r.nps) ? (r.nps as number) : undefined, mentions: mentions(r.comment as string) }));
  const inWave = comments.filter((c) => c.wave === wave);
  if (inWave.length < rule.min_base) return undefined;
  const waves = [...new Set(comments.map((c) => c.wave))].sort().filter((w) => w <= wave);
  const byWave = new Map(waves.map((w) => [w, comments.filter((c) => c.wave === w)]));
  const shareOf = (group: readonly Commented[], id: string) => shareFromCounts(group.filter((c) => c.mentions.has(id)).length, group.length)!;
  const out: Record<string, ThemeFigure> = {};
  for (const theme of codebook.themes) {
    const id = theme.id;
    const now = shareOf(inWave, id);
    const trend = waves.filter((w) => (byWave.get(w) ?? []).length >= rule.min_base).map((w) => ({ wave: w, ...pick(shareOf(byWave.get(w)!, id)) }));
    const previous = trend.filter((w) => w.wave < wave).at(-1);
    const test = previous && twoProportionTest(previous.mentions, previous.n, now.successes, now.n);
    const segments: ThemeFigure['segments'] = {};
    for (const name of segmentNames) {
      const values = [...new Set(inWave.map((c) => c.segments[name]).filter((v): v is string => v !== undefined))].sort();
      if (!values.length) continue;
      segments[name] = Object.fromEntries(
        values.map((v) => {
          const group = inWave.filter((c) => c.segments[name] === v);
          return [v, group.length < rule.min_base ? { n: group.length, suppressed: true as const } : pick(shareOf(group, id))];
        }),
      );
    }
    out[id] = {
      label: theme.label,
      ...(theme.parent !== undefined ? { parent: theme.parent } : {}),
      wave,
      ...pick(now),
      waves: trend,
      ...(test && previous ? { change: { from: previous.wave, to: wave, ...test } } : {}),
      segments,
      ...outcome(inWave, id),
    };
  }
  return out;
}

function pick(s: { successes: number; n: number; share: number; ci95: [number, number] }) {
  return { n: s.n, mentions: s.successes, share: s.share, ci95: s.ci95 };
}

function outcome(group: readonly Commented[], id: string): Pick<ThemeFigure, 'outcome'> {
  const a = meanEstimate(group.filter((c) => c.mentions.has(id)).map((c) => c.nps));
  const b = meanEstimate(group.filter((c) => !c.mentions.has(id)).map((c) => c.nps));
  if (!a || !b || a.sd === undefined || b.sd === undefined) return {};
  const test = welchTest({ mean: a.mean, sd: a.sd, n: a.n }, { mean: b.mean, sd: b.sd, n: b.n });
  if (!test) return {};
  return { outcome: { mentioners: a.mean, others: b.mean, difference: a.mean - b.mean, n_mentioners: a.n, n_others: b.n, p: test.p } };
}
