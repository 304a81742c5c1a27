import type { Respondent } from '../schemas/dataset';
import type { Figures } from '../schemas/figures';
import type { BaseRule } from './suppress';
import { scrubPersonalData, type ScrubTokens } from './scrub';

/**
 * The verbatim comments a report may publish (SPEC §4 `comments: true`): those of the
 * report's wave, only when the wave's base and the number of comments both reach
 * min_base (a handful of comments can identify their authors). Each comment is trimmed,
 * blanks dropped, identical comments counted once with how often they were written, and
 * the list ordered by that count, then text — so nothing ties a comment to a respondent,
 * their row or their answers. E-mails, phone, card and account numbers and links with a
 * query, and the questionnaire's `redact:` names, are replaced by `tokens` first (scrub.ts), so they reach neither the figures nor the page.
 */
export function selectComments(
  responses: readonly Respondent[],
  wave: string | undefined,
  rule: BaseRule,
  tokens: ScrubTokens,
  /** The questionnaire's `redact:` names, replaced by `tokens.name`. */
  names: readonly string[] = [],
): Figures['comments'] {
  if (wave === undefined) return undefined;
  const inWave = responses.filter((r) => r.wave === wave);
  const items = inWave.map((r) => scrubPersonalData(r.comment ?? '', tokens, names).trim()).filter((c) => c !== '');
  if (inWave.length < rule.min_base || items.length < rule.min_base) return undefined;
  const counts = new Map<string, number>();
  for (const c of items) counts.set(c, (counts.get(c) ?? 0) + 1);
  const grouped = [...counts].map(([text, count]) => ({ text, count }));
  grouped.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { wave, n: items.length, items: grouped };
}
