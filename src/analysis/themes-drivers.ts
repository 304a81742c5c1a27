/**
 * Themes as drivers (issue 17): the key-driver decomposition (src/stats/shapley.ts, the same
 * Shapley/LMG machinery as the survey's key drivers) with the leaf themes' mentions (0/1) as
 * predictors beside the SERVQUAL dimensions. Leaf themes only: a parent's mention is the union
 * of its children's, so both would share one signal. Published as associations, never causes.
 */
import { keyDrivers } from '../stats/shapley';
import type { Respondent } from '../schemas/dataset';
import type { Item } from '../schemas/questionnaire';
import type { Codebook, ThemeDrivers } from '../schemas/themes';
import type { BaseRule } from './suppress';
import { themeMentions } from './themes';

export function themeDrivers(
  responses: readonly Respondent[],
  codebook: Codebook,
  items: readonly Pick<Item, 'id' | 'dimension'>[],
  wave: string | undefined,
  rule: BaseRule,
  outcome: 'overall' | 'nps',
): ThemeDrivers | undefined {
  const parents = new Set(codebook.themes.map((t) => t.parent).filter((p) => p !== undefined));
  const leaves = codebook.themes.filter((t) => !parents.has(t.id)).map((t) => t.id);
  const dimensions = [...new Set(items.map((i) => i.dimension).filter((d): d is NonNullable<typeof d> => d !== undefined))];
  const mentions = themeMentions(codebook);
  const rows: (number | undefined)[][] = [];
  const ys: (number | undefined)[] = [];
  for (const r of responses) {
    if (r.wave !== wave || (r.comment ?? '').trim() === '') continue;
    const found = mentions(r.comment as string);
    const dims = dimensions.map((d) => {
      const ps = items
        .filter((i) => i.dimension === d)
        .map((i) => r.p[i.id])
        .filter((v): v is number => Number.isFinite(v));
      return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : undefined;
    });
    rows.push([...dims, ...leaves.map((id) => (found.has(id) ? 1 : 0))]);
    ys.push(Number.isFinite(r[outcome]) ? (r[outcome] as number) : undefined);
  }
  const complete = rows.filter((x, i) => ys[i] !== undefined && x.every((v) => v !== undefined)).length;
  if (complete < rule.min_base || !leaves.length) return undefined;
  const d = keyDrivers(rows, ys);
  if (!d) return undefined;
  const ids = [...dimensions.map((id) => ({ id, kind: 'dimension' as const })), ...leaves.map((id) => ({ id, kind: 'theme' as const }))];
  return { outcome, n: complete, r2: d.r2, method: d.method, association: true, drivers: ids.map((p, i) => ({ ...p, share: d.shares[i] })) };
}
