import type { Figures } from '../../schemas/figures';
import type { ThemeShareRow } from '../../charts/theme-shares';

/**
 * The <Themes/> chart's rows: top-level themes by share (most mentioned first, ties by id),
 * each followed by its sub-themes in the same order; names in the report's locale, else English, else the id.
 */
export function themeRows(themes: NonNullable<Figures['themes']>, locale: string): ThemeShareRow[] {
  const entries = Object.entries(themes).sort(([a, x], [b, y]) => y.share - x.share || (a < b ? -1 : a > b ? 1 : 0));
  const rows: ThemeShareRow[] = [];
  const add = (parent: string | undefined, child: boolean, seen: Set<string>) => {
    for (const [id, t] of entries) {
      if (t.parent !== parent || seen.has(id)) continue;
      seen.add(id);
      rows.push({ label: t.label[locale] ?? t.label.en ?? Object.values(t.label)[0] ?? id, share: t.share, ci95: t.ci95, mentions: t.mentions, child });
      add(id, true, seen);
    }
  };
  add(undefined, false, new Set());
  return rows;
}
